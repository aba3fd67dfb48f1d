package dk.helhed.browser;

import static dk.helhed.browser.Staff.assertAccessible;
import static dk.helhed.browser.Staff.flash;
import static dk.helhed.browser.Staff.follow;
import static dk.helhed.browser.Staff.logIn;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;

import dk.helhed.support.SyntheticCpr;

/**
 * A unit of the case involves a partner organisation (issue 8), in Chromium as the job centre would: the choice and
 * the reason on the citizen's page, a confirmation page that says what will happen and who is told, a receipt, and
 * ending the organisation's work again through its own confirmation page. Each note then says who can read it
 * (issue 10). axe-core checks the pages on a desktop and at 360 px; without JavaScript the same forms work. All
 * citizens are synthetic.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PartnerInvolvementBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@TestBean(name = "clock", methodName = "dk.helhed.browser.Staff#fixedClock")
	Clock clock;

	@LocalServerPort
	int port;

	@Test
	void theJobCentreInvolvesBlaaKorsAndEndsItsWorkThroughConfirmationPages() {
		involvesAndEnds(browsers.desktop(port), true);
	}

	@Test
	void theSamePagesWorkOnAPhoneAndWithoutJavaScript() {
		involvesAndEnds(browsers.phone(port), true);
		involvesAndEnds(browsers.withoutJavaScript(port), false);
	}

	private void involvesAndEnds(Browser browser, boolean axe) {
		logIn(browser, Staff.JOB_CENTRE);
		var name = "Partner Browsersen (syntetisk)";
		Citizens.register(browser, SyntheticCpr.random(), name);
		Citizens.writeNote(browser, "Bolig", "Boligen er i orden (syntetisk).", null);
		assertThat(browser.text("article.note .note-sharing")).isEqualTo("Kan læses af: Jobcenteret (egen sag).");

		new Select(browser.find("#f-partner-organisation")).selectByVisibleText("Blå Kors");
		Citizens.fillIn(browser, "#f-partner-reason", "Borgeren vil have støtte fra værestedet.");
		browser.andWaitForNewPage(() -> press(browser, "Inddrag samarbejdspartneren"));
		assertThat(browser.driver().getTitle()).isEqualTo("Inddrag en samarbejdspartner – Helhed");
		assertThat(browser.text("main")).contains("Blå Kors", "Borgeren vil have støtte fra værestedet.",
				"Den ser ikke jeres eller andre enheders notater.");
		check(browser, axe);
		browser.andWaitForNewPage(() -> press(browser, "Ja, inddrag organisationen"));
		assertThat(flash(browser)).startsWith("Kvittering: Blå Kors er med i borgerens sag fra i dag.");
		assertThat(browser.text("#involved-title + .table-scroll")).contains("Blå Kors",
				"Inddraget af en enhed i sagen: Borgeren vil have støtte fra værestedet.");
		check(browser, axe);

		follow(browser, "Afslut samarbejdet med Blå Kors");
		assertThat(browser.text("h1")).isEqualTo("Afslut samarbejdspartnerens arbejde");
		check(browser, axe);
		browser.andWaitForNewPage(() -> press(browser, "Ja, afslut organisationens arbejde"));
		assertThat(flash(browser)).startsWith("Kvittering: Blå Kors arbejder ikke længere med borgeren");
		assertThat(browser.text("h1")).isEqualTo(name);
		Staff.logOut(browser);
	}

	private static void check(Browser browser, boolean axe) {
		assertThat(browser.horizontalOverflow()).as("sticks out sideways by (px)").isLessThanOrEqualTo(0);
		if (axe) {
			assertAccessible(browser);
		}
	}
}
