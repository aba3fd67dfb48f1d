package dk.helhed.plan.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.helhed.platform.web.FormFields;
import dk.helhed.plan.internal.Assessments.NewAssessment;
import dk.helhed.plan.internal.Assessments.RatingInput;
import dk.helhed.plan.internal.FfbTerms;
import dk.helhed.plan.internal.FfbTerms.Theme;

/**
 * The form of a new assessment, as sent: only the fields of the FFB version's own sub-themes are read (no other
 * field of the request reaches the assessment), each as text, so that nothing typed can fail the binding.
 */
public record AssessmentForm(String assessedOn, Map<String, String> values) {

	static final int LONG_TEXT = 4000;
	static final int SHORT_TEXT = 2000;

	static final String DATE = "vurderet";
	static final String OVERALL_WORDS = "ord-helhed";
	static final String WHAT_MATTERS = "vigtigst";
	static final String RESOURCES = "ressourcer";
	static final String NETWORK = "netvaerk";

	static String level(UUID theme) {
		return "niveau-" + theme;
	}

	static String description(UUID theme) {
		return "beskrivelse-" + theme;
	}

	static String words(UUID theme) {
		return "ord-" + theme;
	}

	record Checked(NewAssessment value, Map<String, String> errors) {
	}

	static AssessmentForm empty(LocalDate today) {
		return new AssessmentForm(today.toString(), Map.of());
	}

	static AssessmentForm of(Map<String, String> fields, List<Theme> themes) {
		Map<String, String> values = new LinkedHashMap<>();
		for (var name : List.of(OVERALL_WORDS, WHAT_MATTERS, RESOURCES, NETWORK)) {
			values.put(name, fields.getOrDefault(name, ""));
		}
		for (var theme : themes) {
			if (theme.isSubTheme()) {
				for (var name : List.of(level(theme.code()), description(theme.code()), words(theme.code()))) {
					if (fields.containsKey(name)) {
						values.put(name, fields.get(name));
					}
				}
			}
		}
		return new AssessmentForm(fields.getOrDefault(DATE, ""), values);
	}

	/** A field's value as sent, for showing the form again; too long a value is not sent back. */
	public String value(String name) {
		var value = values.getOrDefault(name, "");
		return value.length() > LONG_TEXT ? "" : value;
	}

	public String levelOf(UUID theme) {
		return value(level(theme));
	}

	public String descriptionOf(UUID theme) {
		return value(description(theme));
	}

	public String wordsOf(UUID theme) {
		return value(words(theme));
	}

	Checked check(FfbTerms terms, String version) {
		Map<String, String> errors = new LinkedHashMap<>();
		var day = FormFields.date(errors, DATE, assessedOn, true, "datoen for vurderingen");
		Map<UUID, RatingInput> ratings = new LinkedHashMap<>();
		for (var theme : terms.themes(version)) {
			if (!theme.isSubTheme()) {
				continue;
			}
			var code = theme.code();
			UUID level = null;
			var levelText = values.get(level(code));
			if (theme.rated() && !FormFields.blank(levelText)) {
				var chosen = FormFields.uuid(levelText);
				if (chosen == null || terms.level(version, chosen).isEmpty()) {
					errors.put(level(code), theme.name() + ": vælg et funktionsevneniveau fra listen.");
				}
				level = chosen;
			}
			var description = FormFields.text(errors, description(code), values.get(description(code)), LONG_TEXT, false,
					true, theme.name() + ": fagpersonens beskrivelse");
			var words = FormFields.text(errors, words(code), values.get(words(code)), LONG_TEXT, false, true,
					theme.name() + ": borgerens ord");
			var input = new RatingInput(level, description, words);
			if (level != null || description != null || words != null) {
				ratings.put(code, input);
			}
		}
		var overall = FormFields.text(errors, OVERALL_WORDS, values.get(OVERALL_WORDS), LONG_TEXT, false, true,
				"Sådan ser jeg det selv");
		var matters = FormFields.text(errors, WHAT_MATTERS, values.get(WHAT_MATTERS), SHORT_TEXT, false, true,
				"Det vigtigste lige nu");
		var resources = FormFields.text(errors, RESOURCES, values.get(RESOURCES), LONG_TEXT, false, true,
				"Borgerens ressourcer");
		var network = FormFields.text(errors, NETWORK, values.get(NETWORK), LONG_TEXT, false, true, "Netværk");
		if (day != null && day.getYear() < 2000) {
			errors.put(DATE, "Skriv datoen for vurderingen som en gyldig dato, fx 24-11-2026.");
		}
		if (errors.isEmpty() && ratings.isEmpty()) {
			errors.put("assessment", "Udfyld mindst ét undertema.");
		}
		return new Checked(errors.isEmpty() ? new NewAssessment(day, ratings, overall, matters, resources, network)
				: null, errors);
	}
}
