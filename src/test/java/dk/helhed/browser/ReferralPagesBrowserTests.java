package dk.helhed.browser;

import static dk.helhed.browser.Staff.as;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.NoteWriting;
import dk.helhed.citizen.internal.Registration;
import dk.helhed.citizen.internal.SharingBases;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.citizen.internal.SharingBases.NewConsent;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.referral.internal.ReferralMoves.Move;
import dk.helhed.referral.internal.ReferralWork;
import dk.helhed.referral.internal.ReferralWork.NewReferral;
import dk.helhed.support.SyntheticCpr;

/**
 * The referral pages in Chromium: the scenario as a new user would go through it, with and without
 * JavaScript (the job centre refers Mads to Visitation & Understøttelse for Overgangsbolig sharing housing and
 * employment; Visitation accepts, starts and completes it with an outcome; the job centre sees the outcome and closes
 * the loop), and every new page, in the states staff meet it in, without a WCAG 2.1 AA violation on a desktop and on
 * a 360 px phone, where nothing scrolls sideways. The citizens are synthetic.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReferralPagesBrowserTests implements EveryStateIsAccessible {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	private static Fixture fixture;

	private record Fixture(UUID citizen, UUID live, UUID completed, UUID scenario, UUID scenarioWithoutJs,
			UUID flats) {
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
	NoteWriting noteWriting;

	@Autowired
	ReferralWork referrals;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Municipalities municipalities;

	@Autowired
	Catalogs catalogs;

	@BeforeEach
	void citizensToShow() {
		if (fixture != null) {
			return;
		}
		var jobCentre = demo.staff(Staff.JOB_CENTRE);
		var housing = demo.staff(Staff.HOUSING);
		var flats = catalogs.of("aabenraa").service("overgangsbolig").orElseThrow().id();
		var citizen = mads("Mads Tilgængelig (syntetisk)");
		var shared = Set.of(InformationCategory.HOUSING, InformationCategory.EMPLOYMENT);
		var live = referrals.send(jobCentre, new NewReferral(citizen, flats, demo.unit("visitation"),
				"Kan Mads få en overgangsbolig? (syntetisk)", null, shared, null));
		var completed = referrals.send(jobCentre, new NewReferral(citizen, flats, demo.unit("visitation"),
				"Og en plads i efteråret? (syntetisk)", null, shared, null));
		var accepted = referrals.move(housing, completed.id(), Move.ACCEPT, null, null, completed.version());
		var started = referrals.move(housing, completed.id(), Move.START, null, null, accepted.version());
		referrals.move(housing, completed.id(), Move.COMPLETE, null, "Flytter ind 1. marts. (syntetisk)",
				started.version());
		fixture = new Fixture(citizen, live.id(), completed.id(), mads("Mads Scenarie (syntetisk)"),
				mads("Mads Uden Script (syntetisk)"), flats);
	}

	/** A citizen of the job centre with a consent for Visitation to see housing and employment, and a housing note. */
	private UUID mads(String name) {
		var jobCentre = demo.staff(Staff.JOB_CENTRE);
		var today = LocalDate.now(clock);
		var citizen = registration.registerIdentified(jobCentre, new NewCitizen(SyntheticCpr.random(), name, null, null,
				null, null)).id();
		sharing.recordConsent(jobCentre, citizen, new NewConsent("Bolig og job",
				Set.of(InformationCategory.HOUSING, InformationCategory.EMPLOYMENT),
				List.of(new Recipient(demo.unit("visitation"), null)), today, today.plusYears(1), GivenHow.WRITTEN));
		noteWriting.writeNote(jobCentre, citizen, InformationCategory.HOUSING, "Sover hos en ven. (syntetisk)", null);
		return citizen;
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
				new StaffPageState("the referral form, before a service is chosen", Staff.JOB_CENTRE, browser -> {
					browser.open("/personale/borgere/" + fixture.citizen() + "/henvisninger/ny");
					assertThat(browser.findAll("#f-referral")).isEmpty();
				}),
				new StaffPageState("the referral form with the categories to share", Staff.JOB_CENTRE, browser -> {
					browser.open("/personale/borgere/" + fixture.citizen() + "/henvisninger/ny?indsats=" + fixture.flats());
					assertThat(browser.findAll("input[name=kategorier]")).hasSize(InformationCategory.values().length);
				}),
				new StaffPageState("the referral form with mistakes", Staff.JOB_CENTRE, browser -> {
					browser.open("/personale/borgere/" + fixture.citizen() + "/henvisninger/ny?indsats=" + fixture.flats());
					browser.andWaitForNewPage(() -> press(browser, "Send henvisningen"));
					assertThat(browser.findAll(".error-summary li")).isNotEmpty();
				}),
				new StaffPageState("Visitation's queue", Staff.HOUSING, browser -> {
					browser.open("/personale/henvisninger");
					assertThat(browser.text("main")).contains("Venter på svar", "Løkken ikke lukket");
				}),
				new StaffPageState("the queue filtered, with a mistake", Staff.HOUSING, browser -> {
					browser.open("/personale/henvisninger?status=nonsens");
					assertThat(browser.findAll(".error-summary li")).hasSize(1);
				}),
				new StaffPageState("a referral as its receiver answers it", Staff.HOUSING, browser -> {
					browser.open("/personale/henvisninger/" + fixture.live());
					assertThat(browser.text("main")).contains("Sover hos en ven", "Historik");
				}),
				new StaffPageState("the confirmation before rejecting", Staff.HOUSING, browser -> {
					browser.open("/personale/henvisninger/" + fixture.live());
					new Select(browser.find("#f-aarsag-REJECT")).selectByValue("NOT_TARGET_GROUP");
					browser.andWaitForNewPage(() -> press(browser, "Afvis"));
					assertThat(browser.text("main h1")).isEqualTo("Afvis henvisningen");
				}),
				new StaffPageState("a completed referral as its sender sees it", Staff.JOB_CENTRE, browser -> {
					browser.open("/personale/henvisninger/" + fixture.completed());
					assertThat(browser.text("main")).contains("Flytter ind 1. marts.");
				}),
				new StaffPageState("a move the table refuses", Staff.JOB_CENTRE, browser -> {
					browser.open("/personale/henvisninger/" + fixture.live());
					// The sender has no button to accept; a crafted form sends the move anyway.
					browser.script("var f = document.querySelector('form.move'); f.querySelector('[name=skridt]').value = 'ACCEPT'; f.submit();");
					browser.waiting().until(driver -> driver.getTitle().startsWith("Fejl"));
					assertThat(browser.text("main")).contains("Du må ikke acceptere denne henvisning.");
				}));
	}

	@Test
	void theJobCentreRefersVisitationCompletesAndTheLoopClosesWithJavaScript() {
		scenario(browsers.desktop(port), fixture.scenario());
	}

	@Test
	void theJobCentreRefersVisitationCompletesAndTheLoopClosesWithoutJavaScript() {
		scenario(browsers.withoutJavaScript(port), fixture.scenarioWithoutJs());
	}

	private void scenario(Browser browser, UUID citizen) {
		as(browser, Staff.JOB_CENTRE);
		browser.open("/personale/borgere/" + citizen);
		browser.andWaitForNewPage(() -> Staff.follow(browser, "Henvis til en anden enhed"));
		new Select(browser.find("#f-indsats")).selectByValue(fixture.flats().toString());
		browser.andWaitForNewPage(() -> press(browser, "Vis hvad der kan deles"));
		assertThat(browser.text("#henvisning-title")).contains("Visitation");
		assertThat(browser.find("#kategori-HEALTH").isEnabled()).isFalse();
		browser.find("#f-spoergsmaal").sendKeys("Mads sover hos en ven. Kan han få en overgangsbolig?");
		browser.find("#kategori-HOUSING").click();
		browser.find("#kategori-EMPLOYMENT").click();
		browser.andWaitForNewPage(() -> press(browser, "Send henvisningen"));
		assertThat(Staff.flash(browser)).startsWith("Henvisningen er sendt til Visitation");
		var address = browser.path();

		as(browser, Staff.HOUSING);
		browser.open("/personale/henvisninger");
		assertThat(browser.text(".staff-nav .referrals-link")).matches("(?s)Henvisninger\\s+[1-9]\\d*.*");
		browser.open(address);
		assertThat(browser.text("main")).contains("Kan han få en overgangsbolig?", "Sover hos en ven");
		browser.andWaitForNewPage(() -> press(browser, "Accepter"));
		assertThat(Staff.flash(browser)).contains("accepteret");
		browser.andWaitForNewPage(() -> press(browser, "Start"));
		browser.find("#f-resultat-COMPLETE").sendKeys("Mads flytter ind i Overgangsbolig 1. marts.");
		browser.andWaitForNewPage(() -> press(browser, "Afslut med resultat"));
		assertThat(Staff.flash(browser)).startsWith("Kvittering:");
		assertThat(browser.text("main")).contains("Afsluttet med resultat").doesNotContain("Sover hos en ven");

		as(browser, Staff.JOB_CENTRE);
		browser.open(address);
		assertThat(browser.text("main")).contains("Mads flytter ind i Overgangsbolig 1. marts.");
		browser.andWaitForNewPage(() -> press(browser, "Luk løkken"));
		assertThat(Staff.flash(browser)).startsWith("Løkken er lukket");
		assertThat(browser.text("main dl")).contains("løkken er lukket");
	}


}
