package dk.helhed.catalog.web;

import java.util.HashMap;
import java.util.Map;

/**
 * Danish names of the fields a comparison of two editions lists: a service's fields as in the history, and the
 * catalog's own.
 */
final class EditionFieldLabels {

	static final Map<String, String> DANISH;

	static {
		var labels = new HashMap<>(FieldLabels.DANISH);
		labels.put("title", "Titel");
		labels.put("introduction", "Indledning");
		labels.put("contact", "Kontakt");
		labels.put("organisational_units", "Organisatoriske enheder");
		labels.put("partner_organisations", "Organisationer og selvejende institutioner");
		DANISH = Map.copyOf(labels);
	}

	private EditionFieldLabels() {
	}
}
