package dk.helhed.catalog.hsds;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads an uploaded file into an {@link ImportPackage}, refusing what cannot be read safely: empty files, files
 * over the size limit, types other than JSON or zip, text that is not UTF-8, malformed JSON or CSV, zips with too
 * many files or too much content once unpacked. Accepts every form an HSDS catalog comes in: Helhed's export
 * document, a list of services or organizations, one service or organization (as the specification's examples), the
 * tables as JSON (as {@code examples/tabular.json} and {@code compiled/tabular.json}) and the CSV tables in a zip.
 */
final class HsdsFileReader {

	/** What browsers and tools send for .json and .zip files; anything else (an image, a web page) is refused. */
	private static final Set<String> ACCEPTED_TYPES = Set.of("application/json", "text/json", "text/plain",
			"application/zip", "application/x-zip-compressed", "application/x-zip", "multipart/x-zip",
			"application/octet-stream", "binary/octet-stream");
	private static final int MAX_ROWS = 200_000;

	/** How many values that look like spreadsheet formulas the report names; more would drown it. */
	private static final int MAX_FORMULA_NOTES = 20;

	private final HsdsImportSettings settings;
	private final JsonMapper json = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(
					StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build())
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();
	private final CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

	HsdsFileReader(HsdsImportSettings settings) {
		this.settings = settings;
	}

	/**
	 * @param contentType the type the browser declared, if any
	 * @throws ImportRefused if the file cannot be read at all
	 */
	ImportPackage read(String contentType, byte[] bytes, ImportProblems problems) {
		if (bytes == null || bytes.length == 0) {
			throw new ImportRefused("Filen er tom.");
		}
		if (bytes.length > settings.maxFileSize().toBytes()) {
			throw new ImportRefused(
					"Filen er for stor. Den må højst fylde " + megabytes(settings.maxFileSize().toBytes()) + ".");
		}
		var type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
		if (!type.isEmpty() && !ACCEPTED_TYPES.contains(type)) {
			throw new ImportRefused("Filen er af typen »" + ImportItem.abbreviate(type, 60) + "«. Vælg en HSDS-fil: "
					+ "et JSON-dokument (.json) eller HSDS-tabellerne som CSV i en zip-fil (.zip).");
		}
		ImportPackage file;
		if (isZip(bytes)) {
			file = zip(bytes, problems);
		}
		else {
			var text = utf8(bytes, "Filen");
			var start = text.stripLeading();
			if (!start.startsWith("{") && !start.startsWith("[")) {
				throw new ImportRefused(
						"Filen er hverken et HSDS-dokument i JSON eller en zip-fil med HSDS-tabeller i CSV.");
			}
			file = json(text, problems);
		}
		if (file.services().size() > settings.maxServices()) {
			throw new ImportRefused("Filen har " + file.services().size() + " indsatser; der kan højst importeres "
					+ settings.maxServices() + " ad gangen.");
		}
		return file;
	}

	private static boolean isZip(byte[] bytes) {
		return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && (bytes[2] == 3 || bytes[2] == 5)
				&& (bytes[3] == 4 || bytes[3] == 6);
	}

	private static String utf8(byte[] bytes, String what) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			var text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new ImportRefused(what + " er ikke gemt som UTF-8. Gem den som UTF-8 (i Excel: »CSV UTF-8«), og "
					+ "prøv igen.");
		}
	}

	// JSON

	private ImportPackage json(String text, ImportProblems problems) {
		JsonNode root;
		try {
			root = json.readTree(text);
		}
		catch (StreamConstraintsException ex) {
			throw new ImportRefused("Filen går ud over grænserne for et JSON-dokument (for dybt indlejret eller med "
					+ "for lange tekster).");
		}
		catch (JacksonException ex) {
			var location = ex.getLocation();
			var where = location == null || location.getLineNr() < 1 ? ""
					: " (linje " + location.getLineNr() + ", kolonne " + location.getColumnNr() + ")";
			var duplicate = ex.getOriginalMessage() != null && ex.getOriginalMessage().startsWith("Duplicate");
			throw new ImportRefused(duplicate ? "Filen har den samme nøgle to gange i ét objekt" + where + "."
					: "Filen er ikke gyldig JSON" + where + ".");
		}
		var reader = new NestedReader(problems);
		if (root instanceof ArrayNode array) {
			boolean organizations = array.valueStream().anyMatch(element -> element.has("services"));
			for (int i = 0; i < array.size(); i++) {
				if (organizations) {
					reader.organization(array.get(i), "[" + i + "]");
				}
				else {
					reader.service(array.get(i), "[" + i + "]", null);
				}
			}
			return reader.result();
		}
		if (!(root instanceof ObjectNode object)) {
			throw new ImportRefused("Filen er ikke et HSDS-dokument.");
		}
		var keys = object.propertyNames();
		if (keys.stream().anyMatch(key -> key.endsWith(".csv"))) {
			return tabular(object, key -> key, problems);
		}
		if (object.has("services") && !object.has("id")) {
			reader.lookups(object.get("organizations"), "organizations", "organization");
			reader.lookups(object.get("taxonomy_terms"), "taxonomy_terms", "taxonomy_term");
			var services = object.get("services");
			if (!(services instanceof ArrayNode list)) {
				throw new ImportRefused("Feltet services i filen skal være en liste af indsatser.");
			}
			for (int i = 0; i < list.size(); i++) {
				reader.service(list.get(i), "services[" + i + "]", null);
			}
			return reader.result();
		}
		if (!object.has("id") && keys.stream().anyMatch(key -> HsdsTables.fileOf(key).isPresent())) {
			return tabular(object, key -> HsdsTables.fileOf(key).orElse(key), problems);
		}
		if (object.has("id") && object.has("services")) {
			reader.organization(object, "organization");
			return reader.result();
		}
		if (object.has("id")) {
			reader.service(object, "service", null);
			return reader.result();
		}
		throw new ImportRefused("Filen ligner ikke et HSDS-dokument: den har hverken indsatser (services), en "
				+ "indsats eller HSDS-tabeller.");
	}

	/** The tables as JSON: each key a table (as its file name or its table name), each value a list of rows. */
	private ImportPackage tabular(ObjectNode root, Function<String, String> fileOf, ImportProblems problems) {
		Map<String, List<ImportItem>> tables = new LinkedHashMap<>();
		for (var entry : root.properties()) {
			var file = fileOf.apply(entry.getKey());
			if (!(entry.getValue() instanceof ArrayNode rows)) {
				throw new ImportRefused("Tabellen " + ImportItem.abbreviate(entry.getKey(), 60)
						+ " i filen skal være en liste af rækker.");
			}
			var table = tableName(file);
			List<ImportItem> items = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				var where = ImportItem.abbreviate(entry.getKey(), 60) + "[" + i + "]";
				if (rows.get(i) instanceof ObjectNode row) {
					items.add(new ImportItem(table, where, row));
				}
				else {
					problems.error(where + ": rækken skal være et objekt.");
				}
			}
			tables.put(file, items);
		}
		return tables(tables, problems, new ArrayList<>());
	}

	/** Reads nested HSDS objects (services with their contacts, schedules, ...) as the compiled schemas shape them. */
	static final class NestedReader {

		private final ImportProblems problems;
		private final List<ImportPackage.ServiceRecord> services = new ArrayList<>();
		private final Map<String, ImportItem> organizations = new LinkedHashMap<>();
		private final Map<String, ImportItem> terms = new LinkedHashMap<>();

		NestedReader(ImportProblems problems) {
			this.problems = problems;
		}

		ImportPackage result() {
			return new ImportPackage(List.copyOf(services), organizations, terms, List.of());
		}

		void lookups(JsonNode list, String where, String table) {
			if (list == null || list.isNull()) {
				return;
			}
			if (!(list instanceof ArrayNode array)) {
				problems.error("Feltet " + where + " i filen skal være en liste.");
				return;
			}
			for (int i = 0; i < array.size(); i++) {
				if (array.get(i) instanceof ObjectNode node) {
					remember(table.equals("organization") ? organizations : terms,
							new ImportItem(table, where + "[" + i + "]", node));
				}
			}
		}

		void organization(JsonNode node, String where) {
			if (!(node instanceof ObjectNode object)) {
				problems.error(where + ": organisationen skal være et objekt.");
				return;
			}
			var organization = new ImportItem("organization", where, object);
			remember(organizations, organization);
			var list = object.get("services");
			if (list instanceof ArrayNode array) {
				for (int i = 0; i < array.size(); i++) {
					service(array.get(i), where + ".services[" + i + "]", organization);
				}
			}
		}

		void service(JsonNode node, String where, ImportItem parent) {
			if (!(node instanceof ObjectNode object)) {
				problems.error(where + ": indsatsen skal være et objekt.");
				return;
			}
			services.add(record(object, where, parent));
		}

		/** One service, nested as {@code compiled/service.json} describes it. */
		ImportPackage.ServiceRecord record(ObjectNode object, String where, ImportItem parent) {
			var service = new ImportItem("service", where, object);
			var organization = parent;
			if (object.get("organization") instanceof ObjectNode nested) {
				organization = new ImportItem("organization", where + ".organization", nested);
				remember(organizations, organization);
			}
			service.ignore("organization");
			var phones = list(service, "phones", "phone");
			var schedules = list(service, "schedules", "schedule");
			var costs = list(service, "cost_options", "cost_option");
			List<ImportPackage.Place> places = null;
			var placeItems = list(service, "service_at_locations", "service_at_location");
			if (placeItems != null) {
				places = new ArrayList<>();
				for (var place : placeItems) {
					ImportItem location = null;
					List<ImportItem> addresses = List.of();
					if (place.node().get("location") instanceof ObjectNode locationNode) {
						location = new ImportItem("location", place.where() + ".location", locationNode);
						var listed = list(location, "addresses", "address");
						addresses = listed == null ? List.of() : listed;
					}
					place.ignore("location");
					places.add(new ImportPackage.Place(place, location, addresses));
				}
			}
			List<ImportPackage.Contact> contacts = null;
			var contactItems = list(service, "contacts", "contact");
			if (contactItems != null) {
				contacts = new ArrayList<>();
				for (var contact : contactItems) {
					var contactPhones = list(contact, "phones", "phone");
					contacts.add(new ImportPackage.Contact(contact, contactPhones == null ? List.of() : contactPhones));
				}
			}
			List<ImportPackage.Capacity> capacities = null;
			var capacityItems = list(service, "capacities", "service_capacity");
			if (capacityItems != null) {
				capacities = new ArrayList<>();
				for (var capacity : capacityItems) {
					ImportItem unit = null;
					if (capacity.node().get("unit") instanceof ObjectNode unitNode) {
						unit = new ImportItem("unit", capacity.where() + ".unit", unitNode);
					}
					capacity.ignore("unit");
					capacities.add(new ImportPackage.Capacity(capacity, unit));
				}
			}
			List<ImportPackage.Attribute> attributes = null;
			var attributeItems = list(service, "attributes", "attribute");
			if (attributeItems != null) {
				attributes = new ArrayList<>();
				for (var attribute : attributeItems) {
					ImportItem term = null;
					if (attribute.node().get("taxonomy_term") instanceof ObjectNode termNode) {
						term = new ImportItem("taxonomy_term", attribute.where() + ".taxonomy_term", termNode);
						remember(terms, term);
					}
					attribute.ignore("taxonomy_term");
					attributes.add(new ImportPackage.Attribute(attribute, term));
				}
			}
			return new ImportPackage.ServiceRecord(service, organization, phones, schedules, places, costs, contacts,
					capacities, attributes);
		}

		/** The nested list, or null if the object does not have it. */
		private List<ImportItem> list(ImportItem owner, String field, String table) {
			if (!owner.has(field) || owner.node().get(field).isNull()) {
				return null;
			}
			if (!(owner.node().get(field) instanceof ArrayNode array)) {
				problems.field(owner, field, "skal være en liste");
				return List.of();
			}
			List<ImportItem> items = new ArrayList<>();
			for (int i = 0; i < array.size(); i++) {
				var where = owner.where() + "." + field + "[" + i + "]";
				if (array.get(i) instanceof ObjectNode node) {
					items.add(new ImportItem(table, where, node));
				}
				else {
					problems.error(where + ": skal være et objekt.");
				}
			}
			return items;
		}

		private static void remember(Map<String, ImportItem> byId, ImportItem item) {
			var id = item.rawId();
			if (id != null) {
				byId.putIfAbsent(id, item);
			}
		}
	}

	// Zip with CSV tables

	private ImportPackage zip(byte[] bytes, ImportProblems problems) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		List<String> notes = new ArrayList<>();
		var limit = settings.maxUnpackedSize().toBytes();
		long unpacked = 0;
		int entries = 0;
		try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (++entries > settings.maxZipEntries()) {
					throw new ImportRefused("Zip-filen indeholder for mange filer. Den må højst indeholde "
							+ settings.maxZipEntries() + ".");
				}
				var name = entry.getName();
				var base = name.substring(name.lastIndexOf('/') + 1);
				boolean skipped = entry.isDirectory() || base.isEmpty() || base.startsWith(".")
						|| name.startsWith("__MACOSX/");
				// Count what is actually unpacked, of every entry: the sizes a zip declares can lie, and the next
				// entry is reached only by inflating this one, kept or skipped (issue 8, finding 13).
				var content = skipped ? null : new ByteArrayOutputStream();
				var buffer = new byte[8192];
				for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
					unpacked += read;
					if (unpacked > limit) {
						throw new ImportRefused("Zip-filen fylder for meget, når den pakkes ud. Den må højst fylde "
								+ megabytes(limit) + " udpakket.");
					}
					if (content != null) {
						content.write(buffer, 0, read);
					}
				}
				if (skipped) {
					continue;
				}
				var file = base.toLowerCase(Locale.ROOT);
				if (files.containsKey(file)) {
					throw new ImportRefused("Zip-filen indeholder " + ImportItem.abbreviate(base, 60) + " to gange.");
				}
				files.put(file, content.toByteArray());
			}
		}
		catch (ZipException ex) {
			throw new ImportRefused("Zip-filen er beskadiget eller kan ikke læses (fx fordi den er krypteret).");
		}
		catch (IOException ex) {
			throw new ImportRefused("Zip-filen kan ikke læses.");
		}
		if (!files.containsKey("services.csv")) {
			throw new ImportRefused("Zip-filen indeholder ingen services.csv. Læg HSDS-tabellerne (services.csv, "
					+ "organizations.csv, ...) i zip-filen, og prøv igen.");
		}
		Map<String, List<ImportItem>> tables = new LinkedHashMap<>();
		List<String> unreadable = new ArrayList<>();
		int[] rows = { 0 };
		for (var file : files.entrySet()) {
			var name = file.getKey();
			if (name.equals("datapackage.json")) {
				continue; // describes the tables; the import reads them by their HSDS file names
			}
			if (!name.endsWith(".csv")) {
				notes.add(ImportItem.abbreviate(name, 60) + " er ikke en CSV-tabel og er ikke læst.");
				continue;
			}
			try {
				tables.put(name, csv(name, utf8(file.getValue(), name), rows, unreadable, notes));
			}
			catch (ImportRefused ex) {
				unreadable.addAll(ex.problems());
			}
		}
		if (!unreadable.isEmpty()) {
			throw new ImportRefused(unreadable);
		}
		return tables(tables, problems, notes);
	}

	/** A CSV table as records, one per row after the header; {@code række 2} is the first row after the header. */
	private List<ImportItem> csv(String file, String text, int[] rows, List<String> unreadable, List<String> notes) {
		var table = tableName(file);
		List<ImportItem> items = new ArrayList<>();
		try (var iterator = csv.readerFor(String[].class).readValues(text)) {
			if (!iterator.hasNext()) {
				return items;
			}
			var header = ((String[]) iterator.next()).clone();
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < header.length; i++) {
				header[i] = header[i].strip();
				if (header[i].isEmpty() || !seen.add(header[i])) {
					unreadable.add(file + ": overskriften har en tom kolonne eller den samme kolonne to gange ("
							+ ImportItem.abbreviate(header[i], 40) + ").");
					return items;
				}
			}
			int row = 1;
			int formulaNotes = 0;
			while (iterator.hasNext()) {
				var values = (String[]) iterator.next();
				row++;
				if (++rows[0] > MAX_ROWS) {
					throw new ImportRefused("Zip-filens tabeller har tilsammen over " + MAX_ROWS + " rækker.");
				}
				if (values.length == 0 || (values.length == 1 && values[0].isBlank())) {
					continue;
				}
				if (values.length > header.length) {
					unreadable.add(file + ", række " + row + ": rækken har " + values.length
							+ " felter, men overskriften kun " + header.length + ".");
					continue;
				}
				var node = JsonNodeFactory.instance.objectNode();
				for (int i = 0; i < values.length; i++) {
					var value = SpreadsheetCells.unescape(values[i]);
					if (SpreadsheetCells.looksLikeFormula(values[i]) && formulaNotes < MAX_FORMULA_NOTES) {
						formulaNotes++;
						notes.add(file + ", række " + row + ", " + ImportItem.abbreviate(header[i], 40)
								+ ": værdien begynder med =, +, -, @, tabulator eller linjeskift og kan blive læst som en "
								+ "formel, når den åbnes i et regneark. Kontrollér værdien; eksporten skriver den med "
								+ "en apostrof foran.");
					}
					node.put(header[i], value);
				}
				items.add(new ImportItem(table, file + ", række " + row, node));
			}
		}
		catch (JacksonException ex) {
			var location = ex.getLocation();
			unreadable.add(file + " er ikke gyldig CSV"
					+ (location == null || location.getLineNr() < 1 ? "" : " (linje " + location.getLineNr() + ")")
					+ ".");
		}
		return items;
	}

	/**
	 * Joins the tables into services with what belongs to them, by the ids that link the rows ({@code service_id},
	 * {@code contact_id}, {@code location_id}, {@code unit_id}, {@code link_id}). A table that is missing leaves that
	 * part of the services out of the import; rows that belong to no service in the file are left out with a note.
	 */
	private ImportPackage tables(Map<String, List<ImportItem>> tables, ImportProblems problems, List<String> notes) {
		var services = tables.get("services.csv");
		if (services == null) {
			throw new ImportRefused("Filen har ingen tabel med indsatser (services).");
		}
		var organizations = byId(tables.get("organizations.csv"));
		var terms = byId(tables.get("taxonomy_terms.csv"));
		var locations = byId(tables.get("locations.csv"));
		var units = byId(tables.get("units.csv"));
		var addresses = by(tables.get("addresses.csv"), "location_id");
		var phonesByService = by(tables.get("phones.csv"), "service_id");
		var phonesByContact = by(tables.get("phones.csv"), "contact_id");
		var contacts = by(tables.get("contacts.csv"), "service_id");
		var schedules = by(tables.get("schedules.csv"), "service_id");
		var costs = by(tables.get("cost_options.csv"), "service_id");
		var capacities = by(tables.get("service_capacity.csv"), "service_id");
		var attributes = by(tables.get("attributes.csv"), "link_id");
		var places = by(tables.get("service_at_location.csv"), "service_id");

		Set<String> serviceIds = new HashSet<>();
		Set<String> contactIds = new HashSet<>();
		List<ImportPackage.ServiceRecord> records = new ArrayList<>();
		for (var service : services) {
			var id = service.rawId() == null ? "" : service.rawId();
			serviceIds.add(id);
			var organizationId = text(service, "organization_id");
			var contactList = tables.containsKey("contacts.csv") ? contacts.getOrDefault(id, List.<ImportItem>of())
				.stream()
				.map(contact -> {
					contactIds.add(contact.rawId() == null ? "" : contact.rawId());
					return new ImportPackage.Contact(contact,
							phonesByContact.getOrDefault(contact.rawId() == null ? "" : contact.rawId(), List.of()));
				})
				.toList() : null;
			var placeList = tables.containsKey("service_at_location.csv") ? places.getOrDefault(id, List.of())
				.stream()
				.map(place -> {
					var location = locations.get(text(place, "location_id"));
					return new ImportPackage.Place(place, location,
							location == null ? List.of() : addresses.getOrDefault(location.rawId(), List.of()));
				})
				.toList() : null;
			var capacityList = tables.containsKey("service_capacity.csv") ? capacities.getOrDefault(id, List.of())
				.stream()
				.map(capacity -> new ImportPackage.Capacity(capacity, units.get(text(capacity, "unit_id"))))
				.toList() : null;
			var attributeList = tables.containsKey("attributes.csv") ? attributes.getOrDefault(id, List.of())
				.stream()
				.map(attribute -> new ImportPackage.Attribute(attribute,
						terms.get(text(attribute, "taxonomy_term_id"))))
				.toList() : null;
			records.add(new ImportPackage.ServiceRecord(service,
					organizationId == null ? null : organizations.get(organizationId),
					tables.containsKey("phones.csv") ? phonesByService.getOrDefault(id, List.of()) : null,
					tables.containsKey("schedules.csv") ? schedules.getOrDefault(id, List.of()) : null, placeList,
					tables.containsKey("cost_options.csv") ? costs.getOrDefault(id, List.of()) : null, contactList,
					capacityList, attributeList));
		}
		orphans(notes, tables, "contacts.csv", "service_id", serviceIds);
		orphans(notes, tables, "schedules.csv", "service_id", serviceIds);
		orphans(notes, tables, "cost_options.csv", "service_id", serviceIds);
		orphans(notes, tables, "service_capacity.csv", "service_id", serviceIds);
		orphans(notes, tables, "service_at_location.csv", "service_id", serviceIds);
		orphans(notes, tables, "attributes.csv", "link_id", serviceIds);
		var phones = tables.get("phones.csv");
		if (phones != null) {
			long orphaned = phones.stream()
				.filter(phone -> !serviceIds.contains(nullToEmpty(text(phone, "service_id")))
						&& !contactIds.contains(nullToEmpty(text(phone, "contact_id"))))
				.count();
			if (orphaned > 0) {
				notes.add("phones.csv: " + rows(orphaned) + " hører hverken til en indsats eller en kontaktperson i "
						+ "filen og er ikke importeret.");
			}
		}
		for (var table : tables.entrySet()) {
			var file = table.getKey();
			if (table.getValue().isEmpty()) {
				continue;
			}
			if (HsdsTables.NOT_HELD.containsKey(file)) {
				notes.add(file + ": Helhed har ikke plads til " + HsdsTables.NOT_HELD.get(file) + "; "
						+ rows(table.getValue().size()) + " er ikke importeret.");
			}
			else if (file.equals("languages.csv")) {
				var others = table.getValue()
					.stream()
					.filter(language -> !"da".equalsIgnoreCase(nullToEmpty(text(language, "code"))))
					.count();
				if (others > 0) {
					notes.add("languages.csv: Helhed beskriver indsatserne på dansk og gemmer ikke andre sprog; "
							+ rows(others) + " er ikke importeret.");
				}
			}
			else if (HsdsTables.byFile(file).isEmpty()) {
				notes.add(ImportItem.abbreviate(file, 60) + " er ikke en HSDS-tabel og er ikke læst.");
			}
		}
		return new ImportPackage(records, organizations, terms, notes);
	}

	private static void orphans(List<String> notes, Map<String, List<ImportItem>> tables, String file, String link,
			Set<String> serviceIds) {
		var rows = tables.get(file);
		if (rows == null) {
			return;
		}
		var orphaned = rows.stream().filter(row -> !serviceIds.contains(nullToEmpty(text(row, link)))).count();
		if (orphaned > 0) {
			notes.add(file + ": " + rows(orphaned) + " hører ikke til en indsats i filen og er ikke importeret.");
		}
	}

	private static String rows(long count) {
		return count == 1 ? "1 række" : count + " rækker";
	}

	private static Map<String, ImportItem> byId(List<ImportItem> rows) {
		Map<String, ImportItem> byId = new HashMap<>();
		if (rows != null) {
			rows.forEach(row -> {
				if (row.rawId() != null) {
					byId.putIfAbsent(row.rawId(), row);
				}
			});
		}
		return byId;
	}

	private static Map<String, List<ImportItem>> by(List<ImportItem> rows, String link) {
		Map<String, List<ImportItem>> grouped = new HashMap<>();
		if (rows != null) {
			for (var row : rows) {
				var value = text(row, link);
				if (value != null) {
					grouped.computeIfAbsent(value, key -> new ArrayList<>()).add(row);
				}
			}
		}
		return grouped;
	}

	/** A link field's value as text, without marking it read (the import reads it again where it uses it). */
	private static String text(ImportItem item, String field) {
		var value = item.node().get(field);
		return value == null || !value.isValueNode() || value.asString().isBlank() ? null : value.asString().strip();
	}

	private static String tableName(String file) {
		return HsdsTables.byFile(file)
			.map(HsdsTables.Table::name)
			.orElse(HsdsTables.NOT_HELD.getOrDefault(file, file.replaceFirst("\\.csv$", "")));
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	private static String megabytes(long bytes) {
		var megabytes = bytes / (1024.0 * 1024.0);
		return megabytes == Math.rint(megabytes) ? (long) megabytes + " MB"
				: String.format(Locale.of("da"), "%.1f MB", megabytes);
	}
}
