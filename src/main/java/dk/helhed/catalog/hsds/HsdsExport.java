package dk.helhed.catalog.hsds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dk.helhed.catalog.internal.ServiceHistory;
import dk.helhed.catalog.internal.ServiceHistory.Action;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A municipality's whole public catalog as one HSDS document, and as the HSDS CSV tables in a zip with a
 * {@code datapackage.json}. The CSV tables are made from the document, so the two always say the same.
 * <p>
 * The document is Helhed's own wrapper, as HSDS 3.1 defines no single document for a whole catalog: its
 * {@code services} are exactly what {@code compiled/service_package.json} describes (each service as
 * {@code /services/{id}} sends it, plus its history as {@code metadata}), its {@code organizations} what
 * {@code compiled/organization_package.json} describes (without their services, which are already in
 * {@code services}), and {@code taxonomies} and {@code taxonomy_terms} the rows of {@code taxonomy.json} and
 * {@code taxonomy_term.json}.
 * <p>
 * The history names no member of staff: {@code updated_by} is the municipality (or Helhed for changes the system
 * made itself). The export is public and unauthenticated, and who edited which service when is a record of staff's
 * work, which the catalog's readers do not need; the project's rule is not to show staff names by default. Fields
 * that are internal or that name people who may no longer be published are left out of the history: the person
 * responsible for reviewing a service, the review interval, and the contact persons' earlier values (the current
 * ones are in {@code contacts}).
 */
@Component
class HsdsExport {

	/** History fields that are internal bookkeeping or would keep publishing former contact persons. */
	static final Set<String> PRIVATE_HISTORY_FIELDS = Set.of("owner", "review_interval", "contacts");

	/** The whole catalog as one document. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Document(String version, String profile, List<Hsds.Organization> organizations,
			List<Hsds.Service> services, List<Hsds.Taxonomy> taxonomies,
			@JsonProperty("taxonomy_terms") List<Hsds.TaxonomyTerm> taxonomyTerms) {
	}

	private final HsdsCatalogs catalogs;
	private final ServiceHistory history;
	private final JsonMapper json;
	private final CsvMapper csv = CsvMapper.builder().build();

	HsdsExport(HsdsCatalogs catalogs, ServiceHistory history, JsonMapper json) {
		this.catalogs = catalogs;
		this.history = history;
		this.json = json;
	}

	Document document(String slug, String siteRoot) {
		var catalog = catalogs.of(slug, siteRoot);
		var municipality = catalog.municipality();
		var changes = history.ofMunicipality(municipality.id())
			.stream()
			.filter(entry -> entry.fieldName() != null && !PRIVATE_HISTORY_FIELDS.contains(entry.fieldName()))
			.collect(Collectors.groupingBy(ServiceHistory.Entry::serviceId));
		var services = catalog.allServices()
			.stream()
			.map(service -> service.withMetadata(changes.getOrDefault(service.id(), List.of())
				.stream()
				.map(entry -> metadata(entry, municipality.name()))
				.toList()))
			.toList();
		return new Document(Hsds.VERSION, HsdsController.PROFILE, catalog.organizations(), services,
				catalog.taxonomies(), catalog.terms(null, null));
	}

	private static Hsds.Metadata metadata(ServiceHistory.Entry entry, String municipality) {
		return new Hsds.Metadata(entry.id(), entry.serviceId(), "service",
				LocalDate.ofInstant(entry.changedAt(), HsdsCatalogs.DANISH_TIME), actionType(entry.action()),
				entry.fieldName(), nullToEmpty(entry.previousValue()), nullToEmpty(entry.replacementValue()),
				entry.changedBy() == null ? "Helhed" : municipality);
	}

	/** The kind of change, as a verb like HSDS's own examples ({@code create}, {@code update}). */
	static String actionType(Action action) {
		return switch (action) {
			case CREATED -> "create";
			case UPDATED -> "update";
			case RETIRED -> "retire";
			case RESTORED -> "restore";
			case VERIFIED -> "verify";
			case FREE_PLACES -> "update_free_places";
			case REVIEW_ASSIGNED -> "assign_review";
			case IMPORTED -> "import";
		};
	}

