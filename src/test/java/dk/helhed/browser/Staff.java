package dk.helhed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.openqa.selenium.By;

/**
 * What the browser tests of the staff pages share: the demo accounts (see the README), logging in and out through
 * the forms as a person does, and a fixed day on which the seed catalog is due for review (and on which the case work
 * of the tests happens).
 */
final class Staff {

	static final String PASSWORD = "demo-Helhed-2026";

	/** Catalog editor of Aabenraa: edits directly, approves and rejects proposals. */
	static final String CATALOG_EDITOR = "redaktoer";

	/** Unit editor of Visitation & Understøttelse, which owns Overgangsbolig, Bopladsen, Gratis inventar and more. */
	static final String UNIT_EDITOR = "visitation";

	/** Caseworker in Jobcenteret. */
	static final String JOB_CENTRE = "jobcenter";

	/** Caseworker in Visitation & Understøttelse, the unit that helps with housing. */
	static final String HOUSING = "boligsag";

	/** Caseworker in Rusmiddelcenter Aabenraa, the addiction centre. */
	static final String ADDICTION_CENTRE = "rusmiddel";

	/** Team lead (and caseworker) in Visitation & Understøttelse. */
	static final String TEAM_LEAD = "teamleder";

	/** The municipality's data-protection officer. */
	static final String DATA_PROTECTION_OFFICER = "dpo";

	static final String CATALOG_EDITOR_NAME = "Demo Katalogredaktør";

	static final String UNIT_EDITOR_NAME = "Demo Enhedsredaktør, Visitation";

	/**
	 * Monday 15 February 2027, 10.30 in Aabenraa: the seed catalog, checked on 1 July 2026 and reviewed every six
	 * months, is then overdue, so the overview has something to confirm.
	 */
	static final Instant NOW = Instant.parse("2027-02-15T09:30:00Z");

	/** How the pages write {@link #NOW}. */
	static final String NOW_AS_SHOWN = "15. feb. 2027 kl. 10.30";

	private Staff() {
	}

	/**
	 * The application's clock in the staff browser tests: fixed, so that what is due and when things happened are
	 * the same on every run. The test classes that use it share one application and database, so each works on
	 * services of its own.
	 */
	static Clock fixedClock() {
		return Clock.fixed(NOW, ZoneId.of("Europe/Copenhagen"));
	}

	/** Logs in with the login form, as a new visitor, and lands on the overview. */
	static void logIn(Browser browser, String username) {
		browser.asNewVisitor().open("/log-ind");
		browser.find("#username").sendKeys(username);
		browser.find("#password").sendKeys(PASSWORD);
		browser.andWaitForNewPage(() -> press(browser, "Log ind"));
		assertThat(browser.path()).as("after logging in as " + username).isEqualTo("/personale");
		browser.loggedInAs(username);
	}

	/**
	 * The browser, logged in as the given account (null: as nobody), logging in or out only when that changes: for
	 * tests that visit many pages as a few people.
	 */
	static Browser as(Browser browser, String account) {
		if (account == null) {
			if (browser.account() != null) {
				browser.asNewVisitor();
			}
		}
		else if (!account.equals(browser.account())) {
			logIn(browser, account);
		}
		return browser;
	}

	/** Logs out with the button in the staff menu, and is told so. */
	static void logOut(Browser browser) {
		browser.andWaitForNewPage(() -> browser.find(".staff-nav").findElement(By.xpath(".//button[.='Log ud']")).click());
		assertThat(browser.path()).isEqualTo("/log-ind?udlogget");
		assertThat(browser.text("main [role=status]")).isEqualTo("Du er logget ud.");
		browser.loggedInAs(null);
	}

	/** Follows the first link with this text and waits for the page it leads to. */
	static void follow(Browser browser, String linkText) {
		var links = browser.driver().findElements(By.linkText(linkText));
		assertThat(links).as("links named „%s“ on %s", linkText, browser.path()).isNotEmpty();
		browser.andWaitForNewPage(links.getFirst()::click);
	}

	/** Presses the first button with this text; the caller waits for what it does. */
	static void press(Browser browser, String buttonText) {
		var buttons = browser.driver().findElements(By.xpath("//button[normalize-space(.)='" + buttonText + "']"));
		assertThat(buttons).as("buttons named „%s“ on %s", buttonText, browser.path()).isNotEmpty();
		buttons.getFirst().click();
	}

	/** The flash message a staff page shows after something was done. */
	static String flash(Browser browser) {
		return browser.text("main .flash");
	}

	static void assertAccessible(Browser browser) {
		assertThat(browser.accessibilityViolations()).as("axe-core on " + browser.path()).isEmpty();
	}
}
