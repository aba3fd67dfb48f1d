package dk.helhed.browser;

import static dk.helhed.browser.Staff.as;
import static dk.helhed.browser.Staff.follow;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The timeline of the synthetic demo citizen Mads and the English citizen's copy of his plan, in Chromium: axe-core
 * finds no WCAG 2.1 AA violation at desktop size and on a 360 px phone, nothing sticks out sideways, and without
 * JavaScript a caseworker reaches the timeline from the citizen's page, filters it with the form, and switches the
 * citizen's copy to English.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TimelineAndEnglishCopyBrowserTests implements EveryStateIsAccessible {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	private static UUID mads;


	@TestBean(name = "clock", methodName = "dk.helhed.browser.Staff#fixedClock")
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void findMads() {
		if (mads == null) {
			mads = jdbc.sql("select id from citizen where name = 'Mads Testesen (syntetisk)' and synthetic = true")
				.query(UUID.class)
				.single();
		}
	}

	private static UUID mads() {
		return mads;
	}

	@Override
	public Browsers browsers() {
		return browsers;
	}

	@Override
	public int port() {
		return port;
	}

	static Stream<StaffPageState> states() {
		return Stream.of(new StaffPageState("the timeline as the job centre sees it", Staff.JOB_CENTRE, browser -> {
			browser.open("/personale/borgere/" + mads() + "/tidslinje");
			assertThat(browser.findAll("li.timeline-entry")).hasSizeGreaterThan(10);
			assertThat(browser.text("main")).contains("Henvisning til", "Mål i handleplanen", "Notat: Bolig");
		}), new StaffPageState("the timeline as Visitation sees it, filtered to housing", Staff.HOUSING, browser -> {
			browser.open("/personale/borgere/" + mads() + "/tidslinje?kategori=HOUSING");
			assertThat(browser.text("main")).contains("Sover hos en ven").doesNotContain("Ønsker praktik");
		}), new StaffPageState("the timeline with a filter value it does not know", Staff.JOB_CENTRE, browser -> {
			browser.open("/personale/borgere/" + mads() + "/tidslinje?slags=ukendt");
			assertThat(browser.findAll(".error-summary li")).hasSize(1);
		}), new StaffPageState("the citizen's copy in English", Staff.JOB_CENTRE, browser -> {
			browser.open("/personale/borgere/" + mads() + "/plan/borgerens-kopi?sprog=en");
			assertThat(browser.text("main")).contains("Your plan", "What will happen",
					"Jeg vil have mit eget sted og et arbejde");
		}), new StaffPageState("my citizens with their units", Staff.JOB_CENTRE, browser -> {
			browser.open("/personale/mine-borgere");
			assertThat(browser.text("main table")).contains("Mads Testesen (syntetisk)", "Jobcenteret");
		}));
	}

	@Test
	void withoutJavaScriptTheTimelineIsFilteredAndTheCopyTurnsEnglish() {
		var browser = as(browsers.withoutJavaScript(port), Staff.HOUSING);
		browser.open("/personale/borgere/" + mads());
		follow(browser, "Tidslinje");
		assertThat(browser.path()).isEqualTo("/personale/borgere/" + mads() + "/tidslinje");
		assertThat(browser.text("main")).doesNotContain("Kommer til samtale hver tirsdag", "Rusmidler");

		new Select(browser.find("#f-slags")).selectByVisibleText("Notater");
		browser.andWaitForNewPage(() -> press(browser, "Vis"));
		assertThat(browser.path()).contains("slags=NOTE");
		var kinds = browser.findAll("li.timeline-entry .timeline-meta")
			.stream()
			.map(meta -> meta.getText())
			.toList();
		assertThat(kinds).isNotEmpty().allMatch(meta -> meta.contains("Notater"));
		assertThat(browser.text("main")).contains("Sover hos en ven");

		browser.open("/personale/borgere/" + mads() + "/plan/borgerens-kopi");
		assertThat(browser.text("main h1")).isEqualTo("Din plan");
		follow(browser, "English");
		assertThat(browser.text("main h1")).isEqualTo("Your plan");
		assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("en");
	}
}
