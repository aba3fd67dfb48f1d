package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;

import dk.helhed.support.MutableClock;

/**
 * "Åbent nu" and a search that says "nu" on a Tuesday at 10 in Copenhagen: the two places with morning hours
 * (Fuldtræfferen and Den Blå Oase) are open; the filter shows only them, and "nu" puts them first.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenNowOnPublicPagesTests {

	static final MutableClock CLOCK = new MutableClock(
			ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneId.of("Europe/Copenhagen")).toInstant(),
			ZoneId.of("Europe/Copenhagen"));

	@TestBean(name = "clock", methodName = "dk.helhed.catalog.web.OpenNowOnPublicPagesTests#clock")
	Clock clock;

	static Clock clock() {
		return CLOCK;
	}

	@Autowired
	MockMvc mvc;

	@Test
	void theOpenNowFilterShowsThePlacesOpenNow() throws Exception {
		var page = html("/aabenraa/indsatser?aabent=nu");
		assertThat(page).contains("2 indsatser passer", "/aabenraa/indsatser/den-blaa-oase\"",
				"/aabenraa/indsatser/fuldtraefferen\"", "<details class=\"filters-fold\" open=\"open\">",
				"id=\"aabent\" name=\"aabent\" type=\"checkbox\" value=\"nu\" checked=\"checked\"");
	}

	@Test
	void aSearchThatSaysNowPutsThePlacesOpenNowFirst() throws Exception {
		var page = html("/aabenraa/indsatser?q=" + java.net.URLEncoder.encode("hvor kan jeg spise nu", "UTF-8"));
		var cards = page.indexOf("class=\"service-list\"");
		var firstLink = page.indexOf("/aabenraa/indsatser/", cards);
		var first = page.substring(firstLink, page.indexOf('"', firstLink));
		assertThat(first).isIn("/aabenraa/indsatser/fuldtraefferen", "/aabenraa/indsatser/den-blaa-oase");
		assertThat(page).contains("Det, der har åbent på det tidspunkt, du søger efter, står først.");
	}

	@Test
	void anUnknownValueIsExplainedNotFatal() throws Exception {
		assertThat(html("/aabenraa/indsatser?aabent=%3Cscript%3E"))
			.contains("Filteret for åbent nu kender ikke den værdi", "42 indsatser passer");
	}

	@Test
	void theServicePageSaysItIsOpenNow() throws Exception {
		assertThat(html("/aabenraa/indsatser/den-blaa-oase")).contains("I dag (tirsdag): kl. 8.30–10.30", "Åbent nu");
	}

	private String html(String url) throws Exception {
		return mvc.perform(get(java.net.URI.create(url)).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}
}
