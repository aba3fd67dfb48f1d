package dk.helhed.platform;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for a field of text, an e-mail address and a phone number, in one place for every form and import of
 * every module, so that what one page accepts another cannot refuse. Each check answers with the problem it finds,
 * or nothing; the caller puts the problem's message at the field that has it (a form's field, an imported record's
 * field), never on the form as a whole.
 * <p>
 * Invisible characters: control characters are refused (line breaks and tabs belong to long texts, and a one-line
 * field refuses line breaks itself), and so are the format characters (Unicode category Cf), which show nothing but
 * change how text reads: a right-to-left override turns "gnp.exe" into what looks like "exe.png", a zero-width space
 * makes two equal-looking names different. The one exception is the zero-width joiner and non-joiner (U+200D,
 * U+200C) between two visible characters, because there they are part of writing, not hidden in it: the joiner
 * builds emoji sequences (a family, a flag) and both shape letters in Persian, Kurdish and the Indic scripts, in which
 * newcomers' names and services for newcomers are written. At the start or end of a text, next to a space or to
 * another invisible character, a joiner joins nothing and is refused like the rest.
 */
public final class FieldRules {

	/** The longest e-mail address kept. */
	public static final int EMAIL_MAX_LENGTH = 200;
	/** The longest phone number kept, with its spaces, dashes and parentheses. */
	public static final int PHONE_MAX_LENGTH = 40;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");
	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,38}");
	private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
	private static final int ZERO_WIDTH_JOINER = 0x200D;

	/**
	 * What is wrong with a field, said two ways: as the sentence shown at a form's field, and as what follows the
	 * field's name in an import report ("feltet email er ikke en gyldig e-mailadresse").
	 */
	public enum Problem {

		INVISIBLE_CHARACTERS("Feltet indeholder usynlige kontroltegn. Skriv teksten igen uden dem.",
				"indeholder usynlige kontroltegn"),
		EMAIL("E-mailadressen ser ikke rigtig ud.", "er ikke en gyldig e-mailadresse"),
		PHONE("Telefonnummeret må kun indeholde tal, mellemrum, +, bindestreg og parentes.",
				"er ikke et telefonnummer (kun tal, mellemrum, +, bindestreg og parentes)");

		private final String message;
		private final String inRecord;

		Problem(String message, String inRecord) {
			this.message = message;
			this.inRecord = inRecord;
		}

		/** The sentence shown at a form's field. */
		public String message() {
			return message;
		}

		/** What follows the field's name in a report on a record, e.g. of an imported file. */
		public String inRecord() {
			return inRecord;
		}
	}

	private FieldRules() {
	}

	/** Whether a text has characters that show nothing (see the class comment); null has none. */
	public static boolean hasInvisibleCharacters(String text) {
		if (text == null) {
			return false;
		}
		int previous = -1;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
				return true;
			}
			if (Character.getType(c) == Character.FORMAT) {
				boolean joiner = c == ZERO_WIDTH_JOINER || c == ZERO_WIDTH_NON_JOINER;
				int next = i < text.length() ? text.codePointAt(i) : -1;
				if (!joiner || !visible(previous) || !visible(next)) {
					return true;
				}
			}
			previous = c;
		}
		return false;
	}

	/** The problem with a text, if it has one: invisible characters. */
	public static Optional<Problem> text(String text) {
		return hasInvisibleCharacters(text) ? Optional.of(Problem.INVISIBLE_CHARACTERS) : Optional.empty();
	}

	/** The problem with an e-mail address (stripped, not empty), if it has one. */
	public static Optional<Problem> email(String address) {
		return address.length() <= EMAIL_MAX_LENGTH && EMAIL.matcher(address).matches() ? Optional.empty()
				: Optional.of(Problem.EMAIL);
	}

	/** The problem with a phone number (stripped, not empty), if it has one: digits, spaces, +, - and parentheses. */
	public static Optional<Problem> phone(String number) {
		return number.length() <= PHONE_MAX_LENGTH && PHONE.matcher(number).matches() ? Optional.empty()
				: Optional.of(Problem.PHONE);
	}

	private static boolean visible(int c) {
		return c >= 0 && !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c)
				&& Character.getType(c) != Character.FORMAT;
	}
}
