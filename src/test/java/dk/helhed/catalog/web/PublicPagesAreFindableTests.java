package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import dk.helhed.platform.web.PageDescription;

/**
 * Findable from a search engine: every public page has one meta description in plain words, of at most 160
 * characters, in Danish and in English; the sitemap lists every public page, and every page it lists is there.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesAreFindableTests {

	private static final Pattern DESCRIPTION = Pattern.compile("<meta name=\"description\"\\s+content=\"([^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService accounts;

	Map<String, String> pages;

	@BeforeAll
	void crawl() throws Exception {
		PublicPages.withParticipationExamples(mvc, accounts);
		pages = PublicPages.crawl(mvc);
	}

	@Test
	void aDescriptionIsCutBetweenWordsAt160Characters() {
		var descriptions = new PageDescription();
		assertThat(descriptions.of("  Gratis   tandpleje\nfor hjemløse. ")).isEqualTo("Gratis tandpleje for hjemløse.");
		var long_ = "Værestedet har åbent hver dag, ".repeat(10);
		var cut = descriptions.of(long_);
		assertThat(cut).hasSizeLessThanOrEqualTo(PageDescription.MAXIMUM).endsWith("dag…");
		assertThat(descriptions.of(null)).isEmpty();
	}

	@Test
	void everyPublicPageHasADescriptionInDanishAndInEnglish() throws Exception {
		var checked = new ArrayList<String>(pages.keySet());
		checked.add(PublicPages.MISSING);
		List<String> problems = new ArrayList<>();
		var count = 0;
		for (var path : checked) {
			var status = path.equals(PublicPages.MISSING) ? 404 : 200;
			var danish = description(path, PublicPages.page(mvc, path, status), problems);
			var english = description(PublicPages.inEnglish(path),
					PublicPages.page(mvc, PublicPages.inEnglish(path), status), problems);
			if (danish != null && danish.equals(english)) {
				problems.add(path + ": the same description in Danish and in English: " + danish);
			}
			count += 2;
		}
		for (var template : List.of("404", "4xx", "5xx")) {
			var path = "templates/error/" + template + ".html";
			description(path, new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8), problems);
			count++;
		}
		System.out.printf("Meta descriptions: %d pages, %d problems%n", count, problems.size());
		pages.entrySet().stream().limit(8).forEach(page -> System.out.println("  " + page.getKey() + ": "
				+ description(page.getKey(), page.getValue(), new ArrayList<>())));
		assertThat(problems).isEmpty();
	}

	@Test
	void aServicePageIsDescribedByItsShortDescription() throws Exception {
		var page = PublicPages.page(mvc, "/aabenraa/indsatser/socialtandpleje", 200);
		var lead = HtmlUtils.htmlUnescape(
				Pattern.compile("<p class=\"lead\">([^<]*)</p>").matcher(page).results().findFirst().orElseThrow()
					.group(1));
		assertThat(description("service", page, new ArrayList<>())).isEqualTo(new PageDescription().of(lead));
		assertThat(description("service", PublicPages.page(mvc, "/aabenraa/indsatser/socialtandpleje?lang=en", 200),
				new ArrayList<>())).startsWith("Socialtandpleje, Aabenraa Kommune: who it is for");
	}

	@Test
	void theSitemapListsEveryPublicPageAndOnlyPagesThatAreThere() throws Exception {
		var xml = mvc.perform(get("/sitemap.xml")).andReturn().getResponse().getContentAsString();
		var listed = new LinkedHashSet<String>();
		Pattern.compile("<loc>http://localhost([^<]*)</loc>").matcher(xml).results()
			.forEach(match -> listed.add(HtmlUtils.htmlUnescape(match.group(1))));
		var crawled = pages.keySet().stream().filter(path -> !PublicPages.WITHOUT_A_LINK.contains(path)).toList();
		System.out.printf("Sitemap: %d addresses; %d public pages found by following links%n", listed.size(),
				crawled.size());
		assertThat(listed).as("pages a visitor reaches by links, missing from the sitemap").containsAll(crawled);
		assertThat(listed).as("participation's pages").contains("/aabenraa/dialog", "/aabenraa/dialog/forslag",
				"/aabenraa/dialog/dialogforum-for-udsatte", "/aabenraa/dialog/forslag/ny")
			.anyMatch(path -> path.matches("/aabenraa/dialog/moeder/[0-9a-f-]{36}"))
			.anyMatch(path -> path.matches("/aabenraa/dialog/forslag/[0-9]+"));
		for (var path : listed) {
			assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isEqualTo(200);
		}
	}

	private static String description(String path, String html, List<String> problems) {
		var found = DESCRIPTION.matcher(html).results().map(match -> HtmlUtils.htmlUnescape(match.group(1))).toList();
		if (found.size() != 1) {
			problems.add(path + ": " + found.size() + " meta descriptions");
			return null;
		}
		var text = found.getFirst();
		if (text.isBlank()) {
			problems.add(path + ": an empty meta description");
		}
		if (text.length() > PageDescription.MAXIMUM) {
			problems.add(path + ": a meta description of " + text.length() + " characters");
		}
		if (text.contains("??") || text.contains("meta.")) {
			problems.add(path + ": a missing text in the meta description: " + text);
		}
		return text;
	}
}
