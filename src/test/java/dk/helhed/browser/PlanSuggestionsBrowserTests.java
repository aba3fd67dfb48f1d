package dk.helhed.browser;

import static dk.helhed.browser.Staff.as;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.convention.TestBean;

import dk.helhed.support.StaffFixture;
import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseUse;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.Registration;
import dk.helhed.citizen.internal.SharingBases;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.citizen.internal.SharingBases.NewConsent;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.plan.internal.PlanResource;
import dk.helhed.plan.internal.Plans;
import dk.helhed.plan.internal.Plans.Basics;
import dk.helhed.plan.internal.Plans.GoalType;
import dk.helhed.plan.internal.Plans.Offer;
import dk.helhed.plan.internal.Plans.Participation;
import dk.helhed.support.SyntheticCpr;

/**
 * "Forslag til indsatser" and the handout in Chromium: a caseworker opens the suggestions for a goal of the plan and
 * adds one to the plan with one click, with JavaScript (the suggestions load under the goal) and without (a page of
 * their own); puts services on a handout, switches it to English and gets its PDF. axe-core finds no WCAG 2.1 AA
 * violation on the new pages at desktop size and at 360 px, and nothing on a phone needs scrolling sideways.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlanSuggestionsBrowserTests {

	static final UUID HOUSING = UUID.fromString("fd4b8dd3-5c4b-4257-8c13-ea045617d2f6");
	static final UUID MILD = UUID.fromString("8328ce4a-6238-4f73-bf1a-74aadb68eff8");

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	private record Fixture(UUID withJavaScript, UUID withoutJavaScript, UUID forPages) {
	}

	private static Fixture fixture;

	@TestBean(name = "clock", methodName = "dk.helhed.browser.Staff#fixedClock")
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	StaffFixture demo;

	@Autowired
	Registration registration;

	@Autowired
	SharingBases sharing;

	@Autowired
	CaseAccess gate;

	@Autowired
	Plans plans;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Municipalities municipalities;

	@BeforeEach
	void citizensWithAHousingGoal() {
		if (fixture == null) {
			fixture = new Fixture(withHousingGoal("Forslag Med Script (syntetisk)"),
					withHousingGoal("Forslag Uden Script (syntetisk)"), withHousingGoal("Forslag Sider (syntetisk)"));
		}
	}

	@Test
	void addsASuggestedServiceToAGoalWithJavaScriptWithoutLeavingThePlan() {
		var browser = as(browsers.desktop(port), Staff.JOB_CENTRE);
		var plan = "/personale/borgere/" + fixture.withJavaScript() + "/plan";
		browser.open(plan);
		var goal = browser.find("article.goal").getAttribute("id").substring("maal-".length());
		browser.script("window.helhedSamePage = true");

		browser.find("#maal-" + goal).findElement(By.linkText("Forslag til indsatser")).click();
		browser.waiting().until(d -> !browser.findAll("#forslag-til-" + goal + " .suggestion").isEmpty());
		assertThat(browser.path()).isEqualTo(plan);
		assertThat(browser.script("return window.helhedSamePage === true")).as("loaded in place by htmx").isEqualTo(true);
		Staff.assertAccessible(browser);

		var first = browser.find("#forslag-til-" + goal + " .suggestion h3").getText();
		browser.andWaitForNewPage(() -> browser.find("#forslag-til-" + goal)
			.findElement(By.xpath(".//button[normalize-space(.)='Læg i planen']"))
			.click());
		assertThat(Staff.flash(browser)).isEqualTo(first + " er lagt i planen under målet.");
		assertThat(browser.text("#maal-" + goal)).contains("Indsats i kataloget: " + first);
	}

	@Test
	void addsASuggestedServiceToAGoalWithoutJavaScript() {
		var browser = as(browsers.withoutJavaScript(port), Staff.JOB_CENTRE);
		browser.open("/personale/borgere/" + fixture.withoutJavaScript() + "/plan");
		Staff.follow(browser, "Forslag til indsatser");
		assertThat(browser.path()).endsWith("/forslag");
		assertThat(browser.text("h1")).isEqualTo("Forslag til indsatser");
		assertThat(browser.findAll(".suggestion")).isNotEmpty();

		var first = browser.find(".suggestion h3").getText();
		browser.andWaitForNewPage(() -> press(browser, "Læg i planen"));
		assertThat(browser.path()).contains("/plan#maal-");
		assertThat(Staff.flash(browser)).isEqualTo(first + " er lagt i planen under målet.");
		assertThat(browser.text("main")).contains("Indsats i kataloget: " + first);
	}

	@Test
	void theSuggestionsPageHasNoAccessibilityViolationsOnADesktopOrAPhone() {
		for (var browser : List.of(browsers.desktop(port), browsers.phone(port))) {
			as(browser, Staff.JOB_CENTRE).open("/personale/borgere/" + fixture.forPages() + "/plan");
			var goal = browser.find("article.goal").getAttribute("id").substring("maal-".length());
			browser.open("/personale/borgere/" + fixture.forPages() + "/plan/maal/" + goal + "/forslag");
			assertThat(browser.findAll(".suggestion")).isNotEmpty();
			assertThat(browser.horizontalOverflow()).as("sticks out sideways by (px)").isLessThanOrEqualTo(0);
			Staff.assertAccessible(browser);
		}
	}

	@Test
	void makesAHandoutFromTheSuggestionsSwitchesItToEnglishAndOpensItsPdf() {
		var browser = as(browsers.desktop(port), Staff.JOB_CENTRE);
		browser.open("/personale/borgere/" + fixture.forPages() + "/plan");
		var goal = browser.find("article.goal").getAttribute("id").substring("maal-".length());
		browser.open("/personale/borgere/" + fixture.forPages() + "/plan/maal/" + goal + "/forslag");
		var first = browser.find(".suggestion h3").getText();
		browser.andWaitForNewPage(() -> press(browser, "Læg på udleveringsarket"));
		assertThat(browser.path()).startsWith("/personale/udleveringsark?indsats=");
		assertThat(browser.text("main h1")).isEqualTo("Steder, hvor du kan få hjælp");
		assertThat(browser.text("main h2")).isEqualTo(first);

		var another = new Select(browser.find("#f-tilfoej")).getOptions().get(1).getText();
		new Select(browser.find("#f-tilfoej")).selectByIndex(1);
		browser.andWaitForNewPage(() -> press(browser, "Læg på udleveringsarket"));
		assertThat(browser.findAll("main .handout-service h2")).extracting(element -> element.getText())
			.containsExactly(first, another);
		assertThat(browser.text("main")).contains("Brug for hjælp nu?", "112").doesNotContain("(syntetisk)");
		Staff.assertAccessible(browser);

		new Select(browser.find("#f-sprog")).selectByValue("en");
		browser.andWaitForNewPage(() -> press(browser, "Skift sprog"));
		assertThat(browser.text("main h1")).isEqualTo("Places where you can get help");
		assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
		Staff.assertAccessible(browser);

		var pdf = browser.find("a[href*='udleveringsark.pdf']").getAttribute("href");
		assertThat(pdf).contains("sprog=en");
		var fetched = browser.script("return fetch(arguments[0]).then(response => response.arrayBuffer()"
				+ ".then(body => response.status + ' ' + response.headers.get('content-type') + ' '"
				+ " + String.fromCharCode(...new Uint8Array(body).slice(0, 5))))", pdf);
		assertThat(fetched).isEqualTo("200 application/pdf %PDF-");

		var phone = as(browsers.phone(port), Staff.JOB_CENTRE);
		phone.open(browser.path());
		assertThat(phone.horizontalOverflow()).as("the handout on a phone sticks out sideways by (px)")
			.isLessThanOrEqualTo(0);
		Staff.assertAccessible(phone);
	}

	/** A citizen of the job centre with a plan with one housing goal, and a consent Visitation may use. */
	private UUID withHousingGoal(String name) {
		var jobCentre = demo.staff(Staff.JOB_CENTRE);
		var today = LocalDate.now(clock);
		var citizen = registration.registerIdentified(jobCentre,
				new NewCitizen(SyntheticCpr.random(), name, null, null, null, null)).id();
		sharing.recordConsent(jobCentre, citizen, new NewConsent("Bolig", Set.of(InformationCategory.HOUSING),
				List.of(new Recipient(demo.unit("visitation"), null)), today, today.plusYears(1), GivenHow.WRITTEN));
		var view = gate.open(jobCentre, citizen, CaseUse.update(PlanResource.PLAN, null));
		plans.saveBasics(view, jobCentre, new Basics("Jeg vil have mit eget sted.", "Egen bolig", "Boligsøgning",
				"Et år", "Ingen", Offer.ACCEPTED, null, Participation.PRESENT, null, null, today.plusMonths(1)));
		plans.addGoal(view, jobCentre, HOUSING, MILD, GoalType.DEVELOP, "Få en bolig", today.plusMonths(9),
				"Borgeren har en lejekontrakt");
		return citizen;
	}


}
