package dk.helhed.referral.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.catalog.ServiceCapacities;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.referral.PlaceNoLongerFree;
import dk.helhed.referral.internal.PlaceStore.Allocation;
import dk.helhed.referral.internal.PlaceStore.Entry;
import dk.helhed.referral.internal.PlaceStore.EntryStatus;
import dk.helhed.referral.internal.PlaceStore.Kind;
import dk.helhed.referral.internal.PlaceStore.Place;
import dk.helhed.referral.internal.PlaceStore.Status;

/**
 * Giving places out, all or nothing (security.md item 15): a hold (an offer with an expiry) or an occupancy is saved
 * only if the place was free when read, nobody changed the place since (optimistic lock), and the database's unique
 * constraint on the active allocation agrees. Whoever loses any of the three gets {@link PlaceNoLongerFree} and
 * nothing is saved. Every change recounts the capacity's free places in the catalog in the same transaction. The
 * access gate is asked by the caller ({@link PlaceWork}); this class knows nothing about who may.
 */
@Component
@Transactional
public class Allocations {

	/** What a place is now. */
	public enum State {
		FREE, HELD, OCCUPIED, CLOSED
	}

	public record PlaceState(Place place, State state, Optional<Allocation> current) {
	}

	static final String OFFER_DECLINED = "OFFER_DECLINED";

	private final PlaceStore store;
	private final ServiceCapacities capacities;
	private final Clock clock;

