package dk.helhed.audit.internal;

import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Which database Helhed runs on, for the few things PostgreSQL does that H2 cannot (database roles, triggers).
 */
final class Databases {

	private Databases() {
	}

	static boolean isPostgres(DataSource dataSource) {
		try (var connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database this is", ex);
		}
	}
}
