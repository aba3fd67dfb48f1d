package dk.helhed.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditLog;
import dk.helhed.identity.StaffLoginFailed;

/**
 * Failed logins belong in the audit log (security.md item 7).
 */
@Component
class FailedLogins {

	private final AuditLog auditLog;

	FailedLogins(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@EventListener
	void on(StaffLoginFailed event) {
		auditLog.recordRefusal(new AuditEvent(event.municipalityId(), event.at(), event.staffId(), event.username(),
				null, null, null, null, AuditEvent.Action.LOGIN_FAILED, null, AuditEvent.Basis.NONE, null,
				event.locked() ? "konto spærret" : "forkert adgangskode", "login", null, AuditEvent.Outcome.REFUSED));
	}
}
