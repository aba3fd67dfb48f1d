package dk.helhed.browser;

import static dk.helhed.browser.Staff.flash;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What the browser tests of the case-work pages share: the steps a caseworker takes on the citizen pages, through
 * their forms as a person fills them in. Every citizen the tests make up is synthetic.
 */
final class Citizens {

	private Citizens() {
	}

	/** Opens the page for finding and registering citizens. */
	static void openCitizens(Browser browser) {
		browser.open("/personale/borgere");
		assertThat(browser.text("h1")).isEqualTo("Borgere");
	}

	/** Registers an identified citizen for the logged-in caseworker's unit, and lands on the citizen's page. */
	static void register(Browser browser, String cpr, String name) {
		openCitizens(browser);
		fillIn(browser, "#f-identified-cpr", cpr);
		fillIn(browser, "#f-identified-name", name);
		browser.andWaitForNewPage(() -> press(browser, "Registrér borger"));
		assertThat(flash(browser)).isEqualTo("Borgeren er registreret i din enheds sag.");
	}

	/** Searches by CPR number, and gives the names of the citizens found (links to their pages). */
	static List<String> findByCpr(Browser browser, String cpr) {
		openCitizens(browser);
		fillIn(browser, "#f-search-cpr", cpr);
		browser.andWaitForNewPage(() -> press(browser, "Søg på CPR-nummer"));
		assertThat(browser.text("#results-title")).isEqualTo("Resultat");
		return browser.findAll(".citizen-list a").stream().map(WebElement::getText).toList();
	}

	/** Searches by CPR number, and opens the page of the one citizen found. */
	static void openByCpr(Browser browser, String cpr, String name) {
		assertThat(findByCpr(browser, cpr)).containsExactly(name);
		Staff.follow(browser, name);
		assertThat(browser.text("h1")).isEqualTo(name);
	}

	/** Writes a note on the citizen's page, in one category and, if a service is named, as part of that service. */
	static void writeNote(Browser browser, String category, String text, String service) {
		new Select(browser.find("#f-note-category")).selectByVisibleText(category);
		if (service != null) {
			new Select(browser.find("#f-note-service")).selectByVisibleText(service);
		}
		fillIn(browser, "#f-note-text", text);
		browser.andWaitForNewPage(() -> press(browser, "Gem notat"));
		assertThat(flash(browser)).isEqualTo("Notatet er gemt.");
	}

	/**
	 * Records, on the citizen's page, the consent the citizen gave orally today for a year: to share these categories
	 * of information with these units.
	 */
	static void recordConsent(Browser browser, String purpose, List<String> categories, List<String> recipients) {
		fillIn(browser, "#f-consent-purpose", purpose);
		categories.forEach(category -> choose(browser, "f-consent-categories", category));
		recipients.forEach(recipient -> choose(browser, "f-consent-recipients", recipient));
		new Select(browser.find("#f-consent-givenHow")).selectByVisibleText("Mundtligt");
		browser.andWaitForNewPage(() -> press(browser, "Registrér samtykke"));
		assertThat(flash(browser)).isEqualTo("Samtykket er registreret.");
	}

	/** The notes on the citizen's page: what each says about itself (category, unit, service), then its text. */
	static List<String> notes(Browser browser) {
		return browser.findAll("article.note")
			.stream()
			.map(note -> note.findElement(By.cssSelector(".meta")).getText() + " | "
					+ note.findElement(By.cssSelector(".note-text")).getText())
			.toList();
	}

	/** Ticks the checkbox with this label in the fieldset with this id. */
	static void choose(Browser browser, String fieldsetId, String label) {
		browser.find("#" + fieldsetId)
			.findElement(By.xpath(".//label[normalize-space(.)='" + label + "']"))
			.click();
	}

	static void fillIn(Browser browser, String cssSelector, String text) {
		var field = browser.find(cssSelector);
		field.clear();
		field.sendKeys(text);
	}
}
