package dk.helhed.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A second administrator approved another administrator's request to give a staff account a role that needs two
 * (security.md item 5a): the data-protection officer sees it in the audit log.
 *
 * @param requestedBy the administrator who asked for it
 * @param approvedBy the administrator who approved it
 */
public record StaffRoleGranted(UUID municipalityId, UUID accountId, String accountUsername, Role role,
		UUID requestedBy, UUID approvedBy, String approvedByUsername, Instant at) {
}
