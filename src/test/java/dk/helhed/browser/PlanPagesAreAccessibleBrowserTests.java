package dk.helhed.browser;

import static dk.helhed.browser.Staff.as;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.convention.TestBean;

import dk.helhed.support.StaffFixture;
import dk.helhed.catalog.Services;
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
import dk.helhed.plan.internal.Assessments;
import dk.helhed.plan.internal.Assessments.NewAssessment;
import dk.helhed.plan.internal.Assessments.RatingInput;
import dk.helhed.plan.internal.PlanResource;
import dk.helhed.plan.internal.Plans;
import dk.helhed.plan.internal.Plans.Basics;
import dk.helhed.plan.internal.Plans.GoalType;
import dk.helhed.plan.internal.Plans.Offer;
import dk.helhed.plan.internal.Plans.Participation;
import dk.helhed.support.SyntheticCpr;

/**
 * The whole picture and the shared plan in Chromium: every page in the states a caseworker meets it in (with a
 * trend, a difference, an earlier version, mistakes, and as another unit sees it), on a desktop-sized and on a
 * phone-sized screen: axe-core finds no WCAG 2.1 AA violation, and nothing on a phone needs scrolling sideways. And
 * the scenario as a new user would do it, with and without JavaScript.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlanPagesAreAccessibleBrowserTests implements EveryStateIsAccessible {

	static final UUID HOUSING = UUID.fromString("fd4b8dd3-5c4b-4257-8c13-ea045617d2f6");
	static final UUID WORK = UUID.fromString("685e8517-2f5c-4ef8-a7c4-fa2d008fdd9d");
	static final UUID DRUGS = UUID.fromString("c8f4475a-8de3-4920-ad0c-eea78c49a68d");
	static final UUID MILD = UUID.fromString("8328ce4a-6238-4f73-bf1a-74aadb68eff8");
	static final UUID MODERATE = UUID.fromString("5bdde847-2837-416b-ab63-bbff8b7aa531");
	static final UUID SEVERE = UUID.fromString("cae545f5-2813-4d79-98fc-0a7d770af3cd");

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	private static Fixture fixture;

	private record Fixture(UUID citizen, UUID assessment, UUID scenarioCitizen, UUID scenarioCitizenWithoutJs) {
	}


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
	Assessments assessments;

	@Autowired
	Plans plans;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Municipalities municipalities;

	@Autowired
	Services services;

	@BeforeEach
	void citizensToShow() {
		if (fixture != null) {
			return;
		}
		var jobCentre = demo.staff(Staff.JOB_CENTRE);
		var today = LocalDate.now(clock);
		var citizen = withConsentAndJoined("Plan Tilgængelig (syntetisk)");
		var create = gate.open(jobCentre, citizen, CaseUse.create(PlanResource.ASSESSMENT));
		assessments.record(create, jobCentre, assessment(today.minusMonths(6), SEVERE));
		var latest = assessments.record(create, jobCentre, assessment(today, MODERATE));
		var words = gate.open(jobCentre, citizen, CaseUse.update(PlanResource.CITIZEN_WORDS, latest));
		assessments.changeWords(words, jobCentre, latest, HOUSING.toString(), "Jeg vil bo tæt på min søster.");
		var view = gate.open(jobCentre, citizen, CaseUse.update(PlanResource.PLAN, null));
		plans.saveBasics(view, jobCentre, new Basics("Jeg vil have mit eget sted.", "Egen bolig og job",
				"Boligsøgning og praktik", "Et år", "Ingen", Offer.ACCEPTED, null, Participation.PRESENT, null,
				"Borgeren og sagsbehandleren", today.plusMonths(1)));
		var housing = plans.addGoal(view, jobCentre, HOUSING, MILD, GoalType.DEVELOP, "Egen lejekontrakt",
				today.plusMonths(9), "Borgeren har en lejekontrakt");
		var work = plans.addGoal(view, jobCentre, WORK, MILD, GoalType.DEVELOP, "Praktik 15 timer om ugen",
				today.plusMonths(6), "Møder op tre dage om ugen");
		plans.addAction(view, jobCentre, housing, demo.unit("visitation"), service(demo.unit("visitation")),
				"Hjælp til at søge bolig", today, today.plusMonths(9));
		plans.addAction(view, jobCentre, work, demo.unit("jobcenteret"), service(demo.unit("jobcenteret")),
				"Praktik med mentor", today, null);
		plans.addFollowUp(view, jobCentre, today, Plans.Outcome.CONTINUE, "Godt i gang.", today.plusMonths(2));
		fixture = new Fixture(citizen, latest, withConsentAndJoined("Plan Scenarie (syntetisk)"),
				withConsentAndJoined("Plan Uden Script (syntetisk)"));
	}

	/** A citizen of the job centre that Visitation has joined, with a consent for housing and employment. */
	private UUID withConsentAndJoined(String name) {
		var jobCentre = demo.staff(Staff.JOB_CENTRE);
		var today = LocalDate.now(clock);
		var cpr = SyntheticCpr.random();
		var citizen = registration.registerIdentified(jobCentre, new NewCitizen(cpr, name, null, null, null, null)).id();
		registration.registerIdentified(demo.staff(Staff.HOUSING), new NewCitizen(cpr, name, null, null, null, null));
		sharing.recordConsent(jobCentre, citizen, new NewConsent("Bolig og job",
				Set.of(InformationCategory.HOUSING, InformationCategory.EMPLOYMENT),
				List.of(new Recipient(demo.unit("visitation"), null)), today, today.plusYears(1), GivenHow.WRITTEN));
		return citizen;
	}

	private static NewAssessment assessment(LocalDate day, UUID housing) {
		return new NewAssessment(day, Map.of(HOUSING, new RatingInput(housing, "Sover hos en ven.", "Jeg vil have mit eget sted."),
				WORK, new RatingInput(MODERATE, "Har ikke arbejdet i to år.", null),
				DRUGS, new RatingInput(null, "Drikker dagligt.", "Jeg drikker for meget.")),
				"Jeg har brug for ro.", "En bolig", "God med hænderne", "Søster");
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
		return Stream.of(
				new StaffPageState("the assessments with a trend, a difference and the form", Staff.JOB_CENTRE, browser -> {
					browser.open("/personale/borgere/" + fixture.citizen() + "/helhedsvurdering");
					assertThat(browser.findAll("svg[role=img]")).hasSize(1);
					assertThat(browser.text("main")).contains("Bedre");
				}),
				new StaffPageState("a new assessment with mistakes", Staff.JOB_CENTRE, browser -> {
					browser.open("/personale/borgere/" + fixture.citizen() + "/helhedsvurdering");
					browser.andWaitForNewPage(() -> press(browser, "Gem helhedsvurdering"));
					assertThat(browser.findAll(".error-summary li")).hasSize(1);
				}),
				new StaffPageState("one assessment with the citizen's earlier words", Staff.JOB_CENTRE, browser -> {
					browser.open("/personale/borgere/" + fixture.citizen() + "/helhedsvurdering/" + fixture.assessment());
					assertThat(browser.text("main")).contains("Jeg vil bo tæt på min søster.");
				}),
				new StaffPageState("the assessments as Visitation sees them", Staff.HOUSING, browser -> {
					browser.open("/personale/borgere/" + fixture.citizen() + "/helhedsvurdering/" + fixture.assessment());
					assertThat(browser.text("main")).contains("Varetage bolig").doesNotContain("Drikker dagligt");
				}),
				new StaffPageState("the plan with goals, actions, a follow-up and every form", Staff.JOB_CENTRE, browser -> {
					browser.open("/personale/borgere/" + fixture.citizen() + "/plan");
					assertThat(browser.findAll("article.goal")).hasSize(2);
				}),
				new StaffPageState("the plan's goal form with mistakes", Staff.JOB_CENTRE, browser -> {
					browser.open("/personale/borgere/" + fixture.citizen() + "/plan");
					browser.andWaitForNewPage(() -> press(browser, "Læg målet i planen"));
					assertThat(browser.findAll(".error-summary li")).hasSize(6);
				}),
				new StaffPageState("the plan as Visitation sees it", Staff.HOUSING, browser -> {
					browser.open("/personale/borgere/" + fixture.citizen() + "/plan");
					assertThat(browser.findAll("article.goal")).hasSize(2);
				}),
				new StaffPageState("the citizen's copy of the plan", Staff.JOB_CENTRE, browser -> {
					browser.open("/personale/borgere/" + fixture.citizen() + "/plan/borgerens-kopi");
					assertThat(browser.text("main")).contains("Jeg vil have mit eget sted.", "Egen lejekontrakt");
				}),
				new StaffPageState("my citizens with their next follow-up", Staff.JOB_CENTRE, browser -> {
					browser.open("/personale/mine-borgere");
					assertThat(browser.text("main table")).contains("Plan Tilgængelig (syntetisk)");
				}),
				new StaffPageState("an earlier version of the plan", Staff.JOB_CENTRE, browser -> {
					browser.open("/personale/borgere/" + fixture.citizen() + "/plan/versioner/2");
					assertThat(browser.text("main")).contains("tidligere udgave");
				}));
	}

	@Test
	void theJobCentreMakesAnAssessmentAndAPlanThatVisitationSeesInPartWithJavaScript() {
		scenario(browsers.desktop(port), fixture.scenarioCitizen());
	}

	@Test
	void theJobCentreMakesAnAssessmentAndAPlanThatVisitationSeesInPartWithoutJavaScript() {
		scenario(browsers.withoutJavaScript(port), fixture.scenarioCitizenWithoutJs());
	}

	private void scenario(Browser browser, UUID citizen) {
		as(browser, Staff.JOB_CENTRE);
		browser.open("/personale/borgere/" + citizen);
		browser.andWaitForNewPage(() -> Staff.follow(browser, "Helhedsvurdering"));
		browser.find("#f-ord-helhed").sendKeys("Jeg vil have mit eget sted.");
		openAll(browser);
		new Select(browser.find("#f-niveau-" + HOUSING)).selectByValue(SEVERE.toString());
		browser.find("#f-ord-" + HOUSING).sendKeys("Jeg sover hos en ven.");
		browser.find("#f-beskrivelse-" + DRUGS).sendKeys("Drikker dagligt.");
		browser.andWaitForNewPage(() -> press(browser, "Gem helhedsvurdering"));
		assertThat(Staff.flash(browser)).isEqualTo("Helhedsvurderingen er gemt.");

		browser.open("/personale/borgere/" + citizen);
		browser.andWaitForNewPage(() -> Staff.follow(browser, "Handleplan"));
		browser.find("#f-borgerens-maal").sendKeys("Jeg vil have mit eget sted og et arbejde.");
		new Select(browser.find("#f-tilbud")).selectByValue("ACCEPTED");
		browser.find("#f-formaal").sendKeys("Egen bolig og job");
		browser.find("#f-indsats").sendKeys("Boligsøgning og praktik");
		browser.find("#f-varighed").sendKeys("Et år");
		browser.find("#f-andre-forhold").sendKeys("Ingen");
		new Select(browser.find("#f-deltagelse")).selectByValue("PRESENT");
		browser.andWaitForNewPage(() -> press(browser, "Gem planen"));
		goal(browser, HOUSING, "Egen lejekontrakt");
		goal(browser, WORK, "Praktik 15 timer om ugen");
		action(browser, "Varetage bolig", demo.unit("visitation"), "Hjælp til at søge bolig");
		action(browser, "Varetage beskæftigelse", demo.unit("jobcenteret"), "Praktik med mentor");
		browser.find("#f-evaluering").sendKeys("Godt i gang.");
		new Select(browser.find("#f-udfald")).selectByValue("CONTINUE");
		date(browser, "#f-naeste", "2027-04-15");
		browser.andWaitForNewPage(() -> press(browser, "Gem opfølgningen"));
		assertThat(Staff.flash(browser)).isEqualTo("Opfølgningen er gemt.");
		assertThat(browser.findAll("article.goal")).hasSize(2);

		as(browser, Staff.HOUSING);
		browser.open("/personale/borgere/" + citizen + "/plan");
		assertThat(browser.text("main")).contains("Egen lejekontrakt", "Hjælp til at søge bolig");
		browser.open("/personale/borgere/" + citizen + "/helhedsvurdering");
		browser.open(browser.find("main ul.plain-list a").getAttribute("href").replaceFirst("^https?://[^/]+", ""));
		assertThat(browser.text("main")).contains("Varetage bolig").doesNotContain("Drikker dagligt");
	}

	/** Opens every theme group as a person does: a click on its summary (which needs no JavaScript). */
	private static void openAll(Browser browser) {
		browser.findAll("details.theme-group summary").forEach(summary -> summary.click());
	}

	/** A date field, set as its value (the way the browser's date picker sets it). */
	private static void date(Browser browser, String cssSelector, String isoDate) {
		browser.script("arguments[0].value = arguments[1]", browser.find(cssSelector), isoDate);
	}

	private static void goal(Browser browser, UUID theme, String what) {
		new Select(browser.find("#f-tema")).selectByValue(theme.toString());
		new Select(browser.find("#f-maalniveau")).selectByValue(MILD.toString());
		new Select(browser.find("#f-maaltype")).selectByValue("DEVELOP");
		browser.find("#f-hvad").sendKeys(what);
		date(browser, "#f-hvornaar", "2027-12-01");
		browser.find("#f-hvordan").sendKeys("Vi kan se det");
		browser.andWaitForNewPage(() -> press(browser, "Læg målet i planen"));
		assertThat(Staff.flash(browser)).isEqualTo("Målet er lagt i planen.");
	}

	private void action(Browser browser, String goal, UUID unit, String description) {
		new Select(browser.find("#f-maal")).selectByVisibleText(new Select(browser.find("#f-maal")).getOptions()
			.stream()
			.filter(option -> option.getText().startsWith(goal))
			.findFirst()
			.orElseThrow()
			.getText());
		new Select(browser.find("#f-ansvarlig")).selectByValue(unit.toString());
		new Select(browser.find("#f-ydelse")).selectByValue(service(unit).toString());
		browser.find("#f-beskrivelse").sendKeys(description);
		browser.andWaitForNewPage(() -> press(browser, "Læg indsatsen i planen"));
		assertThat(Staff.flash(browser)).isEqualTo("Indsatsen er lagt i planen.");
	}



	private UUID service(UUID unit) {
		return services.activeOf(municipalities.getBySlug("aabenraa").id())
			.stream()
			.filter(service -> unit.equals(service.owningUnitId()))
			.findFirst()
			.orElseThrow()
			.id();
	}
}
