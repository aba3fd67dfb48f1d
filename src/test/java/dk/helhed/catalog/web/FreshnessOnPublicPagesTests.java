package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A service whose information was last checked long ago says so on its public page. The catalog of July 2026 is due
 * for review in January 2027 and is marked three months later.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FreshnessOnPublicPagesTests {

	@TestBean(name = "clock", methodName = "dk.helhed.catalog.web.FreshnessOnPublicPagesTests#mayClock")
	Clock clock;

	static Clock mayClock() {
		return Clock.fixed(Instant.parse("2027-05-10T08:00:00Z"), ZoneId.of("Europe/Copenhagen"));
	}

	@Autowired
	MockMvc mvc;

	@Test
	void pagesOfLongUncheckedServicesWarn() throws Exception {
		var page = mvc.perform(get("/aabenraa/indsatser/socialtandpleje")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("ikke blevet kontrolleret i lang tid", "for 313 dage siden");
	}
}
