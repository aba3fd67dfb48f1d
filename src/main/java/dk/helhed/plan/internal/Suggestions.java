package dk.helhed.plan.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dk.helhed.catalog.ServiceSuggestions;
import dk.helhed.catalog.ServiceSuggestions.Need;
import dk.helhed.catalog.ServiceSuggestions.Suggestion;
import dk.helhed.catalog.Situation;
import dk.helhed.citizen.CaseRecords.Citizen;
import dk.helhed.citizen.CaseRecords.Kind;
import dk.helhed.citizen.CaseView;
import dk.helhed.platform.NotFoundException;
import dk.helhed.platform.SeedFiles.InvalidSeedData;

/**
 * "Forslag til indsatser": services of the catalog for a goal of the plan, or for an assessed theme. The goal's own
 * words and the words of its theme are searched; the theme's life situations (a data file per FFB version,
 * {@code plan/theme-situations-<version>.csv}), the citizen's age and whether the citizen is anonymous are the
 * structured part. The catalog ranks; this class only says what the need is.
 */
@Component
public class Suggestions {

	/** How many services are suggested for a goal. */
	public static final int SHOWN = 8;

	/** What a theme is about, for the catalog: its life situations and the words searched with it. */
	record ThemeNeed(Set<Situation> situations, String words) {
	}

	private final Plans plans;
	private final FfbTerms terms;
	private final ServiceSuggestions catalog;
	private final Clock clock;
	private final Map<String, Map<UUID, ThemeNeed>> needs = new HashMap<>();

	Suggestions(Plans plans, FfbTerms terms, ServiceSuggestions catalog, Clock clock) {
		this.plans = plans;
		this.terms = terms;
		this.catalog = catalog;
		this.clock = clock;
		FfbTerms.VERSIONS.keySet().forEach(version -> needs.put(version, read(version)));
	}

	/** A goal of the citizen's plan as the view sees it, with the services suggested for it. */
	public record ForGoal(Plans.VisibleGoal goal, List<Suggestion> suggestions) {
	}

	/**
	 * The suggestions for a goal of the citizen's current plan; a goal the view does not show (another citizen's, one
	 * no consent covers) is not found.
	 */
	public ForGoal forGoal(CaseView view, UUID goalId) {
		var goal = plans.find(view, null)
			.flatMap(plan -> plan.goals().stream().filter(visible -> visible.goal().id().equals(goalId)).findFirst())
			.orElseThrow(() -> new NotFoundException("Målet findes ikke i planen."));
		return new ForGoal(goal, forTheme(view.municipalityId(), goal.theme().code(), goal.goal().what(),
				view.citizen(), SHOWN));
	}

	/** The suggestions for a theme (or sub-theme) and a goal in words, for the citizen (or none known). */
	public List<Suggestion> forTheme(UUID municipalityId, UUID themeCode, String words, Citizen citizen, int limit) {
		Integer age = citizen == null || citizen.birthYear() == null ? null
				: LocalDate.now(clock).getYear() - citizen.birthYear();
		return forTheme(municipalityId, themeCode, words, age, citizen != null && citizen.kind() != Kind.IDENTIFIED,
				limit);
	}

	/** The suggestions for a theme (or sub-theme) and a goal in words, for a citizen of that age (null: unknown). */
	public List<Suggestion> forTheme(UUID municipalityId, UUID themeCode, String words, Integer age,
			boolean anonymous, int limit) {
		var version = terms.currentVersion();
		var theme = terms.theme(version, themeCode).orElseThrow(() -> new NotFoundException("Temaet findes ikke."));
		var themeNeed = themeNeed(version, theme);
		var text = String.join(" ", words == null ? "" : words, themeNeed.words()).strip();
		return catalog.suggest(municipalityId, new Need(text, themeNeed.situations(), age, anonymous), limit);
	}

	private ThemeNeed themeNeed(String version, FfbTerms.Theme theme) {
		var known = needs.getOrDefault(version, Map.of());
		var own = known.get(theme.code());
		if (own != null) {
			return own;
		}
		var parent = theme.parent() == null ? null : known.get(theme.parent());
		return parent != null ? parent : new ThemeNeed(Set.of(), "");
	}

	private static Map<UUID, ThemeNeed> read(String version) {
		var path = "plan/theme-situations-" + version + ".csv";
		Map<UUID, ThemeNeed> read = new HashMap<>();
		for (var row : FfbTerms.read(path, 4)) {
			var situations = EnumSet.noneOf(Situation.class);
			try {
				Arrays.stream(row[2].strip().split("\\s+"))
					.filter(name -> !name.isEmpty())
					.map(Situation::valueOf)
					.forEach(situations::add);
				read.put(UUID.fromString(row[0]), new ThemeNeed(situations, row[3].strip()));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidSeedData(path + ": " + row[0] + ": " + ex.getMessage(), ex);
			}
		}
		return read;
	}
}
