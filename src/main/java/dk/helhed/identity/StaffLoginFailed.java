package dk.helhed.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone failed to log in as a member of staff, with a password or through the municipality's identity provider.
 *
 * @param username the name that was tried, or the identity provider's name for the person (cut to 80 characters)
 * @param staffId the account's id, or null when no account has that name
 * @param municipalityId the account's municipality, or null when no account has that name (for a login through an
 *        identity provider that serves one municipality: that municipality)
 * @param locked whether the account was locked at the time
 * @param reason why the login was refused
 */
public record StaffLoginFailed(String username, UUID staffId, UUID municipalityId, boolean locked, Instant at,
		Reason reason) {

	public enum Reason {

		/** Local login: no account has that name, or the password is wrong. */
		WRONG_USERNAME_OR_PASSWORD,

		/** Local login: the account is locked for a while after too many failed attempts. */
		ACCOUNT_LOCKED,

		/** The account exists but is closed. */
		ACCOUNT_DISABLED,

		/** The identity provider vouched for a person, but no staff account of Helhed matches them. */
		NO_ACCOUNT_FOR_PROVIDER_IDENTITY,

		/** Local login: too many failed logins from the client's address; it must wait a while (growing). */
		ADDRESS_THROTTLED
	}

	/** A failed local login, its reason told by whether the account was locked. */
	public StaffLoginFailed(String username, UUID staffId, UUID municipalityId, boolean locked, Instant at) {
		this(username, staffId, municipalityId, locked, at,
				locked ? Reason.ACCOUNT_LOCKED : Reason.WRONG_USERNAME_OR_PASSWORD);
	}
}
