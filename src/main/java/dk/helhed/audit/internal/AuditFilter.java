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
 * <p>
 * The search is written as {@linkplain #branches() branches} joined with {@code union}, each a plain conjunction the
 * database answers from one index in the log's order (newest first) and stops after the page: the municipality's own
 * rows, the searches that showed the citizen, and the failed logins without a municipality. One {@code or} across
 * them made PostgreSQL read and sort every row of the municipality for each page (docs/scale.md, "Hot queries").
 */
final class AuditFilter {

	/** One part of the search: the conditions after {@code where}, and the values of their placeholders in order. */
	record Branch(String where, List<Object> params) {
	}

	private final UUID municipalityId;
	private UUID citizenId;
	private final StringBuilder conditions = new StringBuilder();
	private final List<Object> params = new ArrayList<>();

	private AuditFilter(UUID municipalityId) {
		this.municipalityId = municipalityId;
	}

	static AuditFilter of(UUID municipalityId) {
		return new AuditFilter(municipalityId);
	}

	/** The citizen's own rows, and the searches whose result list showed the citizen. */
	AuditFilter citizen(UUID citizenId) {
		this.citizenId = citizenId;
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
			conditions.append(" and (occurred_at < ? or (occurred_at = ? and id < ?))");
			params.add(at);
			params.add(at);
			params.add(key.id());
		}
		return this;
	}

	/**
	 * The parts whose union is the search: the municipality's rows (the citizen's own, when a citizen is asked for),
	 * the municipality's searches that showed the citizen, and the failed logins no municipality could be told for.
	 */
	List<Branch> branches() {
		var branches = new ArrayList<Branch>();
		branches.add(branch("municipality_id = ?" + (citizenId == null ? "" : " and citizen_id = ?"),
				citizenId == null ? List.of(municipalityId) : List.of(municipalityId, citizenId)));
		if (citizenId != null) {
			branches.add(branch("municipality_id = ? and id in (select audit_event_id from audit_search_hit "
					+ "where municipality_id = ? and citizen_id = ?)", List.of(municipalityId, municipalityId, citizenId)));
		}
		branches.add(branch("municipality_id is null and action = 'LOGIN_FAILED'"
				+ (citizenId == null ? "" : " and citizen_id = ?"), citizenId == null ? List.of() : List.of(citizenId)));
		return branches;
	}

	private Branch branch(String scope, List<Object> scopeParams) {
		var all = new ArrayList<>(scopeParams);
		all.addAll(params);
		return new Branch(scope + conditions, List.copyOf(all));
	}

	private AuditFilter condition(String sql, Object value) {
		if (value != null) {
			conditions.append(sql);
			params.add(value);
		}
		return this;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
