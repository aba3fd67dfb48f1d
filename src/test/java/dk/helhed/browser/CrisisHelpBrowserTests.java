package dk.helhed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen in crisis on a phone: the crisis box comes first and its numbers are on the first screen; on pages about
 * violence "Forlad siden hurtigt" leaves at once, with a click or the Escape key, and (with JavaScript) leaves no
 * trace in the back history; without JavaScript it is an ordinary link. The quick exit leads to the front page here,
 * so that the test needs no network.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "helhed.crisis.quick-exit-url=/")
class CrisisHelpBrowserTests {

	private static final int PHONE_HEIGHT = 740;

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@Test
	void aSearchAboutViolenceShowsTheCrisisBoxFirstOnThePhonesFirstScreen() {
		var browser = browsers.phone(port).asNewVisitor();
		browser.open("/aabenraa/indsatser");
		browser.andWaitForNewResults(() -> browser.find("#q").sendKeys("min kæreste slår mig"));

		var box = browser.find("#results .crisis-box");
		assertThat(box.getText()).contains("1888", "112");
		var hotline = browser.find("#results .crisis-box a[href='tel:1888']");
		assertThat(hotline.getRect().getY() + hotline.getRect().getHeight()).as("bottom of the 1888 link (px)")
			.isLessThanOrEqualTo(PHONE_HEIGHT);
		assertThat(browser.findAll("#results .quick-exit")).hasSize(1);
		assertThat(browser.horizontalOverflow()).as("sticks out sideways by (px)").isLessThanOrEqualTo(0);
		assertThat(browser.accessibilityViolations()).isEmpty();
		assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
	}

	@Test
	void everyPublicPageHasTheShortBoxAndTheHeaderLinksToIt() {
		var browser = browsers.desktop(port).asNewVisitor();
		browser.open("/aabenraa/indsatser/socialtandpleje");
		browser.find("a.crisis-link").click();
		assertThat(browser.driver().getCurrentUrl()).endsWith("#akut-hjaelp");
		assertThat(browser.text("#akut-hjaelp")).contains("Akut hjælp", "112", "70 201 201", "1888");
		assertThat(browser.accessibilityViolations()).isEmpty();
	}

	@Test
	void escapeLeavesAPageAboutViolenceAndBackDoesNotBringItUp() {
		var browser = browsers.desktop(port).asNewVisitor();
		browser.open("/aabenraa");
		browser.open("/aabenraa/indsatser/aabenraa-krisecenter");
		assertThat(browser.accessibilityViolations()).isEmpty();

		browser.andWaitForNewPage(() -> browser.find("body").sendKeys(Keys.ESCAPE));
		assertThat(browser.path()).isEqualTo("/");

		browser.andWaitForNewPage(() -> browser.driver().navigate().back());
		assertThat(browser.path()).as("Back goes to the page before the one about violence").isEqualTo("/aabenraa");
	}

	@Test
	void theQuickExitLinkLeavesWithoutATraceInTheHistory() {
		var browser = browsers.phone(port).asNewVisitor();
		browser.open("/aabenraa");
		browser.open("/aabenraa/indsatser/aabenraa-krisecenter");
		assertThat(browser.accessibilityViolations()).isEmpty();
		assertThat(browser.horizontalOverflow()).as("sticks out sideways by (px)").isLessThanOrEqualTo(0);

		browser.andWaitForNewPage(() -> browser.find("a.quick-exit").click());
		assertThat(browser.path()).isEqualTo("/");
		browser.andWaitForNewPage(() -> browser.driver().navigate().back());
		assertThat(browser.path()).isEqualTo("/aabenraa");
	}

	@Test
	void withoutJavaScriptTheQuickExitIsAPlainLink() {
		var browser = browsers.withoutJavaScript(port).asNewVisitor();
		browser.open("/aabenraa/indsatser?q=min+k%C3%A6reste+sl%C3%A5r+mig");
		assertThat(browser.text(".crisis-box")).contains("1888");
		browser.andWaitForNewPage(() -> browser.find("a.quick-exit").click());
		assertThat(browser.path()).isEqualTo("/");
	}
}
