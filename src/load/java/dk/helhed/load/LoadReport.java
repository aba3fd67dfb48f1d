package dk.helhed.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The table after a load run (docs/scale.md, "Load harness"): per endpoint (Gatling request name) the count, p50, p95,
 * p99 and errors from Gatling's report ({@code index.html}), p95 as a ratio to the floor's p95 with the issue's target and
 * whether it was met; then the deltas of Helhed's own counters and the database pool's highest figures, from the
 * scrapes of {@code /actuator/prometheus} taken before, during and after the run.
 *
 * <p>Usage: {@code LoadReport <gatling run folder> <folder of scrapes, in order by name>}. Exits with 1 when a target
 * is missed or a request failed, so a script can tell.
 */
public final class LoadReport {

	/** The issue's targets: the p95 of requests whose name starts with the key, at most this many times the floor's. */
	static final Map<String, Double> TARGETS = new LinkedHashMap<>();

	static {
		TARGETS.put("public: catalog search", 3.0);
		TARGETS.put("case: citizen's page", 5.0);
		TARGETS.put("case: plan", 5.0);
		TARGETS.put("case: referral queue", 5.0);
		TARGETS.put("audit: search", 10.0);
		TARGETS.put("audit: next page", 10.0);
	}

	private static final Pattern SAMPLE = Pattern
		.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})?\\s+([-+0-9.eE]+|NaN|[+-]Inf)(\\s+\\d+)?$");

	record Row(String name, long count, long errors, double p50, double p95, double p99) {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 1) {
			System.err.println("Usage: LoadReport <gatling run folder> [<folder of Prometheus scrapes>]");
			System.exit(2);
		}
		var run = Path.of(args[0]);
		var rows = read(run);
		boolean ok = printTable(rows);
		if (args.length > 1) {
			printMetrics(Path.of(args[1]));
		}
		System.exit(ok ? 0 : 1);
	}

	/**
	 * Reads the statistics table of Gatling's report. Gatling 3.15 no longer writes {@code js/stats.json}; the same
	 * figures are in {@code index.html}'s table, one row per request name: total, OK, KO, % KO, count per second, min,
	 * the four percentiles of {@code gatling.conf} (50, 95, 99, 99.9), max, mean, standard deviation.
	 */
	static List<Row> read(Path run) throws IOException {
		var html = Files.readString(run.resolve("index.html"), StandardCharsets.UTF_8);
		List<Row> rows = new ArrayList<>();
		Row all = null;
		var matcher = TABLE_ROW.matcher(html);
		while (matcher.find()) {
			var cells = matcher.group(2);
			var name = NAME.matcher(cells);
			if (!name.find()) {
				continue;
			}
			Map<Integer, String> values = new TreeMap<>();
			var cell = CELL.matcher(cells);
			while (cell.find()) {
				values.put(Integer.parseInt(cell.group(1)), cell.group(2).strip());
			}
			var row = new Row(unescape(name.group(1)), (long) value(values.get(2)), (long) value(values.get(4)),
					value(values.get(8)), value(values.get(9)), value(values.get(10)));
			if ("ROOT".equals(matcher.group(1))) {
				all = new Row("all requests", row.count(), row.errors(), row.p50(), row.p95(), row.p99());
			}
			else if (rows.stream().noneMatch(existing -> existing.name().equals(row.name()))) {
				rows.add(row);
			}
		}
		if (all == null) {
			throw new IllegalStateException("No statistics table in " + run.resolve("index.html"));
		}
		rows.sort(Comparator.comparing(Row::name));
		rows.add(all);
		return rows;
	}

	private static final Pattern TABLE_ROW = Pattern.compile("<tr id=\"([^\"]+)\"[^>]*>(.*?)</tr>", Pattern.DOTALL);

	private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)<");

	private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

	private static double value(String text) {
		if (text == null || text.isBlank() || text.equals("-")) {
			return Double.NaN;
		}
		return Double.parseDouble(text.replace(",", ""));
	}

	private static String unescape(String html) {
		return html.replace("&#39;", "'").replace("&#x27;", "'").replace("&quot;", "\"").replace("&lt;", "<")
			.replace("&gt;", ">").replace("&amp;", "&");
	}

	/** A floor p95 above this (the HSDS root is a few milliseconds of work) means the server was saturated. */
	static final int FLOOR_SATURATED_MS = 1_000;

	static boolean printTable(List<Row> rows) {
		var floor = rows.stream().filter(row -> row.name().startsWith(Scenarios.FLOOR)).findFirst();
		double floorP95 = floor.map(row -> Math.max(row.p95(), 1)).orElse(Double.NaN);
		System.out.println();
		System.out.printf(Locale.ROOT, "Response times in ms (Gatling's percentiles: 50/95/99); floor p95 = %s ms%n",
				floor.map(row -> format(row.p95())).orElse("none measured"));
		var header = String.format(Locale.ROOT, "%-38s %7s %7s %7s %7s %6s %9s %7s  %s", "endpoint", "count", "p50",
				"p95", "p99", "errors", "p95/floor", "target", "");
		System.out.println(header);
		System.out.println("-".repeat(header.length() + 6));
		// A floor that failed or took seconds means the server itself was saturated: every ratio is then near 1 and says
		// nothing, so no target counts as met.
		boolean floorSaturated = floor.map(row -> row.errors() > 0 || row.p95() > FLOOR_SATURATED_MS).orElse(true);
		boolean ok = !floorSaturated;
		int met = 0;
		int targets = 0;
		for (var row : rows) {
			var target = TARGETS.entrySet().stream().filter(entry -> row.name().startsWith(entry.getKey()))
				.map(Map.Entry::getValue).findFirst();
			double ratio = row.p95() / floorP95;
			String verdict = "";
			if (target.isPresent()) {
				targets++;
				boolean hit = !floorSaturated && ratio <= target.get();
				met += hit ? 1 : 0;
				ok &= hit;
				verdict = floorSaturated ? "NOT JUDGED" : hit ? "met" : "MISSED";
			}
			ok &= row.errors() == 0;
			System.out.printf(Locale.ROOT, "%-38s %7d %7s %7s %7s %6d %9s %7s  %s%n", clip(row.name(), 38), row.count(),
					format(row.p50()), format(row.p95()), format(row.p99()), row.errors(),
					Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.1f×", ratio),
					target.map(value -> String.format(Locale.ROOT, "≤ %.0f×", value)).orElse(""), verdict);
		}
		if (floorSaturated) {
			System.out.printf(Locale.ROOT, "The floor failed or its p95 exceeded %d ms: the server was saturated, so the "
					+ "ratios say nothing and no target is judged.%n", FLOOR_SATURATED_MS);
		}
		System.out.printf(Locale.ROOT, "%d of %d targets met; %d errors%n", met, targets,
				rows.getLast().errors());
		return ok;
	}

	/** Helhed's counters' deltas between the first and the last scrape, and the pool's highest figures in any. */
	static void printMetrics(Path scrapes) throws IOException {
		List<Path> files;
		try (Stream<Path> list = Files.list(scrapes)) {
			files = list.filter(file -> file.toString().endsWith(".txt")).sorted().toList();
		}
		if (files.size() < 2) {
			System.out.println("Fewer than two scrapes of /actuator/prometheus in " + scrapes + ": no metrics.");
			return;
		}
		var before = samples(files.getFirst());
		var after = samples(files.getLast());
		System.out.println();
		System.out.printf("Helhed's counters during the run (/actuator/prometheus, %d scrapes)%n", files.size());
		var deltas = new TreeMap<String, Double>();
		after.forEach((series, value) -> {
			if (series.startsWith("helhed_") && series.contains("_total")) {
				double delta = value - before.getOrDefault(series, 0.0);
				if (delta != 0) {
					deltas.put(series.replace(",application=\"helhed\"", "").replace("application=\"helhed\",", "")
						.replace("{application=\"helhed\"}", ""), delta);
				}
			}
		});
		if (deltas.isEmpty()) {
			System.out.println("  (no counter changed)");
		}
		deltas.forEach((series, delta) -> System.out.printf(Locale.ROOT, "  %-90s %+10.0f%n", series, delta));
		System.out.printf(Locale.ROOT, "  %-90s %10.0f%n", "audit rows written (all)",
				sum(after, "helhed_audit_rows_total") - sum(before, "helhed_audit_rows_total"));
		System.out.printf(Locale.ROOT, "  %-90s %10.0f%n", "refused (audit rows REFUSED + requests refused)",
				sumWith(after, "helhed_audit_rows_total", "outcome=\"REFUSED\"")
						- sumWith(before, "helhed_audit_rows_total", "outcome=\"REFUSED\"")
						+ sum(after, "helhed_requests_refused_total") - sum(before, "helhed_requests_refused_total"));
		System.out.printf(Locale.ROOT, "  %-90s %10.0f%n", "failed logins",
				sum(after, "helhed_login_failures_total") - sum(before, "helhed_login_failures_total"));
		double maxActive = 0;
		double maxPending = 0;
		double poolSize = 0;
		double maxAcquire = 0;
		for (var file : files) {
			var samples = samples(file);
			maxActive = Math.max(maxActive, sum(samples, "hikaricp_connections_active"));
			maxPending = Math.max(maxPending, sum(samples, "hikaricp_connections_pending"));
			poolSize = Math.max(poolSize, sum(samples, "hikaricp_connections_max"));
			maxAcquire = Math.max(maxAcquire, sum(samples, "hikaricp_connections_acquire_seconds_max"));
		}
		System.out.printf(Locale.ROOT,
				"Database pool: max active %.0f of %.0f, max pending %.0f, longest wait for a connection %.1f ms "
						+ "(highest in any scrape)%n",
				maxActive, poolSize, maxPending, maxAcquire * 1000);
		System.out.printf(Locale.ROOT, "Database pool timeouts during the run: %.0f%n",
				sum(after, "hikaricp_connections_timeout_total") - sum(before, "hikaricp_connections_timeout_total"));
	}

	static Map<String, Double> samples(Path file) throws IOException {
		Map<String, Double> samples = new LinkedHashMap<>();
		for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.startsWith("#") || line.isBlank()) {
				continue;
			}
			var matcher = SAMPLE.matcher(line.strip());
			if (matcher.matches()) {
				var labels = matcher.group(3) == null ? "" : matcher.group(3);
				var value = matcher.group(4);
				samples.put(matcher.group(1) + "{" + labels + "}",
						value.endsWith("Inf") || value.equals("NaN") ? Double.NaN : Double.parseDouble(value));
			}
		}
		return samples;
	}

	private static double sum(Map<String, Double> samples, String metric) {
		return sumWith(samples, metric, "");
	}

	private static double sumWith(Map<String, Double> samples, String metric, String label) {
		return samples.entrySet().stream()
			.filter(entry -> entry.getKey().startsWith(metric + "{") && entry.getKey().contains(label))
			.mapToDouble(Map.Entry::getValue).filter(value -> !Double.isNaN(value)).sum();
	}

	private static String format(double millis) {
		return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.0f", millis);
	}

	private static String clip(String text, int width) {
		return text.length() <= width ? text : text.substring(0, width - 1) + "…";
	}

}
