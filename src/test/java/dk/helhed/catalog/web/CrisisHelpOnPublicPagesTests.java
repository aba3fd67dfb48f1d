package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A citizen in crisis finds help first: the short box on every public page, the crisis box at the top of the results
 * when the search is about suicide, violence, overdose or a night without a bed, and a quick exit on pages about
 * violence.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CrisisHelpOnPublicPagesTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/aabenraa", "/aabenraa/indsatser", "/aabenraa/indsatser/socialtandpleje",
			"/aabenraa/strategi", "/ballerup", "/aarhus/strategi", "/aabenraa/indsatser?lang=en" })
	void everyPublicPageHasTheShortBoxWith112(String url) throws Exception {
		var page = html(url);
		assertThat(page).contains("id=\"akut-hjaelp\"", "href=\"tel:112\"", "href=\"tel:70201201\"",
				"href=\"tel:1888\"", "href=\"#akut-hjaelp\"");
	}

	@Test
	void aMissingPageHasTheBoxToo() throws Exception {
		var page = mvc.perform(get("/aabenraa/indsatser/findes-ikke").accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"akut-hjaelp\"", "href=\"tel:112\"");
	}

	@Test
	void theRegionsLineIsShownInItsMunicipalityOnly() throws Exception {
		assertThat(html("/ballerup")).contains("href=\"tel:1813\"");
		assertThat(html("/aabenraa")).doesNotContain("tel:1813");
	}

	@Test
	void inEnglishTheDanishLinesSayTheyAreDanish() throws Exception {
		assertThat(html("/aabenraa?lang=en")).contains("Emergency help", "<li lang=\"da\">");
	}

	@Test
	void theLoginPageCarriesTheBoxToo() throws Exception {
		assertThat(html("/log-ind")).contains("id=\"akut-hjaelp\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "selvmord", "jeg vil ikke leve mere", "min kæreste slår mig",
			"jeg har ingen steder at sove i nat", "overdosis" })
	void aSearchAboutACrisisShowsTheCrisisBoxBeforeTheServices(String query) throws Exception {
		var page = search("/aabenraa/indsatser", query);
		var box = page.indexOf("class=\"crisis-box\"");
		assertThat(box).as("the crisis box").isPositive();
		assertThat(page.indexOf("tel:112", box)).as("112 in the crisis box").isPositive();
		var firstService = page.indexOf("class=\"service-card");
		if (firstService >= 0) {
			assertThat(box).as("the box comes before the first service").isLessThan(firstService);
		}
	}

	@Test
	void theCrisisBoxNamesTheLinesForItsTopic() throws Exception {
		var violence = search("/aabenraa/indsatser", "min kæreste slår mig");
		assertThat(violence).contains("Lev Uden Vold", "tel:1888", "class=\"quick-exit\"", "Forlad siden hurtigt");
		var suicide = search("/aabenraa/indsatser", "selvmord");
		var box = suicide.substring(suicide.indexOf("class=\"crisis-box\""), suicide.indexOf("id=\"akut-hjaelp\""));
		assertThat(box).contains("Livslinien", "Psykiatrisk akutmodtagelse i Aabenraa").doesNotContain("tel:1888");
		assertThat(suicide).doesNotContain("class=\"quick-exit\"");
	}

	@Test
	void theResultsThatHtmxSwapsInCarryTheCrisisBox() throws Exception {
		assertThat(search("/partials/aabenraa/indsatser", "min kæreste slår mig"))
			.contains("class=\"crisis-box\"", "class=\"quick-exit\"");
		assertThat(search("/partials/aabenraa/indsatser", "tandpleje")).doesNotContain("crisis-box");
	}

	@Test
	void anOrdinarySearchHasNoCrisisBox() throws Exception {
		assertThat(search("/aabenraa/indsatser", "tandpleje for hjemløse")).doesNotContain("class=\"crisis-box\"");
	}

	@Test
	void pagesAboutViolenceHaveAQuickExitOthersDoNot() throws Exception {
		var shelter = html("/aabenraa/indsatser/aabenraa-krisecenter");
		assertThat(shelter).contains("class=\"quick-exit\" href=\"https://www.dr.dk/\"", "/js/quick-exit");
		assertThat(shelter.indexOf("quick-exit")).isLessThan(shelter.indexOf("<h1"));
		assertThat(html("/aabenraa/indsatser/socialtandpleje")).doesNotContain("class=\"quick-exit\"");
	}

	private String html(String url) throws Exception {
		return mvc.perform(get(url).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private String search(String url, String query) throws Exception {
		return mvc.perform(get(url).param("q", query).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}
}
