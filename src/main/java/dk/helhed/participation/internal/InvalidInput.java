package dk.helhed.participation.internal;

import java.util.Map;

/**
 * A form was refused: what is wrong, in Danish, per field (the key {@code form} for the form as a whole). Nothing
 * was stored.
 */
public class InvalidInput extends RuntimeException {

	private final Map<String, String> errors;
	private final int status;

	public InvalidInput(Map<String, String> errors) {
		this(errors, 400);
	}

	public InvalidInput(Map<String, String> errors, int status) {
		super(String.join(" ", errors.values()));
		this.errors = Map.copyOf(errors);
		this.status = status;
	}

	public static InvalidInput of(String field, String message) {
		return new InvalidInput(Map.of(field, message));
	}

	public Map<String, String> errors() {
		return errors;
	}

	/** The HTTP status the refusal is answered with: 400, or 429 when a visitor sent too much. */
	public int status() {
		return status;
	}
}
