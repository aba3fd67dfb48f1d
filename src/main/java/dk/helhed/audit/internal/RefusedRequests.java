package dk.helhed.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dk.helhed.audit.ActingRole;
import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditLog;
import dk.helhed.identity.StaffAccessRefused;

/**
 * A request refused because the staff member's roles do not admit them to an endpoint with personal data belongs in
 * the audit log (security.md item 7), as one row, like every other refused attempt.
 */
@Component
class RefusedRequests {

	private final AuditLog auditLog;
	private final AuditMetrics metrics;

	RefusedRequests(AuditLog auditLog, AuditMetrics metrics) {
		this.auditLog = auditLog;
		this.metrics = metrics;
	}

	@EventListener
	void on(StaffAccessRefused event) {
		metrics.requestRefused(event.personalData());
		if (!event.personalData()) {
			return;
		}
		var staff = event.staff();
		auditLog.recordRefusal(new AuditEvent(staff.municipalityId(), event.at(), staff.id(), staff.username(),
				staff.unitIds().stream().sorted().findFirst().orElse(null), ActingRole.of(staff), staff.partnerId(),
				event.citizenId(),
				event.reading() ? AuditEvent.Action.READ : AuditEvent.Action.UPDATE, null, AuditEvent.Basis.NONE, null,
				"rolle giver ikke adgang", event.endpoint(), null, AuditEvent.Outcome.REFUSED));
	}
}
