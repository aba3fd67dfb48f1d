package dk.helhed.browser;

import static dk.helhed.browser.Staff.as;
import static dk.helhed.browser.Staff.flash;
import static dk.helhed.browser.Staff.follow;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;

import dk.helhed.catalog.internal.Catalogs;

/**
 * Every kind of staff page, on a desktop-sized and on a phone-sized screen: axe-core finds no WCAG 2.1 AA violation,
 * and nothing on a phone needs scrolling sideways. And the login form works with the keyboard alone.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StaffPagesAreAccessibleBrowserTests {

	/** A place in a path to fill in: {service:key} for a service's id, {proposal} for the proposal made below. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(service:[a-z0-9-]+|proposal)}");

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	/**
	 * The id of a unit editor's proposal waiting for approval; made once, in the browser, together with a change to Den
	 * Blå Oase for its history to show.
	 */
	private static String proposal;

	@TestBean(name = "clock", methodName = "dk.helhed.browser.Staff#fixedClock")
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	Catalogs catalogs;

	@BeforeEach
	void somethingToShow() {
		if (proposal != null) {
			return;
		}
		var browser = desktop();
		as(browser, Staff.UNIT_EDITOR);
		browser.open("/personale/indsatser");
		follow(browser, "Gratis inventar til at etablere sig i egen bolig");
		var summary = browser.find("#f-summary");
		summary.clear();
		summary.sendKeys("Flytter du i egen bolig, kan du få gratis møbler og køkkenudstyr fra Arwos.");
		browser.andWaitForNewPage(() -> press(browser, "Send forslag til godkendelse"));
		follow(browser, "se forslaget");
		var proposalPath = browser.path();

		as(browser, Staff.CATALOG_EDITOR);
		browser.open("/personale/indsatser");
		follow(browser, "Den Blå Oase");
		var description = browser.find("#f-description");
		description.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n\nFra 1. marts 2027 holder værestedet også åbent "
				+ "lørdag formiddag, og socialsygeplejersken kommer hver tirsdag. Spørg personalet, hvis du vil vide mere.");
		browser.find("label[for=day-1-SA]").click();
		browser.find("#f-schedules-1-opens").sendKeys("9:00");
		browser.find("#f-schedules-1-closes").sendKeys("12:00");
		browser.find("#f-schedules-1-description").sendKeys("brunch og avis");
		browser.andWaitForNewPage(() -> press(browser, "Gem"));
		assertThat(flash(browser)).startsWith("Ændringerne er gemt");
		proposal = proposalPath.substring(proposalPath.lastIndexOf('/') + 1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("staffPages")
	void hasNoAccessibilityViolations(String page, String account, String path) {
		var browser = as(desktop(), account).open(resolve(path));

		assertThat(browser.accessibilityViolations()).as(page).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("staffPages")
	void fitsAPhoneScreenWithoutScrollingSideways(String page, String account, String path) {
		var browser = as(phone(), account).open(resolve(path));

		assertThat(browser.horizontalOverflow()).as(page + " on a 360 px wide screen sticks out sideways by (px)")
			.isLessThanOrEqualTo(0);
		assertThat(browser.accessibilityViolations()).as(page + " on a phone").isEmpty();
	}

	@Test
	void theFormWithAPreviewAndWithMistakesFitsAPhone() {
		var browser = as(phone(), Staff.CATALOG_EDITOR).open(resolve("/personale/indsatser/{service:den-blaa-oase}"));

		browser.andWaitForNewPage(() -> press(browser, "Forhåndsvis"));
		assertThat(browser.find("section.preview").isDisplayed()).isTrue();
		assertThat(browser.horizontalOverflow()).as("the preview sticks out sideways by (px)").isLessThanOrEqualTo(0);
		assertThat(browser.accessibilityViolations()).as("the form with a preview, on a phone").isEmpty();

		browser.find("#f-name").clear();
		browser.find("#f-email").sendKeys("ikke en adresse");
		browser.andWaitForNewPage(() -> press(browser, "Forhåndsvis"));
		assertThat(browser.findAll(".error-summary li")).hasSize(2);
		assertThat(browser.horizontalOverflow()).as("the form with mistakes sticks out sideways by (px)")
			.isLessThanOrEqualTo(0);
		assertThat(browser.accessibilityViolations()).as("the form with mistakes, on a phone").isEmpty();
	}

	@Test
	void theLoginFormCanBeCompletedWithTheKeyboardAlone() {
		var browser = as(desktop(), null).open("/log-ind");
		var keyboard = new Actions(browser.driver());

		assertThat(focused(browser)).as("the field that has the focus when the page opens").isEqualTo("username");
		keyboard.sendKeys(Staff.UNIT_EDITOR, Keys.TAB, "forkert kode", Keys.ENTER).perform();
		browser.waiting().until(driver -> browser.path().equals("/log-ind?fejl"));
		assertThat(browser.text("main [role=alert]")).startsWith("Brugernavn eller adgangskode er forkert");
		assertThat(browser.accessibilityViolations()).as("the login page after a failed login").isEmpty();

		assertThat(focused(browser)).isEqualTo("username");
		keyboard.sendKeys(Staff.UNIT_EDITOR, Keys.TAB).perform();
		assertThat(focused(browser)).isEqualTo("password");
		assertThat(browser.script("return getComputedStyle(document.activeElement).outlineStyle"))
			.as("the focused field's outline")
			.isEqualTo("solid");
		keyboard.sendKeys(Staff.PASSWORD, Keys.TAB).perform();
		assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Log ind");
		assertThat(browser.script("return getComputedStyle(document.activeElement).outlineStyle"))
			.as("the focused button's outline")
			.isEqualTo("solid");
		browser.andWaitForNewPage(() -> keyboard.sendKeys(Keys.ENTER).perform());

		assertThat(browser.path()).isEqualTo("/personale");
		assertThat(browser.text("main")).contains("Du er logget ind som " + Staff.UNIT_EDITOR_NAME);
		browser.loggedInAs(Staff.UNIT_EDITOR);
	}

	@Test
	void staffPagesSayTheyAreInDanishWhenTheVisitorHadChosenEnglish() {
		var browser = as(desktop(), Staff.CATALOG_EDITOR).open("/aabenraa?lang=en");
		assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("en");

		browser.open("/personale");
		assertThat(browser.text("h1")).isEqualTo("Oversigt");
		assertThat(browser.find("html").getDomAttribute("lang")).as("the language of the page").isEqualTo("da");
		assertThat(browser.find("header").getDomAttribute("lang")).as("the language of the header").isEqualTo("en");
		assertThat(browser.find("footer").getDomAttribute("lang")).as("the language of the footer").isEqualTo("en");
		assertThat(browser.findAll("nav.language")).as("a language switch that would only switch the header")
			.isEmpty();
		assertThat(browser.accessibilityViolations()).isEmpty();

		browser.open("/aabenraa?lang=da");
		browser.open("/personale");
		assertThat(browser.find("header").getDomAttribute("lang")).isNull();
	}

	/** The staff pages, one of each kind, with who looks at them (null: nobody is logged in). */
	static Stream<Arguments> staffPages() {
		// Grouped by who looks at them, so that each browser logs in only a few times.
		return Stream.of(page("the login page", null, "/log-ind"),
				page("the login page after a failed login", null, "/log-ind?fejl"),
				page("the login page after logging out", null, "/log-ind?udlogget"),
				page("the catalog editor's overview", Staff.CATALOG_EDITOR, "/personale"),
				page("the services a catalog editor may edit", Staff.CATALOG_EDITOR, "/personale/indsatser"),
				page("the form for a new service", Staff.CATALOG_EDITOR, "/personale/indsatser/ny"),
				page("a service's form, for a catalog editor", Staff.CATALOG_EDITOR,
						"/personale/indsatser/{service:den-blaa-oase}"),
				page("a service's history", Staff.CATALOG_EDITOR,
						"/personale/indsatser/{service:den-blaa-oase}/historik"),
				page("a proposal, for the catalog editor to decide on", Staff.CATALOG_EDITOR,
						"/personale/aendringer/{proposal}"),
				page("the unit editor's overview", Staff.UNIT_EDITOR, "/personale"),
				page("the services a unit editor may edit", Staff.UNIT_EDITOR, "/personale/indsatser"),
				page("a service's form with a proposal waiting, for a unit editor", Staff.UNIT_EDITOR,
						"/personale/indsatser/{service:gratis-inventar}"),
				page("a service's form with free places, for a unit editor", Staff.UNIT_EDITOR,
						"/personale/indsatser/{service:boliger-paa-kirkeplads}"),
				page("a proposal, as the unit editor who made it sees it", Staff.UNIT_EDITOR,
						"/personale/aendringer/{proposal}"));
	}

	private static Arguments page(String name, String account, String path) {
		return Arguments.of(name, account, path);
	}

	private String resolve(String path) {
		return PLACEHOLDER.matcher(path).replaceAll(match -> match.group(1).equals("proposal") ? proposal
				: catalogs.of("aabenraa").service(match.group(1).substring("service:".length())).orElseThrow().id()
					.toString());
	}

	private static String focused(Browser browser) {
		return browser.driver().switchTo().activeElement().getDomAttribute("id");
	}

	private Browser desktop() {
		return browsers.desktop(port);
	}

	private Browser phone() {
		return browsers.phone(port);
	}
}
