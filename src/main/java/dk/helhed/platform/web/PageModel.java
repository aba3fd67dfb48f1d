package dk.helhed.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's layout needs: the links that show the current page in Danish or in English.
 */
@ControllerAdvice
public class PageModel {

	/** Staff pages are written in Danish only, whatever language the visitor chose for the public pages. */
	@ModelAttribute("staffPage")
	boolean staffPage(HttpServletRequest request) {
		var path = request.getRequestURI();
		return path.equals("/personale") || path.startsWith("/personale/");
	}

	@ModelAttribute("languageLinks")
	LanguageLinks languageLinks(HttpServletRequest request) {
		return LanguageLinks.of(request);
	}

	/** Links to the current page in Danish and in English. */
	public record LanguageLinks(String danish, String english) {

		public static LanguageLinks of(HttpServletRequest request) {
			var query = request.getQueryString();
			var current = request.getRequestURI() + (query == null ? "" : "?" + query);
			return new LanguageLinks(with(current, "da"), with(current, "en"));
		}
	}

	private static String with(String current, String language) {
		try {
			return UriComponentsBuilder.fromUriString(current)
				.replaceQueryParam("lang", language)
				.build()
				.toUriString();
		}
		catch (IllegalArgumentException ex) {
			return "/?lang=" + language;
		}
	}
}
