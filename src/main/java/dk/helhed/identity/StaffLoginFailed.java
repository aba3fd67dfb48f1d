package dk.helhed.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone failed to log in as a member of staff.
 *
 * @param username the name that was tried (cut to 80 characters)
 * @param staffId the account's id, or null when no account has that name
 * @param municipalityId the account's municipality, or null when no account has that name
 * @param locked whether the account was locked at the time
 */
public record StaffLoginFailed(String username, UUID staffId, UUID municipalityId, boolean locked, Instant at) {
}
