package dk.helhed.platform;

/**
 * An aggregate refused a change its rules do not allow (e.g. retiring a service that is already retired); the message
 * says in Danish why. Aggregates throw it from their own methods, so that the rule is written once, where the state
 * is, and not again in the services and controllers that call them; {@link ErrorResponses} answers it with 400 and
 * the message, on a page or as Problem Details.
 */
public class RuleViolation extends RuntimeException {

	public RuleViolation(String message) {
		super(message);
	}
}
