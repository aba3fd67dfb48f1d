package dk.helhed.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

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

	/**
	 * One page of a municipality's log, newest first, for the data-protection officer's search: the database filters
	 * by citizen, staff member, action and period and returns at most one page, continuing after the given key
	 * (keyset paging: the next page starts where this one ended, however many rows arrive meanwhile).
	 */
	Page page(PageQuery query);

	/**
	 * @param citizenId only this citizen's data (or null)
	 * @param actorName only this staff member's accesses, by user name (or null)
	 * @param from from this moment (or null)
	 * @param to until this moment (or null)
	 * @param after the key of the last row of the page before (null: the first page)
	 * @param size rows per page, at most {@link #MAX_PAGE_SIZE}
	 */
	record PageQuery(UUID municipalityId, UUID citizenId, String actorName, AuditEvent.Action action, Instant from,
			Instant to, PageKey after, int size) {
	}

	/** The largest page {@link #page} returns. */
	int MAX_PAGE_SIZE = 200;

	/**
	 * Where a page ends: the time and id of its last row. Written as a token for the next page's form (no personal
	 * data: a time and a random id).
	 */
	record PageKey(Instant occurredAt, UUID id) {

		private static final Pattern TOKEN = Pattern
			.compile("(-?\\d{1,12})\\.(\\d{1,9})_([0-9a-f-]{36})");

		public String token() {
			return occurredAt.getEpochSecond() + "." + occurredAt.getNano() + "_" + id;
		}

		/** The key a token stands for, or empty for anything that is not one. */
		public static Optional<PageKey> parse(String token) {
			if (token == null) {
				return Optional.empty();
			}
			var matcher = TOKEN.matcher(token);
			if (!matcher.matches()) {
				return Optional.empty();
			}
			try {
				return Optional.of(new PageKey(Instant.ofEpochSecond(Long.parseLong(matcher.group(1)),
						Long.parseLong(matcher.group(2))), UUID.fromString(matcher.group(3))));
			}
			catch (RuntimeException ex) {
				return Optional.empty();
			}
		}
	}

	/** A page of rows, and the key to ask for the next page with (null on the last page). */
	record Page(List<AuditEvent> events, PageKey next) {
	}

	/** Deletes the rows older than each municipality's retention period; returns how many. */
	int purge();
}
