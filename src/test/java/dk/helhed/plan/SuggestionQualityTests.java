package dk.helhed.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.ServiceSuggestions.Suggestion;
import dk.helhed.municipality.Municipalities;
import dk.helhed.plan.internal.FfbTerms;
import dk.helhed.plan.internal.Suggestions;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How well "Forslag til indsatser" answers the goals of a plan, measured on Aabenraa's catalog with the goals in
 * {@code plan/suggestion-goals.yaml} (in the citizen's and the caseworker's words, each under the FFB theme a
 * caseworker would choose): the share of goals with an expected service among the first five suggestions (hit
 * rate, at least 90 %) and the mean reciprocal rank of the first expected service within the first eight (MRR).
 */
@SpringBootTest
class SuggestionQualityTests {

	static final int HIT_DEPTH = 5;
	static final double REQUIRED_HIT_RATE = 0.90;

	/** A goal of the test set; synthetic. */
	record Goal(String goal, String who, String theme, Integer age, Boolean anonymous, List<String> expected) {
	}

	@Autowired
	Suggestions suggestions;

	@Autowired
	FfbTerms terms;

	@Autowired
	Municipalities municipalities;

	@Autowired
	dk.helhed.catalog.Services services;

	@Test
	void suggestsAnExpectedServiceInTheTopFiveForNineOfTenGoals() {
		var goals = goals();
		int hits = 0;
		double reciprocalRanks = 0;
		var report = new StringBuilder();
		boolean verbose = Boolean.getBoolean("suggestions.verbose");
		for (var goal : goals) {
			var top = keys(suggest(goal));
			int rank = 0;
			for (int i = 0; i < top.size(); i++) {
				if (goal.expected().contains(top.get(i))) {
					rank = i + 1;
					break;
				}
			}
			if (rank >= 1 && rank <= HIT_DEPTH) {
				hits++;
			}
			reciprocalRanks += rank == 0 ? 0 : 1.0 / rank;
			if (verbose || rank == 0 || rank > HIT_DEPTH) {
				report.append(String.format(Locale.ROOT, "  %s: \"%s\" (%s) expected %s, got %s%n",
						rank == 0 || rank > HIT_DEPTH ? "missed" : "rank " + rank, goal.goal(), goal.theme(),
						goal.expected(), top));
			}
		}
		double hitRate = hits / (double) goals.size();
		double meanReciprocalRank = reciprocalRanks / goals.size();
		var summary = String.format(Locale.ROOT,
				"Suggestion quality: %d goals, hit rate in top %d = %.1f %%, MRR = %.3f%n", goals.size(), HIT_DEPTH,
				hitRate * 100, meanReciprocalRank);
		System.out.print(summary + report);

		assertThat(goals).as("the goals set").hasSizeGreaterThanOrEqualTo(30);
		assertThat(hitRate).as(summary + report).isGreaterThanOrEqualTo(REQUIRED_HIT_RATE);
	}

	@Test
	void neverSuggestsAServiceForProfessionalsOrOneTheCitizensAgeIsOutsideOf() {
		for (var goal : goals()) {
			for (var suggestion : suggest(goal)) {
				assertThat(suggestion.accessMode()).as(goal.goal()).isNotEqualTo(AccessMode.FOR_PROFESSIONALS);
			}
		}
		var theme = theme("Varetage bolig");
		var forAYoungPerson = keys(suggestions.forTheme(aabenraa(), theme, "egen bolig", 22, false, 20));
		var forAnOldPerson = keys(suggestions.forTheme(aabenraa(), theme, "egen bolig", 70, false, 20));
		assertThat(forAYoungPerson).contains("startbolig-slotsgade");
		assertThat(forAnOldPerson).doesNotContain("startbolig-slotsgade");
	}

	@Test
	void givesTheReasonsEachServiceFits() {
		var found = suggestions.forTheme(aabenraa(), theme("Rusmidler"), "holde op med at drikke", null, false, 5);
		assertThat(found).isNotEmpty();
		var first = found.getFirst();
		assertThat(first.service().key()).isEqualTo("rusmiddelcenter-aabenraa");
		assertThat(first.reasons()).contains(dk.helhed.catalog.ServiceSuggestions.Reason.WORDS,
				dk.helhed.catalog.ServiceSuggestions.Reason.SITUATION,
				dk.helhed.catalog.ServiceSuggestions.Reason.FREE);
	}

	@Test
	void everyExpectedServiceIsInTheCatalogAndEveryThemeInFfb() {
		var active = services.activeOf(aabenraa()).stream().map(dk.helhed.catalog.Services.Summary::key).toList();
		for (var goal : goals()) {
			assertThat(theme(goal.theme())).as(goal.goal()).isNotNull();
			assertThat(goal.expected()).as(goal.goal()).isNotEmpty();
			assertThat(active).as(goal.goal()).containsAll(goal.expected());
		}
	}

	private List<Suggestion> suggest(Goal goal) {
		return suggestions.forTheme(aabenraa(), theme(goal.theme()), goal.goal(), goal.age(),
				Boolean.TRUE.equals(goal.anonymous()), Suggestions.SHOWN);
	}

	private java.util.UUID theme(String name) {
		return terms.themes(terms.currentVersion())
			.stream()
			.filter(theme -> theme.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no FFB theme named " + name))
			.code();
	}

	private java.util.UUID aabenraa() {
		return municipalities.getBySlug("aabenraa").id();
	}

	private static List<String> keys(List<Suggestion> found) {
		return found.stream().map(suggestion -> suggestion.service().key()).toList();
	}

	static List<Goal> goals() {
		try (InputStream in = SuggestionQualityTests.class.getResourceAsStream("/plan/suggestion-goals.yaml")) {
			return new YAMLMapper().readValue(in, new TypeReference<List<Goal>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
