package dk.helhed.browser;

import static dk.helhed.browser.Staff.assertAccessible;
import static dk.helhed.browser.Staff.flash;
import static dk.helhed.browser.Staff.follow;
import static dk.helhed.browser.Staff.logIn;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The demo administrator creates an account in the browser, as a person would: the form, the request to confirm who
 * they are, back to the form filled in as they left it, the new account's page. Every page passes axe-core (WCAG 2.1
 * AA) on a desktop and fits a phone's screen without scrolling sideways, also with mistakes in the form.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UserAdministrationBrowserTests {

	static final String ADMINISTRATOR = "admin";

	private static Browser desktop;
	private static Browser phone;

	@TestBean(name = "clock", methodName = "dk.helhed.browser.Staff#fixedClock")
	Clock clock;

	@LocalServerPort
	int port;

	@AfterAll
	static void closeBrowsers() {
		if (desktop != null) {
			desktop.close();
		}
		if (phone != null) {
			phone.close();
		}
	}

	@Test
	void theAdministratorCreatesAnAccountAfterConfirmingWhoTheyAre() {
		if (desktop == null) {
			desktop = Browser.desktop(port);
		}
		var browser = desktop;
		logIn(browser, ADMINISTRATOR);
		follow(browser, "Brugere");
		assertThat(browser.path()).isEqualTo("/personale/brugere");
		assertThat(browser.text("main")).contains("Demo Sagsbehandler, Jobcenteret", "Sagsbehandler");
		assertAccessible(browser);

		follow(browser, "Opret en bruger");
		browser.find("#f-username").sendKeys("browser.bruger");
		browser.find("#f-displayName").sendKeys("Birte Browser");
		browser.find("label[for=role-CASEWORKER]").click();
		browser.find("#f-password").sendKeys("Gul-Ballon-Over-Byen-5");
		browser.find("#f-passwordRepeat").sendKeys("Gul-Ballon-Over-Byen-5");
		browser.andWaitForNewPage(() -> press(browser, "Opret brugeren"));

		assertThat(browser.path()).isEqualTo("/personale/bekraeft?tilbage=/personale/brugere/ny");
		assertThat(browser.text("h1")).isEqualTo("Bekræft at det er dig");
		assertThat(flash(browser)).startsWith("Ændringen er ikke gemt endnu.");
		assertAccessible(browser);
		browser.find("#f-password").sendKeys(Staff.PASSWORD);
		browser.andWaitForNewPage(() -> press(browser, "Bekræft"));

		assertThat(browser.path()).isEqualTo("/personale/brugere/ny");
		assertThat(browser.find("#f-username").getDomProperty("value")).isEqualTo("browser.bruger");
		assertThat(browser.find("#role-CASEWORKER").isSelected()).isTrue();
		assertThat(browser.find("#f-password").getDomProperty("value")).as("the password is not kept").isEmpty();
		assertAccessible(browser);
		browser.find("#f-password").sendKeys("Gul-Ballon-Over-Byen-5");
		browser.find("#f-passwordRepeat").sendKeys("Gul-Ballon-Over-Byen-5");
		browser.andWaitForNewPage(() -> press(browser, "Opret brugeren"));

		assertThat(browser.path()).startsWith("/personale/brugere/");
		assertThat(flash(browser)).isEqualTo("Brugeren browser.bruger er oprettet. Sagsbehandler gives først, når en anden administrator har godkendt det.");
		assertThat(browser.text("main")).contains("Birte Browser", "Historik", "Oprettet", "Brugernavn: browser.bruger");
		assertAccessible(browser);

		browser.find("#f-displayName").clear();
		browser.find("#f-email").sendKeys("ikke en adresse");
		// The new account's only role waits for a second administrator, so the form also asks for a role.
		browser.andWaitForNewPage(() -> press(browser, "Gem ændringerne"));
		assertThat(browser.findAll(".error-summary li")).extracting(WebElement::getText).hasSize(3);
		assertAccessible(browser);
	}

	@Test
	void theAdministrationPagesFitAPhone() {
		if (phone == null) {
			phone = Browser.phone(port);
		}
		var browser = phone;
		logIn(browser, ADMINISTRATOR);
		for (var path : new String[] { "/personale/brugere", "/personale/brugere/ny",
				"/personale/bekraeft?tilbage=/personale/brugere" }) {
			browser.open(path);
			assertThat(browser.horizontalOverflow()).as(path + " on a 360 px wide screen sticks out sideways by (px)")
				.isLessThanOrEqualTo(0);
			assertAccessible(browser);
		}
		follow(browser, "Brugere");
		follow(browser, "Demo Sagsbehandler, Jobcenteret");
		assertThat(browser.horizontalOverflow()).as("an account's page on a phone sticks out sideways by (px)")
			.isLessThanOrEqualTo(0);
		assertAccessible(browser);

		browser.find("#f-password").sendKeys("kort");
		browser.andWaitForNewPage(() -> press(browser, "Sæt adgangskoden"));
		assertThat(browser.text(".error-summary")).contains("mindst 12 tegn");
		assertThat(browser.horizontalOverflow()).as("an account's page with mistakes sticks out sideways by (px)")
			.isLessThanOrEqualTo(0);
		assertAccessible(browser);
	}
}
