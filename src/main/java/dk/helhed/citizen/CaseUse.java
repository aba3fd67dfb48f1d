package dk.helhed.citizen;

import java.util.Objects;
import java.util.UUID;

import dk.helhed.audit.AuditEvent.Action;

/**
 * One use of a citizen's case: what is done (read, create, update …) with which resource (and, when there is one,
 * which record), as the gate writes it to the audit log.
 *
 * @param resourceId the record concerned (a plan's id, a referral's id), or null
 */
public record CaseUse(Action action, CaseResource resource, UUID resourceId) {

	public CaseUse {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(resource, "resource");
	}

	public static CaseUse read(CaseResource resource) {
		return new CaseUse(Action.READ, resource, null);
	}

	public static CaseUse read(CaseResource resource, UUID resourceId) {
		return new CaseUse(Action.READ, resource, resourceId);
	}

	public static CaseUse create(CaseResource resource) {
		return new CaseUse(Action.CREATE, resource, null);
	}

	public static CaseUse update(CaseResource resource, UUID resourceId) {
		return new CaseUse(Action.UPDATE, resource, resourceId);
	}

	public static CaseUse export(CaseResource resource) {
		return new CaseUse(Action.EXPORT, resource, null);
	}

	/** Changes are made only in an own case; reads may rest on a consent, a legal basis or an emergency access. */
	public boolean changes() {
		return action == Action.CREATE || action == Action.UPDATE || action == Action.DELETE;
	}
}
