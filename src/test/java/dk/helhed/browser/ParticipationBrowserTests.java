package dk.helhed.browser;

import static dk.helhed.browser.Staff.as;
import static dk.helhed.browser.Staff.flash;
import static dk.helhed.browser.Staff.follow;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.convention.TestBean;

import dk.helhed.identity.internal.StaffPrincipal;
import dk.helhed.municipality.Municipalities;
import dk.helhed.participation.internal.Meetings;
import dk.helhed.participation.internal.Meetings.NewMeeting;
import dk.helhed.participation.internal.Proposals;
import dk.helhed.participation.internal.Proposals.NewProposal;
import dk.helhed.participation.internal.SubmissionGuard;
import dk.helhed.support.MutableClock;

/**
 * Participation as a new user meets it: on a phone, with and without JavaScript, an anonymous citizen sends a
 * proposal to Aabenraa's dialogue forum and gets a receipt code; the participation coordinator puts the proposal on a
 * meeting's agenda, publishes the minutes and answers it; the citizen reads the answer with the code, and the public
 * pages show the meeting, the minutes and the answer. And every new page, public and for staff, on a desktop and a
 * phone: no WCAG 2.1 AA violation found by axe-core, nothing sticking out sideways at 360 px.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ParticipationBrowserTests {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-03-01T09:00:00Z"), ZoneId.of("Europe/Copenhagen"));

	static final String COORDINATOR = "inddragelse";

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@TestBean(name = "clock", methodName = "dk.helhed.browser.ParticipationBrowserTests#clock")
	Clock clock;

	static Clock clock() {
		return CLOCK;
	}

	@LocalServerPort
	int port;

	@Autowired
	Proposals proposals;

	@Autowired
	Meetings meetings;

	@Autowired
	SubmissionGuard guard;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Municipalities municipalities;

	/** Records for the pages to show, made once: a proposal, a meeting held with minutes, one ahead. */
	static Map<String, String> fixture;

	@BeforeEach
	void somethingToShow() {
		if (fixture != null) {
			return;
		}
		var aabenraa = municipalities.getBySlug("aabenraa").id();
		var coordinator = ((StaffPrincipal) accounts.loadUserByUsername(COORDINATOR)).member();
		var receipt = proposals.submit(aabenraa, new NewProposal("kontaktraadet", "EXPERIENCE", "Lange ventetider",
				"Jeg venter længe på en samtale. Det er svært, når jeg har det skidt.", "inddragelse-og-dialog"),
				"10.20.0.1", "", guard.startToken(CLOCK.instant().minusSeconds(60)));
		var proposal = proposals.byNumber(aabenraa, receipt.number()).orElseThrow().id();
		var today = LocalDate.now(CLOCK);
		var held = meetings.plan(coordinator, new NewMeeting("kontaktraadet", "Kontaktrådets vintermøde",
				today.minusDays(1).toString(), "16:00", "18:00", "HYBRID", "Reberbanen, Aabenraa",
				"https://moede.example/kontaktraad", null, null));
		meetings.addItem(coordinator, held, "Ventetider", "Hvor længe venter man på en samtale?",
				String.valueOf(receipt.number()));
		meetings.publishMinutes(coordinator, held, "Rådet talte om ventetider. Centeret ser på, om samtaler kan "
				+ "ligge om eftermiddagen.", "11", Map.of(1, "Centeret vender tilbage på næste møde."));
		var ahead = meetings.plan(coordinator, new NewMeeting("kontaktraadet", "Kontaktrådets forårsmøde",
				today.plusDays(20).toString(), "16:00", "18:00", "IN_PERSON", "Reberbanen, Aabenraa", null, "ja", "25"));
		proposals.answer(coordinator, proposal, "partly-accepted", "Vi prøver tider om eftermiddagen fra april.");
		proposals.publishAnswer(coordinator, proposal);
		fixture = Map.of("number", String.valueOf(receipt.number()), "code", receipt.code(), "proposal",
				proposal.toString(), "held", held.toString(), "ahead", ahead.toString());
	}

	// The scenario

	@ParameterizedTest(name = "on a phone {0}")
	@ValueSource(strings = { "without JavaScript", "with JavaScript" })
	void aCitizenSendsAProposalTheCoordinatorTakesItUpAndTheCitizenReadsTheAnswer(String how) {
		boolean javaScript = !how.startsWith("without");
		var citizen = javaScript ? browsers.phone(port) : browsers.phoneWithoutJavaScript(port);
		citizen.asNewVisitor().open("/aabenraa");
		follow(citizen, "Dialog");
		assertThat(citizen.path()).isEqualTo("/aabenraa/dialog");
		follow(citizen, "Send et forslag");
		var title = "Bænke ved havnen (" + how + ")";
		citizen.find("label[for=f-kind-PROPOSAL]").click();
		citizen.find("#f-title").sendKeys(title);
		citizen.find("#f-text").sendKeys("Der er ingen steder at sidde ved havnen. Flere bænke ville hjælpe mig.");
		new Select(citizen.find("#f-area")).selectByVisibleText("Fællesskaber");
		CLOCK.advance(Duration.ofSeconds(30));
		citizen.andWaitForNewPage(() -> press(citizen, "Send forslaget"));
		assertThat(citizen.path()).isEqualTo("/aabenraa/dialog/kvittering");
		var code = citizen.text("#receipt-code");
		assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}");
		var number = citizen.text("main").replaceAll("(?s).*Dit forslag har nr\\. (\\d+)\\..*", "$1");
		assertThat(citizen.horizontalOverflow()).as("the receipt on a phone sticks out by (px)").isLessThanOrEqualTo(0);
		assertAccessibleWhereAxeRuns(citizen, javaScript);

		// The coordinator plans a meeting, puts the proposal on its agenda, publishes the minutes and answers it.
		var coordinator = as(browsers.desktop(port), COORDINATOR);
		coordinator.open("/personale");
		follow(coordinator, "Inddragelse");
		follow(coordinator, "Planlæg et møde");
		new Select(coordinator.find("#f-body-select")).selectByVisibleText("Dialogforum for Udsatte");
		coordinator.find("#f-title").sendKeys("Dialogmøde om byens rum (" + how + ")");
		var day = LocalDate.now(CLOCK).plusDays(2);
		coordinator.script("arguments[0].value = arguments[1]", coordinator.find("#f-date"), day.toString());
		coordinator.find("#f-place").sendKeys("Folkehjem, Aabenraa");
		coordinator.andWaitForNewPage(() -> press(coordinator, "Planlæg mødet"));
		assertThat(flash(coordinator)).startsWith("Mødet er planlagt");
		var meetingPath = coordinator.path();
		coordinator.find("#f-itemTitle").sendKeys("Bænke ved havnen");
		coordinator.find("#f-proposal").sendKeys(number);
		coordinator.andWaitForNewPage(() -> press(coordinator, "Sæt på dagsordenen"));
		assertThat(coordinator.text("main ol")).contains("Bænke ved havnen", "forslag nr. " + number);

		CLOCK.advance(Duration.ofDays(3));
		coordinator.open(meetingPath);
		coordinator.find("#f-minutes").sendKeys("Vi talte om bænke ved havnen. Forvaltningen finder tre steder.");
		coordinator.find("#f-attendees").sendKeys("17");
		coordinator.find("#f-decision-1").sendKeys("Der kommer tre bænke til sommer.");
		coordinator.andWaitForNewPage(() -> press(coordinator, "Offentliggør referatet"));
		assertThat(flash(coordinator)).isEqualTo("Referatet er offentliggjort.");
		follow(coordinator, "(forslag nr. " + number + ")");
		new Select(coordinator.find("#f-state-select")).selectByVisibleText("Ja");
		coordinator.find("#f-answer").sendKeys("Ja. Der kommer tre bænke ved havnen til sommer.");
		coordinator.andWaitForNewPage(() -> press(coordinator, "Gem svaret"));
		assertThat(flash(coordinator)).startsWith("Svaret er gemt.");
		coordinator.andWaitForNewPage(() -> press(coordinator, "Offentliggør svaret"));
		assertThat(flash(coordinator)).startsWith("Svaret er offentliggjort.");

		// Later: the citizen follows the proposal with the code.
		citizen.asNewVisitor().open("/aabenraa/dialog");
		follow(citizen, "Følg dit forslag");
		citizen.find("#f-code").sendKeys(code);
		citizen.andWaitForNewPage(() -> press(citizen, "Se dit forslag"));
		var followed = citizen.text("main");
		assertThat(followed).contains(title, "Ja", "Der kommer tre bænke ved havnen til sommer.",
				"Vi talte om det på mødet:");
		assertAccessibleWhereAxeRuns(citizen, javaScript);
		var meetingLink = citizen.find("main .panel a[href*='/dialog/moeder/']");
		assertThat(meetingLink.getText()).startsWith("Dialogmøde om byens rum (" + how + ")");
		citizen.andWaitForNewPage(meetingLink::click);
		assertThat(citizen.text("main")).contains("Vi talte om bænke ved havnen.", "17 var med.",
				"Der kommer tre bænke til sommer.", "Forslag nr. " + number);
		assertThat(citizen.horizontalOverflow()).isLessThanOrEqualTo(0);
		assertAccessibleWhereAxeRuns(citizen, javaScript);

		// The public pages show the answer and count it.
		citizen.open("/aabenraa/dialog/dialogforum-for-udsatte");
		assertThat(citizen.text("main")).contains("Det kom der ud af forslagene", title);
		citizen.open("/aabenraa/dialog/forslag/" + number);
		assertThat(citizen.text("main")).contains("Der kommer tre bænke ved havnen til sommer.");
	}

	@ParameterizedTest(name = "on a phone {0}")
	@ValueSource(strings = { "without JavaScript", "with JavaScript" })
	void aFormWithMistakesSaysWhatToFixAtTheFieldsOnAPhone(String how) {
		boolean javaScript = !how.startsWith("without");
		var citizen = (javaScript ? browsers.phone(port) : browsers.phoneWithoutJavaScript(port)).asNewVisitor()
			.open("/aabenraa/dialog/forslag/ny");
		CLOCK.advance(Duration.ofSeconds(30));
		citizen.andWaitForNewPage(() -> press(citizen, "Send forslaget"));
		assertThat(citizen.findAll(".error-summary li")).hasSize(2);
		assertThat(citizen.text("#f-title-error")).isEqualTo("Skriv en overskrift.");
		assertThat(citizen.horizontalOverflow()).isLessThanOrEqualTo(0);
		assertAccessibleWhereAxeRuns(citizen, javaScript);
	}

	/** axe-core is JavaScript: in the browser without it, the same pages are checked by the one with it. */
	private static void assertAccessibleWhereAxeRuns(Browser browser, boolean javaScript) {
		if (javaScript) {
			Staff.assertAccessible(browser);
		}
	}

	// Every new page

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void hasNoAccessibilityViolations(String page, String account, String path) {
		var browser = as(browsers.desktop(port), account).open(resolve(path));
		assertThat(browser.driver().findElements(By.cssSelector(".error-page"))).as(page + " is an error page").isEmpty();
		assertThat(browser.accessibilityViolations()).as(page).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void fitsAPhoneScreenWithoutScrollingSideways(String page, String account, String path) {
		var browser = as(browsers.phone(port), account).open(resolve(path));
		assertThat(browser.horizontalOverflow()).as(page + " on a 360 px wide screen sticks out sideways by (px)")
			.isLessThanOrEqualTo(0);
		assertThat(browser.accessibilityViolations()).as(page + " on a phone").isEmpty();
	}

	static Stream<Arguments> pages() {
		return Stream.of(page("the participation front page", null, "/aabenraa/dialog"),
				page("the participation front page in English", null, "/aabenraa/dialog?lang=en"),
				page("the dialogue forum", null, "/aabenraa/dialog/dialogforum-for-udsatte"),
				page("the contact council, with answers, in English", null, "/aabenraa/dialog/kontaktraadet?lang=en"),
				page("a meeting with agenda and minutes", null, "/aabenraa/dialog/moeder/{held}"),
				page("a meeting ahead, open for registration", null, "/aabenraa/dialog/moeder/{ahead}"),
				page("a meeting in English", null, "/aabenraa/dialog/moeder/{ahead}?lang=en"),
				page("the print view of a meeting", null, "/aabenraa/dialog/moeder/{held}/udskriv"),
				page("the citizens' proposals", null, "/aabenraa/dialog/forslag"),
				page("a proposal with its answer", null, "/aabenraa/dialog/forslag/{number}"),
				page("a proposal in English", null, "/aabenraa/dialog/forslag/{number}?lang=en"),
				page("the proposal form", null, "/aabenraa/dialog/forslag/ny"),
				page("the proposal form in English", null, "/aabenraa/dialog/forslag/ny?lang=en"),
				page("following a proposal", null, "/aabenraa/dialog/kvittering"),
				page("the coordinator's overview", COORDINATOR, "/personale/dialog"),
				page("a proposal for the coordinator", COORDINATOR, "/personale/dialog/forslag/{proposal}"),
				page("entering a proposal for a citizen", COORDINATOR, "/personale/dialog/forslag/ny"),
				page("planning a meeting", COORDINATOR, "/personale/dialog/moeder/ny"),
				page("a held meeting for the coordinator", COORDINATOR, "/personale/dialog/moeder/{held}"),
				page("a meeting ahead for the coordinator", COORDINATOR, "/personale/dialog/moeder/{ahead}"));
	}

	private static Arguments page(String name, String account, String path) {
		return Arguments.of(name, account, path);
	}

	private static String resolve(String path) {
		var resolved = path;
		for (var entry : fixture.entrySet()) {
			resolved = resolved.replace("{" + entry.getKey() + "}", entry.getValue());
		}
		return resolved;
	}

}
