package dk.helhed;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import dk.helhed.support.OnPostgres;
import dk.helhed.support.PostgresDatabase;

/**
 * On PostgreSQL set up as in production: Flyway migrates as the database's owner, the application connects as a role
 * of its own.
 */
@OnPostgres
class DurabilityOnPostgresTests extends DurabilityTests {

	private PostgresDatabase.ProductionDatabase database;

	@Override
	Map<String, String> database() {
		database = PostgresDatabase.createAsInProduction();
		return database.applicationEnvironment();
	}

	@Override
	Connection connectAfterwards() throws SQLException {
		return PostgresDatabase.ownerConnection(database.url());
	}

	@Override
	String databaseName() {
		return "PostgreSQL";
	}
}
