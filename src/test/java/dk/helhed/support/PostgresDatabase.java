package dk.helhed.support;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.core.ConditionTimeoutException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL server the persistence tests also run on: 127.0.0.1:5432, user postgres, database test (override
 * with HELHED_TEST_POSTGRES_URL, _USER, _PASSWORD). Each Spring context gets a fresh database of its own, dropped
 * when the test JVM ends.
 */
public final class PostgresDatabase {

	private static final String URL = env("HELHED_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
	private static final String USER = env("HELHED_TEST_POSTGRES_USER", "postgres");
	private static final String PASSWORD = env("HELHED_TEST_POSTGRES_PASSWORD", "");
	private static final List<String> CREATED = new CopyOnWriteArrayList<>();
	private static final List<String> ROLES = new CopyOnWriteArrayList<>();
	private static volatile Boolean reachable;

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(PostgresDatabase::dropAll, "drop-test-databases"));
	}

	private PostgresDatabase() {
	}

	public static boolean reachable() {
		if (reachable == null) {
			reachable = answers();
		}
		return reachable;
	}

	/**
	 * Whether the server answers. A server that has no connection to spare right now (SQL state 53300: other test
	 * runs share it) is asked again for up to a minute, rather than skipping every PostgreSQL test of this run.
	 */
	private static boolean answers() {
		var answer = new AtomicBoolean();
		try {
			await("PostgreSQL at " + describe() + " to accept a connection").atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> {
					try (var connection = connect(URL)) {
						answer.set(connection.isValid(2));
						return true;
					}
					catch (SQLException ex) {
						return !"53300".equals(ex.getSQLState());
					}
				});
		}
		catch (ConditionTimeoutException ex) {
			return false;
		}
		return answer.get();
	}

	public static String describe() {
		return URL + " (user " + USER + ")";
	}

	/** Creates a new, empty database and points the Spring context's data source at it. */
	public static void register(DynamicPropertyRegistry registry) {
		var name = "helhed_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (var connection = connect(URL); var statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create a test database on " + describe(), ex);
		}
		CREATED.add(name);
		var url = urlOf(name);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> PASSWORD);
		shrinkIdlePool(registry);
	}

	/**
	 * Like {@link #register}, but as in production: Flyway migrates as the owner, and the application connects as a
	 * role of its own, which gets only the rights the migrations grant it.
	 *
	 * @return the application role's name
	 */
	public static String registerWithApplicationRole(DynamicPropertyRegistry registry) {
		var suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		var name = "helhed_test_" + suffix;
		var role = "helhed_app_" + suffix;
		try (var connection = connect(URL); var statement = connection.createStatement()) {
			statement.execute("create role " + role + " login");
			statement.execute("create database " + name);
			statement.execute("grant connect on database " + name + " to " + role);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create a test database and role on " + describe(), ex);
		}
		CREATED.add(name);
		ROLES.add(role);
		var url = urlOf(name);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> role);
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.flyway.user", () -> USER);
		registry.add("spring.flyway.password", () -> PASSWORD);
		registry.add("helhed.database.application-role", () -> role);
		shrinkIdlePool(registry);
		return role;
	}

	/**
	 * Spring keeps the test contexts, and with them their connection pools, until the test JVM ends. With ten idle
	 * connections each, a few test runs sharing one server (max_connections 100 by default) use up its connections;
	 * idle pools shrink to one connection after 10 s instead. The maximum stays as in production. (Not on H2: there a
	 * CHECK constraint with an IN list fails once the session that created it has closed, H2 2.4.240.)
	 */
	private static void shrinkIdlePool(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
		registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
	}

	/**
	 * A database set up as the production guide (docs/production.md) says: owned by a role of its own, which Flyway
	 * migrates as, and used by the application through another role, which gets only what the migrations grant it.
	 * Neither role is a superuser. Both and the database are dropped when the test JVM ends.
	 */
	public record ProductionDatabase(String name, String url, String ownerRole, String applicationRole) {

		/** The settings that start the application on this database, as environment variables. */
		public Map<String, String> applicationEnvironment() {
			var environment = new LinkedHashMap<String, String>();
			environment.put("SPRING_DATASOURCE_URL", url);
			environment.put("SPRING_DATASOURCE_USERNAME", applicationRole);
			environment.put("SPRING_DATASOURCE_PASSWORD", "");
			environment.put("SPRING_FLYWAY_USER", ownerRole);
			environment.put("SPRING_FLYWAY_PASSWORD", "");
			environment.put("HELHED_DATABASE_APPLICATION_ROLE", applicationRole);
			return environment;
		}
	}

	/** Creates a new, empty database with an owner role and an application role of its own; see {@link ProductionDatabase}. */
	public static ProductionDatabase createAsInProduction() {
		var suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		var name = "helhed_test_" + suffix;
		var owner = "helhed_owner_" + suffix;
		var application = "helhed_app_" + suffix;
		try (var connection = connect(URL); var statement = connection.createStatement()) {
			statement.execute("create role " + owner + " login");
			statement.execute("create role " + application + " login");
			ROLES.add(owner);
			ROLES.add(application);
			statement.execute("create database " + name + " owner " + owner);
			CREATED.add(name);
			statement.execute("grant connect on database " + name + " to " + application);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create a test database and its roles on " + describe(), ex);
		}
		return new ProductionDatabase(name, urlOf(name), owner, application);
	}

	/** The JDBC URL of a database on the test server. */
	public static String urlOf(String databaseName) {
		return URL.substring(0, URL.lastIndexOf('/') + 1) + databaseName;
	}

	/** Drops the database when the test JVM ends, like the ones made here; for databases a test makes otherwise. */
	public static void dropAtExit(String databaseName) {
		CREATED.add(databaseName);
	}

	/**
	 * The environment that points PostgreSQL's own tools (pg_dump, pg_restore, createdb, psql) at the test server as
	 * the given role: PGHOST, PGPORT, PGUSER and, when there is one, PGPASSWORD.
	 */
	public static Map<String, String> toolEnvironment(String role) {
		var address = URI.create(URL.substring("jdbc:".length()));
		var environment = new LinkedHashMap<String, String>();
		environment.put("PGHOST", address.getHost());
		environment.put("PGPORT", String.valueOf(address.getPort() < 0 ? 5432 : address.getPort()));
		environment.put("PGUSER", role);
		if (!PASSWORD.isEmpty()) {
			environment.put("PGPASSWORD", PASSWORD);
		}
		return environment;
	}

	/** The role the tests administer the server as (postgres), e.g. to create databases. */
	public static String administrator() {
		return USER;
	}

	/** A connection to the given test database as the given role (no password: as the test server's roles have). */
	public static Connection connectAs(String databaseUrl, String role) throws SQLException {
		DriverManager.setLoginTimeout(3);
		return DriverManager.getConnection(databaseUrl, role, role.equals(USER) ? PASSWORD : "");
	}

	/** A connection to the given test database as the server's owner (postgres). */
	public static Connection ownerConnection(String databaseUrl) throws SQLException {
		return connect(databaseUrl);
	}

	private static void dropAll() {
		for (var name : CREATED) {
			try (var connection = connect(URL); var statement = connection.createStatement()) {
				statement.execute("drop database if exists " + name + " with (force)");
			}
			catch (SQLException ex) {
				// best effort: a database left behind is harmless and has a recognisable name
			}
		}
		for (var role : ROLES) {
			try (var connection = connect(URL); var statement = connection.createStatement()) {
				statement.execute("drop role if exists " + role);
			}
			catch (SQLException ex) {
				// best effort, as above
			}
		}
	}

	private static Connection connect(String url) throws SQLException {
		DriverManager.setLoginTimeout(3);
		return DriverManager.getConnection(url, USER, PASSWORD);
	}

	private static String env(String name, String fallback) {
		var value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
