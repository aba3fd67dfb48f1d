package dk.helhed.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The feeder files a load run reads (docs/scale.md, "Load harness"): {@code staff.csv}, {@code citizens.csv},
 * {@code services.csv} and {@code queries.csv} in one folder, written by the synthetic-data generator or the small
 * {@code demo} set in {@code src/load/feeders/demo}. Every feeder is endless and random, so any number of virtual users
 * can draw from it.
 */
final class LoadData {

	enum Kind {
		CASEWORKER, DATA_PROTECTION_OFFICER, CATALOG_EDITOR, UNIT_EDITOR, OTHER
	}

	private final Path folder;
	private final List<Map<String, Object>> staff;
	private final List<Map<String, Object>> citizens;
	private final List<Map<String, Object>> services;
	private final List<Map<String, Object>> queries;

	LoadData(Path folder) {
		this.folder = folder;
		this.staff = read("staff.csv", "username", "password", "municipality_slug", "unit_key", "role");
		this.citizens = read("citizens.csv", "username", "cpr", "citizen_id", "municipality_slug");
		this.services = read("services.csv", "service_id", "municipality_slug", "slug_or_path");
		this.queries = read("queries.csv", "query");
		var passwords = staff.stream()
			.collect(Collectors.toMap(row -> row.get("username"), row -> row.get("password"), (a, b) -> a));
		// A citizen row names its caseworker; the password comes from staff.csv (rows without one are left out).
		citizens.removeIf(row -> !passwords.containsKey(row.get("username")));
		citizens.forEach(row -> row.put("password", passwords.get(row.get("username"))));
		services.forEach(row -> row.put("service_path", servicePath(row)));
	}

	/** Which role a staff row stands for: the role enum's name ({@code CASEWORKER}), or a short form ({@code dpo}). */
	static Kind kind(Object role) {
		var name = String.valueOf(role).strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		return switch (name) {
			case "CASEWORKER", "CASE_WORKER", "TEAM_LEAD" -> Kind.CASEWORKER;
			case "DATA_PROTECTION_OFFICER", "DPO" -> Kind.DATA_PROTECTION_OFFICER;
			case "CATALOG_EDITOR", "EDITOR" -> Kind.CATALOG_EDITOR;
			case "UNIT_EDITOR" -> Kind.UNIT_EDITOR;
			default -> Kind.OTHER;
		};
	}

	Path folder() {
		return folder;
	}

	/** A caseworker with a CPR number their unit has an own case for (citizens.csv, password from staff.csv). */
	Iterator<Map<String, Object>> caseworkers() {
		return random(require(citizens, "citizens.csv with caseworkers that staff.csv lists"));
	}

	Iterator<Map<String, Object>> dataProtectionOfficers() {
		var officers = staffOf(Kind.DATA_PROTECTION_OFFICER);
		var actors = staff.stream().filter(row -> kind(row.get("role")) == Kind.CASEWORKER).toList();
		var cprs = citizens;
		return new Iterator<>() {
			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public Map<String, Object> next() {
				var officer = new LinkedHashMap<>(pick(officers));
				var slug = officer.get("municipality_slug");
				officer.put("actor", pick(sameMunicipality(actors, slug, staff)).get("username"));
				officer.put("search_cpr", pick(sameMunicipality(cprs, slug, cprs)).get("cpr"));
				return officer;
			}
		};
	}

	/** Whether staff.csv has a unit editor in a municipality that has a catalog editor (see {@link #editorPairs}). */
	boolean hasEditorPairs() {
		return !proposers().isEmpty();
	}

	private List<Map<String, Object>> proposers() {
		var editors = staff.stream().filter(row -> kind(row.get("role")) == Kind.CATALOG_EDITOR).toList();
		return staff.stream()
			.filter(row -> kind(row.get("role")) == Kind.UNIT_EDITOR)
			.filter(row -> editors.stream().anyMatch(editor -> editor.get("municipality_slug").equals(row.get("municipality_slug"))))
			.toList();
	}

