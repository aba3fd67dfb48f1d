package dk.helhed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The schema is ready to be distributed by municipality (Citus): after Flyway, every table that is not a declared
 * reference table ({@link TenantSchema#REFERENCE_TABLES}) carries {@code municipality_id} in its primary key, unique
 * constraints and indexes and in its foreign keys to other tenant tables. On H2 here, on PostgreSQL in
 * {@link TenantSchemaOnPostgresTests}. The Citus commands in docs/scale.md are generated from the same catalog.
 */
@SpringBootTest
class TenantSchemaTests {

	/**
	 * Shared tables that stay plain tables on the coordinator rather than reference tables: written at every request
	 * or job, never joined with tenant tables (docs/scale.md).
	 */
	static final Set<String> INFRASTRUCTURE = Set.of("spring_session", "spring_session_attributes", "shedlock",
			"login_throttle", "flyway_schema_history");

	/** The table the others are colocated with. */
	static final String ANCHOR = "organisational_unit";

	@Autowired
	DataSource dataSource;

	@Test
	void everyTenantTableCarriesTheMunicipalityInItsKeys() throws SQLException {
		try (var connection = dataSource.getConnection()) {
			var violations = TenantSchema.violations(connection, "public", TenantSchema.REFERENCE_TABLES.keySet());

			assertThat(violations).as("tables that break the rule (docs/scale.md, \"Ready for Citus\")").isEmpty();
		}
	}

	@Test
	void theRuleFindsADeliberatelyWrongTenantTable() throws SQLException {
		try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
			statement.execute("create schema tenant_rule_probe");
			try {
				statement.execute("create table tenant_rule_probe.parent (municipality_id uuid not null, id uuid not null, "
						+ "primary key (municipality_id, id))");
				statement.execute("create table tenant_rule_probe.wrong_key (id uuid primary key, municipality_id uuid, "
						+ "name varchar(20), parent_id uuid, constraint wrong_key_name unique (name), "
						+ "constraint wrong_key_parent foreign key (municipality_id, parent_id) "
						+ "references tenant_rule_probe.parent (municipality_id, id))");
				statement.execute("create table tenant_rule_probe.wrong_link (municipality_id uuid not null, id uuid not null, "
						+ "parent_id uuid, primary key (municipality_id, id))");
				statement.execute("create table tenant_rule_probe.wrong_key_of_parent (municipality_id uuid not null, "
						+ "id uuid not null, primary key (municipality_id, id), unique (id))");
				statement.execute("alter table tenant_rule_probe.wrong_link add constraint wrong_link_parent "
						+ "foreign key (parent_id) references tenant_rule_probe.wrong_key_of_parent (id)");
				statement.execute("create table tenant_rule_probe.no_municipality (id uuid primary key)");
				statement.execute("create unique index wrong_index on tenant_rule_probe.parent (id)");

				var violations = TenantSchema.violations(connection, "tenant_rule_probe", Set.of("declared_but_gone"));

				assertThat(violations).anySatisfy(v -> assertThat(v).startsWith("wrong_key: primary key").endsWith("[id] lacks municipality_id"))
					.anySatisfy(v -> assertThat(v).isEqualTo("wrong_key: municipality_id may be null (a distribution column may not)"))
					.anySatisfy(v -> assertThat(v).isEqualTo("wrong_key: unique wrong_key_name [name] lacks municipality_id"))
					.anySatisfy(v -> assertThat(v).isEqualTo("wrong_link: foreign key wrong_link_parent [parent_id] -> "
							+ "wrong_key_of_parent [id] lacks municipality_id on both sides"))
					.anySatisfy(v -> assertThat(v).isEqualTo("no_municipality: a tenant table without municipality_id "
							+ "(or declare it a reference table)"))
					.anySatisfy(v -> assertThat(v).startsWith("parent: unique index ").endsWith("[id] lacks municipality_id"))
					.anySatisfy(v -> assertThat(v).isEqualTo("declared_but_gone: declared a reference table, but there is no such table"))
					.noneSatisfy(v -> assertThat(v).contains("wrong_key_parent"));
			}
			finally {
				statement.execute("drop schema tenant_rule_probe cascade");
			}
		}
	}

	@Test
	void theCitusCommandsInTheDocumentationAreTheSchemasOwn() throws Exception {
		TenantSchema.Catalog catalog;
		try (var connection = dataSource.getConnection()) {
			catalog = TenantSchema.read(connection, "public");
		}
		var commands = citusCommands(catalog);
		var documentation = Path.of("docs/scale.md");

		assertThat(documentation).exists();
		assertThat(Files.readString(documentation))
			.as("docs/scale.md must hold the Citus commands for the schema as it is; paste this block:%n%s", commands)
			.contains(commands);
	}

	/**
	 * The commands that distribute this schema on Citus 13: the reference tables first, then every tenant table by
	 * municipality_id, parents before children (a foreign key between distributed tables needs both distributed and
	 * colocated), all colocated with the first.
	 */
	static String citusCommands(TenantSchema.Catalog catalog) {
		var reference = TenantSchema.REFERENCE_TABLES.keySet();
		var tenants = new TreeSet<>(catalog.tables());
		tenants.removeAll(reference);
		var ordered = new LinkedHashSet<String>();
		// the group's first table: the units, which point at nothing but themselves and the municipality
		if (tenants.contains(ANCHOR)) {
			ordered.add(ANCHOR);
		}
		while (ordered.size() < tenants.size()) {
			int before = ordered.size();
			for (var table : tenants) {
				if (ordered.contains(table)) {
					continue;
				}
				boolean parentsDone = catalog.foreignKeys()
					.stream()
					.filter(fk -> fk.table().equals(table) && tenants.contains(fk.referencedTable())
							&& !fk.referencedTable().equals(table))
					.allMatch(fk -> ordered.contains(fk.referencedTable()));
				if (parentsDone) {
					ordered.add(table);
				}
			}
			if (ordered.size() == before) {
				throw new IllegalStateException("a cycle of foreign keys between tenant tables");
			}
		}
		var lines = new ArrayList<String>();
		lines.add("-- reference tables: a copy on every node");
		reference.stream()
			.filter(table -> !INFRASTRUCTURE.contains(table))
			.forEach(table -> lines.add("select create_reference_table('" + table + "');"));
		lines.add("-- tenant tables: distributed by municipality, all colocated");
		var first = ordered.getFirst();
		for (var table : ordered) {
			lines.add(table.equals(first) ? "select create_distributed_table('" + table + "', 'municipality_id');"
					: "select create_distributed_table('" + table + "', 'municipality_id', colocate_with => '" + first
							+ "');");
		}
		return lines.stream().collect(Collectors.joining("\n", "", "\n"));
	}
}
