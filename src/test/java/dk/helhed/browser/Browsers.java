package dk.helhed.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browsers of one test class: each started on first use (once the server's port is known), shared by the class's
 * tests, and closed after the last of them. Register it as a static field with
 * {@code @RegisterExtension static final Browsers browsers = new Browsers();}.
 */
final class Browsers implements AfterAllCallback {

	private Browser desktop;
	private Browser phone;
	private Browser withoutJavaScript;
	private Browser phoneWithoutJavaScript;

	/** See {@link Browser#desktop(int)}. */
	Browser desktop(int port) {
		if (desktop == null) {
			desktop = Browser.desktop(port);
		}
		return desktop;
	}

	/** See {@link Browser#phone(int)}. */
	Browser phone(int port) {
		if (phone == null) {
			phone = Browser.phone(port);
		}
		return phone;
	}

	/** See {@link Browser#withoutJavaScript(int)}. */
	Browser withoutJavaScript(int port) {
		if (withoutJavaScript == null) {
			withoutJavaScript = Browser.withoutJavaScript(port);
		}
		return withoutJavaScript;
	}

	/** See {@link Browser#phoneWithoutJavaScript(int)}. */
	Browser phoneWithoutJavaScript(int port) {
		if (phoneWithoutJavaScript == null) {
			phoneWithoutJavaScript = Browser.phoneWithoutJavaScript(port);
		}
		return phoneWithoutJavaScript;
	}

	@Override
	public void afterAll(ExtensionContext context) {
		try (var first = desktop; var second = phone; var third = withoutJavaScript; var fourth = phoneWithoutJavaScript) {
			// closed here, each even when closing another failed
		}
		finally {
			desktop = null;
			phone = null;
			withoutJavaScript = null;
			phoneWithoutJavaScript = null;
		}
	}
}
