package dk.helhed.identity.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.internal.PasswordConfirmation;
import dk.helhed.identity.internal.StaffOidcUser;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;

/**
 * "Bekræft at det er dig": a signed-in member of staff confirms who they are before an action that needs it
 * (security.md item 6), and is then sent back to the page they came from to send their form again.
 * <p>
 * Who logged in with a password types it again; a wrong one counts towards the lock like a failed login, and when the
 * account locks the session ends. Who logged in through the municipality's identity provider is sent there to log in
 * again ({@code prompt=login}, {@code max_age=0}, see {@link ProviderLoginRequests}); the confirmation counts only if
 * the ID token the provider sends back says the person logged in after they were sent ({@code auth_time}), and only
 * for the same staff account.
 */
@Controller
@AccessRule(Audience.STAFF)
class ReauthenticationController {

	static final String PROVIDER_PATH = IdentityConfirmations.PAGE + "/kommunelogin";

	private final IdentityConfirmations confirmations;
	private final PasswordConfirmation passwords;
	private final Clock clock;

	ReauthenticationController(IdentityConfirmations confirmations, PasswordConfirmation passwords, Clock clock) {
		this.confirmations = confirmations;
		this.passwords = passwords;
		this.clock = clock;
	}

	@GetMapping(IdentityConfirmations.PAGE)
	String page(@RequestParam(name = "tilbage", required = false) String back, Model model,
			HttpServletRequest request) {
		return page(IdentityConfirmations.returnPath(back), model, request, Map.of());
	}

	@PostMapping(IdentityConfirmations.PAGE)
	String confirmWithPassword(@RequestParam(name = "password", required = false) String password,
			@RequestParam(name = "tilbage", required = false) String requestedBack, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var back = IdentityConfirmations.returnPath(requestedBack);
		if (provider().isPresent()) {
			response.setStatus(400);
			return page(back, model, request, Map.of("password",
					"Du er logget ind med kommunens login. Bekræft med kommunens login i stedet for en adgangskode."));
		}
		if (password == null || password.isEmpty()) {
			response.setStatus(400);
			return page(back, model, request, Map.of("password", "Skriv din adgangskode."));
		}
		return switch (passwords.confirm(staff, password)) {
			case CONFIRMED -> {
				confirmations.confirmed(request, staff, clock.instant());
				yield confirmedAndBack(back, redirect);
			}
			case WRONG_PASSWORD -> {
				response.setStatus(400);
				yield page(back, model, request, Map.of("password", "Adgangskoden er forkert. Efter 5 forkerte forsøg i "
						+ "træk bliver kontoen låst i 15 minutter."));
			}
			case LOCKED -> logOut(request, response, "helhed_locked");
			case CLOSED -> logOut(request, response, "helhed_account_disabled");
		};
	}

	/**
	 * Sends the staff member to the identity provider to log in again and, when they come back (the login sends them
	 * back here), counts the confirmation if the provider says they logged in just now.
	 */
	@GetMapping(PROVIDER_PATH)
	String confirmThroughProvider(@RequestParam(name = "tilbage", required = false) String requestedBack,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var back = IdentityConfirmations.returnPath(requestedBack);
		var provider = provider();
		if (provider.isEmpty()) {
			return "redirect:" + IdentityConfirmations.pageReturningTo(back);
		}
		var pending = confirmations.takeProviderRequest(request);
		if (pending.isPresent()) {
			var loggedInAt = provider.get().user().getIdToken().getAuthenticatedAt();
			var now = clock.instant();
			var startedAt = pending.get().startedAt();
			// The same staff member, who logged in at the provider after they were sent there.
			if (pending.get().staffId().equals(staff.id()) && loggedInAt != null
					&& !loggedInAt.isBefore(startedAt.minus(IdentityConfirmations.CLOCK_SKEW))
					&& !loggedInAt.isAfter(now.plus(IdentityConfirmations.CLOCK_SKEW))) {
				confirmations.confirmed(request, staff, loggedInAt);
				return confirmedAndBack(back, redirect);
			}
			redirect.addFlashAttribute("error", "Kommunens login bekræftede ikke, at du loggede ind igen lige nu. "
					+ "Prøv igen. Sker det igen, så log ud og ind igen, og gentag det, du var i gang med.");
			return "redirect:" + IdentityConfirmations.pageReturningTo(back);
		}
		confirmations.providerRequested(request, staff);
		// The provider's login ends by sending the browser to the request saved here, that is back to this address.
		new HttpSessionRequestCache().saveRequest(request, response);
		return "redirect:/oauth2/authorization/" + provider.get().registrationId();
	}

	private String page(String back, Model model, HttpServletRequest request, Map<String, String> errors) {
		var staff = CurrentStaff.get();
		model.addAttribute("back", back);
		model.addAttribute("throughProvider", provider().isPresent());
		model.addAttribute("window", confirmations.windowInWords());
		model.addAttribute("confirmedUntil", confirmations.confirmedUntil(request, staff)
			.map(AdministrationLabels.DANISH_LABELS::time)
			.orElse(null));
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		return "identity/confirm";
	}

	private String confirmedAndBack(String back, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", "Tak. Du har bekræftet, at det er dig, og kan nu gemme ændringer i "
				+ confirmations.windowInWords() + ". Send formularen igen.");
		return "redirect:" + back;
	}

	/** Ends the session of a staff member whose account has locked (or closed) while they confirmed. */
	private String logOut(HttpServletRequest request, HttpServletResponse response, String reason) {
		new SecurityContextLogoutHandler().logout(request, response,
				SecurityContextHolder.getContext().getAuthentication());
		return "redirect:/log-ind?fejl=" + reason;
	}

	/** The identity provider the staff member logged in through, if they did. */
	record Provider(String registrationId, StaffOidcUser user) {
	}

	private static Optional<Provider> provider() {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken token
				&& token.getPrincipal() instanceof StaffOidcUser user) {
			return Optional.of(new Provider(token.getAuthorizedClientRegistrationId(), user));
		}
		return Optional.empty();
	}
}
