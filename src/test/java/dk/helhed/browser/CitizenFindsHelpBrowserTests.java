package dk.helhed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a citizen does on a computer: picks the municipality, searches in their own words, narrows the results down
 * and opens a service to see how to get the help; and reads it all in English. Every page on the way is checked with
 * axe-core.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CitizenFindsHelpBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	private Browser browser;

	@LocalServerPort
	int port;

	@BeforeEach
	void firstVisit() {
		browser = browsers.desktop(port);
		browser.asNewVisitor();
	}

	@Test
	void searchesNarrowsDownAndFindsOutHowToGetTheHelp() {
		browser.open("/");
		assertThat(browser.text("h1")).isEqualTo("Find hjælp i din kommune");
		assertAccessible();

		follow("Aabenraa Kommune");
		assertThat(browser.path()).isEqualTo("/aabenraa");
		assertAccessible();

		browser.find("#q").sendKeys("tandpleje for hjemløse");
		browser.andWaitForNewPage(() -> browser.find("form[role=search] button[type=submit]").click());
		assertThat(browser.path()).startsWith("/aabenraa/indsatser?q=");
		assertThat(browser.find("#q").getDomProperty("value")).isEqualTo("tandpleje for hjemløse");
		assertThat(resultCount()).startsWith("15 indsatser passer");
		assertThat(serviceNames()).first().isEqualTo("Socialtandpleje");
		assertThat(serviceNames()).contains("Bopladsen", "Overgangsbolig");
		assertAccessible();

		// With JavaScript, each change to a filter updates the results in place (htmx).
		browser.showFilters();
		browser.andWaitForNewResults(() -> browser.find("label[for=gratis]").click());
		assertThat(resultCount()).startsWith("12 indsatser passer");
		assertThat(serviceNames()).contains("Socialtandpleje").doesNotContain("Bopladsen", "Overgangsbolig");

		browser.andWaitForNewResults(() -> new Select(browser.find("#adgang")).selectByVisibleText("Åbent – mød bare op"));
		assertThat(resultCount()).startsWith("5 indsatser passer");
		assertThat(serviceNames()).first().isEqualTo("Socialtandpleje");
		assertThat(serviceNames()).containsExactlyInAnyOrder("Socialtandpleje", "Udsattekonsulenter",
				"Socialsygepleje og åben klinik", "Fremskudt visitation", "Den Blå Oase");

		browser.find("#alder").sendKeys("17");
		browser.andWaitForNewResults(() -> browser.find(".filters button[type=submit]").click());
		assertThat(resultCount()).isEqualTo("Ingen indsatser passer på „tandpleje for hjemløse“");
		assertThat(serviceNames()).isEmpty();

		browser.andWaitForNewResults(() -> browser.find("#alder").clear());
		browser.andWaitForNewResults(() -> browser.find("#alder").sendKeys("30", Keys.ENTER));
		assertThat(resultCount()).startsWith("5 indsatser passer");

		browser.andWaitForNewResults(() -> new Select(browser.find("#omraade")).selectByVisibleText("Sundhed"));
		assertThat(serviceNames()).containsExactly("Socialtandpleje", "Socialsygepleje og åben klinik");
		assertAccessible();

		follow("Socialtandpleje");
		assertThat(browser.path()).isEqualTo("/aabenraa/indsatser/socialtandpleje");
		assertThat(browser.text("h1")).isEqualTo("Socialtandpleje");
		var howTo = browser.find("section.howto");
		assertThat(howTo.findElement(By.tagName("h2")).getText()).isEqualTo("Sådan får du hjælpen");
		assertThat(howTo.findElement(By.className("first-step")).getText())
			.startsWith("Spørg efter socialtandplejen på Den Blå Oase, Sønderport 49");
		assertAccessible();

		assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
	}

	@Test
	void readsTheSiteInEnglishAndSwitchesBackToDanish() {
		browser.open("/aabenraa/indsatser/socialtandpleje");
		assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("da");

		follow("English");
		assertThat(browser.path()).isEqualTo("/aabenraa/indsatser/socialtandpleje?lang=en");
		assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("en");
		assertThat(browser.text("section.howto h2")).isEqualTo("How to get this help");
		assertAccessible();

		// The choice is remembered from page to page.
		follow("Services");
		assertThat(browser.path()).isEqualTo("/aabenraa/indsatser");
		assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("en");
		browser.andWaitForNewResults(() -> browser.find("#q").sendKeys("tandpleje"));
		assertThat(resultCount()).endsWith("services match for \"tandpleje\"");
		assertAccessible();

		follow("Dansk");
		assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("da");
		assertThat(browser.text("h1")).isEqualTo("Indsatser");
		browser.showFilters();
		assertThat(browser.find("label[for=gratis]").getText()).isEqualTo("Kun gratis");

		assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
	}

	@Test
	void readsTheStrategyAndTheServicesOfAFocusArea() {
		browser.open("/aabenraa");
		follow("Læs hele strategien");
		assertThat(browser.path()).isEqualTo("/aabenraa/strategi");
		assertThat(browser.text("h1")).isEqualTo("Strategi for arbejdet med socialt udsatte borgere");
		assertThat(browser.text("main .meta")).isEqualTo("Aabenraa Kommune · Fra 2023");
		assertAccessible();

		follow("Indsatser i dette område");
		assertThat(browser.path()).isEqualTo("/aabenraa/indsatser?omraade=rehabilitering-og-forebyggelse");
		assertThat(new Select(browser.find("#omraade")).getFirstSelectedOption().getText())
			.isEqualTo("Rehabilitering og forebyggelse");
		assertThat(resultCount()).isEqualTo("13 indsatser passer");

		browser.open("/aarhus/strategi");
		assertThat(browser.text("main .meta")).isEqualTo("Aarhus Kommune · Gælder 2020–2030");
		assertThat(browser.text("main")).contains("Udgangspunkt: 172 (2019)");
		assertAccessible();
	}

	@Test
	void aKeyboardUserSkipsToTheContentAndSeesWhereTheFocusIs() {
		browser.open("/aabenraa");
		var keyboard = new Actions(browser.driver());

		keyboard.sendKeys(Keys.TAB).perform();
		var skipLink = browser.driver().switchTo().activeElement();
		assertThat(skipLink.getText()).isEqualTo("Spring til indhold");
		assertThat(skipLink.getRect().getX()).as("the focused skip link is on the screen").isNotNegative();
		assertThat(browser.script("return getComputedStyle(document.activeElement).outlineStyle"))
			.as("the focused link's outline")
			.isEqualTo("solid");

		keyboard.sendKeys(Keys.ENTER).perform();
		assertThat(browser.path()).isEqualTo("/aabenraa#indhold");
		keyboard.sendKeys(Keys.TAB).perform();
		assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
			.as("the first field after skipping the header")
			.isEqualTo("q");
		assertThat(browser.script("return getComputedStyle(document.activeElement).outlineStyle"))
			.as("the focused search field's outline")
			.isEqualTo("solid");
	}

	@Test
	void aMistypedAddressGivesAHelpfulPageNotFound() {
		browser.open("/aabenraa/indsatser/tandlaege");

		assertThat(browser.driver().getTitle()).isEqualTo("Fejl: Siden findes ikke – Helhed");
		assertThat(browser.text("h1")).isEqualTo("Siden findes ikke");
		assertThat(browser.driver().switchTo().activeElement().getText()).as("the focus starts at what went wrong")
			.startsWith("Siden findes ikke");
		assertThat(browser.text("main")).contains("Indsatsen findes ikke.");
		assertAccessible();

		follow("Gå til forsiden");
		assertThat(browser.path()).isEqualTo("/");
	}

	private void follow(String linkText) {
		var links = browser.driver().findElements(By.linkText(linkText));
		assertThat(links).as("links named „%s“", linkText).isNotEmpty();
		browser.andWaitForNewPage(links.getFirst()::click);
	}

	private String resultCount() {
		return browser.text("#result-status .result-count");
	}

	private List<String> serviceNames() {
		return browser.findAll("#results .service-card h2, #results .service-card h3")
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private void assertAccessible() {
		assertThat(browser.accessibilityViolations()).as("axe-core on " + browser.path()).isEmpty();
	}
}
