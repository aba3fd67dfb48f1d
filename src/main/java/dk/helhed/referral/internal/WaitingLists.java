package dk.helhed.referral.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.referral.PlaceNoLongerFree;
import dk.helhed.referral.internal.Allocations.Offer;
import dk.helhed.referral.internal.PlaceStore.Allocation;
import dk.helhed.referral.internal.PlaceStore.Entry;
import dk.helhed.referral.internal.PlaceStore.EntryStatus;
import dk.helhed.referral.internal.PlaceStore.Rule;
import dk.helhed.referral.internal.PlaceStore.Urgency;

/**
 * A waiting list per service, in the order of the published priority rule in force (version 1: urgency, then the day
 * of the request, then a random number drawn and stored when the citizen was put on the list). Each offer stores the
 * rule's version and the inputs it was made on, and each position is explained in plain words.
 */
@Component
@Transactional
public class WaitingLists {

	/** A citizen's place in the queue, with the reason in plain Danish. */
	public record Position(Entry entry, int number, int of, String explanation) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PlaceStore store;
	private final Allocations allocations;
	private final PlaceSettings settings;
	private final Clock clock;

	WaitingLists(PlaceStore store, Allocations allocations, PlaceSettings settings, Clock clock) {
		this.store = store;
		this.allocations = allocations;
		this.settings = settings;
		this.clock = clock;
	}

	public Entry add(UUID municipalityId, UUID serviceId, UUID citizenId, UUID ownerUnitId, Urgency urgency,
			LocalDate requestedOn, UUID byStaffId) {
		var today = LocalDate.now(clock);
		if (requestedOn == null || requestedOn.isAfter(today) || requestedOn.isBefore(today.minusYears(10))) {
			throw new InvalidRequestException("Datoen for ansøgningen skal være en dag inden for de sidste ti år og ikke efter i dag.");
		}
		if (store.activeEntry(municipalityId, serviceId, citizenId).isPresent()) {
			throw new InvalidRequestException("Borgeren står allerede på ventelisten.");
		}
		var entry = new Entry(municipalityId, UUID.randomUUID(), serviceId, citizenId, ownerUnitId, urgency,
				requestedOn, RANDOM.nextInt(1_000_000), EntryStatus.WAITING, clock.instant(), null, 0);
		try {
			store.insertEntry(entry, byStaffId);
		}
		catch (DataIntegrityViolationException ex) {
			throw new InvalidRequestException("Borgeren står allerede på ventelisten.");
		}
		return entry;
	}

	PlaceSettings settings() {
		return settings;
	}

	/** The rule in force today, to publish. */
	@Transactional(readOnly = true)
	public Rule rule() {
		return store.rule(LocalDate.now(clock));
	}

	@Transactional(readOnly = true)
	public List<Position> positions(UUID municipalityId, UUID serviceId) {
		var ordered = store.waiting(municipalityId, serviceId).stream().sorted(Allocations.RULE_1).toList();
		return java.util.stream.IntStream.range(0, ordered.size())
			.mapToObj(i -> new Position(ordered.get(i), i + 1, ordered.size(), explain(ordered, i)))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<Position> positionOf(UUID municipalityId, UUID serviceId, UUID citizenId) {
		return positions(municipalityId, serviceId).stream()
			.filter(position -> position.entry().citizenId().equals(citizenId))
			.findFirst();
	}

	/** Why the citizen stands where they stand, in short sentences a citizen can read. */
	static String explain(List<Entry> ordered, int index) {
		var entry = ordered.get(index);
		var text = new StringBuilder("Du er nummer " + (index + 1) + " af " + ordered.size() + " på ventelisten. ");
		if (index == 0) {
			return text.append("Du får tilbudt den næste plads, der bliver ledig.").toString();
		}
		var ahead = ordered.subList(0, index);
		long moreUrgent = ahead.stream().filter(other -> other.urgency().compareTo(entry.urgency()) < 0).count();
		long earlier = ahead.stream()
			.filter(other -> other.urgency() == entry.urgency() && other.requestedOn().isBefore(entry.requestedOn()))
			.count();
		long lottery = ahead.size() - moreUrgent - earlier;
		if (moreUrgent > 0) {
			text.append(people(moreUrgent)).append(" før dig, fordi deres sag haster mere. ");
		}
		if (earlier > 0) {
			text.append(people(earlier)).append(" før dig, fordi de søgte før dig. ");
		}
		if (lottery > 0) {
			text.append(people(lottery)).append(" før dig, fordi de søgte samme dag og vandt lodtrækningen. ");
		}
		return text.toString().strip();
	}

	private static String people(long count) {
		return count == 1 ? "En står" : count + " står";
	}

	/**
	 * Offers a free place to the first on the list, held until the offer expires.
	 *
	 * @return the hold, or empty when nobody waits or no place is free
	 */
	public Optional<Allocation> offerNext(UUID municipalityId, UUID serviceId, UUID byStaffId) {
		return offerNext(municipalityId, serviceId, byStaffId, null);
	}

	/**
	 * As {@link #offerNext(UUID, UUID, UUID)}, passing over the citizen who just declined or let the offer expire:
	 * they are back on the list, but the place goes to the next one.
	 */
	public Optional<Allocation> offerNext(UUID municipalityId, UUID serviceId, UUID byStaffId, UUID passOver) {
		var positions = positions(municipalityId, serviceId).stream()
			.filter(position -> !position.entry().citizenId().equals(passOver))
			.toList();
		boolean anyFree = allocations.placesOf(municipalityId, serviceId)
			.stream()
			.anyMatch(place -> place.state() == Allocations.State.FREE);
		if (positions.isEmpty() || !anyFree) {
			return Optional.empty();
		}
		return Optional.of(offer(positions.getFirst(), byStaffId));
	}

	/** Offers a free place to this citizen on the list (e.g. at once after a decision). */
	public Allocation offerTo(UUID municipalityId, UUID serviceId, UUID citizenId, UUID byStaffId) {
		var position = positionOf(municipalityId, serviceId, citizenId)
			.orElseThrow(() -> new NotFoundException("Borgeren venter ikke på en plads på denne indsats."));
		return offer(position, byStaffId);
	}

	private Allocation offer(Position position, UUID byStaffId) {
		var entry = position.entry();
		var rule = store.rule(LocalDate.now(clock));
		var inputs = "regel %d; hastegrad %s; søgt %s; lodtrækning %d; nummer %d af %d".formatted(rule.version(),
				entry.urgency(), entry.requestedOn(), entry.tieBreaker(), position.number(), position.of());
		Instant expires = clock.instant().plus(settings.offerValidFor());
		var hold = allocations.holdFreePlace(entry.municipalityId(), entry.serviceId(), entry.citizenId(), expires,
				byStaffId, new Offer(entry.id(), rule.version(), inputs));
		if (!store.moveEntry(entry.municipalityId(), entry.id(), EntryStatus.WAITING, EntryStatus.OFFERED,
				clock.instant(), null)) {
			throw new PlaceNoLongerFree();
		}
		return hold;
	}

	public void remove(UUID municipalityId, UUID entryId, String reason) {
		var entry = store.entry(municipalityId, entryId).orElseThrow(() -> new NotFoundException("Findes ikke."));
		if (!store.moveEntry(municipalityId, entry.id(), EntryStatus.WAITING, EntryStatus.REMOVED, clock.instant(),
				reason)) {
			throw new InvalidRequestException("Borgeren står ikke længere på ventelisten.");
		}
	}
}
