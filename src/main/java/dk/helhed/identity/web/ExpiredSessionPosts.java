package dk.helhed.identity.web;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import dk.helhed.identity.CurrentStaff;

/**
 * A form sent after the session has expired has no valid CSRF token, because the token lived in the session. Instead
 * of a bare refusal, a staff form is kept in the new session ({@link UnsentForm}) and the person is sent to the login
 * page, which says so; after the login they see what they wrote and send it again themselves. It is never submitted
 * on its own: a forged form from another site looks the same as an expired one, so sending it needs the person's own
 * click with a fresh token. Logging out after expiry lands on the login page too. Every other refusal is answered as
 * before (403).
 */
@Component
class ExpiredSessionPosts implements AccessDeniedHandler {

	static final String LOGIN_AFTER_EXPIRY = "/log-ind?udloebet";

	static final String LOGIN_AFTER_EXPIRY_KEPT = "/log-ind?udloebet=gemt";

	private final AccessDeniedHandler refusal = new AccessDeniedHandlerImpl();
	private final Clock clock;

	ExpiredSessionPosts(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException, ServletException {
		if (!(accessDeniedException instanceof CsrfException) || CurrentStaff.find().isPresent()
				|| !"POST".equals(request.getMethod())) {
			refusal.handle(request, response, accessDeniedException);
			return;
		}
		var path = request.getRequestURI();
		if (path.equals("/log-ud")) {
			response.sendRedirect(request.getContextPath() + "/log-ind?udlogget");
			return;
		}
		if (!path.equals("/personale") && !path.startsWith("/personale/")) {
			refusal.handle(request, response, accessDeniedException);
			return;
		}
		var form = UnsentForm.of(request, clock.instant());
		form.ifPresent(kept -> kept.keepIn(request.getSession(true)));
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader("Location",
				request.getContextPath() + (form.isPresent() ? LOGIN_AFTER_EXPIRY_KEPT : LOGIN_AFTER_EXPIRY));
	}
}
