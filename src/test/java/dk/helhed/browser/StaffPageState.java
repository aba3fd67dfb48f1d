package dk.helhed.browser;

import java.util.function.Consumer;

/**
 * A staff page in one of the states staff meet it in: whose login, and the steps that bring the browser there.
 *
 * @param name what the state is, as the test report names it
 * @param account the demo login that sees the page
 * @param reach the steps from the logged-in browser to the page in that state
 */
record StaffPageState(String name, String account, Consumer<Browser> reach) {

	/** Logs in as the state's account and takes the steps. */
	Browser reach(Browser browser) {
		reach.accept(Staff.as(browser, account));
		return browser;
	}

	@Override
	public String toString() {
		return name;
	}
}
