package dk.helhed.metrics.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dk.helhed.citizen.CitizenRecordErased;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code helhed.retention.erasures}: citizens' records erased (anonymised) when their retention periods ended, counted
 * when the erasure's transaction commits (an erasure rolled back erased nothing). No tag names the citizen or the
 * municipality. The notes deleted on the way are audit rows, counted as {@code helhed.audit.rows} with
 * {@code action="DELETE", actor="system"}.
 */
@Component
class RetentionErasures {

	private final Counter erased;

	RetentionErasures(MeterRegistry registry) {
		this.erased = Counter.builder("helhed.retention.erasures")
			.description("Citizens' records erased after their retention periods ended")
			.tag("kind", "citizen_record")
			.register(registry);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(CitizenRecordErased event) {
		erased.increment();
	}
}
