package dk.helhed.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables {@link OnPostgres} tests when PostgreSQL answers; in CI a missing server is a failure, not a skip.
 */
class PostgresCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (PostgresDatabase.reachable()) {
			return ConditionEvaluationResult.enabled("PostgreSQL is reachable at " + PostgresDatabase.describe());
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true, but PostgreSQL is not reachable at " + PostgresDatabase.describe()
					+ ": the persistence tests must run on PostgreSQL in CI");
		}
		return ConditionEvaluationResult.disabled("PostgreSQL is not reachable at " + PostgresDatabase.describe());
	}
}
