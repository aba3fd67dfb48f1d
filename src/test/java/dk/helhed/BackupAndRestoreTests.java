package dk.helhed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.helhed.support.ApplicationProcess;
import dk.helhed.support.OnPostgres;
import dk.helhed.support.PostgresDatabase;
import dk.helhed.support.PostgresDatabase.ProductionDatabase;
import dk.helhed.support.StaffBrowser;

/**
 * The backup and restore procedure of docs/production.md, run as the guide gives it: the application writes a
 * citizen and its audit rows to a database set up as in production, {@code pg_dump} backs it up while the application
 * runs, {@code createdb} and {@code pg_restore} restore it into a new, empty database, and the checks the guide gives
 * pass there: the same rows, the application role still cannot change the audit log, and the application started on
 * the restored database with the same CPR keys finds the citizen by CPR number (keyed hash) and decrypts it.
 * <p>
 * The commands are the guide's own: the test fails if the guide no longer contains them. Without PostgreSQL's client
 * tools the test is skipped, except in CI, where they must be there.
 */
@OnPostgres
class BackupAndRestoreTests {

	private static final Path GUIDE = Path.of("docs", "production.md");
	private static final Duration START = Duration.ofMinutes(4);

	/** A command of the guide: who runs it (PGUSER) and what, with the guide's names where the %s are. */
	private record Command(String role, String line) {

		String inGuide(Object... guideNames) {
			return "PGUSER=" + role + " " + line.formatted(guideNames);
		}
	}

	private static final Command DUMP = new Command("helhed_owner", "pg_dump --format=custom --file=%s --dbname=%s");
	private static final Command LIST = new Command("helhed_owner", "pg_restore --list %s");
	private static final Command CREATE = new Command("postgres", "createdb --owner=%s %s");
	private static final Command RESTORE = new Command("helhed_owner",
			"pg_restore --exit-on-error --single-transaction --dbname=%s %s");

	/** The guide's query that must give the same answer on the backed-up and the restored database. */
	private static final String CHECK = "select (select count(*) from citizen) as citizens, "
			+ "(select count(*) from audit_event) as audit_rows, "
			+ "(select max(occurred_at) from audit_event) as last_audit_row, "
			+ "(select max(installed_rank) from flyway_schema_history) as migrations;";

	/** What the guide has the application role try on the restored database; it must be refused. */
	private static final String TAMPER = "delete from audit_event";

	private static final String CPR = "140385-3217";
	private static final String NAME = "Bodil Backupsen (syntetisk)";

	@TempDir
	Path directory;

	@BeforeAll
	static void clientTools() {
		var missing = new ArrayList<String>();
		for (var tool : List.of("pg_dump", "pg_restore", "createdb")) {
			try {
				var process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
				process.getInputStream().readAllBytes();
				if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
					missing.add(tool);
				}
			}
			catch (IOException ex) {
				missing.add(tool);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		if (!missing.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true, but PostgreSQL's client tools are missing: " + missing
					+ " (Debian: apt-get install postgresql-client)");
		}
		Assumptions.assumeTrue(missing.isEmpty(), "PostgreSQL's client tools are missing: " + missing);
	}

	@Test
	void theGuideGivesTheCommandsThisTestRuns() throws IOException {
		var guide = Files.readString(GUIDE, StandardCharsets.UTF_8);

		assertThat(guide).contains(DUMP.inGuide("helhed.dump", "helhed"), LIST.inGuide("helhed.dump"),
				CREATE.inGuide("helhed_owner", "helhed_restored"), RESTORE.inGuide("helhed_restored", "helhed.dump"),
				CHECK, TAMPER);
	}

