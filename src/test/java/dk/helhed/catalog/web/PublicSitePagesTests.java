package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dk.helhed.catalog.internal.Catalogs;

/**
 * The accessibility statement and the privacy notice, linked from every footer, and what search engines read.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicSitePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalogs catalogs;

	@Test
	void theAccessibilityStatementFollowsTheTemplatesStructure() throws Exception {
		var page = html("/tilgaengelighed");
		assertThat(page).contains("<h1>Tilgængelighedserklæring</h1>", "<h2>Overholdelsesstatus</h2>",
				"WCAG 2.1", "<h2>Indhold, der ikke er tilgængeligt</h2>", "<h2>Feedback og kontakt</h2>",
				"<h2>Håndhævelse</h2>", "Digitaliseringsstyrelsen", "Aabenraa Kommune", "Skelbækvej 2");
	}

	@Test
	void thePrivacyNoticeSaysWhatWhyHowLongTheRightsAndWhereToComplain() throws Exception {
		var page = html("/privatliv");
		assertThat(page).contains("Når kommunen hjælper dig", "CPR-nummer", "<h2>Hvor længe</h2>", "5 år",
				"<h2>Dine rettigheder</h2>", "aktindsigt", "<h2>Klage</h2>", "Datatilsynet");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/aabenraa", "/aabenraa/indsatser", "/aabenraa/indsatser/socialtandpleje",
			"/aabenraa/strategi", "/log-ind", "/tilgaengelighed", "/privatliv" })
	void everyFooterLinksToBoth(String url) throws Exception {
		assertThat(html(url)).contains("href=\"/tilgaengelighed\"", "href=\"/privatliv\"");
	}

	@Test
	void inEnglishTheDanishLegalTextSaysItIsDanish() throws Exception {
		var page = html("/privatliv?lang=en");
		assertThat(page).contains("<html lang=\"en\"", "<article class=\"legal\" lang=\"da\">",
				"Privacy and your data (in Danish)");
		assertThat(html("/privatliv")).contains("<article class=\"legal\">");
	}

	@Test
	void theSitemapListsEveryPublicPageAndIsWellFormed() throws Exception {
		var xml = mvc.perform(get("/sitemap.xml")).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
			.andReturn().getResponse().getContentAsString();
		var document = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
			.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		var locations = document.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
		var services = catalogs.of("aabenraa").services();
		assertThat(locations.getLength()).isGreaterThan(services.size());
		assertThat(xml).contains("<loc>http://localhost/aabenraa/indsatser/socialtandpleje</loc><lastmod>2026-",
				"<loc>http://localhost/ballerup/strategi</loc>", "<loc>http://localhost/tilgaengelighed</loc>")
			.doesNotContain("/personale");
		services.forEach(service -> assertThat(xml).contains("/aabenraa/indsatser/" + service.key() + "</loc>"));
	}

	@Test
	void robotsPointsToTheSitemapAndKeepsStaffPagesOut() throws Exception {
		var robots = mvc.perform(get("/robots.txt")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(robots).contains("Sitemap: http://localhost/sitemap.xml", "Disallow: /personale");
	}

	private String html(String url) throws Exception {
		return mvc.perform(get(url).accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}
}
