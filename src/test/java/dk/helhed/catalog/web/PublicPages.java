package dk.helhed.catalog.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
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

	/** A synthetic meeting with an agenda and a proposal, so that their pages are among those found. */
	static final String EXAMPLE_TITLE = "Bænke ved havnen (syntetisk testdata)";

	/**
	 * Gives participation a meeting and a proposal (synthetic, marked so in the title), entered as the participation
	 * coordinator would, once per database: the demo data has neither, and their pages should be checked too.
	 */
	static void withParticipationExamples(MockMvc mvc, UserDetailsService accounts) throws Exception {
		if (page(mvc, "/aabenraa/dialog/forslag", 200).contains(EXAMPLE_TITLE)) {
			return;
		}
		var coordinator = user(accounts.loadUserByUsername("inddragelse"));
		var proposal = mvc.perform(post("/personale/dialog/forslag").param("body", "dialogforum-for-udsatte")
			.param("kind", "PROPOSAL")
			.param("title", EXAMPLE_TITLE)
			.param("text", "Der er ingen steder at sidde ved havnen. Flere bænke, tak.")
			.param("area", "")
			.param("service", "")
			.param("note", "Mødt på værestedet (syntetisk)")
			.with(coordinator)
			.with(csrf())).andReturn().getResponse();
		if (proposal.getStatus() != 200) {
			throw new AssertionError("entering a proposal answered " + proposal.getStatus());
		}
		var meeting = mvc.perform(post("/personale/dialog/moeder").param("body", "dialogforum-for-udsatte")
			.param("title", "Dialogmøde om byens rum (syntetisk testdata)")
			.param("date", java.time.LocalDate.now().plusYears(1).toString())
			.param("starts", "17:00")
			.param("ends", "19:00")
			.param("mode", "HYBRID")
			.param("place", "Folkehjem, Aabenraa")
			.param("onlineUrl", "https://moede.example/dialog")
			.param("registration", "ja")
			.param("slots", "20")
			.with(coordinator)
			.with(csrf())).andReturn().getResponse();
		if (meeting.getStatus() != 302) {
			throw new AssertionError("planning a meeting answered " + meeting.getStatus());
		}
		var id = meeting.getRedirectedUrl().substring(meeting.getRedirectedUrl().lastIndexOf('/') + 1);
		var item = mvc.perform(post("/personale/dialog/moeder/" + id + "/punkter").param("title", "Bænke ved havnen")
			.param("description", "Et forslag fra en borger.")
			.param("proposal", "")
			.with(coordinator)
			.with(csrf())).andReturn().getResponse();
		if (item.getStatus() != 302) {
			throw new AssertionError("adding an agenda item answered " + item.getStatus());
		}
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
