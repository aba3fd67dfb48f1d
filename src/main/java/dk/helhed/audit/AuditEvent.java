package dk.helhed.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One access to personal data, as the audit log keeps it. Free text is never stored: values are codes, ids and
 * short labels, cleaned of control characters and cut to the column's length.
 *
 * @param municipalityId the municipality whose data was touched (null only for a failed login of an unknown name)
 * @param actorId the staff member, or null when unknown
 * @param actorName the user name (not the person's name), so that failed logins by unknown names can be traced
 * @param actorUnitId the unit the staff member acted for
 * @param actorRole the role the staff member acted in
 * @param partnerId the partner organisation the staff member works for, if any
 * @param citizenId the citizen whose data was touched, if one was
 * @param category the information category (health, addiction, housing …), if the access concerned one
 * @param basisRef the consent's id or the legal basis' code the access relied on
 * @param purpose why, as a short code or label (e.g. "sagsbehandling"), never a written reason
 * @param resource what was touched, e.g. "note" or "citizen", with an id
 * @param criterion a search's criterion, with any CPR number replaced by a reference
 */
public record AuditEvent(UUID municipalityId, Instant occurredAt, UUID actorId, String actorName, UUID actorUnitId,
		String actorRole, UUID partnerId, UUID citizenId, Action action, String category, Basis basis,
		String basisRef, String purpose, String resource, String criterion, Outcome outcome) {

	/** What was done. */
	public enum Action {
		READ, SEARCH, CREATE, UPDATE, EXPORT, DELETE, LOGIN_FAILED, EMERGENCY_ACCESS
	}

	/** On which ground the access was allowed (or, for a refusal, NONE). */
	public enum Basis {
		OWN_CASE, CONSENT, LEGAL_BASIS, EMERGENCY, REFERRAL, NONE
	}

	public enum Outcome {
		ALLOWED, REFUSED
	}
}
