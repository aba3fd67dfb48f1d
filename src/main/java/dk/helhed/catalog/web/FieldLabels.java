package dk.helhed.catalog.web;

import java.util.Map;

/**
 * Danish names of a service's fields, for the history, the review of proposed changes and conflict messages.
 */
final class FieldLabels {

	static final Map<String, String> DANISH = Map.ofEntries(Map.entry("name", "Navn"),
			Map.entry("summary", "Kort beskrivelse"), Map.entry("description", "Beskrivelse"),
			Map.entry("focus_areas", "Indsatsområder"), Map.entry("owning_unit", "Forankret i"),
			Map.entry("provider", "Drives af"), Map.entry("partners", "Samarbejdspartnere"),
			Map.entry("access_mode", "Adgang"), Map.entry("deciding_unit", "Afgøres af"),
			Map.entry("first_step", "Første skridt"), Map.entry("target_group", "Målgruppe"),
			Map.entry("minimum_age", "Laveste alder"), Map.entry("maximum_age", "Højeste alder"),
			Map.entry("situations", "Livssituationer"), Map.entry("charge", "Pris"),
			Map.entry("location_name", "Sted"), Map.entry("street", "Adresse"),
			Map.entry("postal_code", "Postnummer"), Map.entry("city", "By"), Map.entry("schedules", "Åbningstider"),
			Map.entry("schedule_note", "Note om åbningstider"), Map.entry("phone", "Telefon"),
			Map.entry("email", "E-mail"), Map.entry("url", "Link"), Map.entry("legal_basis", "Lovgrundlag"),
			Map.entry("contacts", "Kontaktpersoner"), Map.entry("capacities", "Pladser"),
			Map.entry("costs", "Priser"), Map.entry("key_figures", "Tal og fakta"),
			Map.entry("last_verified", "Senest kontrolleret"), Map.entry("status", "Status"),
			Map.entry("owner", "Ansvarlig for gennemgang"), Map.entry("review_interval", "Gennemgås hver (måneder)"));

	private FieldLabels() {
	}
}
