package dk.helhed.plan.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseView;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.plan.internal.FfbTerms.Level;
import dk.helhed.plan.internal.FfbTerms.Theme;

/**
 * The assessments of a citizen's whole situation (helhedsvurdering, VUM 2.0): a level per sub-theme where FFB rates
 * it, the professional's description, and the citizen's own words, kept apart and never overwritten. Every method
 * takes the {@link CaseView} the access gate gave for the request, so the gate's one decision (and its one audit row)
 * covers what is read or changed here: each sub-theme is shown only where the view covers its information category
 * for the unit that made the assessment; the assessment's general part (what matters most, resources, network, the
 * citizen's words about the whole) counts as {@link InformationCategory#NOTES}.
 */
@Component
@Transactional
public class Assessments {

	/** The part of the citizen's words that is about the whole situation rather than one sub-theme. */
	public static final String OVERALL = "overall";

	static final InformationCategory GENERAL_PART = InformationCategory.NOTES;

	/** What a staff member writes for one sub-theme; the level only where FFB rates the sub-theme. */
	public record RatingInput(UUID level, String description, String citizenWords) {

		boolean isEmpty() {
			return level == null && description == null && citizenWords == null;
		}
	}

	public record NewAssessment(LocalDate assessedOn, Map<UUID, RatingInput> ratings, String overallWords,
			String whatMatters, String resources, String network) {

		public NewAssessment {
			ratings = Map.copyOf(ratings);
		}
	}

	/** One revision of the citizen's own words. */
	public record Words(String text, int revision, UUID recordedBy, Instant recordedAt) {
	}

	public record Rating(Theme theme, Level level, String description, List<Words> words) {

		/** The citizen's words as they stand now. */
		public Words currentWords() {
			return words.isEmpty() ? null : words.getLast();
		}
	}

	/**
	 * An assessment as one staff member may see it.
	 *
	 * @param generalVisible the general part (what matters, resources, network, the overall words) may be seen
	 * @param hiddenThemes how many assessed sub-themes the viewer may not see
	 */
	public record Assessment(UUID id, UUID citizenId, String version, LocalDate assessedOn, Recipient holder,
			boolean generalVisible, String whatMatters, String resources, String network, List<Words> overallWords,
			List<Rating> ratings, int hiddenThemes, UUID madeBy, Instant madeAt) {

		public Words currentOverallWords() {
			return overallWords.isEmpty() ? null : overallWords.getLast();
		}

		public Optional<Rating> rating(UUID theme) {
			return ratings.stream().filter(rating -> rating.theme().code().equals(theme)).findFirst();
		}
	}

	/** The level of each rated sub-theme across the assessments, oldest first; a null score is "not assessed". */
	public record Trend(List<Assessment> assessments, List<TrendRow> rows) {
	}

	public record TrendRow(Theme theme, List<Level> levels) {

		public Integer first() {
			return levels.stream().filter(l -> l != null && l.score() != null).map(Level::score).findFirst().orElse(null);
		}

		public Integer last() {
			return levels.reversed()
				.stream()
				.filter(l -> l != null && l.score() != null)
				.map(Level::score)
				.findFirst()
				.orElse(null);
		}
	}

	/** What changed for one sub-theme between two assessments. */
	public record Difference(Theme theme, Level from, Level to, String descriptionFrom, String descriptionTo,
			String wordsFrom, String wordsTo) {

		/** The level of function went up (a lower score), down, stayed, or cannot be compared. */
		public String direction() {
			if (from == null || to == null || from.score() == null || to.score() == null) {
				return "unknown";
			}
			return to.score() < from.score() ? "better" : to.score() > from.score() ? "worse" : "same";
		}
	}

	private final JdbcClient jdbc;
	private final FfbTerms terms;
	private final Clock clock;

	Assessments(JdbcClient jdbc, FfbTerms terms, Clock clock) {
		this.jdbc = jdbc;
		this.terms = terms;
		this.clock = clock;
	}