	/** A unit editor who proposes a change, and a catalog editor of the same municipality who decides it. */
	Iterator<Map<String, Object>> editorPairs() {
		var editors = staffOf(Kind.CATALOG_EDITOR);
		var proposers = require(proposers(), "staff.csv: a UNIT_EDITOR in a municipality that has a CATALOG_EDITOR");
		return new Iterator<>() {
			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public Map<String, Object> next() {
				var proposer = pick(proposers);
				var editor = pick(sameMunicipality(editors, proposer.get("municipality_slug"), editors));
				Map<String, Object> pair = new LinkedHashMap<>();
				pair.put("proposer", proposer.get("username"));
				pair.put("proposer_password", proposer.get("password"));
				pair.put("editor", editor.get("username"));
				pair.put("editor_password", editor.get("password"));
				return pair;
			}
		};
	}

	/** A citizen on the public pages: a plain-Danish query and a service page to open, in one municipality. */
	Iterator<Map<String, Object>> visitors() {
		require(services, "services.csv");
		require(queries, "queries.csv");
		return new Iterator<>() {
			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public Map<String, Object> next() {
				var visit = new LinkedHashMap<>(pick(services));
				visit.put("query", pick(queries).get("query"));
				return visit;
			}
		};
	}

	/** The municipalities with a catalog (from services.csv), for the HSDS clients and the floor. */
	Iterator<Map<String, Object>> municipalities() {
		var slugs = services.stream().map(row -> row.get("municipality_slug")).distinct()
			.map(slug -> Map.<String, Object>of("municipality_slug", slug)).toList();
		return random(require(new ArrayList<>(slugs), "services.csv"));
	}

	private List<Map<String, Object>> staffOf(Kind kind) {
		return require(staff.stream().filter(row -> kind(row.get("role")) == kind).toList(),
				"staff.csv rows with role " + kind);
	}

	private static List<Map<String, Object>> sameMunicipality(List<Map<String, Object>> rows, Object slug,
			List<Map<String, Object>> otherwise) {
		Predicate<Map<String, Object>> same = row -> slug.equals(row.get("municipality_slug"));
		var matching = rows.stream().filter(same).toList();
		return matching.isEmpty() ? otherwise : matching;
	}

	private static String servicePath(Map<String, Object> row) {
		var value = String.valueOf(row.get("slug_or_path")).strip();
		return value.startsWith("/") ? value : "/" + row.get("municipality_slug") + "/indsatser/" + value;
	}

	private static <T> T pick(List<T> rows) {
		return rows.get(ThreadLocalRandom.current().nextInt(rows.size()));
	}

	private static Iterator<Map<String, Object>> random(List<Map<String, Object>> rows) {
		return new Iterator<>() {
			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public Map<String, Object> next() {
				return new LinkedHashMap<>(pick(rows));
			}
		};
	}

	private <T> List<T> require(List<T> rows, String what) {
		if (rows.isEmpty()) {
			throw new IllegalStateException("The load data in " + folder + " has no " + what);
		}
		return rows;
	}

	/** A small CSV reader: a header line, then comma-separated values (quoted with " where they hold a comma). */
	private List<Map<String, Object>> read(String name, String... columns) {
		var file = folder.resolve(name);
		try {
			var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			if (lines.isEmpty()) {
				throw new IllegalStateException(file + " is empty: it needs the header " + String.join(",", columns));
			}
			var header = split(lines.getFirst().replace("\uFEFF", ""));
			for (var column : columns) {
				if (!header.contains(column)) {
					throw new IllegalStateException(file + " lacks the column " + column + " (header: " + header + ")");
				}
			}
			List<Map<String, Object>> rows = new ArrayList<>();
			for (var line : lines.subList(1, lines.size())) {
				if (line.isBlank()) {
					continue;
				}
				var values = split(line);
				Map<String, Object> row = new LinkedHashMap<>();
				for (int i = 0; i < header.size(); i++) {
					row.put(header.get(i), i < values.size() ? values.get(i) : "");
				}
				rows.add(row);
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the load data " + file, ex);
		}
	}

	static List<String> split(String line) {
		List<String> values = new ArrayList<>();
		var value = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					value.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					value.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				values.add(value.toString());
				value.setLength(0);
			}
			else {
				value.append(c);
			}
		}
		values.add(value.toString());
		return Collections.unmodifiableList(values);
	}

}
