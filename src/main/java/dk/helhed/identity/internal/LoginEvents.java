package dk.helhed.identity.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import dk.helhed.identity.StaffLoginFailed;
import dk.helhed.identity.StaffLoginFailed.Reason;

/**
 * Feeds the outcomes of local logins to the failed-login counter, and tells the rest of the application (the audit
 * log) about every failed one. Logins through the identity provider report their own refusals ({@link OidcLogins}).
 */
@Component
class LoginEvents {

	private final StaffAccounts accounts;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	LoginEvents(StaffAccounts accounts, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
			accounts.loginSucceeded(principal.getUsername());
		}
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		var name = event.getAuthentication().getName();
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			accounts.loginFailed(name);
		}
		var account = accounts.identify(name);
		var reason = switch (event) {
			case AuthenticationFailureLockedEvent locked -> Reason.ACCOUNT_LOCKED;
			case AuthenticationFailureDisabledEvent disabled -> Reason.ACCOUNT_DISABLED;
			default -> Reason.WRONG_USERNAME_OR_PASSWORD;
		};
		events.publishEvent(new StaffLoginFailed(name == null ? "" : name.length() > 80 ? name.substring(0, 80) : name,
				account.map(StaffAccounts.Account::id).orElse(null),
				account.map(StaffAccounts.Account::municipalityId).orElse(null), reason == Reason.ACCOUNT_LOCKED,
				clock.instant(), reason));
	}
}
