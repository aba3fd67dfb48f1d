package dk.helhed.participation.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds what must not be published in a proposal: a CPR number, a phone number or an e-mail address. A proposal
 * that has one is held until a moderator has read it; the sender is told why.
 */
public final class PersonalData {

	/** What was found, with what the sender is told. */
	public enum Kind {
		CPR_NUMBER("et CPR-nummer"), PHONE_NUMBER("et telefonnummer"), EMAIL_ADDRESS("en e-mailadresse");

		private final String danish;

		Kind(String danish) {
			this.danish = danish;
		}

		/** With the indefinite article, e.g. "et telefonnummer". */
		public String danish() {
			return danish;
		}
	}

	/** Six digits for the date of birth and four more, with or without a dash or space between. */
	private static final Pattern CPR = Pattern.compile("(?<![0-9])[0-9]{6}[ -]?[0-9]{4}(?![0-9])");

	/** A Danish number of eight digits, maybe after +45 or 0045, maybe in pairs or fours split by spaces or dots. */
	private static final Pattern PHONE = Pattern
		.compile("(?<![0-9])(?:(?:\\+|00)45[ .-]?)?[0-9]{2}(?:[ .-]?[0-9]{2}){3}(?![0-9])");

	private static final Pattern EMAIL = Pattern
		.compile("[\\p{L}0-9._%+-]+\\s*(?:@|\\(at\\)|\\[at\\])\\s*[\\p{L}0-9.-]+\\.[\\p{L}]{2,}");

	private PersonalData() {
	}

	public static Optional<Kind> find(String... texts) {
		for (var text : texts) {
			if (text == null) {
				continue;
			}
			if (CPR.matcher(text).find()) {
				return Optional.of(Kind.CPR_NUMBER);
			}
			if (PHONE.matcher(text).find()) {
				return Optional.of(Kind.PHONE_NUMBER);
			}
			if (EMAIL.matcher(text).find()) {
				return Optional.of(Kind.EMAIL_ADDRESS);
			}
		}
		return Optional.empty();
	}
}
