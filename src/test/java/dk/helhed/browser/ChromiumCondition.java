package dk.helhed.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables {@link OnChromium} tests when Chromium and ChromeDriver are installed; in CI a missing browser is a failure,
 * not a skip.
 */
class ChromiumCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Browser.installed()) {
			return ConditionEvaluationResult.enabled("Chromium is installed: " + Browser.describe());
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true, but Chromium is not installed (" + Browser.describe()
					+ "): install Debian's chromium and chromium-driver, the browser tests must run in CI");
		}
		return ConditionEvaluationResult.disabled("Chromium is not installed: " + Browser.describe());
	}
}