	/**
	 * Records a new assessment, made by the staff member's unit or organisation in an own case (the gate's view of a
	 * {@code create} use guarantees that). The citizen's words become revision 1 of each part.
	 */
	public UUID record(CaseView view, StaffMember staff, NewAssessment assessment) {
		requireOwnCase(view);
		var version = terms.currentVersion();
		for (var entry : assessment.ratings().entrySet()) {
			var theme = terms.theme(version, entry.getKey())
				.filter(Theme::isSubTheme)
				.orElseThrow(() -> new InvalidRequestException("Vælg undertemaer fra listen."));
			var level = entry.getValue().level();
			if (level != null && (!theme.rated() || terms.level(version, level).isEmpty())) {
				throw new InvalidRequestException("Funktionsevneniveau gives kun for aktivitet og deltagelse og skal "
						+ "vælges fra listen.");
			}
		}
		if (assessment.ratings().values().stream().allMatch(RatingInput::isEmpty)) {
			throw new InvalidRequestException("Udfyld mindst ét undertema.");
		}
		var id = UUID.randomUUID();
		var now = OffsetDateTime.now(clock);
		var party = view.party();
		jdbc.sql("""
				insert into assessment (municipality_id, id, citizen_id, ffb_version, assessed_on, unit_id, partner_id,
				                        what_matters, resources, network, made_by, made_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(view.municipalityId(), id, view.citizenId(), version, assessment.assessedOn(), party.unitId(),
					party.partnerId(), assessment.whatMatters(), assessment.resources(), assessment.network(),
					staff.id(), now)
			.update();
		assessment.ratings().forEach((theme, rating) -> {
			if (rating.isEmpty()) {
				return;
			}
			if (rating.level() != null || rating.description() != null) {
				jdbc.sql("""
						insert into assessment_rating (municipality_id, assessment_id, theme_code, level_code, description)
						values (?, ?, ?, ?, ?)""")
					.params(view.municipalityId(), id, theme, rating.level(), rating.description())
					.update();
			}
			if (rating.citizenWords() != null) {
				insertWords(view, id, theme.toString(), 1, rating.citizenWords(), staff, now);
			}
		});
		if (assessment.overallWords() != null) {
			insertWords(view, id, OVERALL, 1, assessment.overallWords(), staff, now);
		}
		return id;
	}

	/**
	 * Records what the citizen now says in their own words about one part of an assessment: a new revision, the
	 * earlier ones kept. Only the unit or organisation that made the assessment records it.
	 */
	public void changeWords(CaseView view, StaffMember staff, UUID assessmentId, String part, String words) {
		requireOwnCase(view);
		var assessment = find(view, assessmentId).orElseThrow(() -> new NotFoundException("Helhedsvurderingen findes ikke."));
		if (!view.isOwn(assessment.holder())) {
			throw new AccessDeniedException("Only the unit that made the assessment records the citizen's words in it");
		}
		if (!OVERALL.equals(part)) {
			UUID theme;
			try {
				theme = UUID.fromString(part);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidRequestException("Vælg et undertema fra listen.");
			}
			if (terms.theme(assessment.version(), theme).filter(Theme::isSubTheme).isEmpty()) {
				throw new InvalidRequestException("Vælg et undertema fra listen.");
			}
		}
		int revision = jdbc.sql("""
				select coalesce(max(revision), 0) from assessment_citizen_words
				where municipality_id = ? and assessment_id = ? and part = ?""")
			.params(view.municipalityId(), assessmentId, part)
			.query(Integer.class)
			.single();
		var previous = revision == 0 ? null : jdbc.sql("""
				select words from assessment_citizen_words
				where municipality_id = ? and assessment_id = ? and part = ? and revision = ?""")
			.params(view.municipalityId(), assessmentId, part, revision)
			.query(String.class)
			.optional()
			.orElse(null);
		if (Objects.equals(previous, words)) {
			throw new InvalidRequestException("Borgerens ord er de samme som før. Intet er ændret.");
		}
		insertWords(view, assessmentId, part, revision + 1, words, staff, OffsetDateTime.now(clock));
	}

	private void insertWords(CaseView view, UUID assessmentId, String part, int revision, String words,
			StaffMember staff, OffsetDateTime at) {
		jdbc.sql("""
				insert into assessment_citizen_words (municipality_id, assessment_id, part, revision, words, recorded_by,
				                                      recorded_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(view.municipalityId(), assessmentId, part, revision, words, staff.id(), at)
			.update();
	}

	private static void requireOwnCase(CaseView view) {
		if (!view.ownCase()) {
			throw new AccessDeniedException("Only a unit in the citizen's case may change it");
		}
	}

	/** The citizen's assessments the view lets the staff member see any of, oldest first. */
	@Transactional(readOnly = true)
	public List<Assessment> visible(CaseView view) {
		var ids = jdbc.sql("""
				select id from assessment where municipality_id = ? and citizen_id = ?
				order by assessed_on, made_at""")
			.params(view.municipalityId(), view.citizenId())
			.query(UUID.class)
			.list();
		List<Assessment> visible = new ArrayList<>();
		for (var id : ids) {
			load(view, id).ifPresent(visible::add);
		}
		return visible;
	}

	/** One assessment of the citizen, if the view lets the staff member see any of it. */
	@Transactional(readOnly = true)
	public Optional<Assessment> find(CaseView view, UUID assessmentId) {
		return load(view, assessmentId);
	}

	private record Head(UUID id, UUID citizenId, String version, LocalDate assessedOn, UUID unitId, UUID partnerId,
			String whatMatters, String resources, String network, UUID madeBy, OffsetDateTime madeAt) {
	}

	private record RatingRow(UUID theme, UUID level, String description) {
	}

	private record WordsRow(String part, int revision, String words, UUID recordedBy, OffsetDateTime recordedAt) {
	}

	private Optional<Assessment> load(CaseView view, UUID id) {
		var head = jdbc.sql("""
				select id, citizen_id, ffb_version as version, assessed_on, unit_id, partner_id, what_matters, resources, network,
				       made_by, made_at
				from assessment where municipality_id = ? and id = ? and citizen_id = ?""")
			.params(view.municipalityId(), id, view.citizenId())
			.query(Head.class)
			.optional()
			.orElse(null);
		if (head == null) {
			return Optional.empty();
		}
		var holder = new Recipient(head.unitId(), head.partnerId());
		var version = head.version();
		Map<String, List<Words>> words = new LinkedHashMap<>();
		jdbc.sql("""
				select part, revision, words, recorded_by, recorded_at from assessment_citizen_words
				where municipality_id = ? and assessment_id = ? order by part, revision""")
			.params(view.municipalityId(), id)
			.query(WordsRow.class)
			.list()
			.forEach(row -> words.computeIfAbsent(row.part(), part -> new ArrayList<>())
				.add(new Words(row.words(), row.revision(), row.recordedBy(), row.recordedAt().toInstant())));
		Map<UUID, RatingRow> rows = new LinkedHashMap<>();
		jdbc.sql("""
				select theme_code as theme, level_code as level, description from assessment_rating
				where municipality_id = ? and assessment_id = ?""")
			.params(view.municipalityId(), id)
			.query(RatingRow.class)
			.list()
			.forEach(row -> rows.put(row.theme(), row));
		for (var part : words.keySet()) {
			if (!OVERALL.equals(part)) {
				rows.putIfAbsent(UUID.fromString(part), new RatingRow(UUID.fromString(part), null, null));
			}
		}
		List<Rating> ratings = new ArrayList<>();
		int hidden = 0;
		for (var row : rows.values()) {
			var theme = terms.theme(version, row.theme()).orElse(null);
			if (theme == null) {
				continue;
			}
			if (!view.sees(theme.category(), holder)) {
				hidden++;
				continue;
			}
			ratings.add(new Rating(theme, terms.level(version, row.level()).orElse(null), row.description(),
					List.copyOf(words.getOrDefault(row.theme().toString(), List.of()))));
		}
		ratings.sort(Comparator.comparingInt(rating -> rating.theme().order()));
		boolean general = view.sees(GENERAL_PART, holder);
		if (ratings.isEmpty() && !general) {
			return Optional.empty();
		}
		return Optional.of(new Assessment(head.id(), head.citizenId(), version, head.assessedOn(), holder, general,
				general ? head.whatMatters() : null, general ? head.resources() : null,
				general ? head.network() : null, general ? List.copyOf(words.getOrDefault(OVERALL, List.of())) : List.of(),
				List.copyOf(ratings), hidden, head.madeBy(), head.madeAt().toInstant()));
	}

	/** The trend of every rated sub-theme the staff member may see in any of the assessments. */
	public Trend trend(List<Assessment> assessments) {
		Map<UUID, Theme> themes = new LinkedHashMap<>();
		assessments.forEach(assessment -> assessment.ratings()
			.stream()
			.filter(rating -> rating.theme().rated() && rating.level() != null)
			.forEach(rating -> themes.putIfAbsent(rating.theme().code(), rating.theme())));
		List<TrendRow> rows = themes.values()
			.stream()
			.sorted(Comparator.comparingInt(Theme::order))
			.map(theme -> new TrendRow(theme, assessments.stream()
				.map(assessment -> assessment.rating(theme.code()).map(Rating::level).orElse(null))
				.toList()))
			.toList();
		return new Trend(assessments, rows);
	}

	/** What changed between two assessments, sub-theme by sub-theme, as far as the staff member sees both. */
	public List<Difference> differences(Assessment from, Assessment to) {
		Map<UUID, Theme> themes = new LinkedHashMap<>();
		from.ratings().forEach(rating -> themes.putIfAbsent(rating.theme().code(), rating.theme()));
		to.ratings().forEach(rating -> themes.putIfAbsent(rating.theme().code(), rating.theme()));
		List<Difference> differences = new ArrayList<>();
		themes.values().stream().sorted(Comparator.comparingInt(Theme::order)).forEach(theme -> {
			var before = from.rating(theme.code()).orElse(null);
			var after = to.rating(theme.code()).orElse(null);
			var difference = new Difference(theme, before == null ? null : before.level(),
					after == null ? null : after.level(), before == null ? null : before.description(),
					after == null ? null : after.description(), text(before), text(after));
			boolean same = Objects.equals(difference.from(), difference.to())
					&& Objects.equals(difference.descriptionFrom(), difference.descriptionTo())
					&& Objects.equals(difference.wordsFrom(), difference.wordsTo());
			if (!same) {
				differences.add(difference);
			}
		});
		return differences;
	}

	private static String text(Rating rating) {
		return rating == null || rating.currentWords() == null ? null : rating.currentWords().text();
	}

	/**
	 * Deletes every assessment of the citizen, with its ratings and the citizen's words, when the citizen's record is
	 * erased (see {@link PlanErasure}).
	 *
	 * @return how many assessments were deleted
	 */
	int deleteAllOf(UUID municipalityId, UUID citizenId) {
		var mine = "(select a.id from assessment a where a.municipality_id = ? and a.citizen_id = ?)";
		jdbc.sql("delete from assessment_citizen_words where municipality_id = ? and assessment_id in " + mine)
			.params(municipalityId, municipalityId, citizenId)
			.update();
		jdbc.sql("delete from assessment_rating where municipality_id = ? and assessment_id in " + mine)
			.params(municipalityId, municipalityId, citizenId)
			.update();
		return jdbc.sql("delete from assessment where municipality_id = ? and citizen_id = ?")
			.params(municipalityId, citizenId)
			.update();
	}
}
