package dk.helhed.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the schema ready to be distributed by municipality (docs/scale.md, "Ready for Citus"): every tenant table's
 * primary key, unique constraints and foreign keys to other tenant tables include {@code municipality_id}.
 * <p>
 * H2 names constraints itself, so the constraints are found in {@code information_schema} (the same views on H2 2.x
 * and PostgreSQL) and rewritten generically: the foreign keys that point at a tenant table are dropped; each tenant
 * table's primary key {@code (id)} becomes {@code (municipality_id, id)} (a child table's
 * {@code (municipality_id, parent_id, ...)}); unique constraints without {@code municipality_id} get it first, and
 * those that only repeated the new primary key go; then the foreign keys come back as composite ones,
 * {@code (municipality_id, column) -> parent (municipality_id, id)}, with their names and {@code on delete} rules.
 * Nullable columns keep working: with MATCH SIMPLE a key with a null part is not checked. Foreign keys to the
 * reference tables (the list of municipalities, code lists) stay as they are.
 * <p>
 * Before that: the one child table without the column gets it from its parent ({@code staff_account_change_field}),
 * the failed logins no municipality could be told for move out of {@code audit_event} into
 * {@code unattributed_audit_event} (a distribution column may not be null), and user names, unique across the
 * country, get a reference table of their own, {@code login_name}, since a distributed table's unique constraint must
 * include the distribution column.
 * <p>
 * A row whose municipality differs from its parent's would break a composite key. The application never writes one
 * (every link is chosen among the acting staff member's own municipality's rows), so the migration checks each new
 * key first and stops, naming the key and the number of rows, rather than change anyone's data. On PostgreSQL it
 * runs in Flyway's one transaction: it applies whole or not at all.
 */
@Component
class V2026_12_03_10__tenant_keys extends BaseJavaMigration {

	private static final Logger log = LoggerFactory.getLogger(V2026_12_03_10__tenant_keys.class);
	private static final String MUNICIPALITY_ID = "municipality_id";

	/** The list of municipalities carries its own id as municipality_id; it is a reference table all others point at. */
	private static final String MUNICIPALITIES = "municipality";

	private record Column(String constraint, String table, String column, int position, int positionInUnique) {
	}

	private record Constraint(String name, String table, String kind, List<String> columns) {
	}

	private record ForeignKey(String name, String table, List<String> columns, String parent,
			List<String> parentColumns, String deleteRule) {
	}

	@Override
	public void migrate(Context context) throws Exception {
		var connection = context.getConnection();
		boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
		try (var statement = connection.createStatement()) {
			addMunicipalityToChangeFields(statement);
			moveUnattributedAuditEvents(statement, postgres);
			addLoginNames(statement);
			rewriteKeys(connection, statement);
		}
	}

	private static void addMunicipalityToChangeFields(Statement statement) throws SQLException {
		statement.execute("alter table staff_account_change_field add column municipality_id uuid");
		statement.execute("""
				update staff_account_change_field set municipality_id = (select c.municipality_id
				    from staff_account_change c where c.id = staff_account_change_field.change_id)""");
		statement.execute("alter table staff_account_change_field alter column municipality_id set not null");
		statement.execute("""
				alter table staff_account_change_field add constraint staff_account_change_field_municipality
				    foreign key (municipality_id) references municipality (id)""");
	}

	/**
	 * A failed login whose user name no account has belongs to no municipality; it is kept apart, with the same
	 * columns, and every municipality's data-protection officer still sees it.
	 */
	private static void moveUnattributedAuditEvents(Statement statement, boolean postgres) throws SQLException {
		statement.execute("""
				create table unattributed_audit_event (
				    id              uuid primary key,
				    occurred_at     timestamp with time zone not null,
				    actor_id        uuid,
				    actor_name      varchar(80),
				    actor_unit_id   uuid,
				    actor_role      varchar(40),
				    partner_id      uuid,
				    citizen_id      uuid,
				    action          varchar(20) not null,
				    category        varchar(30),
				    basis           varchar(20) not null,
				    basis_ref       varchar(100),
				    purpose         varchar(100),
				    resource        varchar(200),
				    criterion       varchar(300),
				    outcome         varchar(10) not null
				)""");
		statement.execute("create index unattributed_audit_event_time on unattributed_audit_event (occurred_at, id)");
		statement.execute("""
				insert into unattributed_audit_event (id, occurred_at, actor_id, actor_name, actor_unit_id, actor_role,
				    partner_id, citizen_id, action, category, basis, basis_ref, purpose, resource, criterion, outcome)
				select id, occurred_at, actor_id, actor_name, actor_unit_id, actor_role, partner_id, citizen_id, action,
				    category, basis, basis_ref, purpose, resource, criterion, outcome
				from audit_event where municipality_id is null""");
		if (postgres) {
			// The append-only trigger lets a delete through only for the purge, for this transaction.
			statement.execute("select set_config('helhed.audit_purge', 'on', true)");
		}
		statement.execute("delete from audit_event where municipality_id is null");
		if (postgres) {
			statement.execute("select set_config('helhed.audit_purge', 'off', true)");
			statement.execute("""
					create trigger unattributed_audit_event_append_only before update or delete on unattributed_audit_event
					for each row execute function helhed_audit_append_only()""");
			statement.execute("""
					create trigger unattributed_audit_event_no_truncate before truncate on unattributed_audit_event
					for each statement execute function helhed_audit_append_only()""");
			statement.execute("""
					create or replace function helhed_purge_audit(target uuid, before timestamptz)
					returns integer language plpgsql security definer set search_path = public as $$
					declare
					  removed integer;
					  oldest_kept timestamptz := least(before, now() - interval '6 months');
					begin
					  perform set_config('helhed.audit_purge', 'on', true);
					  if target is null then
					    delete from unattributed_audit_event where occurred_at < oldest_kept;
					  else
					    delete from audit_event where municipality_id = target and occurred_at < oldest_kept;
					  end if;
					  get diagnostics removed = row_count;
					  perform set_config('helhed.audit_purge', 'off', true);
					  return removed;
					end $$""");
			statement.execute("revoke all on function helhed_purge_audit(uuid, timestamptz) from public");
		}
		statement.execute("alter table audit_event alter column municipality_id set not null");
	}

