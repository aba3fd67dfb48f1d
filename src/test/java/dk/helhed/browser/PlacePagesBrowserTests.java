package dk.helhed.browser;

import static dk.helhed.browser.Staff.as;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;

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
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.citizen.internal.Registration;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.identity.StaffMember;
import dk.helhed.referral.internal.Decisions;
import dk.helhed.referral.internal.Decisions.NewDecision;
import dk.helhed.referral.internal.PlaceStore.Urgency;
import dk.helhed.referral.internal.PlaceWork;
import dk.helhed.support.SyntheticCpr;

/**
 * The pages of places, waiting lists and decisions in Chromium: every new page in the states Visitation's caseworker
 * meets it in (with an offer, a resident and a waiting list; with mistakes; a confirmation; a letter), on a desktop and
 * on a 360 px phone: axe-core finds no WCAG 2.1 AA violation, and nothing on a phone needs scrolling sideways. And
 * the scenario as a new user does it, with and without JavaScript: offer a place from the waiting list's page, move
 * the citizen in after a confirmation, and record a refusal with its legal basis and complaint guidance.
 * The places shown are Boliger på Kirkeplads'; the scenarios use Botilbud Bjerggade's; all citizens are synthetic.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlacePagesBrowserTests implements EveryStateIsAccessible {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	private record Fixture(UUID shown, UUID decision, UUID withJs, UUID withoutJs) {
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
	PlaceWork places;

	@Autowired
	Decisions decisions;

	@Autowired
	Catalogs catalogs;

	@Autowired
	UserDetailsService accounts;

	static UUID kirkeplads;
	static UUID bjerggade;
	static UUID overgangsbolig;

	@BeforeEach
	void placesToShow() {
		if (fixture != null) {
			return;
		}
		var housing = demo.staff(Staff.HOUSING);
		var today = LocalDate.now(clock);
		var catalog = catalogs.of("aabenraa");
		kirkeplads = catalog.service("boliger-paa-kirkeplads").orElseThrow().id();
		bjerggade = catalog.service("botilbud-bjerggade").orElseThrow().id();
		overgangsbolig = catalog.service("overgangsbolig").orElseThrow().id();
		var offered = citizen("Plads Tilbudt (syntetisk)");
		var resident = citizen("Plads Beboer (syntetisk)");
		places.offerPlace(housing, kirkeplads, offered);
		places.moveIn(housing, places.offerPlace(housing, kirkeplads, resident).id(), today.plusMonths(4));
		places.putOnWaitingList(housing, kirkeplads, citizen("Plads Venter Først (syntetisk)"), Urgency.HIGH,
				today.minusDays(10));
		places.putOnWaitingList(housing, kirkeplads, citizen("Plads Venter Anden (syntetisk)"), Urgency.NORMAL,
				today.minusDays(12));
		var decision = decisions.decide(housing, new NewDecision(resident, overgangsbolig, null,
				Decisions.Outcome.PARTLY_GRANTED, "SEL-107", "En overgangsbolig i tre måneder.",
				"Du har brug for en bolig nu. Vi ser på sagen igen om tre måneder."));
		fixture = new Fixture(resident, decision.id(), citizen("Plads Med Script (syntetisk)"),
				citizen("Plads Uden Script (syntetisk)"));
	}

	private UUID citizen(String name) {
		return registration.registerIdentified(demo.staff(Staff.HOUSING), new NewCitizen(SyntheticCpr.random(), name, null, null,
				null, null)).id();
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
		return Stream.of(new StaffPageState("the places of the unit's services", Staff.HOUSING, browser -> {
			browser.open("/personale/pladser");
			assertThat(browser.text("main table")).contains("Boliger på Kirkeplads", "Overgangsbolig");
		}), new StaffPageState("a service's places with an offer, a resident and a waiting list", Staff.HOUSING, browser -> {
			browser.open("/personale/pladser/" + kirkeplads);
			assertThat(browser.text("main")).contains("Plads Tilbudt (syntetisk)", "Plads Beboer (syntetisk)",
					"Du er nummer 1 af 2 på ventelisten.", "Prioriteringsregel 1");
		}), new StaffPageState("the waiting-list form with mistakes", Staff.HOUSING, browser -> {
			browser.open("/personale/pladser/" + kirkeplads);
			browser.andWaitForNewPage(() -> press(browser, "Skriv på ventelisten"));
			assertThat(browser.findAll(".error-summary li")).hasSize(1);
		}), new StaffPageState("the confirmation before a move-in", Staff.HOUSING, browser -> {
			browser.open("/personale/pladser/" + kirkeplads);
			browser.andWaitForNewPage(() -> press(browser, "Borgeren flytter ind …"));
			assertThat(browser.text("main h1")).contains("flytter ind");
		}), new StaffPageState("the confirmation before a declined offer, with its consequence", Staff.HOUSING, browser -> {
			browser.open("/personale/pladser/" + kirkeplads);
			new Select(browser.find("select[name=aarsag]")).selectByValue("CITIZEN_DECLINED");
			browser.andWaitForNewPage(() -> press(browser, "Afslå tilbuddet …"));
			assertThat(browser.text("main")).contains("Borgeren kommer tilbage på ventelisten");
		}), new StaffPageState("the decisions of a citizen and the form", Staff.HOUSING, browser -> {
			browser.open("/personale/borgere/" + fixture.shown() + "/afgoerelser/ny");
			assertThat(browser.text("main")).contains("Delvist bevilget", "§ 107");
		}), new StaffPageState("the decision form with mistakes", Staff.HOUSING, browser -> {
			browser.open("/personale/borgere/" + fixture.shown() + "/afgoerelser/ny");
			browser.andWaitForNewPage(() -> press(browser, "Se afgørelsen før den træffes …"));
			assertThat(browser.findAll(".error-summary li")).hasSizeGreaterThanOrEqualTo(3);
		}), new StaffPageState("the confirmation before a decision", Staff.HOUSING, browser -> {
			browser.open("/personale/borgere/" + fixture.shown() + "/afgoerelser/ny");
			fillRefusal(browser);
			browser.andWaitForNewPage(() -> press(browser, "Se afgørelsen før den træffes …"));
			assertThat(browser.text("main")).contains("Ja, træf afgørelsen", "klagevejledning");
		}), new StaffPageState("the decision letter", Staff.HOUSING, browser -> {
			browser.open("/personale/borgere/" + fixture.shown() + "/afgoerelser/" + fixture.decision());
			assertThat(browser.text("main")).contains("Afgørelse om Overgangsbolig", "Sådan klager du");
		}));
	}

	private static void fillRefusal(Browser browser) {
		new Select(browser.find("#f-ydelse")).selectByValue(overgangsbolig.toString());
		browser.find("label[for=f-udfald-REFUSED]").click();
		new Select(browser.find("#f-lovgrundlag")).selectByValue("SEL-107");
		browser.find("#f-begrundelse").sendKeys("Du har en lejebolig, som du kan bo i.");
	}

	@Test
	void visitationOffersAPlaceMovesTheCitizenInAndRecordsADecisionWithJavaScript() {
		scenario(browsers.desktop(port), fixture.withJs(), "Plads Med Script (syntetisk)");
	}

	@Test
	void visitationOffersAPlaceMovesTheCitizenInAndRecordsADecisionWithoutJavaScript() {
		scenario(browsers.withoutJavaScript(port), fixture.withoutJs(), "Plads Uden Script (syntetisk)");
	}

	private void scenario(Browser browser, UUID citizen, String name) {
		as(browser, Staff.HOUSING);
		browser.open("/personale");
		browser.andWaitForNewPage(() -> browser.find(".staff-nav a[href='/personale/pladser']").click());
		assertThat(browser.text("main h1")).isEqualTo("Pladser og ventelister");
		browser.andWaitForNewPage(() -> browser.driver()
			.findElement(By.cssSelector("main a[href='/personale/pladser/" + bjerggade + "']"))
			.click());
		new Select(browser.find("#f-tilbud-borger")).selectByVisibleText(name);
		browser.andWaitForNewPage(() -> press(browser, "Tilbyd en ledig plads"));
		assertThat(Staff.flash(browser)).startsWith("Kvittering: plads");
		assertThat(browser.text("main")).contains(name);

		var card = browser.driver()
			.findElements(By.cssSelector("main article.panel"))
			.stream()
			.filter(article -> article.getText().contains(name))
			.findFirst()
			.orElseThrow();
		browser.andWaitForNewPage(() -> card.findElement(By.xpath(".//button[normalize-space(.)='Borgeren flytter ind …']"))
			.click());
		assertThat(browser.text("main h1")).startsWith(name + " flytter ind på plads ");
		browser.andWaitForNewPage(() -> press(browser, "Ja, borgeren flytter ind"));
		assertThat(Staff.flash(browser)).contains("flyttet ind");

		browser.open("/personale/borgere/" + citizen);
		browser.andWaitForNewPage(() -> Staff.follow(browser, "Afgørelser"));
		fillRefusal(browser);
		browser.andWaitForNewPage(() -> press(browser, "Se afgørelsen før den træffes …"));
		browser.andWaitForNewPage(() -> press(browser, "Ja, træf afgørelsen"));
		assertThat(Staff.flash(browser)).startsWith("Kvittering: afgørelsen er truffet");
		assertThat(browser.text("main")).contains("Vi har sagt nej til din ansøgning om Overgangsbolig", "§ 107",
				"Sådan klager du", "Hent brevet som PDF");
	}

}
