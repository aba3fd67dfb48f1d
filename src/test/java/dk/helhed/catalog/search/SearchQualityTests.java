package dk.helhed.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.catalog.internal.search.SearchText;
import dk.helhed.municipality.Municipalities;
import dk.helhed.municipality.Municipality;

/**
 * How well the search answers needs as people phrase them, measured on Aabenraa's catalog with the needs in
 * {@code search/needs.yaml}: the share of needs with a good answer among the first five results (hit rate), and the
 * mean reciprocal rank of the first good answer within the first ten (MRR); a need that names services for
 * professionals that must come below its answer counts as missed when one comes first. Runs on H2
 * ({@link SearchQualityOnH2Tests}) and on PostgreSQL ({@link SearchQualityOnPostgresTests}), because the index is
 * built from the catalog as the database gives it back.
 */
abstract class SearchQualityTests {

	static final int HIT_DEPTH = 5;
	static final int RANK_DEPTH = 10;
	static final double REQUIRED_HIT_RATE = 0.95;
	static final double REQUIRED_MEAN_RECIPROCAL_RANK = 0.85;

	@Autowired
	Municipalities municipalities;

	@Autowired
	Catalogs catalogs;

	/**
	 * Where the first expected service came in a need's results: 1-based, 0 when not in the first ten, or when a
	 * service the need says must come below it came before it.
	 */
	record Outcome(Need need, int rank, List<String> top, String aheadOfIt) {

		boolean hit() {
			return rank >= 1 && rank <= HIT_DEPTH;
		}

		double reciprocalRank() {
			return rank == 0 ? 0 : 1.0 / rank;
		}
	}

	@Test
	void findsAGoodAnswerInTheTopFiveForNineteenOfTwentyNeedsAndRanksItHigh() {
		var needs = Need.all();
		List<Outcome> outcomes = needs.stream().map(this::outcome).toList();
		double hitRate = outcomes.stream().filter(Outcome::hit).count() / (double) outcomes.size();
		double meanReciprocalRank = outcomes.stream().mapToDouble(Outcome::reciprocalRank).average().orElse(0);

		var report = new StringBuilder();
		report.append(String.format(Locale.ROOT, "Search quality: %d needs, hit rate in top %d = %.1f %%, MRR = %.3f%n",
				outcomes.size(), HIT_DEPTH, hitRate * 100, meanReciprocalRank));
		// -Dsearch.quality.verbose=true lists every need, for tuning; otherwise only the misses
		boolean verbose = Boolean.getBoolean("search.quality.verbose");
		outcomes.stream()
			.filter(outcome -> verbose || !outcome.hit())
			.forEach(outcome -> report.append(String.format(Locale.ROOT, "  %s: \"%s\" expected %s, top %d: %s%n",
					outcome.hit() ? "rank " + outcome.rank()
							: outcome.aheadOfIt() != null ? "missed (" + outcome.aheadOfIt() + " ahead)" : "missed",
					outcome.need().query(), outcome.need().expected(), HIT_DEPTH,
					outcome.top().subList(0, Math.min(HIT_DEPTH, outcome.top().size())))));
		System.out.print(report);

		assertThat(needs).as("the needs set").hasSizeGreaterThanOrEqualTo(220);
		assertThat(hitRate).as(report.toString()).isGreaterThanOrEqualTo(REQUIRED_HIT_RATE);
		assertThat(meanReciprocalRank).as(report.toString()).isGreaterThanOrEqualTo(REQUIRED_MEAN_RECIPROCAL_RANK);
	}

	@Test
	void everyExpectedServiceIsInTheCatalog() {
		var catalog = catalogs.of(aabenraa());
		for (var need : Need.all()) {
			assertThat(need.expected()).as(need.query()).isNotEmpty();
			for (var key : need.expected()) {
				assertThat(catalog.service(key)).as(need.query() + " expects " + key).isPresent();
			}
		}
	}

	@Test
	void ranksSocialDentalCareFirstForDentalCareForTheHomeless() {
		assertThat(keys(catalogs.search(aabenraa(), SearchText.of("tandpleje for hjemløse"), HIT_DEPTH)))
			.first()
			.isEqualTo("socialtandpleje");
	}

	private Outcome outcome(Need need) {
		var top = keys(catalogs.search(aabenraa(), SearchText.of(need.query()), RANK_DEPTH));
		int rank = 0;
		String ahead = null;
		for (int i = 0; i < top.size(); i++) {
			if (need.expected().contains(top.get(i))) {
				rank = i + 1;
				break;
			}
			if (ahead == null && need.below().contains(top.get(i))) {
				ahead = top.get(i);
			}
		}
		return ahead == null ? new Outcome(need, rank, top, null) : new Outcome(need, 0, top, ahead);
	}

	private static List<String> keys(List<Catalogs.Found> found) {
		return found.stream().map(hit -> hit.service().key()).toList();
	}

	private Municipality aabenraa() {
		return municipalities.getBySlug("aabenraa");
	}
}