	Allocations(PlaceStore store, ServiceCapacities capacities, Clock clock) {
		this.store = store;
		this.capacities = capacities;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<PlaceState> placesOf(UUID municipalityId, UUID serviceId) {
		var places = store.placesOfService(municipalityId, serviceId);
		if (places.isEmpty()) {
			return List.of();
		}
		var active = new java.util.HashMap<UUID, Allocation>();
		store.activeAllocationsOfServicePlaces(municipalityId, serviceId)
			.forEach(allocation -> active.put(allocation.placeId(), allocation));
		return places.stream().map(place -> state(place, Optional.ofNullable(active.get(place.id())))).toList();
	}

	PlaceState state(Place place) {
		return state(place, store.activeAllocation(place.municipalityId(), place.id()));
	}

	private static PlaceState state(Place place, Optional<Allocation> current) {
		State state;
		if (current.isPresent()) {
			state = current.get().kind() == Kind.HOLD ? State.HELD : State.OCCUPIED;
		}
		else {
			state = place.closedAt() != null ? State.CLOSED : State.FREE;
		}
		return new PlaceState(place, state, current);
	}

	/**
	 * Holds the first free place of the service for the citizen until the expiry.
	 *
	 * @throws PlaceNoLongerFree no place is free, or another allocation got it first
	 */
	public Allocation holdFreePlace(UUID municipalityId, UUID serviceId, UUID citizenId, Instant expiresAt,
			UUID byStaffId, Offer offer) {
		var place = store.placesOfService(municipalityId, serviceId)
			.stream()
			.filter(candidate -> state(candidate).state() == State.FREE)
			.findFirst()
			.orElseThrow(PlaceNoLongerFree::new);
		return hold(place, citizenId, expiresAt, byStaffId, offer);
	}

	/** The waiting-list entry, rule version and inputs an offer was made on (or none, for a direct offer). */
	public record Offer(UUID waitingEntryId, Integer ruleVersion, String ruleInputs) {

		public static final Offer DIRECT = new Offer(null, null, null);
	}

	/**
	 * Holds this place for the citizen until the expiry.
	 *
	 * @throws PlaceNoLongerFree the place is held, occupied or closed, or another allocation got it first
	 */
	public Allocation holdPlace(UUID municipalityId, UUID placeId, UUID citizenId, Instant expiresAt, UUID byStaffId) {
		var place = store.place(municipalityId, placeId).orElseThrow(() -> new NotFoundException("Pladsen findes ikke."));
		return hold(place, citizenId, expiresAt, byStaffId, Offer.DIRECT);
	}

	private Allocation hold(Place place, UUID citizenId, Instant expiresAt, UUID byStaffId, Offer offer) {
		var now = clock.instant();
		if (!expiresAt.isAfter(now)) {
			throw new InvalidRequestException("Tilbuddet skal gælde til et tidspunkt efter nu.");
		}
		var allocation = new Allocation(place.municipalityId(), UUID.randomUUID(), place.id(), place.serviceId(),
				citizenId, Kind.HOLD, Status.ACTIVE, now, expiresAt, null, null, null, offer.waitingEntryId(),
				offer.ruleVersion(), offer.ruleInputs());
		take(place, allocation, byStaffId);
		return allocation;
	}

	private void take(Place place, Allocation allocation, UUID byStaffId) {
		if (state(place).state() != State.FREE) {
			throw new PlaceNoLongerFree();
		}
		try {
			if (!store.bumpVersion(place)) {
				throw new PlaceNoLongerFree();
			}
			store.insertAllocation(allocation, byStaffId);
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
			// The unique constraint (one active allocation per place, one active offer per citizen and service) or a
			// lock held by the winner: someone else got there first.
			throw new PlaceNoLongerFree();
		}
		recount(place);
	}

	/** The citizen takes the held place: the hold ends and the occupancy begins, in one step. */
	public Allocation moveIn(UUID municipalityId, UUID holdId, LocalDate plannedMoveOut, UUID byStaffId) {
		var hold = activeOf(municipalityId, holdId);
		if (hold.kind() != Kind.HOLD) {
			throw new InvalidRequestException("Borgeren bor allerede på pladsen.");
		}
		var now = clock.instant();
		if (plannedMoveOut != null && !plannedMoveOut.isAfter(LocalDate.now(clock))) {
			throw new InvalidRequestException("Den planlagte fraflytning skal ligge efter i dag.");
		}
		if (!store.endAllocation(municipalityId, holdId, now, "MOVED_IN")) {
			throw new PlaceNoLongerFree();
		}
		var place = store.place(municipalityId, hold.placeId()).orElseThrow();
		var occupancy = new Allocation(municipalityId, UUID.randomUUID(), place.id(), place.serviceId(),
				hold.citizenId(), Kind.OCCUPANCY, Status.ACTIVE, now, null, plannedMoveOut, null, null,
				hold.waitingEntryId(), hold.ruleVersion(), hold.ruleInputs());
		try {
			store.insertAllocation(occupancy, byStaffId);
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
			throw new PlaceNoLongerFree();
		}
		if (hold.waitingEntryId() != null) {
			store.moveEntry(municipalityId, hold.waitingEntryId(), EntryStatus.OFFERED, EntryStatus.PLACED, now,
					"MOVED_IN");
		}
		recount(place);
		return occupancy;
	}

	/** The citizen moved out, or the hold was withdrawn: the place is free again. */
	public Allocation end(UUID municipalityId, UUID allocationId, String reason) {
		var allocation = activeOf(municipalityId, allocationId);
		if (!store.endAllocation(municipalityId, allocationId, clock.instant(), reason)) {
			throw new InvalidRequestException("Anvisningen er allerede afsluttet.");
		}
		recount(store.place(municipalityId, allocation.placeId()).orElseThrow());
		return allocation;
	}

	/**
	 * An offer was declined (or expired) with a coded reason; the waiting-list entry goes back on the list or off it as
	 * the reason's consequence says.
	 */
	public PlaceStore.Reason decline(UUID municipalityId, UUID holdId, String reasonCode) {
		var hold = activeOf(municipalityId, holdId);
		if (hold.kind() != Kind.HOLD) {
			throw new InvalidRequestException("Kun et tilbud om en plads kan afslås.");
		}
		var now = clock.instant();
		var reason = store.reason(OFFER_DECLINED, reasonCode == null ? "" : reasonCode.strip(), LocalDate.now(clock))
			.orElseThrow(() -> new InvalidRequestException("Vælg en årsag fra listen."));
		if (!store.endAllocation(municipalityId, holdId, now, reason.code())) {
			throw new InvalidRequestException("Tilbuddet er allerede afsluttet.");
		}
		if (hold.waitingEntryId() != null) {
			if ("OFF_LIST".equals(reason.consequence())) {
				store.moveEntry(municipalityId, hold.waitingEntryId(), EntryStatus.OFFERED, EntryStatus.REMOVED, now,
						reason.code());
			}
			else {
				store.moveEntry(municipalityId, hold.waitingEntryId(), EntryStatus.OFFERED, EntryStatus.WAITING, now,
						reason.code());
			}
		}
		recount(store.place(municipalityId, hold.placeId()).orElseThrow());
		return reason;
	}

	public void close(UUID municipalityId, UUID placeId, String reason) {
		var place = store.place(municipalityId, placeId).orElseThrow(() -> new NotFoundException("Pladsen findes ikke."));
		if (state(place).state() != State.FREE) {
			throw new InvalidRequestException("Kun en ledig plads kan lukkes.");
		}
		if (!store.bumpVersion(place)) {
			throw new PlaceNoLongerFree();
		}
		store.closePlace(municipalityId, placeId, clock.instant(), reason);
		recount(place);
	}

	public void reopen(UUID municipalityId, UUID placeId) {
		var place = store.place(municipalityId, placeId).orElseThrow(() -> new NotFoundException("Pladsen findes ikke."));
		if (place.closedAt() == null) {
			throw new InvalidRequestException("Pladsen er ikke lukket.");
		}
		store.reopenPlace(municipalityId, placeId);
		recount(place);
	}

	@Transactional(readOnly = true)
	public Optional<Allocation> allocation(UUID municipalityId, UUID allocationId) {
		return store.allocation(municipalityId, allocationId);
	}

	private Allocation activeOf(UUID municipalityId, UUID allocationId) {
		var allocation = store.allocation(municipalityId, allocationId)
			.orElseThrow(() -> new NotFoundException("Anvisningen findes ikke."));
		if (allocation.status() != Status.ACTIVE) {
			throw new InvalidRequestException("Anvisningen er allerede afsluttet.");
		}
		return allocation;
	}

	void recount(Place place) {
		capacities.recount(place.municipalityId(), place.capacityId(),
				() -> store.freePlaces(place.municipalityId(), place.capacityId()));
	}

	/** The order of a waiting list under priority rule 1: urgency, then the day of the request, then the lottery. */
	static final Comparator<Entry> RULE_1 = Comparator.comparing(Entry::urgency)
		.thenComparing(Entry::requestedOn)
		.thenComparingInt(Entry::tieBreaker);
}
