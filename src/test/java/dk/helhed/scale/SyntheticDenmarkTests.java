package dk.helhed.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import dk.helhed.citizen.internal.CprVaultForTests;
import dk.helhed.support.OnPostgres;
import dk.helhed.support.PostgresDatabase;

/**
 * The synthetic Denmark at {@code tiny} scale, on H2 and (when it answers) PostgreSQL: the counts the scale promises,
 * every child row in its parent's municipality, the feeder files, and a feeder citizen found by the application's own
 * CPR hash and readable by the caseworker the feeder pairs it with.
 */
class SyntheticDenmarkTests {

	@TempDir
	Path feeders;

	@Test
	void fillsH2AtTinyScale() throws Exception {
		var url = "jdbc:h2:mem:synthetic_" + UUID.randomUUID().toString().substring(0, 8)
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		check(url, "sa", "");
	}

	@Nested
	@OnPostgres
	class OnPostgresServer {

		@Test
		void fillsPostgresAtTinyScale() throws Exception {
			var name = "helhed_synthetic_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			try (var admin = PostgresDatabase.connectAs(PostgresDatabase.urlOf("postgres"), PostgresDatabase.administrator());
					var statement = admin.createStatement()) {
				statement.execute("create database " + name);
			}
			PostgresDatabase.dropAtExit(name);
			check(PostgresDatabase.urlOf(name), PostgresDatabase.administrator(),
					System.getenv().getOrDefault("HELHED_TEST_POSTGRES_PASSWORD", ""));
		}
	}

	private void check(String url, String user, String password) throws Exception {
		var options = SyntheticDenmark.Options.parse("--scale", "tiny", "--url", url, "--user", user, "--password",
				password, "--feeders", feeders.toString(), "--no-progress");
		var console = new ByteArrayOutputStream();
		var rows = new SyntheticDenmark(options, new PrintStream(console, true, StandardCharsets.UTF_8)).run();
		var printed = console.toString(StandardCharsets.UTF_8);
		assertThat(printed).contains("rows/s").contains("total");

		try (var connection = DriverManager.getConnection(url, user, password)) {
			assertThat(count(connection, "select count(*) from municipality")).isEqualTo(2);
			assertThat(count(connection, "select count(*) from service")).isEqualTo(24);
			assertThat(count(connection, "select count(*) from staff_user")).isEqualTo(16);
			assertThat(count(connection, "select count(*) from citizen")).isEqualTo(40);
			assertThat(count(connection, "select count(*) from citizen where synthetic")).isEqualTo(40);
			assertThat(count(connection, "select count(*) from case_note")).isEqualTo(200);
			assertThat(count(connection, "select count(*) from audit_event")).isEqualTo(400);
			assertThat(count(connection, "select count(*) from shared_plan")).isEqualTo(24);
			assertThat(count(connection, "select count(*) from shared_plan_version")).isEqualTo(60);
			assertThat(count(connection, "select count(*) from referral")).isEqualTo(60);
			assertThat(count(connection, "select count(*) from place")).isPositive();
			assertThat(count(connection, "select count(*) from waiting_list_entry where status = 'WAITING'")).isPositive();
			assertThat(count(connection, "select count(*) from place_allocation where status = 'ACTIVE'")).isPositive();
			// Consents in every state: active, expired and withdrawn, with recipients.
			assertThat(count(connection, "select count(*) from consent where withdrawn_at is null and expires_on >= current_date"))
				.isPositive();
			assertThat(count(connection, "select count(*) from consent where withdrawn_at is null and expires_on < current_date"))
				.isPositive();
			assertThat(count(connection, "select count(*) from consent where withdrawn_at is not null")).isPositive();
			assertThat(count(connection, "select count(*) from consent_recipient")).isPositive();
			assertThat(count(connection, "select count(*) from legal_basis")).isPositive();
			assertThat(count(connection, "select count(*) from emergency_access")).isPositive();
			assertThat(rows).containsEntry("citizen", 40L).containsEntry("audit_event", 400L);

			assertChildrenShareTheirParentsMunicipality(connection);
			assertFeedersParseAndFindTheirRows(connection);
		}

		// A database that holds data is refused without --replace, and left as it was.
		assertThatThrownBy(() -> new SyntheticDenmark(options, new PrintStream(new ByteArrayOutputStream())).run())
			.isInstanceOf(SyntheticDenmark.Refused.class)
			.hasMessageContaining("--replace");
		try (var connection = DriverManager.getConnection(url, user, password)) {
			assertThat(count(connection, "select count(*) from citizen")).isEqualTo(40);
		}
	}

	/**
	 * For every foreign key from a table with {@code municipality_id} to the {@code id} of another such table, and for
	 * the references the schema does not declare, no child row names a parent of another municipality.
	 */
	private static void assertChildrenShareTheirParentsMunicipality(Connection connection) throws SQLException {
		var references = new ArrayList<String[]>();
		var meta = connection.getMetaData();
		var tenantTables = new ArrayList<String>();
		try (var rs = meta.getColumns(null, null, null, null)) {
			while (rs.next()) {
				if (rs.getString("COLUMN_NAME").equalsIgnoreCase("municipality_id")
						&& !rs.getString("TABLE_SCHEM").equalsIgnoreCase("information_schema")
						&& !rs.getString("TABLE_SCHEM").equalsIgnoreCase("pg_catalog")) {
					tenantTables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
				}
			}
		}
		for (var table : tenantTables) {
			try (var rs = meta.getImportedKeys(null, null, table)) {
				while (rs.next()) {
					var parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
					var column = rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT);
					if (rs.getString("PKCOLUMN_NAME").equalsIgnoreCase("id") && tenantTables.contains(parent)
							&& !parent.equals("municipality") && !column.equals("municipality_id")) {
						references.add(new String[] { table, column, parent });
					}
				}
			}
		}
		references.addAll(List.of(new String[] { "referral", "citizen_id", "citizen" },
				new String[] { "referral", "service_id", "service" },
				new String[] { "referral", "receiver_unit_id", "organisational_unit" },
				new String[] { "referral", "sender_unit_id", "organisational_unit" },
				new String[] { "shared_plan", "citizen_id", "citizen" },
				new String[] { "place", "service_id", "service" },
				new String[] { "waiting_list_entry", "citizen_id", "citizen" },
				new String[] { "waiting_list_entry", "service_id", "service" },
				new String[] { "place_allocation", "citizen_id", "citizen" },
				new String[] { "audit_event", "citizen_id", "citizen" },
				new String[] { "audit_event", "actor_id", "staff_user" },
				new String[] { "audit_event", "actor_unit_id", "organisational_unit" }));
		assertThat(references).hasSizeGreaterThan(30);
		for (var reference : references) {
			long strays = count(connection, "select count(*) from " + reference[0] + " c join " + reference[2]
					+ " p on p.id = c." + reference[1] + " where p.municipality_id <> c.municipality_id");
			assertThat(strays).as("%s.%s -> %s in another municipality", (Object[]) reference).isZero();
			long dangling = count(connection, "select count(*) from " + reference[0] + " c where c." + reference[1]
					+ " is not null and not exists (select 1 from " + reference[2] + " p where p.id = c." + reference[1] + ")");
			assertThat(dangling).as("%s.%s -> %s that does not exist", (Object[]) reference).isZero();
		}
	}

	private void assertFeedersParseAndFindTheirRows(Connection connection) throws Exception {
		var staff = csv("staff.csv", "username,password,municipality_slug,unit_key,role");
		assertThat(staff).isNotEmpty();
		var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		var hashes = new java.util.HashSet<String>();
		for (var row : staff) {
			assertThat(row).hasSize(5);
			var hash = string(connection, """
					select s.password_hash from staff_user s join municipality m on m.id = s.municipality_id
					join staff_unit su on su.user_id = s.id join organisational_unit u on u.id = su.unit_id
					join staff_role r on r.user_id = s.id
					where s.username = ? and m.slug = ? and u.unit_key = ? and r.role = ?""", row[0], row[2], row[3], row[4]);
			assertThat(hash).as("staff %s", row[0]).isNotNull();
			hashes.add(hash);
		}
		// One known password, hashed once by the application's encoder (bcrypt) and shared by every account.
		assertThat(hashes).hasSize(1);
		assertThat(encoder.matches(staff.getFirst()[1], hashes.iterator().next())).isTrue();
		assertThat(staff).extracting(row -> row[4]).contains("CASEWORKER", "TEAM_LEAD", "DATA_PROTECTION_OFFICER");

		var vault = new CprVaultForTests(SyntheticDenmark.DEFAULT_ENCRYPTION_KEY, SyntheticDenmark.DEFAULT_HASH_KEY);
		var citizens = csv("citizens.csv", "username,cpr,citizen_id,municipality_slug");
		assertThat(citizens).isNotEmpty();
		for (var row : citizens) {
			var stored = string(connection, """
					select c.cpr_encrypted from citizen c join municipality m on m.id = c.municipality_id
					where c.cpr_hash = ? and c.id = ? and m.slug = ? and c.status = 'OPEN'""", vault.hash(row[1]),
					UUID.fromString(row[2]), row[3]);
			assertThat(stored).as("citizen %s found by the application's hash", row[2]).isNotNull();
			assertThat(vault.decrypt(stored)).isEqualTo(row[1]);
			assertThat(count(connection, """
					select count(*) from involvement i join staff_unit su on su.unit_id = i.unit_id
					join staff_user s on s.id = su.user_id
					where s.username = ? and i.citizen_id = ? and i.basis = 'OWN_CASE' and i.ended_on is null""", row[0],
					UUID.fromString(row[2]))).as("%s has an own case for %s", row[0], row[2]).isEqualTo(1);
		}

		var services = csv("services.csv", "service_id,municipality_slug,slug_or_path");
		assertThat(services).hasSize(24);
		for (var row : services) {
			var key = string(connection, "select s.service_key from service s join municipality m on m.id = s.municipality_id "
					+ "where s.id = ? and m.slug = ?", UUID.fromString(row[0]), row[1]);
			assertThat(row[2]).isEqualTo("/" + row[1] + "/indsatser/" + key);
		}
		var queries = csv("queries.csv", "query");
		assertThat(queries).hasSizeGreaterThan(50).allSatisfy(row -> assertThat(row[0]).isNotBlank());
	}

	private List<String[]> csv(String file, String header) throws Exception {
		var lines = Files.readAllLines(feeders.resolve(file), StandardCharsets.UTF_8);
		assertThat(lines.getFirst()).isEqualTo(header);
		var rows = new ArrayList<String[]>();
		for (var line : lines.subList(1, lines.size())) {
			rows.add(line.startsWith("\"") ? new String[] { line.substring(1, line.length() - 1).replace("\"\"", "\"") }
					: line.split(",", -1));
		}
		return rows;
	}

	private static long count(Connection connection, String sql, Object... params) throws SQLException {
		try (var statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			try (var rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static String string(Connection connection, String sql, Object... params) throws SQLException {
		try (var statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			try (var rs = statement.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}
}
