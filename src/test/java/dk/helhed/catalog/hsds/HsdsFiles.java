package dk.helhed.catalog.hsds;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Test support for HSDS files: reading and writing zips of CSV tables, the specification's own example files, and
 * comparing two exports with their municipality-specific parts (ids, names, addresses of pages) set aside.
 */
final class HsdsFiles {

	static final JsonMapper JSON = JsonMapper.builder().build();
	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private HsdsFiles() {
	}

	/** The folder of the specification's example files (next to the project, like the schemas). */
	static Path examples() {
		return HsdsSpecification.examples();
	}

	static byte[] example(String file) {
		try {
			return Files.readAllBytes(examples().resolve(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The specification's example package: every file of {@code examples/csv}, zipped as a user would. */
	static byte[] exampleCsvZip() {
		try (var files = Files.list(examples().resolve("csv"))) {
			Map<String, byte[]> entries = new LinkedHashMap<>();
			for (var file : files.sorted().toList()) {
				entries.put("csv/" + file.getFileName(), Files.readAllBytes(file));
			}
			return zip(entries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] zip(Map<String, byte[]> entries) {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			for (var entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static Map<String, byte[]> unzip(byte[] zip) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return entries;
	}

	/** A CSV table: its header, then each row by column. */
	record Table(List<String> header, List<Map<String, String>> rows) {
	}

	static Table csv(byte[] bytes) {
		List<String[]> lines = new ArrayList<>();
		try (var iterator = CSV.readerFor(String[].class).<String[]>readValues(new String(bytes, StandardCharsets.UTF_8))) {
			iterator.forEachRemaining(lines::add);
		}
		var header = List.of(lines.getFirst());
		List<Map<String, String>> rows = new ArrayList<>();
		for (var line : lines.subList(1, lines.size())) {
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), i < line.length ? line[i] : "");
			}
			rows.add(row);
		}
		return new Table(header, rows);
	}

	/** Writes a CSV table with the columns in the given order; values are quoted where CSV needs it. */
	static byte[] csv(List<String> header, List<List<String>> rows) {
		var text = new StringBuilder(String.join(",", header)).append('\n');
		for (var row : rows) {
			text.append(String.join(",", row.stream().map(HsdsFiles::quoted).toList())).append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String quoted(String value) {
		return value.contains(",") || value.contains("\"") || value.contains("\n")
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	static JsonNode json(byte[] bytes) {
		return JSON.readTree(bytes);
	}

	static byte[] bytes(JsonNode node) {
		return JSON.writeValueAsBytes(node);
	}

	/**
	 * Differences between two HSDS documents, path by path, after setting aside what differs between municipalities
	 * by necessity: ids may differ as long as each id of the one stands for the same id of the other everywhere (a
	 * one-to-one mapping), the given texts are replaced in the second document, and the given fields are left out.
	 */
	static List<String> differences(JsonNode expected, JsonNode actual, Map<String, String> replacements,
			List<String> ignoredFields) {
		var comparison = new Comparison(replacements, ignoredFields);
		comparison.compare("", expected, actual);
		return comparison.differences;
	}

	private static final class Comparison {

		final Map<String, String> replacements;
		final List<String> ignored;
		final Map<String, String> forward = new HashMap<>();
		final Map<String, String> backward = new HashMap<>();
		final List<String> differences = new ArrayList<>();

		Comparison(Map<String, String> replacements, List<String> ignored) {
			this.replacements = replacements;
			this.ignored = ignored;
		}

		void compare(String path, JsonNode expected, JsonNode actual) {
			if (expected instanceof ObjectNode a && actual instanceof ObjectNode b) {
				var names = new java.util.TreeSet<String>();
				a.propertyNames().forEach(names::add);
				b.propertyNames().forEach(names::add);
				for (var name : names) {
					if (ignored.contains(name)) {
						continue;
					}
					if (!a.has(name) || !b.has(name)) {
						differences.add(path + "." + name + ": only in " + (a.has(name) ? "the first" : "the second"));
						continue;
					}
					compare(path + "." + name, a.get(name), b.get(name));
				}
			}
			else if (expected instanceof ArrayNode a && actual instanceof ArrayNode b) {
				if (a.size() != b.size()) {
					differences.add(path + ": " + a.size() + " against " + b.size() + " elements");
					return;
				}
				Iterator<JsonNode> left = a.values().iterator();
				Iterator<JsonNode> right = b.values().iterator();
				for (int i = 0; left.hasNext(); i++) {
					compare(path + "[" + i + "]", left.next(), right.next());
				}
			}
			else if (expected != null && actual != null && expected.isString() && actual.isString()
					&& UUID_TEXT.matcher(expected.asString()).matches()
					&& UUID_TEXT.matcher(actual.asString()).matches()) {
				var a = expected.asString();
				var b = actual.asString();
				var mapped = forward.putIfAbsent(a, b);
				var reverse = backward.putIfAbsent(b, a);
				if ((mapped != null && !mapped.equals(b)) || (reverse != null && !reverse.equals(a))) {
					differences.add(path + ": id " + a + " stands for " + mapped + " elsewhere, here for " + b);
				}
			}
			else if (expected != null && actual != null && expected.isString() && actual.isString()) {
				var b = actual.asString();
				for (var replacement : replacements.entrySet()) {
					b = b.replace(replacement.getKey(), replacement.getValue());
				}
				if (!expected.asString().equals(b)) {
					differences.add(path + ": »" + expected.asString() + "« against »" + actual.asString() + "«");
				}
			}
			else if (!java.util.Objects.equals(expected, actual)) {
				differences.add(path + ": " + expected + " against " + actual);
			}
		}
	}
}
