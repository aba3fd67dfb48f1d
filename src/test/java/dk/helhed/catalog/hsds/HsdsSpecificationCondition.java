package dk.helhed.catalog.hsds;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Enables {@link NeedsHsdsSpecification} tests when the HSDS files are there; in CI their absence is a failure. */
class HsdsSpecificationCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (HsdsSpecification.missing().isEmpty()) {
			return ConditionEvaluationResult.enabled("the HSDS 3.1 files are in " + HsdsSpecification.folder());
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true, but " + HsdsSpecification.describeMissing());
		}
		return ConditionEvaluationResult.disabled("Skipped: " + HsdsSpecification.describeMissing());
	}
}
