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
				purpose(event.reason()), "login", null, AuditEvent.Outcome.REFUSED));
	}

	private static String purpose(StaffLoginFailed.Reason reason) {
		return switch (reason) {
			case WRONG_USERNAME_OR_PASSWORD -> "forkert brugernavn eller adgangskode";
			case ACCOUNT_LOCKED -> "konto spærret";
			case ACCOUNT_DISABLED -> "konto lukket";
			case NO_ACCOUNT_FOR_PROVIDER_IDENTITY -> "ingen konto til identiteten fra kommunens login";
		};
	}
}
