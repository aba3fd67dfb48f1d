package dk.helhed.platform;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 database keeps enforcing the schema's rules after the connection that created them is gone, as the
 * connection pool closes and replaces connections (every 30 minutes by default). H2 2.4.240 does not: a CHECK
 * constraint with an IN list fails every insert once the session that created it has closed (h2database issues
 * 4302 and 4342), so citizen registration would fail half an hour after a fresh installation started. The
 * project pins an H2 version without that fault.
 */
class EmbeddedDatabaseTests {

	@Test
	void aCheckConstraintStillWorksAfterTheConnectionThatCreatedItIsClosed(@TempDir Path directory) throws Exception {
		var url = "jdbc:h2:file:" + directory.resolve("helhed") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
		try (var keep = DriverManager.getConnection(url, "sa", "")) {
			try (var migrate = DriverManager.getConnection(url, "sa", "");
					var statement = migrate.createStatement()) {
				statement.execute("create table citizen_kind (kind varchar(20) not null check (kind in "
						+ "('IDENTIFIED', 'ANONYMOUS')))");
			}
			try (var statement = keep.createStatement()) {
				assertThatCode(() -> statement.execute("insert into citizen_kind values ('ANONYMOUS')"))
					.doesNotThrowAnyException();
			}
		}
	}
}
