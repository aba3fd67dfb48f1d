package dk.helhed.catalog.hsds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HSDS 3.1 tables Helhed writes and reads as CSV: each table's file name and its columns, named and ordered as
 * the properties of the table's schema in the specification (e.g. {@code service.json} for {@code services.csv}),
 * leaving out the nested objects and lists, which are tables of their own. A test checks the columns against the
 * schema files.
 */
final class HsdsTables {

	/** One table: its name in {@code datapackage.json}, its CSV file and its columns. */
	record Table(String name, String file, List<String> columns) {

		/** The Table Schema type of a column, for {@code datapackage.json}. */
		String typeOf(String column) {
			if (NUMBERS.contains(column)) {
				return "number";
			}
			if (DATES.contains(column)) {
				return "date";
			}
			if (DATE_TIMES.contains(column)) {
				return "datetime";
			}
			return "string";
		}

		/** {@code uuid} for the id and the references to other tables. */
		Optional<String> formatOf(String column) {
			return column.equals("id") || column.endsWith("_id") ? Optional.of("uuid") : Optional.empty();
		}
	}

	private static final Set<String> NUMBERS = Set.of("minimum_age", "maximum_age", "amount", "available", "maximum",
			"latitude", "longitude", "year_incorporated", "extension", "timezone", "count", "interval");
	private static final Set<String> DATES = Set.of("assured_date", "valid_from", "valid_to", "dtstart", "until",
			"last_action_date");
	private static final Set<String> DATE_TIMES = Set.of("last_modified", "updated");

	static final Table ORGANIZATIONS = new Table("organization", "organizations.csv",
			List.of("id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id",
					"year_incorporated", "legal_status", "logo", "uri", "parent_organization_id"));
	static final Table SERVICES = new Table("service", "services.csv",
			List.of("id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email",
					"status", "interpretation_services", "application_process", "fees_description", "wait_time",
					"fees", "accreditations", "eligibility_description", "minimum_age", "maximum_age",
					"assured_date", "assurer_email", "licenses", "alert", "last_modified"));
	static final Table PHONES = new Table("phone", "phones.csv", List.of("id", "location_id", "service_id",
			"organization_id", "contact_id", "service_at_location_id", "number", "extension", "type", "description"));
	static final Table SCHEDULES = new Table("schedule", "schedules.csv",
			List.of("id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "dtstart",
					"timezone", "until", "count", "wkst", "freq", "interval", "byday", "byweekno", "bymonthday",
					"byyearday", "description", "opens_at", "closes_at", "schedule_link", "attending_type", "notes"));
	static final Table SERVICE_AT_LOCATIONS = new Table("service_at_location", "service_at_location.csv",
			List.of("id", "service_id", "location_id", "description"));
	static final Table LOCATIONS = new Table("location", "locations.csv",
			List.of("id", "location_type", "url", "organization_id", "name", "alternate_name", "description",
					"transportation", "latitude", "longitude", "external_identifier", "external_identifier_type"));
	static final Table ADDRESSES = new Table("address", "addresses.csv", List.of("id", "location_id", "attention",
			"address_1", "address_2", "city", "region", "state_province", "postal_code", "country", "address_type"));
	static final Table LANGUAGES = new Table("language", "languages.csv",
			List.of("id", "service_id", "location_id", "phone_id", "name", "code", "note"));
	static final Table COST_OPTIONS = new Table("cost_option", "cost_options.csv",
			List.of("id", "service_id", "valid_from", "valid_to", "option", "currency", "amount",
					"amount_description"));
	static final Table CONTACTS = new Table("contact", "contacts.csv", List.of("id", "organization_id",
			"service_id", "service_at_location_id", "location_id", "name", "title", "department", "email"));
	static final Table CAPACITIES = new Table("service_capacity", "service_capacity.csv",
			List.of("id", "service_id", "unit_id", "available", "maximum", "description", "updated"));
	static final Table UNITS = new Table("unit", "units.csv", List.of("id", "name", "scheme", "identifier", "uri"));
	static final Table ATTRIBUTES = new Table("attribute", "attributes.csv",
			List.of("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value", "label"));
	static final Table TAXONOMIES = new Table("taxonomy", "taxonomies.csv",
			List.of("id", "name", "description", "uri", "version"));
	static final Table TAXONOMY_TERMS = new Table("taxonomy_term", "taxonomy_terms.csv", List.of("id", "code", "name",
			"description", "parent_id", "taxonomy", "language", "taxonomy_id", "term_uri"));
	static final Table METADATA = new Table("metadata", "metadata.csv", List.of("id", "resource_id", "resource_type",
			"last_action_date", "last_action_type", "field_name", "previous_value", "replacement_value",
			"updated_by"));

	/** The tables Helhed writes, in the order of the specification's data package. */
	static final List<Table> WRITTEN = List.of(ORGANIZATIONS, SERVICES, ATTRIBUTES, SERVICE_AT_LOCATIONS, LOCATIONS,
			PHONES, CONTACTS, ADDRESSES, SCHEDULES, LANGUAGES, TAXONOMY_TERMS, METADATA, COST_OPTIONS, TAXONOMIES,
			CAPACITIES, UNITS);

	/**
	 * The other tables of HSDS 3.1. An import recognises them, so that it can say that it leaves them out, rather
	 * than call them unknown.
	 */
	static final Map<String, String> NOT_HELD = Map.ofEntries(Map.entry("programs.csv", "program"),
			Map.entry("funding.csv", "funding"), Map.entry("service_areas.csv", "service_area"),
			Map.entry("required_documents.csv", "required_document"),
			Map.entry("accessibility.csv", "accessibility"),
			Map.entry("organization_identifiers.csv", "organization_identifier"),
			Map.entry("meta_table_descriptions.csv", "meta_table_description"), Map.entry("url.csv", "url"));

	private HsdsTables() {
	}

	/** The table written to or read from the file of that name. */
	static Optional<Table> byFile(String file) {
		return WRITTEN.stream().filter(table -> table.file().equals(file)).findFirst();
	}

	/** The table of that name, as {@code compiled/tabular.json} names them (e.g. {@code service}). */
	static Optional<Table> byName(String name) {
		return WRITTEN.stream().filter(table -> table.name().equals(name)).findFirst();
	}

	/** The file of a table of that name, written or not: {@code program} is {@code programs.csv}. */
	static Optional<String> fileOf(String name) {
		return byName(name).map(Table::file)
			.or(() -> NOT_HELD.entrySet()
				.stream()
				.filter(entry -> entry.getValue().equals(name))
				.map(Map.Entry::getKey)
				.findFirst());
	}
}
