package dk.helhed.identity.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Starts the count of failed logins again after a successful login. The local login counts and reports its own
 * refusals ({@link PasswordLogins}), atomically and before the password is checked; logins through the identity
 * provider report theirs ({@link OidcLogins}).
 */
@Component
class LoginEvents {

	private final StaffAccounts accounts;

	LoginEvents(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
			accounts.loginSucceeded(principal.getUsername());
		}
	}
}
