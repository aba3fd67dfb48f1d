package dk.helhed.identity.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Feeds login outcomes to the failed-login counter.
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

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		accounts.loginFailed(event.getAuthentication().getName());
	}
}
