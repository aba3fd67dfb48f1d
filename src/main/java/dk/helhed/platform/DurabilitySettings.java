package dk.helhed.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the database is set up so that it may lose transactions the application has already
 * confirmed to its users, or be corrupted by a crash (security.md items 16 and 17; docs/production.md): on PostgreSQL
 * when {@code fsync}, {@code full_page_writes} or {@code synchronous_commit} is off, on the embedded H2 database when
 * its {@code WRITE_DELAY} is not 0 (see application.yaml). The application still starts: these are the database
 * administrator's settings, and an installation may have reasons the application cannot see (a test server, say).
 */
@Component
class DurabilitySettings implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DurabilitySettings.class);

	private final DataSource dataSource;

	DurabilitySettings(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		warnings().forEach(log::warn);
	}

	/** What is wrong with the database's settings, one sentence each; empty when nothing is. */
	List<String> warnings() {
		try (var connection = dataSource.getConnection()) {
			var product = connection.getMetaData().getDatabaseProductName().toLowerCase();
			if (product.contains("postgresql")) {
				return postgresWarnings(postgresSettings(connection));
			}
			if (product.equals("h2")) {
				return h2Warnings(h2WriteDelay(connection));
			}
			return List.of();
		}
		catch (SQLException ex) {
			return List.of("Could not read the database's durability settings: " + ex.getMessage());
		}
	}

	static List<String> postgresWarnings(Map<String, String> settings) {
		var warnings = new ArrayList<String>();
		if (off(settings.get("fsync"))) {
			warnings.add("PostgreSQL runs with fsync off: a crash of the server or the machine can corrupt the "
					+ "database. Turn it on (docs/production.md).");
		}
		if (off(settings.get("full_page_writes"))) {
			warnings.add("PostgreSQL runs with full_page_writes off: a crash of the machine can leave torn pages "
					+ "and corrupt the database. Turn it on (docs/production.md).");
		}
		if (off(settings.get("synchronous_commit"))) {
			warnings.add("PostgreSQL runs with synchronous_commit off for Helhed's connections: a crash of the "
					+ "server can lose transactions Helhed has already confirmed, audit rows included. Set it to on "
					+ "(docs/production.md).");
		}
		return warnings;
	}

	static List<String> h2Warnings(int writeDelay) {
		if (writeDelay == 0) {
			return List.of();
		}
		return List.of("The H2 database runs with WRITE_DELAY=" + writeDelay + ": if the application is killed, "
				+ "transactions from the last " + writeDelay + " ms are lost although they were confirmed. "
				+ "Add WRITE_DELAY=0 to the JDBC URL, as application.yaml does.");
	}

	private static boolean off(String value) {
		return value != null && value.strip().equalsIgnoreCase("off");
	}

	private static Map<String, String> postgresSettings(Connection connection) throws SQLException {
		var settings = new LinkedHashMap<String, String>();
		try (var statement = connection.createStatement(); var rows = statement.executeQuery(
				"select name, setting from pg_settings where name in ('fsync', 'full_page_writes', 'synchronous_commit')")) {
			while (rows.next()) {
				settings.put(rows.getString(1), rows.getString(2));
			}
		}
		return settings;
	}

	private static int h2WriteDelay(Connection connection) throws SQLException {
		try (var statement = connection.createStatement(); var rows = statement.executeQuery(
				"select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
			return rows.next() ? Integer.parseInt(rows.getString(1).strip()) : 0;
		}
	}
}
