package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public catalog pages as a citizen meets them: they answer, say plainly how to get help, filter, switch
 * language, and survive anything typed into them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicCatalogPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	dk.helhed.catalog.internal.Catalogs catalogs;

	@Test
	void listsTheMunicipalities() throws Exception {
		var page = html("/");
		assertThat(page).contains("Aabenraa Kommune", "Aarhus Kommune", "Ballerup Kommune", "42 indsatser");
	}

	@Test
	void frontPageShowsStrategyAndFocusAreas() throws Exception {
		var page = html("/aabenraa");
		assertThat(page).contains("Hvad har du brug for hjælp til?", "Boligforhold", "Inddragelse og dialog",
				"Strategi for arbejdet med socialt udsatte borgere");
	}

	@Test
	void aMunicipalityWithoutCatalogSaysSo() throws Exception {
		assertThat(html("/aarhus")).contains("Kommunen har endnu ikke lagt sit indsatskatalog i Helhed");
	}

	@Test
	void servicePageSaysHowToGetTheHelp() throws Exception {
		var page = html("/aabenraa/indsatser/overgangsbolig");
		assertThat(page).contains("Sådan får du hjælpen", "Kommunen skal først vurdere, om du kan få det",
				"Visitation &amp; Understøttelse", "6 boliger", "Oplysningerne blev senest kontrolleret 1. juli 2026")
			.doesNotContain("Kræver visitation");
	}

	@Test
	void aServiceYouContactYourselfDoesNotSayWhoDecides() throws Exception {
		for (var service : catalogs.of("aabenraa").services()) {
			var page = html("/aabenraa/indsatser/" + service.key());
			if (!service.accessMode().needsDecision()) {
				assertThat(page).as(service.key()).doesNotContain("der vurderer");
			}
		}
	}

	@Test
	void everyServicePageSaysHowToReachSomeone() throws Exception {
		var withOwnPhone = 0;
		var services = catalogs.of("aabenraa").services();
		for (var service : services) {
			var page = html("/aabenraa/indsatser/" + service.key());
			var howTo = page.substring(page.indexOf("id=\"howto\""), page.indexOf("id=\"who\""));
			assertThat(howTo).as(service.key()).contains("Kontakt og åbningstider");
			if (howTo.contains("href=\"tel:")) {
				withOwnPhone++;
			}
			else {
				assertThat(howTo).as(service.key() + " without a phone of its own")
					.contains("Kontakt Aabenraa Kommune", "Skelbækvej 2, 6200 Aabenraa", "openstreetmap.org",
							"https://www.aabenraa.dk");
			}
			assertThat(howTo).as(service.key()).doesNotContainPattern("(?i)\\bring\\b");
		}
		System.out.println("Kontakt: " + services.size() + " indsatser, " + withOwnPhone + " med et telefonnummer (eget eller enhedens), "
				+ (services.size() - withOwnPhone) + " med kommunens adresse og hjemmeside");
	}

	@Test
	void theContactShowsTheAddressOnAMapAndTodaysHours() throws Exception {
		var page = html("/aabenraa/indsatser/den-blaa-oase");
		var howTo = page.substring(page.indexOf("id=\"howto\""), page.indexOf("id=\"who\""));
		assertThat(howTo).contains("Sønderport 49, 6200 Aabenraa", "https://www.openstreetmap.org/search?query=")
			.containsPattern("I dag \\((mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\\): ");
	}

	@Test
	void searchFindsDentalCareForHomelessPeopleFirst() throws Exception {
		var page = mvc.perform(get("/aabenraa/indsatser").param("q", "tandpleje for hjemløse"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("på „tandpleje for hjemløse“");
		assertThat(page.indexOf("/aabenraa/indsatser/socialtandpleje")).isPositive()
			.isLessThan(firstOtherServiceLink(page, "socialtandpleje"));
	}

	@Test
	void filtersNarrowTheCatalog() throws Exception {
		var all = html("/aabenraa/indsatser");
		var anonymousAndFree = html("/aabenraa/indsatser?anonym=ja&gratis=ja");
		var youngPeople = html("/aabenraa/indsatser?alder=20&omraade=boligforhold");
		var olderPeople = html("/aabenraa/indsatser?alder=70&omraade=boligforhold");

		assertThat(all).contains("42 indsatser passer");
		assertThat(anonymousAndFree).contains("/aabenraa/indsatser/udsattekonsulenter")
			.doesNotContain("/aabenraa/indsatser/overgangsbolig\"");
		assertThat(youngPeople).contains("/aabenraa/indsatser/startbolig-slotsgade");
		assertThat(olderPeople).doesNotContain("/aabenraa/indsatser/startbolig-slotsgade");
	}

	@Test
	void thePageTitleNamesTheQuery() throws Exception {
		assertThat(html("/aabenraa/indsatser?q=tandpleje")).contains("<title>Indsatser for „tandpleje“ – Aabenraa Kommune");
		assertThat(html("/aabenraa/indsatser")).contains("<title>Indsatser – Aabenraa Kommune");
		var hostile = mvc.perform(get("/aabenraa/indsatser").param("q", "<b>")).andReturn().getResponse()
			.getContentAsString();
		assertThat(hostile).contains("<title>Indsatser for „&lt;b&gt;“");
	}

	@Test
	void theFiltersAreFoldedUntilOneIsUsed() throws Exception {
		assertThat(html("/aabenraa/indsatser?q=bolig")).contains("<details class=\"filters-fold\">",
				"<summary>Afgræns søgningen</summary>");
		assertThat(html("/aabenraa/indsatser?q=bolig&gratis=ja")).contains("<details class=\"filters-fold\" open=\"open\">");
	}

	@Test
	void nonsenseFilterValuesAreExplainedNotFatal() throws Exception {
		var page = html("/aabenraa/indsatser?alder=gammel&omraade=findes-ikke&adgang=%3Cscript%3E");
		assertThat(page).contains("Alderen skal være et helt tal mellem 0 og 120",
				"Indsatsområdet findes ikke", "Adgangsformen findes ikke", "42 indsatser passer");
	}

	@Test
	void htmxGetsOnlyTheResults() throws Exception {
		var fragment = html("/partials/aabenraa/indsatser?q=bolig");
		assertThat(fragment).contains("id=\"results\"").doesNotContain("<html");
	}

	@Test
	void speaksEnglishWhenAsked() throws Exception {
		var page = html("/aabenraa/indsatser/socialtandpleje?lang=en");
		assertThat(page).contains("lang=\"en\"", "How to get this help", "Dansk");
	}

	@Test
	void unknownLanguagesFallBackToDanish() throws Exception {
		assertThat(html("/aabenraa?lang=xx")).contains("lang=\"da\"", "Hvad har du brug for hjælp til?");
	}

	@Test
	void unknownMunicipalityOrServiceIsNotFound() throws Exception {
		mvc.perform(get("/findes-ikke")).andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Kommunen findes ikke")));
		mvc.perform(get("/aabenraa/indsatser/findes-ikke")).andExpect(status().isNotFound());
		mvc.perform(get("/findes-ikke/strategi")).andExpect(status().isNotFound());
		mvc.perform(get("/findes-ikke/indsatser")).andExpect(status().isNotFound());
		mvc.perform(get(java.net.URI.create("/Aabenraa%20OR%201=1"))).andExpect(status().isNotFound());
	}

	@Test
	void writeMethodsAreNotAllowedOnPublicPages() throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/aabenraa"))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void securityHeadersAreSet() throws Exception {
		mvc.perform(get("/aabenraa"))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().exists("X-Frame-Options"));
	}

	@ParameterizedTest
	@MethodSource("hostileQueries")
	void hostileSearchesAnswerNormally(String query) throws Exception {
		var page = mvc.perform(get("/aabenraa/indsatser").param("q", query))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("<script>alert").doesNotContain("Exception");
		mvc.perform(get("/partials/aabenraa/indsatser").param("q", query)).andExpect(status().isOk());
	}

	static Stream<String> hostileQueries() {
		return Stream.of("", "   ", "x".repeat(10_000), "bolig ".repeat(2_000), "<script>alert(1)</script>",
				"\"><img src=x onerror=alert(1)>", "title:x AND (y OR z)~2 ^3 * ? \"unclosed", "'; drop table service; --",
				"1' OR '1'='1", "🏠🍺💊", "\u0000\u0001\u001f tand", "ø", "/*", "\\", "%00", "\u202Ebolig");
	}

	private String html(String url) throws Exception {
		return mvc.perform(get(url).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static int firstOtherServiceLink(String page, String except) {
		int index = 0;
		while ((index = page.indexOf("/aabenraa/indsatser/", index + 1)) >= 0) {
			if (!page.startsWith("/aabenraa/indsatser/" + except, index)) {
				return index;
			}
		}
		return Integer.MAX_VALUE;
	}
}
