package dk.helhed.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Only Danish and English are offered; any other {@code lang} value falls back to Danish.
 */
class SupportedLocales implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		var requested = request.getParameter("lang");
		if (requested != null && !requested.equals("da") && !requested.equals("en")) {
			var resolver = RequestContextUtils.getLocaleResolver(request);
			if (resolver != null) {
				resolver.setLocale(request, response, WebConfiguration.DANISH);
			}
		}
		return true;
	}
}
