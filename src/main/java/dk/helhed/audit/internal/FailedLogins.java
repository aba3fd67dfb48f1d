package dk.helhed.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dk.helhed.platform.KeyedHash;

import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditLog;
import dk.helhed.identity.StaffLoginFailed;

/**
 * Failed logins belong in the audit log (security.md item 7).
 */
@Component
class FailedLogins {

	private final AuditLog auditLog;
	private final KeyedHash hashes;
	private final AuditMetrics metrics;

	FailedLogins(AuditLog auditLog, KeyedHash hashes, AuditMetrics metrics) {
		this.auditLog = auditLog;
		this.hashes = hashes;
		this.metrics = metrics;
	}

	/**
	 * A name no account has is kept as a keyed hash, never in clear (it may be a password typed in the wrong field);
	 * the data-protection officer sees such rows of every municipality, as their hash (security.md item 7).
	 */
	@EventListener
	void on(StaffLoginFailed event) {
		metrics.loginFailed(event.reason());
		var name = event.staffId() != null ? event.username()
				: hashes.reference("ukendt-bruger", event.username() == null ? "" : event.username().toLowerCase());
		auditLog.recordRefusal(new AuditEvent(event.municipalityId(), event.at(), event.staffId(), name,
				null, null, null, null, AuditEvent.Action.LOGIN_FAILED, null, AuditEvent.Basis.NONE, null,
				purpose(event.reason()), "login", null, AuditEvent.Outcome.REFUSED));
	}

	private static String purpose(StaffLoginFailed.Reason reason) {
		return switch (reason) {
			case WRONG_USERNAME_OR_PASSWORD -> "forkert brugernavn eller adgangskode";
			case ACCOUNT_LOCKED -> "konto spærret";
			case ACCOUNT_DISABLED -> "konto lukket";
			case NO_ACCOUNT_FOR_PROVIDER_IDENTITY -> "ingen konto til identiteten fra kommunens login";
			case ADDRESS_THROTTLED -> "for mange forsøg fra adressen";
		};
	}
}
