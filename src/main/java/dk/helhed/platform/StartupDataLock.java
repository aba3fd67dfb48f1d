package dk.helhed.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Several instances may start at once on an empty database. Flyway already waits for another instance's migration
 * (it locks the schema history), but the loaders that run after it (seed municipalities, demo staff, demo citizens)
 * ask "is it there yet?" and then insert: two instances starting together would both find nothing, and one would
 * fail on a unique constraint or both would add the demo citizens. This runner goes first and takes a PostgreSQL
 * advisory lock on a connection of its own; {@link Release} goes last and lets it go, so the loaders of one instance
 * run only after the other instance's have committed, and then find everything there. The lock is tied to the
 * connection: an instance that dies while holding it releases it with its connection. On H2 there is nothing to do,
 * as only one process can open an H2 file database.
 */
@Component
class StartupDataLock implements ApplicationRunner, Ordered, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(StartupDataLock.class);

	/** Any fixed number that no other advisory lock of Helhed's uses ("Helhed" in ASCII). */
	static final long KEY = 0x48656c686564L;

	private final DataSource dataSource;
	private Connection held;

	StartupDataLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void run(ApplicationArguments arguments) throws SQLException {
		var connection = dataSource.getConnection();
		if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql")) {
			connection.close();
			return;
		}
		var started = System.nanoTime();
		try (var statement = connection.prepareStatement("select pg_advisory_lock(?)")) {
			statement.setLong(1, KEY);
			statement.execute();
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		held = connection;
		long waited = (System.nanoTime() - started) / 1_000_000;
		if (waited > 100) {
			log.info("Waited {} ms for another instance to finish loading the start-up data", waited);
		}
	}

	/** Lets the lock go (the connection goes back to the pool, so the lock is released explicitly first). */
	synchronized void release() throws SQLException {
		if (held == null) {
			return;
		}
		try (var connection = held; var statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
			statement.setLong(1, KEY);
			statement.execute();
		}
		finally {
			held = null;
		}
	}

	/** When a loader fails, the application stops without reaching {@link Release}. */
	@Override
	public void destroy() throws SQLException {
		release();
	}

	@Component
	static class Release implements ApplicationRunner, Ordered {

		private final StartupDataLock lock;

		Release(StartupDataLock lock) {
			this.lock = lock;
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

		@Override
		public void run(ApplicationArguments arguments) throws SQLException {
			lock.release();
		}
	}
}
