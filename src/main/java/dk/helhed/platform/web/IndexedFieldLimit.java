package dk.helhed.platform.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.validation.DataBinder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dk.helhed.platform.InvalidRequestException;

/**
 * Refuses a form field with a list index no page sends, such as {@code roles[500]}, as a bad request (400). Forms are
 * bound to records, and Spring's binder fails on an index at or above its limit for growing a list with an
 * {@code IndexOutOfBoundsException}, which would otherwise answer 500. Runs after the access rules, before binding.
 */
@Component
class IndexedFieldLimit implements HandlerInterceptor, WebMvcConfigurer {

	private static final Pattern INDEX = Pattern.compile("\\[(\\d*)]");

	/** What a form with an index no page sends is told (here, and by {@link MalformedRequests}). */
	static final String TOO_MANY_ROWS = "Formularen har flere rækker, end Helhed tager imod. Gå tilbage til siden, og "
			+ "send formularen derfra.";

	/** Spring's limit for growing a list while binding; no form of Helhed has nearly so many rows. */
	private static final int LIMIT = DataBinder.DEFAULT_AUTO_GROW_COLLECTION_LIMIT;

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).order(100);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		for (var name : request.getParameterMap().keySet()) {
			if (name.indexOf('[') < 0) {
				continue;
			}
			var index = INDEX.matcher(name);
			while (index.find()) {
				var digits = index.group(1);
				if (digits.length() > 3 || (!digits.isEmpty() && Integer.parseInt(digits) >= LIMIT)) {
					throw new InvalidRequestException(TOO_MANY_ROWS);
				}
			}
		}
		return true;
	}
}
