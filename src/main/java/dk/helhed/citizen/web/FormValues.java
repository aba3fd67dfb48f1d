package dk.helhed.citizen.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.platform.web.FormFields;

/**
 * Turns the text of a submitted form into values, recording a Danish message per field for what cannot be used.
 * Forms are bound as text, so nothing a person types can fail the binding itself.
 */
final class FormValues {

	private FormValues() {
	}

	static boolean blank(String value) {
		return FormFields.blank(value);
	}

	static String text(Map<String, String> errors, String field, String value, int max, boolean required,
			boolean multiline, String what) {
		return FormFields.text(errors, field, value, max, required, multiline, what);
	}

	static LocalDate date(Map<String, String> errors, String field, String value, boolean required, String what) {
		return FormFields.date(errors, field, value, required, what);
	}

	static <E extends Enum<E>> E choice(Map<String, String> errors, String field, String value, Class<E> type,
			String message) {
		return FormFields.choice(errors, field, value, type, message);
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
		return FormFields.uuid(value);
	}
}
