package dk.helhed.audit.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditLog;

@Component
class JdbcAuditLog implements AuditLog {

	private final JdbcClient jdbc;
	private final AuditSettings settings;
	private final Clock clock;
	private final boolean postgres;
	private final AuditMetrics metrics;

	JdbcAuditLog(JdbcClient jdbc, AuditSettings settings, Clock clock, DataSource dataSource, AuditMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
		this.settings = settings;
		this.clock = clock;
		this.postgres = Databases.isPostgres(dataSource);
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEvent event) {
		insert(event);
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordRefusal(AuditEvent event) {
		insert(event);
	}

	@Override
	@Transactional
	public void record(AuditEvent event, java.util.Collection<UUID> citizensShown) {
		var id = insert(event);
		for (var citizen : new java.util.LinkedHashSet<>(citizensShown)) {
			jdbc.sql("insert into audit_search_hit (municipality_id, audit_event_id, citizen_id) values (?, ?, ?)")
				.params(event.municipalityId(), id, citizen)
				.update();
		}
	}

	private UUID insert(AuditEvent event) {
		var id = UUID.randomUUID();
		var values = new ArrayList<>(Arrays.asList(id,
				OffsetDateTime.ofInstant(event.occurredAt() == null ? clock.instant() : event.occurredAt(),
						ZoneOffset.UTC),
				event.actorId(), AuditText.clean(event.actorName(), 80), event.actorUnitId(),
				AuditText.clean(event.actorRole(), 40), event.partnerId(), event.citizenId(), event.action().name(),
				AuditText.clean(event.category(), 30),
				(event.basis() == null ? AuditEvent.Basis.NONE : event.basis()).name(),
				AuditText.clean(event.basisRef(), 100), AuditText.clean(event.purpose(), 100),
				AuditText.clean(event.resource(), 200), AuditText.clean(event.criterion(), 300),
				event.outcome().name()));
		if (event.municipalityId() == null) {
			// A failed login no municipality could be told for has a table of its own (docs/scale.md, "Ready for Citus").
			jdbc.sql("insert into unattributed_audit_event (" + COLUMNS + ") values (" + "?, ".repeat(15) + "?)")
				.params(values)
				.update();
		}
		else {
			values.add(event.municipalityId());
			jdbc.sql("insert into audit_event (" + COLUMNS + ", municipality_id) values (" + "?, ".repeat(16) + "?)")
				.params(values)
				.update();
		}
		metrics.rowWritten(event);
		return id;
	}

	private static final String COLUMNS = """
			id, occurred_at, actor_id, actor_name, actor_unit_id, actor_role, partner_id, citizen_id, action, category, \
			basis, basis_ref, purpose, resource, criterion, outcome""";

	private static final String SELECT = """
			select id, municipality_id, occurred_at, actor_id, actor_name, actor_unit_id, actor_role, partner_id,
			       citizen_id, action, category, basis, basis_ref, purpose, resource, criterion, outcome
			from (select id, municipality_id, occurred_at, actor_id, actor_name, actor_unit_id, actor_role, partner_id,
			             citizen_id, action, category, basis, basis_ref, purpose, resource, criterion, outcome
			      from audit_event
			      union all
			      select id, cast(null as uuid), occurred_at, actor_id, actor_name, actor_unit_id, actor_role, partner_id,
			             citizen_id, action, category, basis, basis_ref, purpose, resource, criterion, outcome
			      from unattributed_audit_event) audit_event
			where\s""";

	@Override
	@Transactional(readOnly = true)
	public List<AuditEvent> search(Query query) {
		var filter = AuditFilter.of(query.municipalityId())
			.citizen(query.citizenId())
			.actorId(query.actorId())
			.action(query.action())
			.period(query.from(), query.to());
		var union = union(filter, Math.clamp(query.limit(), 1, 10_000));
		return jdbc.sql(union.sql())
			.params(union.params())
			.query((rs, n) -> event(rs))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Page page(PageQuery query) {
		var filter = AuditFilter.of(query.municipalityId())
			.citizen(query.citizenId())
			.actorName(query.actorName())
			.action(query.action())
			.period(query.from(), query.to())
			.after(query.after());
		int size = Math.clamp(query.size(), 1, MAX_PAGE_SIZE);
		record Keyed(PageKey key, AuditEvent event) {
		}
		// One row more than the page, to know whether another page follows.
		var union = union(filter, size + 1);
		var rows = jdbc.sql(union.sql())
			.params(union.params())
			.query((rs, n) -> new Keyed(new PageKey(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					rs.getObject("id", UUID.class)), event(rs)))
			.list();
		var page = rows.subList(0, Math.min(size, rows.size()));
		return new Page(page.stream().map(Keyed::event).toList(),
				rows.size() > size ? page.getLast().key() : null);
	}

	private record Statement(String sql, List<Object> params) {
	}

	/**
	 * The filter's branches, each newest first and cut at the limit, joined and cut again: every branch is read from
	 * an index in the log's order and stops after {@code limit} rows, whatever the size of the log.
	 */
	private static Statement union(AuditFilter filter, int limit) {
		var branches = new java.util.StringJoiner(" union ", "select * from (", ") page" + ORDER + limit);
		var params = new java.util.ArrayList<Object>();
		for (var branch : filter.branches()) {
			branches.add("(" + SELECT + branch.where() + ORDER + limit + ")");
			params.addAll(branch.params());
		}
		return new Statement(branches.toString(), params);
	}

	private static final String ORDER = " order by occurred_at desc, id desc limit ";

	private static AuditEvent event(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new AuditEvent(rs.getObject("municipality_id", UUID.class),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getObject("actor_id", UUID.class),
				rs.getString("actor_name"), rs.getObject("actor_unit_id", UUID.class), rs.getString("actor_role"),
				rs.getObject("partner_id", UUID.class), rs.getObject("citizen_id", UUID.class),
				AuditEvent.Action.valueOf(rs.getString("action")), rs.getString("category"),
				AuditEvent.Basis.valueOf(rs.getString("basis")), rs.getString("basis_ref"), rs.getString("purpose"),
				rs.getString("resource"), rs.getString("criterion"), AuditEvent.Outcome.valueOf(rs.getString("outcome")));
	}

	/**
	 * On PostgreSQL the application may not delete from the log; it asks the database's own purge function, which
	 * runs with the owner's rights and removes only rows older than the retention period it is given.
	 */
	@Override
	@Transactional
	public int purge() {
		var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		int purged = 0;
		var municipalities = jdbc.sql("""
				select m.id, coalesce(r.months, ?) as months
				from municipality m left join audit_retention r on r.municipality_id = m.id""")
			.param(settings.retentionMonths())
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getInt(2) })
			.list();
		for (var row : municipalities) {
			var before = now.minusMonths((Integer) row[1]);
			purged += postgres
					? jdbc.sql("select helhed_purge_audit(?, ?)").params(row[0], before).query(Integer.class).single()
					: jdbc.sql("delete from audit_event where municipality_id = ? and occurred_at < ?")
						.params(row[0], before)
						.update();
		}
		var unattributed = now.minusMonths(settings.retentionMonths());
		purged += postgres
				? jdbc.sql("select helhed_purge_audit(null, ?)").param(unattributed).query(Integer.class).single()
				: jdbc.sql("delete from unattributed_audit_event where occurred_at < ?")
					.param(unattributed)
					.update();
		return purged;
	}
}
