package dk.helhed.identity.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.helhed.identity.CurrentStaff;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;

/**
 * No lost work when a staff session runs out (security.md item 6 keeps the idle timeout at 30 minutes): every staff
 * page says when the session will expire and, with JavaScript, warns a few minutes before and offers to stay logged in
 * (a POST here that touches the session); without JavaScript the same button sends the person back to the page. A form
 * sent after expiry is kept ({@link ExpiredSessionPosts}), and after the login the same person sees it here, filled
 * in, to send again or throw away.
 */
@Controller
class SessionController implements WebMvcConfigurer {

	static final String KEEP_ALIVE = "/personale/sessionen";

	static final String RESTORE = "/personale/gendan";

	/** What the kept form was for, by its address; the page says "Du var ved at gemme …". */
	private static final List<Map.Entry<Pattern, String>> PURPOSES = List.of(
			Map.entry(Pattern.compile("/personale/borgere/[^/]+/notater"), "session.restore.purpose.note"),
			Map.entry(Pattern.compile("/personale/borgere/[^/]+/samtykker"), "session.restore.purpose.consent"),
			Map.entry(Pattern.compile("/personale/borgere/[^/]+/lovgrundlag"), "session.restore.purpose.legalbasis"),
			Map.entry(Pattern.compile("/personale/borgere(/.*)?"), "session.restore.purpose.citizen"),
			Map.entry(Pattern.compile("/personale/indsatser(/.*)?"), "session.restore.purpose.service"),
			Map.entry(Pattern.compile("/personale/aendringer/.*"), "session.restore.purpose.change"),
			Map.entry(Pattern.compile("/personale/brugere(/.*)?"), "session.restore.purpose.account"),
			Map.entry(Pattern.compile("/personale/udgaver(/.*)?"), "session.restore.purpose.edition"));

	private final SessionSettings settings;
	private final MessageSource messages;

	SessionController(SessionSettings settings, MessageSource messages) {
		this.settings = settings;
		this.messages = messages;
	}

	/** Stay logged in: the request itself renews the session. A script gets the seconds left; a form goes back. */
	@PostMapping(KEEP_ALIVE)
	@AccessRule(Audience.STAFF)
	Object keepAlive(@RequestParam(name = "tilbage", required = false) String back,
			@RequestHeader(name = "Accept", required = false) String accept, HttpServletRequest request,
			RedirectAttributes redirect) {
		var seconds = request.getSession().getMaxInactiveInterval();
		if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("seconds", seconds, "warningSeconds", settings.warningSeconds(seconds)));
		}
		redirect.addFlashAttribute("message", "Du er stadig logget ind.");
		return "redirect:" + IdentityConfirmations.returnPath(back);
	}

	/** The form the staff member sent after their session expired, filled in as they left it. */
	@GetMapping(RESTORE)
	@AccessRule(Audience.STAFF)
	String restore(HttpServletRequest request, Model model, Locale locale) {
		var form = UnsentForm.in(request.getSession(false));
		if (form.isEmpty() || !form.get().belongsTo(CurrentStaff.get().id())) {
			UnsentForm.forget(request.getSession(false));
			return "redirect:/personale";
		}
		var unsent = form.get();
		List<Field> shown = new ArrayList<>();
		List<Map.Entry<String, String>> hidden = new ArrayList<>();
		unsent.fields().forEach((name, values) -> {
			var label = messages.getMessage("session.restore.field." + name, null, null, locale);
			if (label != null && values.size() == 1) {
				shown.add(new Field(name, label, values.getFirst()));
			}
			else {
				values.forEach(value -> hidden.add(Map.entry(name, value)));
			}
		});
		model.addAttribute("unsent", unsent);
		model.addAttribute("purpose", messages.getMessage(purposeOf(unsent.path()), null, locale));
		model.addAttribute("shown", shown);
		model.addAttribute("hidden", hidden);
		model.addAttribute("postedAt", AdministrationLabels.DANISH_LABELS.moment(unsent.postedAt()));
		return "identity/restore";
	}

	@PostMapping(RESTORE + "/kasser")
	@AccessRule(Audience.STAFF)
	String discard(HttpServletRequest request, RedirectAttributes redirect) {
		UnsentForm.forget(request.getSession(false));
		redirect.addFlashAttribute("message", "Det du skrev, før du blev logget ud, er slettet.");
		return "redirect:/personale";
	}

	/** A text field of the kept form, shown to be read and changed before it is sent again. */
	record Field(String name, String label, String value) {
	}

	static String purposeOf(String path) {
		return PURPOSES.stream()
			.filter(purpose -> purpose.getKey().matcher(path).matches())
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("session.restore.purpose.other");
	}

	/**
	 * The kept form is gone once it has been sent again and accepted: a staff form that succeeds answers with a
	 * redirect (post/redirect/get); one that is refused shows itself again, filled in, and the kept copy stays.
	 */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
					Exception ex) {
				if (!"POST".equals(request.getMethod()) || ex != null || response.getStatus() / 100 != 3) {
					return;
				}
				var session = request.getSession(false);
				UnsentForm.in(session)
					.filter(form -> form.path().equals(request.getRequestURI()))
					.filter(form -> CurrentStaff.find().filter(staff -> form.belongsTo(staff.id())).isPresent())
					.ifPresent(form -> UnsentForm.forget(session));
			}
		}).addPathPatterns("/personale/**");
	}

	/** What every staff page's layout shows about the session: when it expires, and when to warn. */
	@ControllerAdvice
	static class SessionModel {

		private final SessionSettings settings;
		private final Clock clock;

		SessionModel(SessionSettings settings, Clock clock) {
			this.settings = settings;
			this.clock = clock;
		}

		@ModelAttribute("staffSession")
		StaffSession staffSession(HttpServletRequest request) {
			var path = request.getRequestURI();
			var session = request.getSession(false);
			if (session == null || CurrentStaff.find().isEmpty()
					|| !(path.equals("/personale") || path.startsWith("/personale/"))) {
				return null;
			}
			int seconds = session.getMaxInactiveInterval();
			if (seconds <= 0) {
				return null;
			}
			var expiresAt = clock.instant().plusSeconds(seconds);
			return new StaffSession(seconds, settings.warningSeconds(seconds),
					AdministrationLabels.DANISH_LABELS.time(expiresAt), IdentityConfirmations.returnPath(path));
		}
	}

	/**
	 * @param seconds how long the session lasts without use
	 * @param warningSeconds how long before it expires the page warns
	 * @param expiresAt the time of day it expires if the page is left alone, in Danish
	 * @param returnTo where the button without JavaScript leads back to
	 */
	record StaffSession(int seconds, long warningSeconds, String expiresAt, String returnTo) {
	}
}
