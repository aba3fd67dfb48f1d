package dk.helhed.platform;

/**
 * Something the request names does not exist (or is not visible to the caller): answered with 404, never 500.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}
}
