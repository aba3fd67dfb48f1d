package dk.helhed.participation.internal;

import java.util.Map;

import dk.helhed.platform.FieldRules;

/**
 * The rules for text people type into participation's forms: trimmed, required or not, at most so long, no
 * invisible characters as {@link FieldRules} defines them (line breaks only in long texts). Everything else, markup
 * included, is kept as text: the pages escape it.
 */
public final class FormText {

	private FormText() {
	}

	/** The cleaned text, or null (with a message in errors when the field is required or the text breaks a rule). */
	public static String text(Map<String, String> errors, String field, String value, int max, boolean required,
			boolean multiline, String what) {
		var stripped = value == null ? "" : value.strip();
		if (stripped.isEmpty()) {
			if (required) {
				errors.put(field, "Skriv " + what + ".");
			}
			return null;
		}
		if (stripped.length() > max) {
			errors.put(field, capitalised(what) + " må højst være " + max + " tegn. Nu er den " + stripped.length()
					+ " tegn.");
			return null;
		}
		boolean control = FieldRules.hasInvisibleCharacters(stripped)
				|| (!multiline && stripped.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t'));
		if (control) {
			errors.put(field, capitalised(what) + (multiline ? " må ikke have kontroltegn."
					: " må ikke have kontroltegn eller linjeskift."));
			return null;
		}
		return stripped.replace("\r\n", "\n");
	}

	private static String capitalised(String what) {
		return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
	}
}
