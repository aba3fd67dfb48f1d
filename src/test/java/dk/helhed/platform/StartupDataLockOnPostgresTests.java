package dk.helhed.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dk.helhed.support.OnPostgres;
import dk.helhed.support.PostgresDatabase;

/**
 * Two instances starting at once on one database: the second one's start-up loaders wait until the first one's are
 * done (scripts/cluster.sh shows it with whole instances).
 */
@OnPostgres
class StartupDataLockOnPostgresTests {

	@Test
	void aSecondInstanceWaitsForTheFirstToFinishItsStartUpData() throws Exception {
		var first = new StartupDataLock(dataSource());
		var second = new StartupDataLock(dataSource());
		first.run(null);

		var secondHasTheLock = CompletableFuture.runAsync(() -> {
			try {
				second.run(null);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThatThrownBy(() -> secondHasTheLock.get(2, TimeUnit.SECONDS)).as("waits while the first loads")
			.isInstanceOf(TimeoutException.class);

		new StartupDataLock.Release(first).run(null);
		secondHasTheLock.get(30, TimeUnit.SECONDS);
		second.destroy();
		assertThat(advisoryLocksHeld()).as("released after the last loader").isZero();
	}

	@Test
	void anInstanceThatDiesWithTheLockReleasesIt() throws Exception {
		var dying = new StartupDataLock(dataSource());
		dying.run(null);
		try (var connection = dataSource().getConnection(); var statement = connection.prepareStatement("""
				select pg_terminate_backend(pid) from pg_locks
				where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())
				  and ((classid::bigint << 32) | objid::bigint) = ?""")) {
			statement.setLong(1, StartupDataLock.KEY);
			statement.execute();
		}

		var next = new StartupDataLock(dataSource());
		CompletableFuture.runAsync(() -> {
			try {
				next.run(null);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}).get(30, TimeUnit.SECONDS);
		next.destroy();
	}

	private static int advisoryLocksHeld() throws SQLException {
		try (var connection = dataSource().getConnection(); var statement = connection.prepareStatement("""
				select count(*) from pg_locks where locktype = 'advisory' and granted
				  and database = (select oid from pg_database where datname = current_database())
				  and ((classid::bigint << 32) | objid::bigint) = ?""")) {
			statement.setLong(1, StartupDataLock.KEY);
			try (var rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	private static SimpleDriverDataSource dataSource() {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), PostgresDatabase.urlOf("test"),
				PostgresDatabase.administrator(), "");
	}
}
