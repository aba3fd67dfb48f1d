package dk.helhed.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.identity.StaffLoginFailed;
import dk.helhed.identity.StaffLoginFailed.Reason;
import dk.helhed.identity.StaffMember;

/**
 * A signed-in member of staff confirms who they are by typing their password again, before an action that needs it
 * (security.md item 6: re-authentication for administrator actions). It is a login in all but name: a wrong password
 * counts towards the lock after {@value StaffAccounts#MAX_FAILED_LOGINS} failures in a row, a locked or closed
 * account cannot confirm, and every failure is published as {@link StaffLoginFailed} for the audit log.
 */
@Service
public class PasswordConfirmation {

	/** How a confirmation went. */
	public enum Outcome {
		CONFIRMED,
		/** Wrong password (or the account has none); the failure has been counted. */
		WRONG_PASSWORD,
		/** The account is locked after too many failures, just now or before. */
		LOCKED,
		/** The account has been closed. */
		CLOSED
	}

	/** No password is that long; such input is refused without hashing it. */
	private static final int LONGEST_TRIED = 200;

	private final JdbcClient jdbc;
	private final StaffAccounts accounts;
	private final PasswordEncoder passwords;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PasswordConfirmation(JdbcClient jdbc, StaffAccounts accounts, PasswordEncoder passwords,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Outcome confirm(StaffMember staff, String password) {
		record Row(String username, String passwordHash, boolean enabled, OffsetDateTime lockedUntil) {
		}
		var row = jdbc.sql("""
				select username, password_hash, enabled, locked_until from staff_user
				where municipality_id = ? and id = ?""")
			.params(staff.municipalityId(), staff.id())
			.query(Row.class)
			.optional()
			.orElse(null);
		if (row == null || !row.enabled()) {
			failed(staff, Reason.ACCOUNT_DISABLED, false);
			return Outcome.CLOSED;
		}
		if (locked(row.lockedUntil())) {
			failed(staff, Reason.ACCOUNT_LOCKED, true);
			return Outcome.LOCKED;
		}
		if (row.passwordHash() != null && password != null && password.length() <= LONGEST_TRIED
				&& matches(password, row.passwordHash())) {
			jdbc.sql("update staff_user set failed_logins = 0 where municipality_id = ? and id = ?")
				.params(staff.municipalityId(), staff.id())
				.update();
			return Outcome.CONFIRMED;
		}
		accounts.loginFailed(row.username());
		var lockedNow = jdbc.sql("select locked_until from staff_user where municipality_id = ? and id = ?")
			.params(staff.municipalityId(), staff.id())
			.query(OffsetDateTime.class)
			.optional()
			.map(this::locked)
			.orElse(false);
		failed(staff, Reason.WRONG_USERNAME_OR_PASSWORD, false);
		return lockedNow ? Outcome.LOCKED : Outcome.WRONG_PASSWORD;
	}

	private boolean matches(String password, String hash) {
		try {
			return passwords.matches(password, hash);
		}
		catch (IllegalArgumentException ex) {
			// BCrypt refuses passwords of more than 72 bytes; no stored password is one.
			return false;
		}
	}

	private boolean locked(OffsetDateTime lockedUntil) {
		return lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
	}

	private void failed(StaffMember staff, Reason reason, boolean locked) {
		UUID municipality = staff.municipalityId();
		var name = staff.username().length() > 80 ? staff.username().substring(0, 80) : staff.username();
		events.publishEvent(new StaffLoginFailed(name, staff.id(), municipality, locked, clock.instant(), reason));
	}
}
