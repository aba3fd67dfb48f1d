package dk.helhed.catalog.hsds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.DisallowUnknownKeywordFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.SchemaLoader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official Open Referral HSDS 3.1 JSON schemas, read from the folder {@link HsdsSpecification#folder()} names
 * (default {@code ../shared/hsds-schema} next to the project), for checking real responses against them. Tests that
 * use them carry {@link NeedsHsdsSpecification}.
 * <p>
 * The files declare no {@code $schema}; the specification's {@code openapi.json} declares JSON Schema 2020-12 as
 * its dialect (and the profiles reference requires schemas to be valid 2020-12), so they are read as 2020-12, with
 * {@code format} (uuid, uri, email, date-time) asserted rather than only annotated. Their relative {@code $ref}s
 * resolve against the address the specification publishes them at, which is served from the local folder: the
 * test never goes to the network.
 * <p>
 * Each response is checked twice: against the schemas as published, and against a copy where every object
 * declares {@code additionalProperties: false}. HSDS allows extra fields, but Helhed means to send none, so a
 * misspelt field name fails the second check instead of passing unnoticed.
 */
final class HsdsSchemas {

	/** Where the specification publishes the schemas (branch 3.1); also the base their relative $refs resolve on. */
	static final String BASE = "https://raw.githubusercontent.com/openreferral/specification/3.1/schema/";

	private static final JsonMapper JSON = JsonMapper.builder().build();
	/**
	 * Keywords of the HSDS files that are not JSON Schema but documentation and data-package metadata; any other
	 * unknown keyword is an error, so that a misspelt one cannot quietly disable a check.
	 */
	private static final List<String> HSDS_ANNOTATIONS = List.of("name", "path", "example", "core", "constraints",
			"datapackage_metadata", "datapackage_type", "tabular_required");
	private static final List<String> PAGE_FIELDS = List.of("total_items", "total_pages", "page_number", "size",
			"first_page", "last_page", "empty", "contents");

	private final Path folder;
	private final JsonSchemaFactory official;
	private final JsonSchemaFactory closed;
	private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
		.formatAssertionsEnabled(true)
		.build();

	private HsdsSchemas(Path folder) {
		this.folder = folder;
		this.official = factory(false);
		this.closed = factory(true);
	}

	private static HsdsSchemas loaded;

	/** The schemas, read once per test run; fails saying where to put them when they are missing. */
	static synchronized HsdsSchemas load() {
		if (loaded == null) {
			if (!HsdsSpecification.missing().isEmpty()) {
				throw new IllegalStateException(HsdsSpecification.describeMissing());
			}
			loaded = new HsdsSchemas(HsdsSpecification.folder());
		}
		return loaded;
	}

	/** A schema file of the specification, e.g. {@code compiled/service.json} or {@code taxonomy.json}. */
	Check file(String path) {
		return new Check(path, official.getSchema(SchemaLocation.of(BASE + path), config),
				closed.getSchema(SchemaLocation.of(BASE + path), config));
	}

	/**
	 * A page of a list endpoint: the {@code Page} fields of the specification's {@code openapi.json}, all of them
	 * required (the API reference says a list "must include" them), and {@code contents} holding items of the given
	 * schema file.
	 */
	Check page(String itemPath) {
		var properties = (ObjectNode) read("openapi.json").at("/components/schemas/Page/properties").deepCopy();
		var contents = properties.putObject("contents");
		contents.put("type", "array");
		contents.putObject("items").put("$ref", BASE + itemPath);
		var schema = JSON.createObjectNode();
		schema.put("type", "object");
		var required = schema.putArray("required");
		PAGE_FIELDS.forEach(required::add);
		schema.set("properties", properties);
		return check("page of " + itemPath, schema);
	}

	/**
	 * Helhed's export document: {@code services} as {@code compiled/service_package.json}, {@code organizations} as
	 * {@code compiled/organization_package.json}, {@code taxonomies} and {@code taxonomy_terms} as lists of
	 * {@code taxonomy.json} and {@code taxonomy_term.json}, all of them required, with the HSDS version and profile.
	 */
	Check exportDocument() {
		var schema = JSON.createObjectNode();
		schema.put("type", "object");
		var required = schema.putArray("required");
		List.of("version", "profile", "organizations", "services", "taxonomies", "taxonomy_terms")
			.forEach(required::add);
		var properties = schema.putObject("properties");
		properties.putObject("version").put("type", "string").put("const", "3.1");
		properties.putObject("profile").put("type", "string").put("format", "uri");
		properties.putObject("organizations").put("$ref", BASE + "compiled/organization_package.json");
		properties.putObject("services").put("$ref", BASE + "compiled/service_package.json");
		var taxonomies = properties.putObject("taxonomies");
		taxonomies.put("type", "array");
		taxonomies.putObject("items").put("$ref", BASE + "taxonomy.json");
		var terms = properties.putObject("taxonomy_terms");
		terms.put("type", "array");
		terms.putObject("items").put("$ref", BASE + "taxonomy_term.json");
		return check("Helhed's export document", schema);
	}

	/**
	 * The columns of a table in the CSV form: the properties of its schema file (e.g. {@code service.json}) that
	 * hold one value, in the file's order; nested objects and lists are tables of their own.
	 */
	List<String> columnsOf(String tableFile) {
		var columns = new java.util.ArrayList<String>();
		read(tableFile).get("properties").properties().forEach(property -> {
			var type = property.getValue().path("type").asString("");
			if (List.of("string", "number", "integer", "boolean").contains(type)) {
				columns.add(property.getKey());
			}
		});
		return columns;
	}

	/** The CSV file a table schema names in its {@code path}, e.g. {@code services.csv}. */
	String pathOf(String tableFile) {
		return read(tableFile).get("path").asString();
	}

	/**
	 * A row of the table in the CSV form: only its one-value columns, with the fields required of the table
	 * ({@code required}, less nested objects) and of its tabular form ({@code tabular_required}) required.
	 */
	Check tableRow(String tableFile) {
		var file = (ObjectNode) read(tableFile);
		var columns = columnsOf(tableFile);
		var schema = JSON.createObjectNode();
		schema.put("type", "object");
		var properties = schema.putObject("properties");
		columns.forEach(column -> properties.set(column, file.get("properties").get(column).deepCopy()));
		var required = schema.putArray("required");
		requiredColumnsOf(tableFile).forEach(required::add);
		return check("row of " + tableFile, schema);
	}

	/** The columns a row of the table must have: its required one-value fields and its tabular_required ones. */
	List<String> requiredColumnsOf(String tableFile) {
		var file = read(tableFile);
		var columns = columnsOf(tableFile);
		var required = new java.util.ArrayList<String>();
		file.path("required").forEach(field -> {
			if (columns.contains(field.asString())) {
				required.add(field.asString());
			}
		});
		file.path("tabular_required").forEach(field -> required.add(field.asString()));
		return required;
	}

	/** The answer of {@code GET /} as {@code openapi.json} describes it, with all three fields required. */
	Check apiInfo() {
		var schema = (ObjectNode) read("openapi.json")
			.at("/paths/~1/get/responses/200/content/application~1json/schema")
			.deepCopy();
		var required = schema.putArray("required");
		List.of("version", "profile", "openapi_url").forEach(required::add);
		return check("openapi.json GET /", schema);
	}

	private Check check(String name, ObjectNode schema) {
		var closedSchema = schema.deepCopy();
		close(closedSchema);
		return new Check(name, official.getSchema(schema.toString(), InputFormat.JSON, config),
				closed.getSchema(closedSchema.toString(), InputFormat.JSON, config));
	}

	private JsonSchemaFactory factory(boolean closeObjects) {
		SchemaLoader local = iri -> {
			var address = iri.toString();
			if (!address.startsWith(BASE)) {
				return null;
			}
			var schema = read(address.substring(BASE.length()));
			if (closeObjects) {
				close(schema);
			}
			var bytes = JSON.writeValueAsBytes(schema);
			return () -> new ByteArrayInputStream(bytes);
		};
		var dialect = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
			.keywords(HSDS_ANNOTATIONS.stream().map(AnnotationKeyword::new).toList())
			.unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
			.build();
		return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder.metaSchema(dialect)
			.schemaLoaders(loaders -> loaders.values(list -> list.addFirst(local))));
	}

	private JsonNode read(String path) {
		var file = folder.resolve(path).normalize();
		if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
			throw new IllegalStateException("No HSDS schema file " + path + " in " + folder);
		}
		try {
			return JSON.readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Declares {@code additionalProperties: false} on every object schema, following only schema keywords. */
	private static void close(JsonNode node) {
		if (!(node instanceof ObjectNode schema)) {
			return;
		}
		if (schema.get("properties") instanceof ObjectNode properties) {
			if (!schema.has("additionalProperties")) {
				schema.put("additionalProperties", false);
			}
			properties.properties().forEach(property -> close(property.getValue()));
		}
		close(schema.get("items"));
		for (var combination : List.of("allOf", "anyOf", "oneOf")) {
			if (schema.get(combination) instanceof ArrayNode parts) {
				parts.forEach(HsdsSchemas::close);
			}
		}
	}

	/** One schema, as published and closed. */
	record Check(String name, JsonSchema official, JsonSchema closed) {

		/** Fails with every problem found, naming the response ({@code what}) and the schema. */
		void assertValid(String what, String json) {
			var problems = official.validate(json, InputFormat.JSON);
			if (!problems.isEmpty()) {
				throw new AssertionError(what + " does not conform to the HSDS schema " + name + ":\n"
						+ describe(problems) + "\n" + abbreviate(json));
			}
			var undeclared = closed.validate(json, InputFormat.JSON);
			if (!undeclared.isEmpty()) {
				throw new AssertionError(what + " has fields the HSDS schema " + name + " does not declare:\n"
						+ describe(undeclared) + "\n" + abbreviate(json));
			}
		}

		private static String describe(java.util.Set<ValidationMessage> problems) {
			return problems.stream().map(problem -> "  " + problem).sorted().collect(Collectors.joining("\n"));
		}

		private static String abbreviate(String json) {
			return json.length() > 4000 ? json.substring(0, 4000) + "…" : json;
		}
	}
}
