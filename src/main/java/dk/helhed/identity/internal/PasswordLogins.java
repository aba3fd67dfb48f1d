package dk.helhed.identity.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import dk.helhed.identity.StaffLoginFailed;
import dk.helhed.identity.StaffLoginFailed.Reason;
import dk.helhed.platform.KeyedHash;

/**
 * The local login (user name and password), guarded against the two attacks the outside probe found (security.md
 * items 6 and 14a):
 * <ul>
 * <li>Simultaneous guesses: each attempt is counted against the account in one atomic update <em>before</em> its
 * password is checked, so with one guess left exactly one of many parallel attempts is checked.</li>
 * <li>Locking others out: attempts are throttled per client address with growing delays, and an address that has
 * failed {@value StaffAccounts#MAX_FAILED_LOGINS} minus one times no longer counts against accounts, so one attacker
 * cannot lock a colleague's account; it only slows itself down.</li>
 * </ul>
 * Every refusal is told to the audit log ({@link StaffLoginFailed}); a name no account has is hashed there.
 */
@Component
class PasswordLogins implements AuthenticationProvider {

	/** The address must wait; the login page says so. */
	static final class Throttled extends LockedException {

		Throttled() {
			super("helhed_wait");
		}
	}

	/** A wrong user name or password, already counted here. */
	static final class Refused extends BadCredentialsException {

		Refused() {
			super("Bad credentials");
		}
	}

	/** A hash of a password nobody has, so that an unknown name takes as long as a wrong password. */
	private final String nobody;

	private final StaffAccounts accounts;
	private final LoginThrottle throttle;
	private final PasswordEncoder passwords;
	private final KeyedHash hashes;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PasswordLogins(StaffAccounts accounts, LoginThrottle throttle, PasswordEncoder passwords, KeyedHash hashes,
			ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.passwords = passwords;
		this.hashes = hashes;
		this.events = events;
		this.clock = clock;
		this.nobody = passwords.encode(java.util.UUID.randomUUID().toString());
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var username = authentication.getName() == null ? "" : authentication.getName();
		var password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		var address = authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "ukendt";
		var addressHash = hashes.of("adresse", address);
		var account = accounts.identify(username);
		if (!throttle.reserve(addressHash)) {
			failed(username, account, Reason.ADDRESS_THROTTLED);
			throw new Throttled();
		}
		StaffPrincipal principal;
		try {
			principal = (StaffPrincipal) accounts.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			passwords.matches(password, nobody);
			throttle.failed(addressHash);
			failed(username, account, Reason.WRONG_USERNAME_OR_PASSWORD);
			throw new Refused();
		}
		var id = principal.member().id();
		var municipalityId = principal.member().municipalityId();
		if (!principal.isEnabled()) {
			failed(username, account, Reason.ACCOUNT_DISABLED);
			throw new DisabledException("Account closed");
		}
		boolean counts = throttle.failures(addressHash) < StaffAccounts.MAX_FAILED_LOGINS - 1;
		if (counts ? !accounts.reserveAttempt(municipalityId, id) : !principal.isAccountNonLocked()) {
			failed(username, account, Reason.ACCOUNT_LOCKED);
			throw new LockedException("Account locked");
		}
		if (!passwords.matches(password, principal.getPassword())) {
			throttle.failed(addressHash);
			if (counts) {
				accounts.attemptFailed(municipalityId, id);
			}
			failed(username, account, Reason.WRONG_USERNAME_OR_PASSWORD);
			throw new Refused();
		}
		throttle.succeeded(addressHash);
		accounts.loginSucceeded(principal.getUsername());
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
	}

	private void failed(String username, java.util.Optional<StaffAccounts.Account> account, Reason reason) {
		events.publishEvent(new StaffLoginFailed(username.length() > 80 ? username.substring(0, 80) : username,
				account.map(StaffAccounts.Account::id).orElse(null),
				account.map(StaffAccounts.Account::municipalityId).orElse(null), reason == Reason.ACCOUNT_LOCKED,
				clock.instant(), reason));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
