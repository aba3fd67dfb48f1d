package dk.helhed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dk.helhed.support.OnPostgres;
import dk.helhed.support.PostgresDatabase;

/**
 * On a real PostgreSQL server, the application reads the settings its own connections get. synchronous_commit can be
 * set per database, so a test database of its own shows the warning; fsync and full_page_writes are the whole
 * server's, and a test must not change them for everybody else on it.
 */
@OnPostgres
@ExtendWith(OutputCaptureExtension.class)
class DurabilitySettingsOnPostgresTests {

	@Test
	void warnsWhenTheApplicationsConnectionsDoNotWaitForTheirCommits(CapturedOutput output) throws SQLException {
		var database = databaseWithSynchronousCommit("off");
		var settings = new DurabilitySettings(dataSource(database));

		settings.run(null);

		assertThat(settings.warnings()).anySatisfy(warning -> assertThat(warning).contains("synchronous_commit off"));
		assertThat(output).contains("WARN").contains("synchronous_commit off");
	}

	@Test
	void namesOnlyWhatIsOff() throws SQLException {
		var database = databaseWithSynchronousCommit("on");
		var settings = new DurabilitySettings(dataSource(database));

		var expected = new java.util.ArrayList<String>();
		try (var connection = PostgresDatabase.ownerConnection(database.url());
				var statement = connection.createStatement()) {
			for (var name : java.util.List.of("fsync", "full_page_writes")) {
				try (var rows = statement.executeQuery("show " + name)) {
					rows.next();
					if (rows.getString(1).equals("off")) {
						expected.add(name + " off");
					}
				}
			}
		}

		assertThat(settings.warnings()).hasSize(expected.size())
			.allSatisfy(warning -> assertThat(expected).anySatisfy(name -> assertThat(warning).contains(name)))
			.noneSatisfy(warning -> assertThat(warning).contains("synchronous_commit"));
	}

	private static PostgresDatabase.ProductionDatabase databaseWithSynchronousCommit(String value)
			throws SQLException {
		var database = PostgresDatabase.createAsInProduction();
		try (var connection = PostgresDatabase.ownerConnection(database.url());
				var statement = connection.createStatement()) {
			statement.execute("alter database " + database.name() + " set synchronous_commit = " + value);
		}
		return database;
	}

	private static SimpleDriverDataSource dataSource(PostgresDatabase.ProductionDatabase database) {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), database.url(), database.applicationRole(), "");
	}
}
