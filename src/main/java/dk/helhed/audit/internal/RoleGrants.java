package dk.helhed.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditLog;
import dk.helhed.identity.StaffRoleGranted;

/**
 * Every grant of a role that needs two administrators is in the audit log, for the data-protection officer
 * (security.md item 5a): written in the approval's own transaction.
 */
@Component
class RoleGrants {

	private final AuditLog auditLog;

	RoleGrants(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@EventListener
	void on(StaffRoleGranted event) {
		auditLog.record(new AuditEvent(event.municipalityId(), event.at(), event.approvedBy(),
				event.approvedByUsername(), null, "ADMINISTRATOR", null, null, AuditEvent.Action.UPDATE, null,
				AuditEvent.Basis.NONE, null, "brugeradministration", "staff role granted",
				"rolle:" + event.role().name() + " konto:" + event.accountUsername() + " anmodet af:"
						+ event.requestedBy(),
				AuditEvent.Outcome.ALLOWED));
	}
}
