package dk.helhed.platform.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import dk.helhed.platform.FieldRules;

/**
 * The field rules every form of the application shares, each with its Danish message at the field: text (length,
 * invisible characters as {@link FieldRules} defines them), dates as a date field sends them or as people write them, choices from a list, ids. Forms are
 * bound as text, so nothing a person types can fail the binding itself; each module's forms call these, so a rule and
 * its message exist once.
 */
public final class FormFields {

	private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu");

	private FormFields() {
	}

	public static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** A text field: required or not, at most so long, no control characters (line breaks only where allowed). */
	public static String text(Map<String, String> errors, String field, String value, int max, boolean required,
			boolean multiline, String what) {
		var stripped = value == null ? "" : value.strip();
		if (stripped.isEmpty()) {
			if (required) {
				errors.put(field, what + " skal udfyldes.");
			}
			return null;
		}
		if (stripped.length() > max) {
			errors.put(field, what + " må højst være " + max + " tegn.");
			return null;
		}
		boolean control = FieldRules.hasInvisibleCharacters(stripped)
				|| (!multiline && stripped.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t'));
		if (control) {
			errors.put(field, what + (multiline ? " må ikke indeholde kontroltegn." : " må ikke indeholde kontroltegn eller linjeskift."));
			return null;
		}
		return stripped;
	}

	/** A date as a date field sends it (2026-03-01), or as people write it (1-3-2026, 1.3.2026). */
	public static LocalDate date(Map<String, String> errors, String field, String value, boolean required, String what) {
		if (blank(value)) {
			if (required) {
				errors.put(field, "Skriv " + what + ".");
			}
			return null;
		}
		var text = value.strip();
		if (text.length() <= 10) {
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeException ex) {
				try {
					return LocalDate.parse(text.replace('.', '-').replace('/', '-'), DANISH_DATE);
				}
				catch (DateTimeException ignored) {
					// falls through to the message
				}
			}
		}
		errors.put(field, "Skriv " + what + " som en gyldig dato, fx 24-11-2026.");
		return null;
	}

	public static <E extends Enum<E>> E choice(Map<String, String> errors, String field, String value, Class<E> type,
			String message) {
		if (!blank(value)) {
			for (var constant : type.getEnumConstants()) {
				if (constant.name().equals(value.strip())) {
					return constant;
				}
			}
		}
		errors.put(field, message);
		return null;
	}

	public static UUID uuid(String value) {
		if (blank(value) || value.length() > 40) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
