package dk.helhed.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rule that lets Helhed's tables be distributed by municipality (Citus), read from the database's own catalog
 * ({@code information_schema}, the same on H2 2.x and PostgreSQL; unique indexes through JDBC's metadata): every table
 * that is not a declared reference table carries a not-null {@code municipality_id}, and its primary key, its unique
 * constraints and unique indexes, and its foreign keys to other tenant tables include it (on both sides, in the same
 * position). A reference table has no foreign key to a tenant table, and every declared reference table exists.
 */
final class TenantSchema {

	static final String COLUMN = "municipality_id";

	/**
	 * The tables shared by all municipalities, each with the reason. On Citus the first group are reference tables
	 * (copied to every node); see docs/scale.md for the infrastructure tables.
	 */
	static final Map<String, String> REFERENCE_TABLES = reference();

	private static Map<String, String> reference() {
		var tables = new LinkedHashMap<String, String>();
		tables.put("municipality", "the list of municipalities itself: every tenant table's foreign key points here");
		tables.put("login_name", "user names are unique across the country; the login finds the account's municipality here");
		tables.put("ffb_version", "KL's Fælles Faglige Begreber, one national code list, versioned");
		tables.put("ffb_theme", "FFB themes and sub-themes: national code list");
		tables.put("ffb_level", "FFB levels: national code list");
		tables.put("priority_rule", "the published waiting-list rule, the same for all (versioned, never edited by a municipality)");
		tables.put("reason_code", "national list of coded reasons (declined offers, referrals), versioned");
		tables.put("legal_reference", "the law's paragraphs with complaint bodies and deadlines: national, dated data");
		tables.put("unattributed_audit_event", "failed logins with a user name no account has: no municipality owns them");
		tables.put("spring_session", "web sessions: infrastructure, no municipality's data (a session belongs to a login)");
		tables.put("spring_session_attributes", "the sessions' attributes: infrastructure");
		tables.put("shedlock", "locks of the scheduled jobs: infrastructure");
		tables.put("login_throttle", "failed logins per client address (a keyed hash): an address is nobody's tenant");
		tables.put("flyway_schema_history", "the migrations applied: infrastructure");
		return java.util.Collections.unmodifiableMap(tables);
	}

	record ForeignKey(String name, String table, List<String> columns, String referencedTable,
			List<String> referencedColumns, String deleteRule) {
	}

	record Key(String name, String table, String kind, List<String> columns) {
	}

	/** What the catalog of one schema says. */
	record Catalog(Set<String> tables, Map<String, Map<String, Boolean>> columnsNullable, List<Key> keys,
			List<ForeignKey> foreignKeys, List<Key> uniqueIndexes) {
	}

	private TenantSchema() {
	}

	/** The violations of the rule in the given schema, each naming its table and constraint; empty when it holds. */
	static List<String> violations(Connection connection, String schema, Set<String> referenceTables)
			throws SQLException {
		return violations(read(connection, schema), referenceTables);
	}

	static List<String> violations(Catalog catalog, Set<String> referenceTables) {
		var found = new ArrayList<String>();
		for (var table : referenceTables) {
			if (!catalog.tables().contains(table)) {
				found.add(table + ": declared a reference table, but there is no such table");
			}
		}
		for (var table : catalog.tables()) {
			if (referenceTables.contains(table)) {
				continue;
			}
			var columns = catalog.columnsNullable().getOrDefault(table, Map.of());
			if (!columns.containsKey(COLUMN)) {
				found.add(table + ": a tenant table without " + COLUMN + " (or declare it a reference table)");
				continue;
			}
			if (columns.get(COLUMN)) {
				found.add(table + ": " + COLUMN + " may be null (a distribution column may not)");
			}
			if (catalog.keys().stream().noneMatch(k -> k.table().equals(table) && k.kind().equals("PRIMARY KEY"))) {
				found.add(table + ": no primary key");
			}
		}
		var keyColumns = new LinkedHashSet<String>();
		for (var key : catalog.keys()) {
			if (referenceTables.contains(key.table())) {
				continue;
			}
			keyColumns.add(key.table() + key.columns());
			if (!key.columns().contains(COLUMN)) {
				found.add(key.table() + ": " + key.kind().toLowerCase(Locale.ROOT) + " " + key.name() + " " + key.columns()
						+ " lacks " + COLUMN);
			}
		}
		for (var index : catalog.uniqueIndexes()) {
			if (referenceTables.contains(index.table()) || keyColumns.contains(index.table() + index.columns())) {
				continue;
			}
			if (!index.columns().contains(COLUMN)) {
				found.add(index.table() + ": unique index " + index.name() + " " + index.columns() + " lacks " + COLUMN);
			}
		}
		for (var fk : catalog.foreignKeys()) {
			boolean fromTenant = !referenceTables.contains(fk.table());
			boolean toTenant = !referenceTables.contains(fk.referencedTable());
			if (!fromTenant && toTenant) {
				found.add(fk.table() + ": foreign key " + fk.name() + " from a reference table to the tenant table "
						+ fk.referencedTable());
			}
			if (fromTenant && toTenant) {
				int at = fk.columns().indexOf(COLUMN);
				if (at < 0 || !COLUMN.equals(fk.referencedColumns().get(at))) {
					found.add(fk.table() + ": foreign key " + fk.name() + " " + fk.columns() + " -> " + fk.referencedTable()
							+ " " + fk.referencedColumns() + " lacks " + COLUMN + " on both sides");
				}
			}
		}
		return found;
	}

	static Catalog read(Connection connection, String schema) throws SQLException {
		var tables = new TreeSet<String>();
		try (var statement = connection.prepareStatement("""
				select table_name from information_schema.tables
				where lower(table_schema) = ? and table_type in ('BASE TABLE', 'TABLE')""")) {
			statement.setString(1, schema);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					tables.add(rows.getString(1).toLowerCase(Locale.ROOT));
				}
			}
		}
		var columns = new TreeMap<String, Map<String, Boolean>>();
		try (var statement = connection.prepareStatement("""
				select table_name, column_name, is_nullable from information_schema.columns
				where lower(table_schema) = ?""")) {
			statement.setString(1, schema);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					var table = rows.getString(1).toLowerCase(Locale.ROOT);
					if (tables.contains(table)) {
						columns.computeIfAbsent(table, t -> new TreeMap<>())
							.put(rows.getString(2).toLowerCase(Locale.ROOT), "YES".equalsIgnoreCase(rows.getString(3)));
					}
				}
			}
		}
		// Columns of every key, in order: primary keys, unique constraints and foreign keys.
		var keyColumns = new LinkedHashMap<String, List<Column>>();
		try (var statement = connection.prepareStatement("""
				select constraint_name, table_name, column_name, ordinal_position from information_schema.key_column_usage
				where lower(constraint_schema) = ? order by constraint_name, ordinal_position""")) {
			statement.setString(1, schema);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					var column = new Column(rows.getString(1), rows.getString(2).toLowerCase(Locale.ROOT),
							rows.getString(3).toLowerCase(Locale.ROOT), rows.getInt(4));
					keyColumns.computeIfAbsent(column.constraint(), c -> new ArrayList<>()).add(column);
				}
			}
		}
		var keys = new ArrayList<Key>();
		var kinds = new LinkedHashMap<String, String>();
		try (var statement = connection.prepareStatement("""
				select constraint_name, table_name, constraint_type from information_schema.table_constraints
				where lower(constraint_schema) = ? and constraint_type in ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
				order by table_name, constraint_name""")) {
			statement.setString(1, schema);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					var name = rows.getString(1);
					var table = rows.getString(2).toLowerCase(Locale.ROOT);
					var kind = rows.getString(3);
					kinds.put(name, kind);
					if (!kind.equals("FOREIGN KEY") && tables.contains(table)) {
						keys.add(new Key(name, table, kind, names(keyColumns.get(name))));
					}
				}
			}
		}
		var foreignKeys = new ArrayList<ForeignKey>();
		try (var statement = connection.prepareStatement("""
				select constraint_name, unique_constraint_name, delete_rule from information_schema.referential_constraints
				where lower(constraint_schema) = ? order by constraint_name""")) {
			statement.setString(1, schema);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					var from = keyColumns.get(rows.getString(1));
					var to = keyColumns.get(rows.getString(2));
					foreignKeys.add(new ForeignKey(rows.getString(1), from.getFirst().table(), names(from),
							to.getFirst().table(), names(to), rows.getString(3)));
				}
			}
		}
		var uniqueIndexes = new ArrayList<Key>();
		var metaData = connection.getMetaData();
		for (var table : tables) {
			var indexColumns = new TreeMap<String, TreeMap<Integer, String>>();
			try (var rows = metaData.getIndexInfo(null, storedName(connection, schema), storedName(connection, table),
					true, false)) {
				while (rows.next()) {
					var name = rows.getString("INDEX_NAME");
					var column = rows.getString("COLUMN_NAME");
					if (name == null || column == null || rows.getBoolean("NON_UNIQUE")) {
						continue;
					}
					indexColumns.computeIfAbsent(name, n -> new TreeMap<>())
						.put((int) rows.getShort("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT));
				}
			}
			indexColumns.forEach((name, columnsOf) -> uniqueIndexes
				.add(new Key(name, table, "UNIQUE INDEX", List.copyOf(columnsOf.values()))));
		}
		return new Catalog(tables, columns, keys, foreignKeys, uniqueIndexes);
	}

	private record Column(String constraint, String table, String column, int position) {
	}

	private static List<String> names(List<Column> columns) {
		return columns.stream().map(Column::column).toList();
	}

	private static String storedName(Connection connection, String name) throws SQLException {
		var metaData = connection.getMetaData();
		return metaData.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
	}
}
