package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.support.StaffFixture;

/**
 * The pages as rendered, in Danish and in English: no "??key_locale??" anywhere, which is how Thymeleaf shows a text
 * it cannot find, also one whose key is built wrongly (the opening-hours editor once asked for "day.null").
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoMissingTextsOnPagesTests {

	@Autowired
	StaffFixture demo;

	private static final Pattern MISSING = Pattern.compile("\\?\\?[^?\\s<>\"]+_[a-z]{2}\\?\\?");

	@Autowired
	MockMvc mvc;


	@Autowired
	Catalogs catalogs;

	@Test
	void noPublicPageMissesAText() throws Exception {
		var pages = new ArrayList<>(List.of("/", "/aabenraa", "/aarhus", "/ballerup", "/aabenraa/indsatser",
				"/aabenraa/indsatser?q=selvmord", "/aabenraa/indsatser?q=min+k%C3%A6reste+sl%C3%A5r+mig",
				"/aabenraa/indsatser?alder=x&adgang=y&omraade=z", "/aabenraa/strategi", "/aarhus/strategi",
				"/ballerup/strategi", "/aabenraa/udskriv", "/aabenraa/udgaver", "/log-ind"));
		catalogs.of("aabenraa").services().forEach(service -> pages.add("/aabenraa/indsatser/" + service.key()));
		var missing = new ArrayList<String>();
		for (var page : pages) {
			for (var language : List.of("da", "en")) {
				var html = mvc.perform(get(page + (page.contains("?") ? "&" : "?") + "lang=" + language)
					.accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn().getResponse()
					.getContentAsString();
				missingIn(page + " (" + language + ")", html, missing);
			}
		}
		System.out.println("Manglende tekster: " + pages.size() * 2 + " offentlige sider læst, " + missing.size()
				+ " mangler");
		assertThat(missing).isEmpty();
	}

	@Test
	void theOpeningHoursEditorNamesTheWeekdays() throws Exception {
		var service = catalogs.of("aabenraa").service("den-blaa-oase").orElseThrow();
		var missing = new ArrayList<String>();
		for (var page : List.of("/personale", "/personale/indsatser", "/personale/indsatser/ny",
				"/personale/indsatser/" + service.id(), "/personale/indsatser/" + service.id() + "/historik",
				"/personale/udgaver", "/personale/import")) {
			for (var language : List.of("da", "en")) {
				var html = mvc.perform(get(page).param("lang", language).with(user(demo.login("redaktoer"))))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
				missingIn(page + " (" + language + ")", html, missing);
				if (page.endsWith(service.id().toString())) {
					assertThat(html).contains(language.equals("da") ? List.of(">mandag</label>", ">søndag</label>")
							: List.of(">Monday</label>", ">Sunday</label>"));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static void missingIn(String page, String html, List<String> missing) {
		var matcher = MISSING.matcher(html);
		while (matcher.find()) {
			missing.add(page + ": " + matcher.group());
		}
	}
}
