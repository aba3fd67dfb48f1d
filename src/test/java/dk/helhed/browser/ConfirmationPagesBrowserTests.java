package dk.helhed.browser;

import static dk.helhed.browser.Staff.assertAccessible;
import static dk.helhed.browser.Staff.flash;
import static dk.helhed.browser.Staff.follow;
import static dk.helhed.browser.Staff.logIn;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.convention.TestBean;

import dk.helhed.municipality.Municipalities;

/**
 * Confirmation and receipt before an irreversible action (issue 10), in Chromium as the staff use them: the catalog
 * editor publishes an edition through a page that says what will be published and to whom, and gets a receipt; the
 * administrator closes an account through a page that says whom it concerns and what happens to them, and gets a
 * receipt. Without JavaScript the same pages work as plain forms. axe-core checks every page on a desktop and at 360 px.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConfirmationPagesBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@TestBean(name = "clock", methodName = "dk.helhed.browser.Staff#fixedClock")
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	@Test
	void theEditorConfirmsBeforePublishingAndGetsAReceipt() {
		var browser = browsers.desktop(port);
		publishes(browser, "Browserudgave med bekræftelse", true);
	}

	@Test
	void publishingWorksWithoutJavaScriptAndOnAPhone() {
		publishes(browsers.withoutJavaScript(port), "Udgave uden script", false);
		var phone = browsers.phone(port);
		logIn(phone, Staff.CATALOG_EDITOR);
		phone.open("/personale/udgaver");
		phone.find("#label").sendKeys("Telefonudgave");
		phone.find("#note").sendKeys("Set på en telefon.");
		phone.andWaitForNewPage(() -> press(phone, "Udgiv ny udgave"));
		assertThat(phone.text("h1")).isEqualTo("Udgiv Telefonudgave?");
		assertThat(phone.horizontalOverflow()).as("sticks out sideways by (px)").isLessThanOrEqualTo(0);
		assertAccessible(phone);
		phone.andWaitForNewPage(() -> press(phone, "Nej, gå tilbage og ret"));
		assertThat(phone.find("#label").getDomProperty("value")).isEqualTo("Telefonudgave");
	}

	private void publishes(Browser browser, String label, boolean axe) {
		logIn(browser, Staff.CATALOG_EDITOR);
		follow(browser, "Udgaver");
		browser.find("#label").sendKeys(label);
		browser.find("#note").sendKeys("Udgivet af browsertesten.");
		browser.andWaitForNewPage(() -> press(browser, "Udgiv ny udgave"));

		assertThat(browser.path()).isEqualTo("/personale/udgaver");
		assertThat(browser.driver().getTitle()).isEqualTo("Bekræft: udgiv " + label + " – Helhed");
		assertThat(browser.text("h1")).isEqualTo("Udgiv " + label + "?");
		assertThat(browser.text("main")).contains("Alle kan læse den og hente den som PDF",
				"Udgaven kan ikke ændres eller trækkes tilbage bagefter.", "Udgivet af browsertesten.");
		if (axe) {
			assertAccessible(browser);
		}
		browser.andWaitForNewPage(() -> press(browser, "Ja, udgiv kataloget"));

		assertThat(flash(browser)).startsWith("Kataloget er udgivet som " + label);
		assertThat(browser.text(".receipt")).contains("Kvittering", label, "Udgivet af", Staff.CATALOG_EDITOR_NAME,
				"se udgaven", "hent den som PDF");
		if (axe) {
			assertAccessible(browser);
		}
	}

	@Test
	void theAdministratorConfirmsBeforeClosingAnAccountAndGetsAReceipt() {
		var username = "lukkes." + UUID.randomUUID().toString().substring(0, 8);
		var id = caseworker(username, "Lone Lukkesen");
		var browser = browsers.desktop(port);
		logIn(browser, "admin");
		browser.open("/personale/brugere/" + id);
		browser.andWaitForNewPage(() -> press(browser, "Luk kontoen"));

		assertThat(browser.driver().getTitle()).isEqualTo("Bekræft: luk kontoen for Lone Lukkesen – Helhed");
		assertThat(browser.text("h1")).isEqualTo("Luk kontoen for Lone Lukkesen?");
		assertThat(browser.text("main")).contains(username, "Sagsbehandler",
				"Lone Lukkesen kan ikke længere logge ind", "logget ud med det samme");
		assertAccessible(browser);
		browser.andWaitForNewPage(() -> press(browser, "Ja, luk kontoen"));

		// Closing is an administrator's change: first the confirmation of who they are, then the button again.
		assertThat(browser.path()).startsWith("/personale/bekraeft");
		browser.find("#f-password").sendKeys(Staff.PASSWORD);
		browser.andWaitForNewPage(() -> press(browser, "Bekræft"));
		browser.andWaitForNewPage(() -> press(browser, "Luk kontoen"));
		browser.andWaitForNewPage(() -> press(browser, "Ja, luk kontoen"));

		assertThat(browser.path()).isEqualTo("/personale/brugere/" + id);
		assertThat(flash(browser)).startsWith("Kontoen er lukket.");
		assertThat(browser.text(".receipt")).contains("Kvittering", "Lone Lukkesen", username, "Lukket af",
				"Brugeren er logget ud");
		assertAccessible(browser);
		assertThat(jdbc.sql("select enabled from staff_user where id = ?").param(id).query(Boolean.class).single())
			.isFalse();
	}

	@Test
	void theCloseConfirmationFitsAPhone() {
		var id = caseworker("telefon." + UUID.randomUUID().toString().substring(0, 8), "Tove Telefonsen");
		var phone = browsers.phone(port);
		logIn(phone, "admin");
		phone.open("/personale/brugere/" + id);
		phone.andWaitForNewPage(() -> press(phone, "Luk kontoen"));
		assertThat(phone.text("h1")).isEqualTo("Luk kontoen for Tove Telefonsen?");
		assertThat(phone.horizontalOverflow()).as("sticks out sideways by (px)").isLessThanOrEqualTo(0);
		assertAccessible(phone);
		follow(phone, "Nej, behold kontoen");
		assertThat(phone.path()).isEqualTo("/personale/brugere/" + id);
	}

	@Test
	void aMistakeInAFormPrefixesTheTitleAndTakesTheFocus() {
		var browser = browsers.desktop(port);
		logIn(browser, Staff.JOB_CENTRE);
		Citizens.openCitizens(browser);
		assertThat(browser.driver().getTitle()).isEqualTo("Borgere – Helhed");
		Citizens.fillIn(browser, "#f-identified-cpr", "320199-1234");
		Citizens.fillIn(browser, "#f-identified-name", "Fejl Fejlsen (syntetisk)");
		browser.andWaitForNewPage(() -> press(browser, "Registrér borger"));

		assertThat(browser.driver().getTitle()).isEqualTo("Fejl: Borgere – Helhed");
		var focused = browser.driver().switchTo().activeElement();
		assertThat(focused.getDomAttribute("class")).as("the focus is on the summary of what is wrong")
			.contains("error-summary");
		assertThat(focused.getText()).contains("Der er noget, du skal rette");
		assertAccessible(browser);
	}

	private UUID caseworker(String username, String name) {
		var municipality = municipalities.getBySlug("aabenraa").id();
		var id = UUID.randomUUID();
		// user names are unique across the country through login_name (docs/scale.md)
		jdbc.sql("insert into login_name (username, municipality_id, staff_id) values (?, ?, ?)")
			.params(username, municipality, id)
			.update();
		jdbc.sql("""
				insert into staff_user (id, municipality_id, username, display_name, enabled, failed_logins, created_at)
				values (?, ?, ?, ?, true, 0, ?)""")
			.params(id, municipality, username, name, OffsetDateTime.now())
			.update();
		jdbc.sql("insert into staff_role (user_id, municipality_id, role) values (?, ?, 'CASEWORKER')")
			.params(id, municipality)
			.update();
		return id;
	}
}
