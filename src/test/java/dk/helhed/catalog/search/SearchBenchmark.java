package dk.helhed.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.catalog.internal.search.SearchText;
import dk.helhed.catalog.internal.search.ServiceSearch;
import dk.helhed.municipality.Municipalities;

/**
 * How long the search takes on Aabenraa's catalog: building the index from a snapshot, and answering each need of
 * the test set, after a warm-up. Prints the figures and asserts no times, since they depend on the machine. Not part
 * of the build ({@code *Benchmark} is not a test name Surefire picks up); run it with
 * {@code ./mvnw test -Dtest=SearchBenchmark} and read
 * {@code target/surefire-reports/dk.helhed.catalog.search.SearchBenchmark-output.txt}.
 */
@SpringBootTest
class SearchBenchmark {

	private static final int WARM_UP_ROUNDS = 5;
	private static final int MEASURED_ROUNDS = 20;

	@Autowired
	Municipalities municipalities;

	@Autowired
	Catalogs catalogs;

	@Autowired
	ServiceSearch search;

	@Test
	void printsIndexBuildAndQueryTimes() {
		var aabenraa = municipalities.getBySlug("aabenraa");
		var snapshot = catalogs.of(aabenraa);
		var needs = Need.all().stream().map(need -> SearchText.of(need.query())).toList();
		// the longest text the search box lets through, of words neither the catalog nor the synonym list has
		var worst = SearchText.of("xqzvw ".repeat(SearchText.MAX_LENGTH));

		var builds = time(() -> search.index(snapshot), WARM_UP_ROUNDS, MEASURED_ROUNDS);

		for (int round = 0; round < WARM_UP_ROUNDS; round++) {
			needs.forEach(text -> catalogs.search(aabenraa, text, 10));
		}
		List<Long> queries = new ArrayList<>();
		// each need's fastest round: what the search costs, without the pauses a busy machine adds
		var fastest = new long[needs.size()];
		Arrays.fill(fastest, Long.MAX_VALUE);
		for (int round = 0; round < MEASURED_ROUNDS; round++) {
			for (int need = 0; need < needs.size(); need++) {
				long start = System.nanoTime();
				catalogs.search(aabenraa, needs.get(need), 10);
				long time = System.nanoTime() - start;
				queries.add(time);
				fastest[need] = Math.min(fastest[need], time);
			}
		}
		var fastestPerNeed = Arrays.stream(fastest).boxed().toList();
		var worstCase = time(() -> catalogs.search(aabenraa, worst, 10), WARM_UP_ROUNDS, MEASURED_ROUNDS);

		System.out.printf(Locale.ROOT, "Search benchmark: index build for %d services: median %.2f ms, p95 %.2f ms%n",
				snapshot.services().size(), millis(percentile(builds, 50)), millis(percentile(builds, 95)));
		System.out.printf(Locale.ROOT,
				"Search benchmark: %d needs x %d rounds after warm-up: median %.3f ms, p95 %.3f ms, max %.3f ms%n",
				needs.size(), MEASURED_ROUNDS, millis(percentile(queries, 50)), millis(percentile(queries, 95)),
				millis(Collections.max(queries)));
		System.out.printf(Locale.ROOT,
				"Search benchmark: fastest of %d rounds per need: median %.3f ms, p95 %.3f ms, max %.3f ms%n",
				MEASURED_ROUNDS, millis(percentile(fastestPerNeed, 50)), millis(percentile(fastestPerNeed, 95)),
				millis(Collections.max(fastestPerNeed)));
		System.out.printf(Locale.ROOT, "Search benchmark: %d unknown words (worst case): median %.3f ms, p95 %.3f ms%n",
				worst.text().split(" ").length, millis(percentile(worstCase, 50)), millis(percentile(worstCase, 95)));

		assertThat(queries).hasSize(needs.size() * MEASURED_ROUNDS);
	}

	private static List<Long> time(Supplier<?> work, int warmUp, int rounds) {
		for (int round = 0; round < warmUp; round++) {
			work.get();
		}
		List<Long> times = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			long start = System.nanoTime();
			work.get();
			times.add(System.nanoTime() - start);
		}
		return times;
	}

	private static long percentile(List<Long> times, int percent) {
		var sorted = times.stream().sorted().toList();
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	private static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}
}
