package dk.helhed.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditLog.PageKey;

/**
 * The one place the conditions of a search of the audit log are written, for {@link JdbcAuditLog#search} and
 * {@link JdbcAuditLog#page}: the municipality (with the failed logins no municipality could be told for), the
 * citizen (their own rows and the searches whose result list showed them), the staff member by id or user name, the
 * action, the period, and, for keyset paging, where the page before ended. A condition given null is left out.
 * Parameterised SQL only: the builder adds placeholders, never a value.
 */
final class AuditFilter {

	private final UUID municipalityId;
	private final StringBuilder where = new StringBuilder(
			"(municipality_id = ? or (municipality_id is null and action = 'LOGIN_FAILED'))");
	private final List<Object> params = new ArrayList<>();

	private AuditFilter(UUID municipalityId) {
		this.municipalityId = municipalityId;
		params.add(municipalityId);
	}

	static AuditFilter of(UUID municipalityId) {
		return new AuditFilter(municipalityId);
	}

	/** The citizen's own rows, and the searches whose result list showed the citizen. */
	AuditFilter citizen(UUID citizenId) {
		if (citizenId != null) {
			where.append(" and (citizen_id = ? or id in (select audit_event_id from audit_search_hit "
					+ "where municipality_id = ? and citizen_id = ?))");
			params.add(citizenId);
			params.add(municipalityId);
			params.add(citizenId);
		}
		return this;
	}

	AuditFilter actorId(UUID actorId) {
		return condition(" and actor_id = ?", actorId);
	}

	AuditFilter actorName(String actorName) {
		return condition(" and actor_name = ?", actorName);
	}

	AuditFilter action(AuditEvent.Action action) {
		return condition(" and action = ?", action == null ? null : action.name());
	}

	/** From {@code from} (inclusive) until {@code to} (exclusive); either may be null. */
	AuditFilter period(Instant from, Instant to) {
		condition(" and occurred_at >= ?", utc(from));
		return condition(" and occurred_at < ?", utc(to));
	}

	/** After the last row of the page before, in the log's order (newest first): older, or as old with a smaller id. */
	AuditFilter after(PageKey key) {
		if (key != null) {
			var at = utc(key.occurredAt());
			where.append(" and (occurred_at < ? or (occurred_at = ? and id < ?))");
			params.add(at);
			params.add(at);
			params.add(key.id());
		}
		return this;
	}

	/** The conditions, for after {@code where}. */
	String where() {
		return where.toString();
	}

	/** The values of the placeholders, in order. */
	List<Object> params() {
		return List.copyOf(params);
	}

	private AuditFilter condition(String sql, Object value) {
		if (value != null) {
			where.append(sql);
			params.add(value);
		}
		return this;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
