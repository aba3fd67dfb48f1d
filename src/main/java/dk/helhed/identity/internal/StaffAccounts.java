package dk.helhed.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.identity.StaffMember;

/**
 * Staff accounts for logging in: looks them up as {@link StaffAccount} aggregates (which say whether they may log in)
 * for a local login and for a login through the municipality's identity provider, and counts failed logins, locking an
 * account for a while after too many in a row. The counters are written here only, each in one atomic statement.
 */
@Service
class StaffAccounts implements UserDetailsService {

	static final int MAX_FAILED_LOGINS = 5;
	static final Duration LOCK_TIME = Duration.ofMinutes(15);

	private final JdbcClient jdbc;
	private final StaffAccountRepository repository;
	private final Clock clock;

	StaffAccounts(JdbcClient jdbc, StaffAccountRepository repository, Clock clock) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * The account's principal for a local login; an account without a password has none. Whether the account may log
	 * in (not when closed) and whether it is locked, the account says.
	 */
	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		var account = identify(username)
			.flatMap(found -> repository.findByMunicipalityIdAndId(found.municipalityId(), found.id()));
		if (account.isEmpty() || !account.get().hasPassword()) {
			throw new UsernameNotFoundException("Unknown user");
		}
		return account.get().principal(clock.instant());
	}

	@Transactional
	void loginSucceeded(String username) {
		identify(username).ifPresent(account -> jdbc.sql("""
				update staff_user set failed_logins = 0, locked_until = null, last_login_at = ?
				where municipality_id = ? and id = ?""")
			.params(now(), account.municipalityId(), account.id())
			.update());
	}

	/**
	 * Counts a login attempt before its password is checked, in one atomic update: with one guess left, of many
	 * simultaneous attempts only one is checked (security.md item 14a). False when the account is locked (or the
	 * attempts in flight have used up what is left): the password is then not checked at all.
	 */
	@Transactional
	boolean reserveAttempt(UUID municipalityId, UUID accountId) {
		return jdbc.sql("""
				update staff_user set failed_logins = failed_logins + 1
				where municipality_id = ? and id = ? and failed_logins < ? and (locked_until is null or locked_until <= ?)""")
			.params(municipalityId, accountId, MAX_FAILED_LOGINS, now())
			.update() == 1;
	}

	/** The reserved attempt failed: the attempt that used up the last guess locks the account. */
	@Transactional
	void attemptFailed(UUID municipalityId, UUID accountId) {
		jdbc.sql("""
				update staff_user set locked_until = ?, failed_logins = 0
				where municipality_id = ? and id = ? and failed_logins >= ?""")
			.params(now().plus(LOCK_TIME), municipalityId, accountId, MAX_FAILED_LOGINS)
			.update();
	}

	/** An attempt from an address that may no longer count against accounts: give its reservation back. */
	@Transactional
	void releaseAttempt(UUID municipalityId, UUID accountId) {
		jdbc.sql("""
				update staff_user set failed_logins = failed_logins - 1
				where municipality_id = ? and id = ? and failed_logins > 0""")
			.params(municipalityId, accountId)
			.update();
	}

	/** Counts a failed login; the fifth in a row locks the account for {@link #LOCK_TIME}. */
	@Transactional
	void loginFailed(String username) {
		var account = identify(username);
		if (account.isEmpty()) {
			return;
		}
		var municipalityId = account.get().municipalityId();
		var id = account.get().id();
		jdbc.sql("update staff_user set failed_logins = failed_logins + 1 where municipality_id = ? and id = ?")
			.params(municipalityId, id)
			.update();
		jdbc.sql("""
				update staff_user set locked_until = ?, failed_logins = 0
				where municipality_id = ? and id = ? and failed_logins >= ?""")
			.params(now().plus(LOCK_TIME), municipalityId, id, MAX_FAILED_LOGINS)
			.update();
	}

	/** An account by its user name, without credentials. */
	record Account(UUID id, UUID municipalityId) {
	}

	/**
	 * The account a user name names, found in {@code login_name}: user names are unique across the country, and the
	 * account's municipality is what every further query on the staff tables needs (docs/scale.md).
	 */
	@Transactional(readOnly = true)
	Optional<Account> identify(String username) {
		if (username == null || username.isBlank() || username.length() > 80) {
			return Optional.empty();
		}
		return jdbc.sql("select staff_id as id, municipality_id from login_name where username = ?")
			.param(username.strip().toLowerCase())
			.query(Account.class)
			.optional();
	}

	/** An account found for a person the identity provider vouched for. */
	record ProviderAccount(StaffMember member, boolean mayLogIn) {
	}

	/**
	 * The accounts whose user name or e-mail address is the given value, ignoring case. A user name matches at most
	 * one account; an e-mail address may match several, which the caller must refuse as ambiguous. Whether the
	 * account has a password plays no part: the provider has proved who the person is. A user name is found in
	 * {@code login_name}; an e-mail address in the municipality the provider serves, or, for a provider that serves
	 * several, in every municipality (on Citus a query to every node, docs/scale.md).
	 */
	@Transactional(readOnly = true)
	List<ProviderAccount> findForProviderLogin(OidcSettings.MatchBy matchBy, String value, UUID servedMunicipality) {
		if (value == null || value.isBlank() || value.length() > 200) {
			return List.of();
		}
		var normalised = value.strip().toLowerCase(Locale.ROOT);
		List<Account> found = switch (matchBy) {
			case USERNAME -> identify(normalised).stream().toList();
			case EMAIL -> servedMunicipality == null
					? jdbc.sql("select id, municipality_id from staff_user where lower(email) = ?")
						.param(normalised)
						.query(Account.class)
						.list()
					: jdbc.sql("select id, municipality_id from staff_user where municipality_id = ? and lower(email) = ?")
						.params(servedMunicipality, normalised)
						.query(Account.class)
						.list();
		};
		return found.stream()
			.flatMap(account -> repository.findByMunicipalityIdAndId(account.municipalityId(), account.id()).stream())
			.map(account -> new ProviderAccount(account.member(), account.mayLogIn()))
			.toList();
	}

	/**
	 * Notes a login through the identity provider. The counter of failed local logins is left alone: it guards the
	 * password, which this login did not use.
	 */
	@Transactional
	void providerLoginSucceeded(UUID municipalityId, UUID userId) {
		jdbc.sql("update staff_user set last_login_at = ? where municipality_id = ? and id = ?")
			.params(now(), municipalityId, userId)
			.update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
