package dk.helhed.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;

/**
 * Staff accounts: looks them up for a local login (counting failed logins and locking an account for a while after
 * too many in a row) and for a login through the municipality's identity provider.
 */
@Service
class StaffAccounts implements UserDetailsService {

	static final int MAX_FAILED_LOGINS = 5;
	static final Duration LOCK_TIME = Duration.ofMinutes(15);

	private final JdbcClient jdbc;
	private final Clock clock;

	StaffAccounts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		record Row(UUID id, UUID municipalityId, String username, String displayName, UUID partnerId,
				String passwordHash, boolean enabled, OffsetDateTime lockedUntil) {
		}
		var row = username == null || username.length() > 80 ? Optional.<Row>empty() : jdbc.sql("""
				select id, municipality_id, username, display_name, partner_id, password_hash, enabled, locked_until
				from staff_user where username = ?""")
			.param(username.strip().toLowerCase())
			.query(Row.class)
			.optional();
		if (row.isEmpty() || row.get().passwordHash() == null) {
			throw new UsernameNotFoundException("Unknown user");
		}
		var user = row.get();
		var member = new StaffMember(user.id(), user.municipalityId(), user.username(), user.displayName(),
				roles(user.id()), units(user.id()), user.partnerId());
		return new StaffPrincipal(member, user.passwordHash(), user.enabled(),
				user.lockedUntil() == null ? null : user.lockedUntil().toInstant(), clock.instant());
	}

	@Transactional
	void loginSucceeded(String username) {
		jdbc.sql("update staff_user set failed_logins = 0, locked_until = null, last_login_at = ? where username = ?")
			.params(now(), username)
			.update();
	}

	/**
	 * Counts a login attempt before its password is checked, in one atomic update: with one guess left, of many
	 * simultaneous attempts only one is checked (security.md item 14a). False when the account is locked (or the
	 * attempts in flight have used up what is left): the password is then not checked at all.
	 */
	@Transactional
	boolean reserveAttempt(UUID accountId) {
		return jdbc.sql("""
				update staff_user set failed_logins = failed_logins + 1
				where id = ? and failed_logins < ? and (locked_until is null or locked_until <= ?)""")
			.params(accountId, MAX_FAILED_LOGINS, now())
			.update() == 1;
	}

	/** The reserved attempt failed: the attempt that used up the last guess locks the account. */
	@Transactional
	void attemptFailed(UUID accountId) {
		jdbc.sql("""
				update staff_user set locked_until = ?, failed_logins = 0
				where id = ? and failed_logins >= ?""")
			.params(now().plus(LOCK_TIME), accountId, MAX_FAILED_LOGINS)
			.update();
	}

	/** An attempt from an address that may no longer count against accounts: give its reservation back. */
	@Transactional
	void releaseAttempt(UUID accountId) {
		jdbc.sql("update staff_user set failed_logins = failed_logins - 1 where id = ? and failed_logins > 0")
			.param(accountId)
			.update();
	}

	/** Counts a failed login; the fifth in a row locks the account for {@link #LOCK_TIME}. */
	@Transactional
	void loginFailed(String username) {
		if (username == null || username.length() > 80) {
			return;
		}
		var name = username.strip().toLowerCase();
		jdbc.sql("update staff_user set failed_logins = failed_logins + 1 where username = ?").param(name).update();
		jdbc.sql("""
				update staff_user set locked_until = ?, failed_logins = 0
				where username = ? and failed_logins >= ?""")
			.params(now().plus(LOCK_TIME), name, MAX_FAILED_LOGINS)
			.update();
	}

	/** An account by its user name, without credentials. */
	record Account(UUID id, UUID municipalityId) {
	}

	@Transactional(readOnly = true)
	Optional<Account> identify(String username) {
		if (username == null || username.isBlank() || username.length() > 80) {
			return Optional.empty();
		}
		return jdbc.sql("select id, municipality_id from staff_user where username = ?")
			.param(username.strip().toLowerCase())
			.query(Account.class)
			.optional();
	}

	/** An account found for a person the identity provider vouched for. */
	record ProviderAccount(StaffMember member, boolean enabled) {
	}

	/**
	 * The accounts whose user name or e-mail address is the given value, ignoring case. A user name matches at most
	 * one account; an e-mail address may match several, which the caller must refuse as ambiguous. Whether the
	 * account has a password plays no part: the provider has proved who the person is.
	 */
	@Transactional(readOnly = true)
	List<ProviderAccount> findForProviderLogin(OidcSettings.MatchBy matchBy, String value) {
		record Row(UUID id, UUID municipalityId, String username, String displayName, UUID partnerId,
				boolean enabled) {
		}
		if (value == null || value.isBlank() || value.length() > 200) {
			return List.of();
		}
		var sql = switch (matchBy) {
			case USERNAME -> """
					select id, municipality_id, username, display_name, partner_id, enabled
					from staff_user where lower(username) = ?""";
			case EMAIL -> """
					select id, municipality_id, username, display_name, partner_id, enabled
					from staff_user where lower(email) = ?""";
		};
		return jdbc.sql(sql)
			.param(value.strip().toLowerCase(Locale.ROOT))
			.query(Row.class)
			.list()
			.stream()
			.map(row -> new ProviderAccount(new StaffMember(row.id(), row.municipalityId(), row.username(),
					row.displayName(), roles(row.id()), units(row.id()), row.partnerId()), row.enabled()))
			.toList();
	}

	/**
	 * Notes a login through the identity provider. The counter of failed local logins is left alone: it guards the
	 * password, which this login did not use.
	 */
	@Transactional
	void providerLoginSucceeded(UUID userId) {
		jdbc.sql("update staff_user set last_login_at = ? where id = ?").params(now(), userId).update();
	}

	Set<Role> roles(UUID userId) {
		return new HashSet<>(jdbc.sql("select role from staff_role where user_id = ?")
			.param(userId)
			.query((rs, n) -> Role.valueOf(rs.getString(1)))
			.list());
	}

	Set<UUID> units(UUID userId) {
		return new HashSet<>(jdbc.sql("select unit_id from staff_unit where user_id = ?")
			.param(userId)
			.query(UUID.class)
			.list());
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
