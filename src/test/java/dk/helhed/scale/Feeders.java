package dk.helhed.scale;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * The feeder files the load harness reads (docs/scale.md, "A synthetic Denmark"): staff to log in as, citizens a
 * caseworker may open, services' public pages, and plain-Danish search queries.
 */
final class Feeders {

	static final int STAFF = 2_000;
	static final int CITIZENS = 5_000;
	private static final List<String> FEEDER_ROLES = List.of("CASEWORKER", "TEAM_LEAD", "DATA_PROTECTION_OFFICER",
			"CATALOG_EDITOR", "UNIT_EDITOR");

	private final SyntheticDenmark generator;

	Feeders(SyntheticDenmark generator) {
		this.generator = generator;
	}

	void write(Path directory) {
		var municipalities = generator.municipalities();
		var staff = new ArrayList<SyntheticDenmark.Staff>();
		var staffMunicipality = new ArrayList<SyntheticDenmark.Municipality>();
		for (var m : municipalities) {
			for (var s : m.staff) {
				if (FEEDER_ROLES.contains(s.role())) {
					staff.add(s);
					staffMunicipality.add(m);
				}
			}
		}
		var staffLines = new ArrayList<String>();
		staffLines.add("username,password,municipality_slug,unit_key,role");
		int wanted = Math.min(STAFF, staff.size());
		for (int i = 0; i < wanted; i++) {
			int k = (int) ((long) i * staff.size() / wanted);
			var s = staff.get(k);
			staffLines.add(String.join(",", s.username(), SyntheticDenmark.PASSWORD, staffMunicipality.get(k).slug,
					SyntheticDenmark.unitKey(s.unit()), s.role()));
		}
		SyntheticDenmark.writeLines(directory.resolve("staff.csv"), staffLines);

		var citizens = new ArrayList<Integer>();
		for (int c = 0; c < generator.citizens(); c++) {
			if (generator.kind(c).equals("IDENTIFIED") && generator.status(c).equals("OPEN")) {
				citizens.add(c);
			}
		}
		var citizenLines = new ArrayList<String>();
		citizenLines.add("username,cpr,citizen_id,municipality_slug");
		wanted = Math.min(CITIZENS, citizens.size());
		for (int i = 0; i < wanted; i++) {
			int c = citizens.get((int) ((long) i * citizens.size() / wanted));
			var m = municipalities.get(generator.citizenMunicipality(c));
			var caseworkers = m.caseworkers[generator.citizenUnit(c)];
			var caseworker = m.staff[caseworkers[i % caseworkers.length]];
			var digits = SyntheticDenmark.cpr(c);
			citizenLines.add(String.join(",", caseworker.username(), digits.substring(0, 6) + "-" + digits.substring(6),
					generator.citizenId(c).toString(), m.slug));
		}
		SyntheticDenmark.writeLines(directory.resolve("citizens.csv"), citizenLines);

		var serviceLines = new ArrayList<String>();
		serviceLines.add("service_id,municipality_slug,slug_or_path");
		for (var m : municipalities) {
			for (int s = 0; s < m.services.length; s++) {
				serviceLines.add(String.join(",", m.services[s].toString(), m.slug,
						"/" + m.slug + "/indsatser/" + m.serviceKeys[s]));
			}
		}
		SyntheticDenmark.writeLines(directory.resolve("services.csv"), serviceLines);

		var queryLines = new ArrayList<String>();
		queryLines.add("query");
		for (var query : queries()) {
			queryLines.add(csv(query));
		}
		SyntheticDenmark.writeLines(directory.resolve("queries.csv"), queryLines);
	}

	/** The needs test set's queries (src/test/resources/search/needs.yaml): how people phrase what they need. */
	static List<String> queries() {
		try (InputStream in = SyntheticDenmark.resource("search/needs.yaml")) {
			List<Map<String, Object>> needs = new Yaml().load(in);
			return needs.stream().map(need -> String.valueOf(need.get("query"))).distinct().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String csv(String value) {
		return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}
}