	/**
	 * User names are unique across the country (one login page). A distributed table cannot enforce that, so the
	 * names live in a reference table, written in the same transaction as the account.
	 */
	private static void addLoginNames(Statement statement) throws SQLException {
		statement.execute("""
				create table login_name (
				    username        varchar(80) primary key,
				    municipality_id uuid not null references municipality (id),
				    staff_id        uuid not null
				)""");
		statement.execute("""
				insert into login_name (username, municipality_id, staff_id)
				select username, municipality_id, id from staff_user""");
	}

	private static void rewriteKeys(Connection connection, Statement statement) throws SQLException {
		var tenants = tenantTables(connection);
		var columns = keyColumns(connection);
		var constraints = constraints(connection, columns);
		var foreignKeys = foreignKeys(connection, columns);

		var pointingAtTenants = foreignKeys.stream().filter(fk -> tenants.contains(fk.parent())).toList();
		for (var fk : pointingAtTenants) {
			if (!tenants.contains(fk.table())) {
				throw new IllegalStateException("The reference table " + fk.table() + " has a foreign key " + fk.name()
						+ " to the tenant table " + fk.parent() + "; Citus cannot keep it");
			}
		}
		var composite = new ArrayList<ForeignKey>();
		for (var fk : pointingAtTenants) {
			composite.add(alreadyComposite(fk) ? fk
					: new ForeignKey(fk.name(), fk.table(), prepend(fk.columns()), fk.parent(),
							prepend(fk.parentColumns()), fk.deleteRule()));
		}
		for (var fk : composite) {
			refuseRowsOfAnotherMunicipality(statement, fk);
		}
		for (var fk : pointingAtTenants) {
			statement.execute("alter table " + fk.table() + " drop constraint " + quoted(fk.name()));
		}

		for (var table : tenants) {
			var primaryKey = constraints.stream()
				.filter(c -> c.table().equals(table) && c.kind().equals("PRIMARY KEY"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("The tenant table " + table + " has no primary key"));
			var keyColumns = primaryKey.columns();
			if (!keyColumns.contains(MUNICIPALITY_ID)) {
				keyColumns = prepend(keyColumns);
				statement.execute("alter table " + table + " drop constraint " + quoted(primaryKey.name()));
				statement.execute("alter table " + table + " add constraint " + table + "_pkey primary key ("
						+ String.join(", ", keyColumns) + ")");
			}
			for (var unique : constraints.stream().filter(c -> c.table().equals(table) && c.kind().equals("UNIQUE")).toList()) {
				if (unique.columns().equals(keyColumns)) {
					// it only repeated the new primary key, for the composite foreign keys made before this migration
					statement.execute("alter table " + table + " drop constraint " + quoted(unique.name()));
				}
				else if (!unique.columns().contains(MUNICIPALITY_ID)) {
					statement.execute("alter table " + table + " drop constraint " + quoted(unique.name()));
					statement.execute("alter table " + table + " add constraint " + quoted(uniqueName(unique)) + " unique ("
							+ String.join(", ", prepend(unique.columns())) + ")");
				}
			}
		}

		for (var fk : composite) {
			statement.execute("alter table " + fk.table() + " add constraint " + quoted(fk.name()) + " foreign key ("
					+ String.join(", ", fk.columns()) + ") references " + fk.parent() + " ("
					+ String.join(", ", fk.parentColumns()) + ")"
					+ ("CASCADE".equalsIgnoreCase(fk.deleteRule()) ? " on delete cascade" : "")
					+ ("SET NULL".equalsIgnoreCase(fk.deleteRule()) ? " on delete set null" : ""));
		}
		log.info("Tenant keys: {} tenant tables, {} foreign keys between them made composite", tenants.size(),
				composite.size());
	}

	/** A name as the catalog spells it (H2 upper-cases the names it makes up, even with DATABASE_TO_LOWER). */
	private static String quoted(String name) {
		return '"' + name.replace("\"", "\"\"") + '"';
	}

	/** H2's own names (constraint_8a) say nothing; a rewritten unique constraint gets a name that does. */
	private static String uniqueName(Constraint unique) {
		return unique.name().toLowerCase(Locale.ROOT).startsWith("constraint_")
				? unique.table() + "_" + String.join("_", unique.columns()) + "_key"
				: unique.name();
	}

	private static void refuseRowsOfAnotherMunicipality(Statement statement, ForeignKey fk) throws SQLException {
		var notNull = new StringBuilder();
		var match = new StringBuilder();
		for (int i = 0; i < fk.columns().size(); i++) {
			notNull.append(" and c.").append(fk.columns().get(i)).append(" is not null");
			match.append(i == 0 ? "" : " and ")
				.append("p.")
				.append(fk.parentColumns().get(i))
				.append(" = c.")
				.append(fk.columns().get(i));
		}
		try (var rows = statement.executeQuery("select count(*) from " + fk.table() + " c where 1 = 1" + notNull
				+ " and not exists (select 1 from " + fk.parent() + " p where " + match + ")")) {
			rows.next();
			long broken = rows.getLong(1);
			if (broken > 0) {
				throw new IllegalStateException(broken + " rows of " + fk.table() + " point at a row of " + fk.parent()
						+ " in another municipality (" + fk.columns() + " -> " + fk.parentColumns()
						+ "); correct them before this migration (docs/scale.md, \"Ready for Citus\")");
			}
		}
	}

	private static boolean alreadyComposite(ForeignKey fk) {
		int at = fk.columns().indexOf(MUNICIPALITY_ID);
		return at >= 0 && MUNICIPALITY_ID.equals(fk.parentColumns().get(at));
	}

	private static List<String> prepend(List<String> columns) {
		var result = new ArrayList<String>();
		result.add(MUNICIPALITY_ID);
		columns.stream().filter(c -> !c.equals(MUNICIPALITY_ID)).forEach(result::add);
		return result;
	}

	private static TreeSet<String> tenantTables(Connection connection) throws SQLException {
		var tables = new TreeSet<String>();
		try (var statement = connection.createStatement(); var rows = statement.executeQuery("""
				select c.table_name from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where lower(c.table_schema) = 'public' and t.table_type in ('BASE TABLE', 'TABLE')
				  and lower(c.column_name) = 'municipality_id'""")) {
			while (rows.next()) {
				tables.add(rows.getString(1).toLowerCase(Locale.ROOT));
			}
		}
		tables.remove(MUNICIPALITIES);
		tables.remove("login_name");
		return tables;
	}

	private static Map<String, List<Column>> keyColumns(Connection connection) throws SQLException {
		var columns = new LinkedHashMap<String, List<Column>>();
		try (var statement = connection.createStatement(); var rows = statement.executeQuery("""
				select constraint_name, table_name, column_name, ordinal_position, position_in_unique_constraint
				from information_schema.key_column_usage
				where lower(constraint_schema) = 'public' order by constraint_name, ordinal_position""")) {
			while (rows.next()) {
				var column = new Column(rows.getString(1), rows.getString(2).toLowerCase(Locale.ROOT),
						rows.getString(3).toLowerCase(Locale.ROOT), rows.getInt(4), rows.getInt(5));
				columns.computeIfAbsent(column.constraint(), c -> new ArrayList<>()).add(column);
			}
		}
		return columns;
	}

	private static List<Constraint> constraints(Connection connection, Map<String, List<Column>> columns)
			throws SQLException {
		var constraints = new ArrayList<Constraint>();
		try (var statement = connection.createStatement(); var rows = statement.executeQuery("""
				select constraint_name, table_name, constraint_type from information_schema.table_constraints
				where lower(constraint_schema) = 'public' and constraint_type in ('PRIMARY KEY', 'UNIQUE')""")) {
			while (rows.next()) {
				var name = rows.getString(1);
				constraints.add(new Constraint(name, rows.getString(2).toLowerCase(Locale.ROOT), rows.getString(3),
						columns.get(name).stream().map(Column::column).toList()));
			}
		}
		return constraints;
	}

	private static List<ForeignKey> foreignKeys(Connection connection, Map<String, List<Column>> columns)
			throws SQLException {
		var foreignKeys = new ArrayList<ForeignKey>();
		try (var statement = connection.createStatement(); var rows = statement.executeQuery("""
				select constraint_name, unique_constraint_name, delete_rule from information_schema.referential_constraints
				where lower(constraint_schema) = 'public'""")) {
			while (rows.next()) {
				var from = columns.get(rows.getString(1));
				var to = columns.get(rows.getString(2));
				// the parent's columns in the order the foreign key names them
				var parentColumns = from.stream().map(c -> to.get(c.positionInUnique() - 1).column()).toList();
				foreignKeys.add(new ForeignKey(rows.getString(1), from.getFirst().table(),
						from.stream().map(Column::column).toList(), to.getFirst().table(), parentColumns,
						rows.getString(3)));
			}
		}
		return foreignKeys;
	}
}
