package dk.helhed.catalog;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Services of the municipality's active catalog that may answer a need (a goal of a plan, an assessed theme), ranked
 * by the catalog's search on the need's words and by how the service's structured eligibility fits, each with the
 * reasons it fits. For other modules; the catalog keeps the ranking.
 */
public interface ServiceSuggestions {

	/**
	 * A need to find services for.
	 *
	 * @param text the need in words (the goal as written, the theme's name)
	 * @param situations the life situations the need is about (from the theme)
	 * @param age the citizen's age, or null when unknown; a service the age is outside of is not suggested
	 * @param anonymous the citizen has not given their name; services that take anonymous contacts count first
	 */
	record Need(String text, Set<Situation> situations, Integer age, boolean anonymous) {

		public Need {
			text = text == null ? "" : text;
			situations = situations == null ? Set.of() : Set.copyOf(situations);
		}
	}

	/** Why a service fits a need, as the caseworker is shown it. */
	enum Reason {
		/** The service's texts answer the need's words. */
		WORDS,
		/** The service is meant for one of the need's situations. */
		SITUATION,
		/** The service has an age limit, and the citizen's age is within it. */
		AGE,
		/** The citizen can turn up or call without a decision. */
		OPEN_ACCESS,
		/** The citizen need not give their name. */
		ANONYMOUS,
		/** Free to use. */
		FREE,
		/** The service reports free places now. */
		FREE_PLACES,
		/** Open at this moment by its weekly hours. */
		OPEN_NOW
	}

	/**
	 * A suggested service.
	 *
	 * @param situations the need's situations the service is meant for
	 * @param freePlaces the free places the service reports now, or null when it keeps no count
	 * @param minimumAge the service's lower age limit, or null
	 * @param maximumAge the service's upper age limit, or null
	 */
	record Suggestion(Services.Summary service, String summary, AccessMode accessMode, List<Reason> reasons,
			Set<Situation> situations, Integer freePlaces, Integer minimumAge, Integer maximumAge) {

		public Suggestion {
			reasons = List.copyOf(reasons);
			situations = Set.copyOf(situations);
		}

		public boolean fitsBecause(Reason reason) {
			return reasons.contains(reason);
		}
	}

	/** The best suggestions for the need, best first; services for professionals are never suggested. */
	List<Suggestion> suggest(UUID municipalityId, Need need, int limit);
}
