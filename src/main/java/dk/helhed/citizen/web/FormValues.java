package dk.helhed.citizen.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.InformationCategory;

/**
 * Turns the text of a submitted form into values, recording a Danish message per field for what cannot be used.
 * Forms are bound as text, so nothing a person types can fail the binding itself.
 */
final class FormValues {

	private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu");

	private FormValues() {
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** A text field: required or not, at most so long, no control characters (line breaks only where allowed). */
	static String text(Map<String, String> errors, String field, String value, int max, boolean required,
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
		boolean control = stripped.chars()
			.anyMatch(c -> (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
					|| Character.getType(c) == Character.FORMAT);
		if (control) {
			errors.put(field, what + (multiline ? " må ikke indeholde kontroltegn." : " må ikke indeholde kontroltegn eller linjeskift."));
			return null;
		}
		return stripped;
	}

	/** A date as a date field sends it (2026-03-01), or as people write it (1-3-2026, 1.3.2026). */
	static LocalDate date(Map<String, String> errors, String field, String value, boolean required, String what) {
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

	static <E extends Enum<E>> E choice(Map<String, String> errors, String field, String value, Class<E> type,
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

	static Set<InformationCategory> categories(Map<String, String> errors, String field, List<String> values) {
		var chosen = EnumSet.noneOf(InformationCategory.class);
		if (values != null) {
			for (var value : values) {
				var category = choice(errors, field, value, InformationCategory.class, "Vælg kategorier fra listen.");
				if (category == null) {
					return Set.of();
				}
				chosen.add(category);
			}
		}
		if (chosen.isEmpty()) {
			errors.put(field, "Vælg mindst én kategori af oplysninger.");
		}
		return chosen;
	}

	/** A recipient as the form sends it: "enhed:&lt;id&gt;" or "organisation:&lt;id&gt;". */
	static Recipient recipient(String value) {
		if (blank(value) || value.length() > 60) {
			return null;
		}
		try {
			if (value.startsWith("enhed:")) {
				return new Recipient(UUID.fromString(value.substring(6)), null);
			}
			if (value.startsWith("organisation:")) {
				return new Recipient(null, UUID.fromString(value.substring(13)));
			}
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return null;
	}

	static UUID uuid(String value) {
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
