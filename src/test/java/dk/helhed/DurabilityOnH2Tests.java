package dk.helhed;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * On the embedded H2 database, exactly as an installation gets it by default: no database settings at all, so the
 * application opens {@code ./data/helhed} in its working directory with the JDBC URL of application.yaml.
 */
class DurabilityOnH2Tests extends DurabilityTests {

	@Override
	Map<String, String> database() {
		return Map.of();
	}

	@Override
	Connection connectAfterwards() throws SQLException {
		// IFEXISTS: a wrong path fails instead of opening a new, empty database
		return DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("data/helhed").toAbsolutePath()
				+ ";IFEXISTS=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
	}

	@Override
	String storage() {
		try {
			return "Database file after the graceful stop: %.1f MB.".formatted(Files.size(directory.resolve("data/helhed.mv.db")) / 1e6);
		}
		catch (IOException ex) {
			return "";
		}
	}

	@Override
	String databaseName() {
		return "H2 (the default file database)";
	}
}
