package dk.helhed.catalog.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every public page, found as a visitor (or a search engine) finds them: by following the links from the front page,
 * leaving out the staff pages, the login, the API, files (PDF, calendars) and htmx partials. A search with a query, the
 * crisis box at the top of a search, and a missing page are added, since no plain link leads to them.
 */
final class PublicPages {

	private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#?]*)");

	/** Where the links lead that are not public HTML pages of their own. */
	private static final Pattern NOT_A_PAGE = Pattern.compile(
			"^/(personale|log-ind|log-ud|api|partials|css|js|webjars|images)(/.*)?$|.*\\.(pdf|ics|xml|txt|json|zip|csv)$"
					// Editions keep their own templates (templates/editions), outside this check for now.
					+ "|^/[a-z0-9-]+/udgaver(/.*)?$");

	/** Pages no plain link leads to: a search, one that brings the crisis box to the top, and a missing page. */
	static final List<String> WITHOUT_A_LINK = List.of("/aabenraa/indsatser?q=gratis+tandlæge",
			"/aabenraa/indsatser?q=jeg+vil+ikke+leve+mere", "/aabenraa/indsatser?q=findes+ikke+zzqx");

	static final String MISSING = "/aabenraa/indsatser/findes-ikke";

	private PublicPages() {
	}

	/** The path of every public page and its HTML, in the order found. */
	static Map<String, String> crawl(MockMvc mvc) throws Exception {
		Map<String, String> pages = new LinkedHashMap<>();
		Set<String> seen = new LinkedHashSet<>();
		var queue = new ArrayDeque<String>();
		queue.add("/");
		seen.add("/");
		while (!queue.isEmpty()) {
			var path = queue.poll();
			var response = mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
			if (response.getStatus() != 200) {
				throw new AssertionError(path + " answered " + response.getStatus());
			}
			var html = response.getContentAsString();
			pages.put(path, html);
			var links = LINK.matcher(html);
			while (links.find()) {
				var link = links.group(1);
				if (!NOT_A_PAGE.matcher(link).matches() && seen.add(link)) {
					queue.add(link);
				}
			}
		}
		for (var path : WITHOUT_A_LINK) {
			pages.put(path, page(mvc, path, 200));
		}
		return pages;
	}

	static String page(MockMvc mvc, String path, int status) throws Exception {
		var response = mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
		if (response.getStatus() != status) {
			throw new AssertionError(path + " answered " + response.getStatus() + ", not " + status);
		}
		return response.getContentAsString();
	}

	/** The same page in English. */
	static String inEnglish(String path) {
		return path + (path.contains("?") ? "&" : "?") + "lang=en";
	}
}