	@Test
	void aRestoredBackupHasTheCitizensTheAuditLogAndItsProtection() throws Exception {
		var original = PostgresDatabase.createAsInProduction();
		var keys = Map.of("HELHED_CRYPTO_CPR_ENCRYPTION_KEY", newKey(), "HELHED_CRYPTO_CPR_HASH_KEY", newKey());
		var dump = "helhed.dump";

		var started = System.nanoTime();
		try (var application = ApplicationProcess.start(workingDirectory("original"),
				settings(original, original.url(), keys), "application")) {
			application.awaitHealthy(START);
			var browser = new StaffBrowser(application.base());
			browser.logIn("jobcenter", "demo-Helhed-2026");
			var token = StaffBrowser.csrfToken(browser.get("/personale/borgere"));
			var registered = browser.post("/personale/borgere", token, Map.of("cpr", CPR, "name", NAME, "phone", "",
					"email", "", "address", "", "preferredLanguage", ""));
			assertThat(registered.status()).as("registering the citizen").isEqualTo(302);
			assertThat(browser.get(registered.location()).status()).isEqualTo(200);

			// as in production: the backup is taken while the application runs
			run(DUMP, original.ownerRole(), dump, original.name());
			assertThat(application.stop()).isIn(0, 143);
		}
		var backedUp = check(original.url());
		assertThat(backedUp.get("citizens")).as("the demo citizens and ours").isNotEqualTo("0");

		assertThat(run(LIST, original.ownerRole(), dump)).contains("TABLE DATA public audit_event",
				"TRIGGER public audit_event audit_event_append_only");
		var restoredName = original.name() + "_restored";
		PostgresDatabase.dropAtExit(restoredName);
		run(CREATE, PostgresDatabase.administrator(), original.ownerRole(), restoredName);
		run(RESTORE, original.ownerRole(), restoredName, dump);
		var restoredUrl = PostgresDatabase.urlOf(restoredName);

		assertThat(check(restoredUrl)).as("the guide's check on the restored database").isEqualTo(backedUp);
		assertThat(auditIds(restoredUrl)).as("every audit row").isEqualTo(auditIds(original.url()));
		assertTheApplicationRoleCannotChangeTheAuditLog(restoredUrl, original.applicationRole());

		try (var application = ApplicationProcess.start(workingDirectory("restored"),
				settings(original, restoredUrl, keys), "application")) {
			application.awaitHealthy(START);
			var browser = new StaffBrowser(application.base());
			browser.logIn("jobcenter", "demo-Helhed-2026");
			var token = StaffBrowser.csrfToken(browser.get("/personale/borgere"));
			var found = browser.post("/personale/borgere/cpr", token, Map.of("cpr", CPR));

			assertThat(found.status()).isEqualTo(200);
			assertThat(found.body()).as("found by the keyed hash, and the CPR number decrypted and masked")
				.contains(NAME, "(" + CPR.substring(0, 6) + "-xxxx)");
			assertThat(application.stop()).isIn(0, 143);
		}
		assertTheApplicationRoleCannotChangeTheAuditLog(restoredUrl, original.applicationRole());
		System.out.printf("Backup and restore: %s citizens and %s audit rows dumped, restored and found again "
				+ "in %.1f s%n", backedUp.get("citizens"), backedUp.get("audit_rows"),
				(System.nanoTime() - started) / 1e9);
	}

	private void assertTheApplicationRoleCannotChangeTheAuditLog(String url, String applicationRole)
			throws SQLException {
		try (var connection = PostgresDatabase.connectAs(url, applicationRole);
				var statement = connection.createStatement()) {
			// the grants came back too: the role may still read and append
			connection.setAutoCommit(false);
			assertThat(statement.executeUpdate("insert into audit_event (id, municipality_id, occurred_at, action, basis, "
					+ "outcome) values (gen_random_uuid(), (select id from municipality order by slug limit 1), now(), "
					+ "'READ', 'NONE', 'ALLOWED')")).isOne();
			connection.rollback();
			try (var rows = statement.executeQuery("select count(*) from audit_event")) {
				assertThat(rows.next()).isTrue();
			}
			connection.setAutoCommit(true);
			assertThatThrownBy(() -> statement.executeUpdate(TAMPER)).hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.executeUpdate("update audit_event set purpose = 'ændret'"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.executeUpdate("truncate audit_event"))
				.hasMessageContaining("permission denied");
		}
		try (var connection = PostgresDatabase.ownerConnection(url); var statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.executeUpdate(TAMPER)).as("the trigger, even for the owner")
				.hasMessageContaining("audit log cannot be changed");
		}
	}

	/** Runs one of the guide's commands in the working directory, as the given role, and returns its output. */
	private String run(Command command, String role, Object... names) throws IOException, InterruptedException {
		var arguments = List.of(command.line().formatted(names).split(" "));
		var output = directory.resolve("command.out");
		var builder = new ProcessBuilder(arguments).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().keySet().removeIf(key -> key.startsWith("PG"));
		builder.environment().putAll(PostgresDatabase.toolEnvironment(role));
		var process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError(arguments + " did not finish within 5 minutes");
		}
		var text = Files.readString(output, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(arguments + " as " + role + " said:\n" + text).isZero();
		return text;
	}

	private static Map<String, String> check(String url) throws SQLException {
		var answer = new HashMap<String, String>();
		try (var connection = PostgresDatabase.ownerConnection(url); var statement = connection.createStatement();
				var rows = statement.executeQuery(CHECK)) {
			rows.next();
			for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
				answer.put(rows.getMetaData().getColumnLabel(column), rows.getString(column));
			}
		}
		return answer;
	}

	private static List<String> auditIds(String url) throws SQLException {
		var ids = new ArrayList<String>();
		try (var connection = PostgresDatabase.ownerConnection(url); var statement = connection.createStatement();
				var rows = statement.executeQuery("select id from audit_event order by id")) {
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
		}
		return ids;
	}

	private static Map<String, String> settings(ProductionDatabase database, String url, Map<String, String> keys) {
		var settings = new HashMap<>(database.applicationEnvironment());
		settings.put("SPRING_DATASOURCE_URL", url);
		settings.putAll(keys);
		return settings;
	}

	private Path workingDirectory(String name) throws IOException {
		return Files.createDirectories(directory.resolve(name));
	}

	/** A new key as the guide has one made ({@code openssl rand -base64 32}). */
	private static String newKey() {
		var key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}
}
