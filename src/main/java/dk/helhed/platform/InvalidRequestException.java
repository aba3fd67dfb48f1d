package dk.helhed.platform;

/**
 * The request is malformed in a way the handler detected itself; the message says in Danish what is wrong and is
 * shown to the user or API client (400).
 */
public class InvalidRequestException extends RuntimeException {

	public InvalidRequestException(String message) {
		super(message);
	}
}
