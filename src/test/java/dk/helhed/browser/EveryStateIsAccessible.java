package dk.helhed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two checks every group of new staff pages gets, in every state its class lists in a static {@code states()}:
 * no WCAG 2.1 AA violation axe-core can find on a desktop, and on a 360 px phone neither a violation nor anything
 * that sticks out sideways.
 */
interface EveryStateIsAccessible {

	/** The desktop and phone browsers of the class. */
	Browsers browsers();

	/** The port the application answers on. */
	int port();

	@ParameterizedTest(name = "{0}")
	@MethodSource("states")
	default void hasNoAccessibilityViolations(StaffPageState state) {
		var browser = state.reach(browsers().desktop(port()));

		assertThat(browser.accessibilityViolations()).as(state.name()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("states")
	default void fitsAPhoneScreenWithoutScrollingSideways(StaffPageState state) {
		var browser = state.reach(browsers().phone(port()));

		assertThat(browser.horizontalOverflow()).as(state.name() + " on a 360 px wide screen sticks out sideways by (px)")
			.isLessThanOrEqualTo(0);
		assertThat(browser.accessibilityViolations()).as(state.name() + " on a phone").isEmpty();
	}
}