	/** The document's tables as CSV files, with a {@code datapackage.json} describing them, in a zip. */
	byte[] zip(Document document, String slug) {
		var tables = tables(document);
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			for (var table : HsdsTables.WRITTEN) {
				zip.putNextEntry(new ZipEntry(table.file()));
				zip.write(csv(table, tables.get(table)).getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
			zip.putNextEntry(new ZipEntry("datapackage.json"));
			zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(dataPackage(slug)));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * The rows of each table. Nested objects become rows of their own table with the id of the object they belong
	 * to ({@code service_id}, {@code contact_id}, {@code location_id}, {@code link_id}); objects shared by several
	 * services (locations, units) are written once.
	 */
	Map<HsdsTables.Table, List<Map<String, String>>> tables(Document document) {
		Map<HsdsTables.Table, Map<String, Map<String, String>>> tables = new LinkedHashMap<>();
		HsdsTables.WRITTEN.forEach(table -> tables.put(table, new LinkedHashMap<>()));
		for (var organization : document.organizations()) {
			add(tables, HsdsTables.ORGANIZATIONS, tree(organization), Map.of());
		}
		for (var service : document.services()) {
			var node = tree(service);
			var serviceId = Map.of("service_id", service.id().toString());
			add(tables, HsdsTables.SERVICES, node, Map.of());
			for (var phone : node.path("phones")) {
				add(tables, HsdsTables.PHONES, phone, serviceId);
			}
			for (var schedule : node.path("schedules")) {
				add(tables, HsdsTables.SCHEDULES, schedule, serviceId);
			}
			for (var place : node.path("service_at_locations")) {
				add(tables, HsdsTables.SERVICE_AT_LOCATIONS, place, Map.of());
				var location = place.path("location");
				add(tables, HsdsTables.LOCATIONS, location, Map.of());
				for (var address : location.path("addresses")) {
					add(tables, HsdsTables.ADDRESSES, address, Map.of("location_id", location.path("id").asString()));
				}
			}
			for (var language : node.path("languages")) {
				add(tables, HsdsTables.LANGUAGES, language, serviceId);
			}
			for (var cost : node.path("cost_options")) {
				add(tables, HsdsTables.COST_OPTIONS, cost, serviceId);
			}
			for (var contact : node.path("contacts")) {
				add(tables, HsdsTables.CONTACTS, contact, serviceId);
				for (var phone : contact.path("phones")) {
					add(tables, HsdsTables.PHONES, phone, Map.of("contact_id", contact.path("id").asString()));
				}
			}
			for (var capacity : node.path("capacities")) {
				var unit = capacity.path("unit");
				add(tables, HsdsTables.CAPACITIES, capacity,
						Map.of("service_id", service.id().toString(), "unit_id", unit.path("id").asString()));
				add(tables, HsdsTables.UNITS, unit, Map.of());
			}
			for (var attribute : node.path("attributes")) {
				add(tables, HsdsTables.ATTRIBUTES, attribute, Map.of());
			}
			for (var change : node.path("metadata")) {
				add(tables, HsdsTables.METADATA, change, Map.of());
			}
		}
		for (var taxonomy : document.taxonomies()) {
			add(tables, HsdsTables.TAXONOMIES, tree(taxonomy), Map.of());
		}
		for (var term : document.taxonomyTerms()) {
			add(tables, HsdsTables.TAXONOMY_TERMS, tree(term), Map.of());
		}
		Map<HsdsTables.Table, List<Map<String, String>>> rows = new LinkedHashMap<>();
		tables.forEach((table, byId) -> rows.put(table, List.copyOf(byId.values())));
		return rows;
	}

	private JsonNode tree(Object value) {
		return json.valueToTree(value);
	}

	/** A row of the object's own one-to-one fields, plus its links; an id already written is not written again. */
	private static void add(Map<HsdsTables.Table, Map<String, Map<String, String>>> tables, HsdsTables.Table table,
			JsonNode node, Map<String, String> links) {
		if (!(node instanceof ObjectNode object)) {
			return;
		}
		Map<String, String> row = new LinkedHashMap<>();
		for (var column : table.columns()) {
			var value = links.containsKey(column) ? links.get(column) : scalar(object.get(column));
			row.put(column, value);
		}
		tables.get(table).putIfAbsent(row.get("id"), row);
	}

	private static String scalar(JsonNode value) {
		if (value == null || value.isNull() || value.isContainer()) {
			return "";
		}
		return value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asString();
	}

	private String csv(HsdsTables.Table table, List<Map<String, String>> rows) {
		var schema = CsvSchema.builder().addColumns(table.columns(), CsvSchema.ColumnType.STRING).build().withHeader();
		var out = new StringWriter();
		try (var writer = csv.writerFor(Map.class).with(schema).writeValues(out)) {
			for (var row : rows) {
				Map<String, String> escaped = new LinkedHashMap<>();
				row.forEach((column, value) -> escaped.put(column, SpreadsheetCells.escape(value)));
				writer.write(escaped);
			}
		}
		return out.toString();
	}

	/** A Frictionless Data tabular data package describing the CSV files, as HSDS publishes its own. */
	private Map<String, Object> dataPackage(String slug) {
		List<Map<String, Object>> resources = new ArrayList<>();
		for (var table : HsdsTables.WRITTEN) {
			List<Map<String, Object>> fields = new ArrayList<>();
			for (var column : table.columns()) {
				Map<String, Object> field = new LinkedHashMap<>();
				field.put("name", column);
				field.put("type", table.typeOf(column));
				table.formatOf(column).ifPresent(format -> field.put("format", format));
				fields.add(field);
			}
			Map<String, Object> schema = new LinkedHashMap<>();
			schema.put("fields", fields);
			schema.put("primaryKey", "id");
			Map<String, Object> resource = new LinkedHashMap<>();
			resource.put("name", table.name());
			resource.put("path", table.file());
			resource.put("profile", "tabular-data-resource");
			resource.put("format", "csv");
			resource.put("mediatype", "text/csv");
			resource.put("encoding", "utf-8");
			resource.put("schema", schema);
			resources.add(resource);
		}
		Map<String, Object> dataPackage = new LinkedHashMap<>();
		dataPackage.put("name", "helhed-" + slug + "-hsds");
		dataPackage.put("title", "Indsatskatalog som Open Referral HSDS " + Hsds.VERSION);
		dataPackage.put("profile", "tabular-data-package");
		dataPackage.put("homepage", HsdsController.PROFILE);
		dataPackage.put("resources", resources);
		return dataPackage;
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
