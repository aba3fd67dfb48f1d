package dk.helhed.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes and reads the audit log.
 */
public interface AuditLog {

	/**
	 * Records an access in the current transaction: if the change it describes is rolled back, so is the row, and a
	 * committed change always has its row.
	 */
	void record(AuditEvent event);

	/**
	 * Records a search in the current transaction, with a reference to each citizen it showed, so that each finds it
	 * in their access account (security.md items 7 and 10).
	 */
	void record(AuditEvent event, java.util.Collection<java.util.UUID> citizensShown);

	/**
	 * Records a refused attempt (or a failed login, or a search that found nothing and is answered "not found") in a
	 * transaction of its own, so that it survives the rollback of the request it is answered with.
	 */
	void recordRefusal(AuditEvent event);

	/** The log of a municipality, newest first, as the data-protection officer searches it. */
	List<AuditEvent> search(Query query);

	/**
	 * @param citizenId only this citizen's data (or null)
	 * @param actorId only this staff member's accesses (or null)
	 * @param from from this moment (or null)
	 * @param to until this moment (or null)
	 */
	record Query(UUID municipalityId, UUID citizenId, UUID actorId, AuditEvent.Action action, Instant from, Instant to,
			int limit) {
	}

	/** Deletes the rows older than each municipality's retention period; returns how many. */
	int purge();
}
