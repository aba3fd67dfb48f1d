package dk.helhed.browser;

import static dk.helhed.browser.Citizens.fillIn;
import static dk.helhed.browser.Citizens.notes;
import static dk.helhed.browser.Citizens.register;
import static dk.helhed.browser.Staff.assertAccessible;
import static dk.helhed.browser.Staff.flash;
import static dk.helhed.browser.Staff.logIn;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.helhed.support.SyntheticCpr;

/**
 * No lost work (issue 10), in Chromium: with sessions that expire after 20 seconds without use, the citizen's page
 * warns 10 seconds before, the button keeps the caseworker logged in without leaving the page, the page says when the
 * session has expired, and the note written meanwhile is kept through the login and saved when sent again. Without
 * JavaScript the page says when the session expires, the button comes back to the page, and the note is kept the same
 * way. axe-core checks the warning, the login page that explains and the page with the kept note, at desktop and
 * 360 px.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.session.timeout=20s", "helhed.session.warning-before=10s" })
class SessionExpiryBrowserTests {

	/** Long enough for the session to run out on a busy machine: 20 seconds and some. */
	private static final Duration SESSION_PATIENCE = Duration.ofSeconds(40);

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCitizensPageWarnsKeepsTheCaseworkerLoggedInAndKeepsTheNoteThroughAnExpiredSession() {
		var browser = browsers.desktop(port);
		logIn(browser, Staff.JOB_CENTRE);
		register(browser, SyntheticCpr.random(), "Advarsel Sessionsen (syntetisk)");
		var citizenPage = browser.path();
		assertThat(browser.text("#sessionen")).matches("(?s)Uden brug bliver du logget ud kl\\. \\d\\d:\\d\\d\\..*");

		var wait = new WebDriverWait(browser.driver(), SESSION_PATIENCE);
		wait.until(driver -> browser.find("#sessionen").getAttribute("class").contains("session-warning"));
		assertThat(browser.text("#sessionen")).contains("Du bliver logget ud om 1 minut",
				"Tryk på „Forbliv logget ind“ for at fortsætte.");
		assertAccessible(browser);

		press(browser, "Forbliv logget ind");
		wait.until(driver -> browser.text("#sessionen").contains("Du er stadig logget ind"));
		assertThat(browser.path()).as("the page stays").isEqualTo(citizenPage);
		var note = "Skrevet langsomt, mens sessionen løb ud. (syntetisk)";
		new Select(browser.find("#f-note-category")).selectByVisibleText("Bolig");
		fillIn(browser, "#f-note-text", note);

		wait.until(driver -> browser.find("#sessionen").getAttribute("class").contains("session-warning"));
		assertThat(sessionsOf(Staff.JOB_CENTRE)).as("the button renewed the session on the server: without it, the "
				+ "session would have expired by the second warning").isEqualTo(1);
		wait.until(driver -> browser.find("#sessionen").getAttribute("class").contains("session-expired"));
		assertThat(browser.text("#sessionen")).contains("Du er blevet logget ud. Det du har skrevet, går ikke tabt");

		browser.andWaitForNewPage(() -> press(browser, "Gem notat"));
		theNoteIsKeptThroughTheLogin(browser, citizenPage, note, true);
	}

	@Test
	void withoutJavaScriptThePageSaysWhenTheSessionExpiresAndTheNoteIsKeptAsWell() {
		var browser = browsers.withoutJavaScript(port);
		logIn(browser, Staff.JOB_CENTRE);
		register(browser, SyntheticCpr.random(), "Uden Script Sessionsen (syntetisk)");
		var citizenPage = browser.path();
		assertThat(browser.text("#sessionen")).contains("Uden brug bliver du logget ud kl.",
				"Det du skriver, går ikke tabt.");
		browser.andWaitForNewPage(() -> press(browser, "Forbliv logget ind"));
		assertThat(browser.path()).isEqualTo(citizenPage);
		assertThat(flash(browser)).isEqualTo("Du er stadig logget ind.");

		var note = "Skrevet uden script, mens sessionen udløb. (syntetisk)";
		new Select(browser.find("#f-note-category")).selectByVisibleText("Bolig");
		fillIn(browser, "#f-note-text", note);
		jdbc.sql("delete from spring_session where principal_name = ?").param(Staff.JOB_CENTRE).update();
		browser.andWaitForNewPage(() -> press(browser, "Gem notat"));
		theNoteIsKeptThroughTheLogin(browser, citizenPage, note, false);
	}

	/** axe-core needs JavaScript: the pages without it are checked by the other tests. */
	private void theNoteIsKeptThroughTheLogin(Browser browser, String citizenPage, String note, boolean axe) {
		assertThat(browser.path()).isEqualTo("/log-ind?udloebet=gemt");
		assertThat(browser.text("main [role=status]")).contains("Det du sendte, er ikke gemt endnu");
		if (axe) {
			assertAccessible(browser);
		}
		browser.find("#username").sendKeys(Staff.JOB_CENTRE);
		browser.find("#password").sendKeys(Staff.PASSWORD);
		browser.andWaitForNewPage(() -> press(browser, "Log ind"));
		browser.loggedInAs(Staff.JOB_CENTRE);

		assertThat(browser.path()).isEqualTo("/personale/gendan");
		assertThat(browser.text("h1")).isEqualTo("Det du skrev, er ikke gemt endnu");
		assertThat(browser.find("#f-restore textarea").getAttribute("value")).isEqualTo(note);
		if (axe) {
			assertAccessible(browser);
		}
		browser.andWaitForNewPage(() -> press(browser, "Send igen"));

		assertThat(browser.path()).isEqualTo(citizenPage + "#notater");
		assertThat(flash(browser)).isEqualTo("Notatet er gemt.");
		assertThat(notes(browser)).anySatisfy(shown -> assertThat(shown).contains(note));
		assertThat(browser.addresses()).noneMatch(address -> address.contains("syntetisk"));
	}

	@Test
	void theKeptNoteIsReadableOnAPhone() {
		var browser = browsers.phone(port);
		logIn(browser, Staff.JOB_CENTRE);
		register(browser, SyntheticCpr.random(), "Telefon Sessionsen (syntetisk)");
		fillIn(browser, "#f-note-text", "Skrevet på telefonen. (syntetisk)");
		jdbc.sql("delete from spring_session where principal_name = ?").param(Staff.JOB_CENTRE).update();
		browser.andWaitForNewPage(() -> press(browser, "Gem notat"));
		assertAccessible(browser);
		assertThat(browser.horizontalOverflow()).as("sticks out sideways by (px)").isLessThanOrEqualTo(0);
		browser.find("#username").sendKeys(Staff.JOB_CENTRE);
		browser.find("#password").sendKeys(Staff.PASSWORD);
		browser.andWaitForNewPage(() -> press(browser, "Log ind"));
		browser.loggedInAs(Staff.JOB_CENTRE);
		assertThat(browser.path()).isEqualTo("/personale/gendan");
		assertAccessible(browser);
		assertThat(browser.horizontalOverflow()).as("sticks out sideways by (px)").isLessThanOrEqualTo(0);
	}

	private int sessionsOf(String username) {
		return jdbc.sql("select count(*) from spring_session where principal_name = ? and expiry_time > ?")
			.param(username)
			.param(System.currentTimeMillis())
			.query(Integer.class)
			.single();
	}
}
