package dk.helhed.identity.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import dk.helhed.identity.CurrentStaff;

/**
 * Where a login leads: to the form the same staff member sent after their session had expired, when there is one
 * ({@link UnsentForm}); otherwise to the page they asked for before logging in, or to the staff overview. Someone else
 * who logs in at the same browser never sees the kept form: it is thrown away.
 */
@Component
class LoginSuccess implements AuthenticationSuccessHandler {

	private final SavedRequestAwareAuthenticationSuccessHandler asked = new SavedRequestAwareAuthenticationSuccessHandler();

	LoginSuccess() {
		asked.setDefaultTargetUrl("/personale");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		var session = request.getSession(false);
		var unsent = UnsentForm.in(session);
		if (unsent.isPresent()) {
			var staff = CurrentStaff.find();
			if (staff.isPresent() && unsent.get().belongsTo(staff.get().id())) {
				response.sendRedirect(request.getContextPath() + SessionController.RESTORE);
				return;
			}
			UnsentForm.forget(session);
		}
		asked.onAuthenticationSuccess(request, response, authentication);
	}
}
