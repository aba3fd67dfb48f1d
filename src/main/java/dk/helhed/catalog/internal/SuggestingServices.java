package dk.helhed.catalog.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.Service;
import dk.helhed.catalog.ServiceStatus;
import dk.helhed.catalog.ServiceSuggestions;
import dk.helhed.catalog.Situation;
import dk.helhed.catalog.internal.search.SearchText;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.NotFoundException;

/**
 * Ranks the services for a need: the catalog's search on the need's words decides most, since a goal says what the
 * citizen wants in words the texts of the right services share; a service meant for the need's situation counts on
 * top, so that a goal in few words ("bolig") still finds the services for homeless people; the age limits exclude.
 */
@Component
class SuggestingServices implements ServiceSuggestions {

	// How many search results are looked at before the structured eligibility re-ranks them.
	private static final int SEARCH_DEPTH = 25;
	// A search score counts relative to the best result (between 0 and 1); a service meant for the need's situation gets this on top of its search score.
	static final double SITUATION = 0.3;
	// A service that takes anonymous contacts, for a citizen without a name.
	static final double ANONYMOUS = 0.15;
	// Below this share of the best score, the words are not given as a reason.
	static final double WORDS_REASON = 0.3;

	private static final ZoneId LOCAL = ZoneId.of("Europe/Copenhagen");

	private final Catalogs catalogs;
	private final Municipalities municipalities;
	private final Clock clock;

	SuggestingServices(Catalogs catalogs, Municipalities municipalities, Clock clock) {
		this.catalogs = catalogs;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	private record Scored(Service service, double words, double total) {
	}

	@Override
	public List<Suggestion> suggest(UUID municipalityId, Need need, int limit) {
		var municipality = municipalities.findById(municipalityId)
			.orElseThrow(() -> new NotFoundException("Kommunen findes ikke."));
		var catalog = catalogs.of(municipality);
		Map<UUID, Double> words = new LinkedHashMap<>();
		var text = SearchText.of(need.text());
		if (!text.isEmpty()) {
			var found = catalogs.search(municipality, text, SEARCH_DEPTH);
			var best = found.isEmpty() ? 1f : Math.max(found.getFirst().score(), Float.MIN_VALUE);
			found.forEach(hit -> words.put(hit.service().id(), (double) (hit.score() / best)));
		}
		List<Scored> scored = new ArrayList<>();
		for (var service : catalog.services()) {
			if (!eligible(service, need)) {
				continue;
			}
			double fromWords = words.getOrDefault(service.id(), 0.0);
			boolean situation = service.situations().stream().anyMatch(need.situations()::contains);
			if (fromWords == 0 && !situation) {
				continue;
			}
			double total = fromWords + (situation ? SITUATION : 0)
					+ (need.anonymous() && service.accessMode().anonymousPossible() ? ANONYMOUS : 0);
			scored.add(new Scored(service, fromWords, total));
		}
		var now = LocalDateTime.now(clock.withZone(LOCAL));
		return scored.stream()
			.sorted(Comparator.comparingDouble(Scored::total).reversed().thenComparing(s -> s.service().name()))
			.limit(Math.max(0, limit))
			.map(s -> suggestion(s, need, now))
			.toList();
	}

	private static boolean eligible(Service service, Need need) {
		return service.status() == ServiceStatus.ACTIVE && service.accessMode() != AccessMode.FOR_PROFESSIONALS
				&& (need.age() == null || service.acceptsAge(need.age()));
	}

	private static Suggestion suggestion(Scored scored, Need need, LocalDateTime now) {
		var service = scored.service();
		var situations = EnumSet.noneOf(Situation.class);
		service.situations().stream().filter(need.situations()::contains).forEach(situations::add);
		Integer freePlaces = service.capacities().stream().anyMatch(capacity -> capacity.available() != null)
				? service.capacities()
					.stream()
					.mapToInt(capacity -> capacity.available() == null ? 0 : capacity.available())
					.sum()
				: null;
		List<Reason> reasons = new ArrayList<>();
		if (scored.words() >= WORDS_REASON) {
			reasons.add(Reason.WORDS);
		}
		if (!situations.isEmpty()) {
			reasons.add(Reason.SITUATION);
		}
		if (need.age() != null && (service.minimumAge() != null || service.maximumAge() != null)) {
			reasons.add(Reason.AGE);
		}
		if (!service.accessMode().needsDecision()) {
			reasons.add(Reason.OPEN_ACCESS);
		}
		if (service.accessMode().anonymousPossible()) {
			reasons.add(Reason.ANONYMOUS);
		}
		if (service.charge() != null && service.charge().freeToUse()) {
			reasons.add(Reason.FREE);
		}
		if (freePlaces != null && freePlaces > 0) {
			reasons.add(Reason.FREE_PLACES);
		}
		if (service.isOpenAt(now)) {
			reasons.add(Reason.OPEN_NOW);
		}
		return new Suggestion(RepositoryServices.summary(service), service.summary(), service.accessMode(), reasons, situations, freePlaces,
				service.minimumAge(), service.maximumAge());
	}
}
