package dk.helhed.identity.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;


/**
 * The staff login page: the local form (Spring Security handles its POST to the same address) and a button for each
 * identity provider (OpenID Connect) that is configured.
 */
@Controller
@AccessRule(Audience.EVERYONE)
class LoginController {

	/** A configured identity provider: its registration id and the name to show. */
	record Provider(String id, String name) {
	}

	private final LoginSettings settings;
	private final List<Provider> providers;

	LoginController(LoginSettings settings, ObjectProvider<ClientRegistrationRepository> registrations) {
		this.settings = settings;
		var providers = new ArrayList<Provider>();
		if (registrations.getIfAvailable() instanceof Iterable<?> all) {
			all.forEach(each -> {
				var registration = (ClientRegistration) each;
				providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
			});
		}
		this.providers = List.copyOf(providers);
	}

	@GetMapping("/log-ind")
	String login(@RequestParam(name = "fejl", required = false) String error, Model model) {
		model.addAttribute("localLogin", settings.localEnabled());
		model.addAttribute("providers", providers);
		model.addAttribute("loginError", errorMessage(error));
		return "identity/login";
	}

	/**
	 * The message for a failed login: the form's failure has no code; a refusal after the identity provider's login
	 * carries the OAuth 2.0 error code (Helhed's own from {@code OidcLogins}, or the provider's). A member of staff
	 * whose account locked or closed while they confirmed who they are ({@link ReauthenticationController}) is logged
	 * out with one of Helhed's codes too.
	 */
	private static String errorMessage(String error) {
		if (error == null) {
			return null;
		}
		return switch (error) {
			case "" -> "login.failed";
			case "helhed_no_account" -> "login.provider.noaccount";
			case "helhed_account_disabled" -> "login.provider.disabled";
			case "helhed_locked" -> "login.locked";
			case "helhed_wait" -> "login.wait";
			default -> "login.provider.failed";
		};
	}
}
