package dk.helhed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every kind of public page, on a desktop-sized and on a phone-sized screen: axe-core finds no WCAG 2.1 AA violation,
 * and nothing on a phone needs scrolling sideways.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PagesAreAccessibleBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@MethodSource("publicPages")
	void hasNoAccessibilityViolations(String page, String path) {
		var browser = desktop().asNewVisitor().open(path);

		assertThat(browser.accessibilityViolations()).as(page).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("publicPages")
	void fitsAPhoneScreenWithoutScrollingSideways(String page, String path) {
		var browser = phone().asNewVisitor().open(path);

		assertThat(browser.horizontalOverflow()).as(page + " on a 360 px wide screen sticks out sideways by (px)")
			.isLessThanOrEqualTo(0);
		assertThat(browser.accessibilityViolations()).as(page + " on a phone").isEmpty();
	}

	/** The public pages a citizen can reach, one of each kind, with the seed data the tests start with. */
	static Stream<Arguments> publicPages() {
		return Stream.of(page("the list of municipalities", "/"),
				page("a municipality's front page", "/aabenraa"),
				page("the catalog grouped by focus area", "/aabenraa/indsatser"),
				page("search results", "/aabenraa/indsatser?q=tandpleje+for+hjeml%C3%B8se"),
				page("filtered search results", "/aabenraa/indsatser?q=bolig&adgang=visitation&alder=30&gratis=ja"),
				page("a filter that finds nothing, with messages",
						"/aabenraa/indsatser?omraade=findes-ikke&alder=abc&anonym=ja&gratis=ja&adgang=fagfolk"),
				page("a service", "/aabenraa/indsatser/socialtandpleje"),
				page("a service with opening hours and prices", "/aabenraa/indsatser/den-blaa-oase"),
				page("Aabenraa's strategy", "/aabenraa/strategi"),
				page("Aarhus's strategy", "/aarhus/strategi"),
				page("a municipality without a catalog", "/ballerup"),
				page("the print view of the catalog", "/aabenraa/udskriv"),
				page("a page that does not exist", "/aabenraa/indsatser/findes-ikke"),
				page("an address that does not exist", "/findes/slet/ikke"),
				page("a municipality's front page in English", "/aabenraa?lang=en"),
				page("search results in English", "/aabenraa/indsatser?q=tandpleje&gratis=ja&lang=en"),
				page("a service in English", "/aabenraa/indsatser/socialtandpleje?lang=en"),
				page("a page that does not exist, in English", "/findes/ikke?lang=en"),
				page("search results about a crisis, with the crisis box and the quick exit",
						"/aabenraa/indsatser?q=min+k%C3%A6reste+sl%C3%A5r+mig"),
				page("a service about violence, with the quick exit", "/aabenraa/indsatser/aabenraa-krisecenter"),
				page("the catalog filtered to what is open now", "/aabenraa/indsatser?aabent=nu"),
				page("the accessibility statement", "/tilgaengelighed"),
				page("the privacy notice in English (Danish content)", "/privatliv?lang=en"));
	}

	private static Arguments page(String name, String path) {
		return Arguments.of(name, path);
	}

	private Browser desktop() {
		return browsers.desktop(port);
	}

	private Browser phone() {
		return browsers.phone(port);
	}
}
