package dk.helhed.audit.internal;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dk.helhed.audit.ActingRole;
import dk.helhed.audit.AuditEvent;
import dk.helhed.identity.StaffLoginFailed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The audit module's counters for the operators (docs/production.md, "Metrics"): audit rows written, failed logins
 * and refused requests. Their tags are codes from fixed lists (an action, an outcome, a reason), never a name, an id
 * or an address, so they hold no personal data and stay few. Every counter exists from the start, at 0, so that a
 * rate over it is defined before the first event.
 */
@Component
class AuditMetrics {

	private final Map<AuditEvent.Action, Map<AuditEvent.Outcome, Map<Boolean, Counter>>> rows = new EnumMap<>(
			AuditEvent.Action.class);
	private final Map<StaffLoginFailed.Reason, Counter> failedLogins = new EnumMap<>(StaffLoginFailed.Reason.class);
	private final Map<Boolean, Counter> refused = new java.util.HashMap<>();

	AuditMetrics(MeterRegistry registry) {
		for (var action : AuditEvent.Action.values()) {
			var byOutcome = new EnumMap<AuditEvent.Outcome, Map<Boolean, Counter>>(AuditEvent.Outcome.class);
			for (var outcome : AuditEvent.Outcome.values()) {
				var byActor = new java.util.HashMap<Boolean, Counter>();
				for (boolean system : new boolean[] { false, true }) {
					byActor.put(system, Counter.builder("helhed.audit.rows")
						.description("Audit rows written (counted when their transaction commits)")
						.tag("action", action.name())
						.tag("outcome", outcome.name())
						.tag("actor", system ? "system" : "staff")
						.register(registry));
				}
				byOutcome.put(outcome, byActor);
			}
			rows.put(action, byOutcome);
		}
		for (var reason : StaffLoginFailed.Reason.values()) {
			failedLogins.put(reason, Counter.builder("helhed.login.failures")
				.description("Failed staff logins, by reason")
				.tag("reason", reason.name())
				.register(registry));
		}
		for (boolean personalData : new boolean[] { false, true }) {
			refused.put(personalData, Counter.builder("helhed.requests.refused")
				.description("Requests by signed-in staff refused because their roles do not admit them to the endpoint")
				.tag("personal_data", String.valueOf(personalData))
				.register(registry));
		}
	}

	/**
	 * Counts a row once its transaction has committed (a row rolled back with its transaction was never written), or
	 * at once outside a transaction.
	 */
	void rowWritten(AuditEvent event) {
		var counter = rows.get(event.action())
			.get(event.outcome())
			.get(ActingRole.SYSTEM.equals(event.actorRole()));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					counter.increment();
				}
			});
		}
		else {
			counter.increment();
		}
	}

	void loginFailed(StaffLoginFailed.Reason reason) {
		failedLogins.get(reason).increment();
	}

	void requestRefused(boolean personalData) {
		refused.get(personalData).increment();
	}
}
