package dk.helhed.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throttles local logins per client address with growing delays (security.md item 14a): the first
 * {@value #FREE_FAILURES} failed logins from an address cost nothing; after that each further attempt must wait
 * twice as long as the one before (1 s, 2 s, 4 s … at most {@link #LONGEST_WAIT}). Attempts are reserved atomically,
 * so simultaneous attempts from a waiting address are refused without their password being checked. An address is
 * known only by its keyed hash; it is forgotten an hour after its last failure.
 */
@Component
class LoginThrottle {

	static final int FREE_FAILURES = 5;
	static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
	static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TransactionTemplate ownTransaction;

	LoginThrottle(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Reserves an attempt from the address: false when it must wait. */
	boolean reserve(String addressHash) {
		var now = now();
		try {
			ownTransaction.executeWithoutResult(status -> jdbc.sql("""
					insert into login_throttle (address_hash, failures)
					select ?, 0 where not exists (select 1 from login_throttle where address_hash = ?)""")
				.params(addressHash, addressHash)
				.update());
		}
		catch (DuplicateKeyException ex) {
			// Another attempt from the address inserted it first.
		}
		return Boolean.TRUE.equals(ownTransaction.execute(status -> {
			jdbc.sql("""
					update login_throttle set failures = 0, next_allowed_at = null
					where address_hash = ? and last_failure_at < ?""")
				.params(addressHash, now.minus(FORGOTTEN_AFTER))
				.update();
			int failures = failures(addressHash);
			var wait = wait(failures);
			if (wait.isZero()) {
				// Nothing to slow down yet: nothing is reserved, so that colleagues behind one address (an office's
				// network) who log in at the same moment are never told to wait for each other.
				return jdbc.sql("""
						select count(*) from login_throttle where address_hash = ? and next_allowed_at > ?""")
					.params(addressHash, now)
					.query(Integer.class)
					.single() == 0;
			}
			return jdbc.sql("""
					update login_throttle set next_allowed_at = ?
					where address_hash = ? and (next_allowed_at is null or next_allowed_at <= ?)""")
				.params(now.plus(wait), addressHash, now)
				.update() == 1;
		}));
	}

	int failures(String addressHash) {
		return jdbc.sql("select failures from login_throttle where address_hash = ?")
			.param(addressHash)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	void failed(String addressHash) {
		var now = now();
		ownTransaction.executeWithoutResult(status -> {
			int failures = failures(addressHash) + 1;
			jdbc.sql("""
					update login_throttle set failures = ?, last_failure_at = ?, next_allowed_at = ?
					where address_hash = ?""")
				.params(failures, now, now.plus(wait(failures)), addressHash)
				.update();
		});
	}

	void succeeded(String addressHash) {
		ownTransaction.executeWithoutResult(status -> jdbc.sql("""
				update login_throttle set failures = 0, next_allowed_at = null where address_hash = ?""")
			.param(addressHash)
			.update());
	}

	/** How long an address with this many failures waits before its next attempt. */
	static Duration wait(int failures) {
		if (failures < FREE_FAILURES) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - FREE_FAILURES, 20);
		var wait = Duration.ofSeconds(1L << doublings);
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
