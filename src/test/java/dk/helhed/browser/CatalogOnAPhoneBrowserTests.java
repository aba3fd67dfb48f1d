package dk.helhed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The catalog on a small phone: the results follow what the citizen types and picks, in place (htmx), the count is
 * announced from a status that stays in the page, and nothing needs scrolling sideways.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CatalogOnAPhoneBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	private Browser browser;

	@LocalServerPort
	int port;

	@BeforeEach
	void firstVisit() {
		browser = browsers.phone(port);
		browser.asNewVisitor();
	}

	@Test
	void theResultsFollowWhatTheCitizenTypes() {
		browser.open("/aabenraa/indsatser");
		assertThat(resultCount()).isEqualTo("42 indsatser passer");
		var status = browser.find("#result-status");

		browser.andWaitForNewResults(() -> browser.find("#q").sendKeys("tandpleje"));
		assertThat(resultCount()).isEqualTo("6 indsatser passer på „tandpleje“");
		assertThat(serviceNames()).first().isEqualTo("Socialtandpleje");

		browser.andWaitForNewResults(() -> browser.find("#q").sendKeys(" for hjemløse"));
		assertThat(resultCount()).isEqualTo("15 indsatser passer på „tandpleje for hjemløse“");
		assertThat(serviceNames()).first().isEqualTo("Socialtandpleje");

		assertThat(status.getText()).as("the status that screen readers announce is the same element, updated")
			.startsWith("15 indsatser passer");
		assertThat(browser.path()).as("the address follows the search, so reload and back keep it")
			.startsWith("/aabenraa/indsatser?q=tandpleje%20for%20hjeml%C3%B8se");
		assertThat(browser.horizontalOverflow()).as("sticks out sideways by (px)").isLessThanOrEqualTo(0);
		assertThat(browser.accessibilityViolations()).isEmpty();
	}

	@Test
	void theFiltersFitTheScreenAndNarrowTheResults() {
		browser.open("/aabenraa/indsatser?q=bolig");
		var before = serviceNames();
		browser.showFilters();

		browser.andWaitForNewResults(() -> new Select(browser.find("#adgang")).selectByValue("visitation"));
		browser.andWaitForNewResults(() -> browser.find("label[for=gratis]").click());

		assertThat(serviceNames()).isNotEmpty().hasSizeLessThan(before.size()).isSubsetOf(before);
		assertThat(browser.horizontalOverflow()).as("sticks out sideways by (px)").isLessThanOrEqualTo(0);
		assertThat(browser.find("#result-status").getText()).doesNotContain(String.valueOf(before.size()));
		assertThat(browser.accessibilityViolations()).isEmpty();
		assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
	}

	@Test
	void theFirstResultIsOnTheFirstScreenWithTheFiltersFolded() {
		browser.open("/aabenraa/indsatser?q=tandpleje");
		var first = browser.find("#results .service-card a");
		var bottom = first.getRect().getY() + first.getRect().getHeight();
		System.out.println("Telefon 360x740: første resultats link slutter " + bottom + " px nede");
		assertThat(bottom).as("bottom of the first result's link (px)").isLessThanOrEqualTo(740);
		assertThat(browser.find("#adgang").isDisplayed()).as("the filters are folded").isFalse();
		browser.showFilters();
		assertThat(browser.find("#adgang").isDisplayed()).isTrue();
		assertThat(browser.driver().getTitle()).startsWith("Indsatser for „tandpleje“");
		assertThat(browser.accessibilityViolations()).isEmpty();
	}

	private String resultCount() {
		return browser.text("#result-status .result-count");
	}

	private List<String> serviceNames() {
		return browser.findAll("#results .service-card a").stream().map(WebElement::getText).toList();
	}
}
