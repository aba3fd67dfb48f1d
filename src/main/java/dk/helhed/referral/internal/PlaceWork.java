package dk.helhed.referral.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.catalog.ServiceCapacities;
import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseUse;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.NotFoundException;
import dk.helhed.referral.PlaceResource;
import dk.helhed.referral.internal.PlaceStore.Allocation;
import dk.helhed.referral.internal.PlaceStore.Entry;
import dk.helhed.referral.internal.PlaceStore.Urgency;

/**
 * What staff do with places and waiting lists. Only the unit that decides on a service (or owns it) gives out its
 * places; and every step about a citizen opens the citizen's case through the access gate once, which decides and
 * writes the audit row.
 */
@Component
@Transactional
public class PlaceWork {

	private final CaseAccess caseAccess;
	private final Allocations allocations;
	private final WaitingLists waitingLists;
	private final ServiceCapacities capacities;
	private final OfferExpiry offers;
	private final java.time.Clock clock;
	private final PlaceStore store;

	PlaceWork(CaseAccess caseAccess, Allocations allocations, WaitingLists waitingLists,
			ServiceCapacities capacities, OfferExpiry offers, java.time.Clock clock, PlaceStore store) {
		this.store = store;
		this.caseAccess = caseAccess;
		this.allocations = allocations;
		this.waitingLists = waitingLists;
		this.capacities = capacities;
		this.offers = offers;
		this.clock = clock;
	}

	/** The staff member's unit gives out the service's places: it decides on the service, or owns it. */
	public boolean keepsPlacesOf(StaffMember staff, UUID serviceId) {
		return keepsPlacesOf(staff, serviceId, capacities.of(staff.municipalityId()));
	}

	private static boolean keepsPlacesOf(StaffMember staff, UUID serviceId,
			java.util.List<ServiceCapacities.Capacity> all) {
		return all.stream()
			.filter(capacity -> capacity.serviceId().equals(serviceId))
			.anyMatch(capacity -> (capacity.decidingUnitId() != null && staff.belongsTo(capacity.decidingUnitId()))
					|| (capacity.decidingUnitId() == null && capacity.owningUnitId() != null
							&& staff.belongsTo(capacity.owningUnitId())));
	}

	private ServiceCapacities.Capacity requireKeeper(StaffMember staff, UUID serviceId) {
		var capacity = capacities.of(staff.municipalityId())
			.stream()
			.filter(candidate -> candidate.serviceId().equals(serviceId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Indsatsen findes ikke."));
		if (!staff.isCaseWorker() || !keepsPlacesOf(staff, serviceId)) {
			throw new AccessDeniedException("Only the deciding unit gives out a service's places");
		}
		return capacity;
	}

	/**
	 * As {@link #requireKeeper}, for a step that shows or changes a citizen's data: a refusal (an unknown service, or
	 * a unit that does not keep its places) is written to the audit log by the gate before it is thrown.
	 */
	private ServiceCapacities.Capacity requireKeeper(StaffMember staff, UUID serviceId, UUID citizenId, CaseUse use) {
		try {
			return requireKeeper(staff, serviceId);
		}
		catch (NotFoundException | AccessDeniedException ex) {
			caseAccess.refuse(staff, citizenId, use);
			throw ex;
		}
	}

	/** One of the services whose places the staff member's unit gives out, counted now. */
	public record Summary(UUID serviceId, String serviceName, int free, int held, int occupied, int closed,
			int waiting) {

		/** Free places while someone waits: what the unit that keeps the list should act on. */
		public int freeWhileWaiting() {
			return Math.min(free, waiting);
		}
	}

	/** The services whose places the staff member's unit keeps, with their counts; no citizen's data. */
	@Transactional(readOnly = true)
	public java.util.List<Summary> overview(StaffMember staff) {
		if (!staff.isCaseWorker()) {
			return java.util.List.of();
		}
		var seen = new java.util.LinkedHashMap<UUID, String>();
		var all = capacities.of(staff.municipalityId());
		all.stream()
			.filter(capacity -> keepsPlacesOf(staff, capacity.serviceId(), all))
			.forEach(capacity -> seen.putIfAbsent(capacity.serviceId(), capacity.serviceName()));
		return seen.entrySet().stream().map(service -> {
			var places = allocations.placesOf(staff.municipalityId(), service.getKey());
			java.util.function.Function<Allocations.State, Integer> count = state -> (int) places.stream()
				.filter(place -> place.state() == state)
				.count();
			return new Summary(service.getKey(), service.getValue(), count.apply(Allocations.State.FREE),
					count.apply(Allocations.State.HELD), count.apply(Allocations.State.OCCUPIED),
					count.apply(Allocations.State.CLOSED),
					waitingLists.positions(staff.municipalityId(), service.getKey()).size());
		}).filter(summary -> summary.free() + summary.held() + summary.occupied() + summary.closed() > 0).toList();
	}

	/** How many places are free while someone waits for one, over the services the unit keeps (for the navigation). */
	@Transactional(readOnly = true)
	public int freeWhileWaiting(StaffMember staff) {
		return overview(staff).stream().mapToInt(Summary::freeWhileWaiting).sum();
	}

	/** A place as the page shows it: its state, and the citizen who holds or lives in it (by the gate's list). */
	public record PlaceRow(Allocations.PlaceState state, String citizenName, String closedReason) {

		public PlaceStore.Place place() {
			return state.place();
		}

		public PlaceStore.Allocation current() {
			return state.current().orElse(null);
		}
	}

	public record WaitingRow(WaitingLists.Position position, String citizenName) {
	}

	/** The citizens of the unit's own cases, by whom a place can be offered or the list be joined. */
	public record Citizen(UUID id, String name) {
	}

	/** Everything the page of one service's places shows. */
	public record ServicePlaces(UUID serviceId, String serviceName, java.util.List<PlaceRow> places,
			java.util.List<WaitingRow> waiting, PlaceStore.Rule rule, java.util.List<PlaceStore.Reason> declineReasons,
			java.util.List<Citizen> citizens, java.time.Duration offerValidFor) {

		public long count(Allocations.State state) {
			return places.stream().filter(row -> row.state().state() == state).count();
		}
	}

	/**
	 * The places of a service with their states, and its waiting list in priority order with each position explained.
	 * Citizens' names come from the gate's list of the unit's own cases (one audit row, a search); a citizen outside
	 * them is shown without a name.
	 */
	@Transactional // not read-only: the gate writes its audit row in this transaction (PostgreSQL refuses a write in a read-only one)
	public ServicePlaces servicePlaces(StaffMember staff, UUID serviceId) {
		var capacity = requireKeeper(staff, serviceId, null, CaseUse.read(PlaceResource.PLACE));
		var own = caseAccess.ownCases(staff, PlaceResource.PLACE);
		var names = new java.util.HashMap<UUID, String>();
		own.forEach(citizen -> names.put(citizen.id(), citizen.displayName()));
		java.util.function.Function<UUID, String> name = id -> id == null ? null
				: names.getOrDefault(id, "Borger uden sag i din enhed");
		var municipalityId = staff.municipalityId();
		var places = allocations.placesOf(municipalityId, serviceId)
			.stream()
			.map(state -> new PlaceRow(state, name.apply(state.current().map(PlaceStore.Allocation::citizenId)
				.orElse(null)),
					state.state() == Allocations.State.CLOSED
							? store.closedReason(municipalityId, state.place().id()) : null))
			.toList();
		var waiting = waitingLists.positions(municipalityId, serviceId)
			.stream()
			.map(position -> new WaitingRow(position, name.apply(position.entry().citizenId())))
			.toList();
		var citizens = own.stream()
			.map(citizen -> new Citizen(citizen.id(), citizen.displayName()))
			.sorted(java.util.Comparator.comparing(Citizen::name))
			.toList();
		return new ServicePlaces(serviceId, capacity.serviceName(), places, waiting, waitingLists.rule(),
				declineReasons(),
				citizens, settingsOfferValidFor());
	}

	/** The coded reasons an offer can be declined for today, each with who decided and what follows. */
	@Transactional(readOnly = true)
	public java.util.List<PlaceStore.Reason> declineReasons() {
		return store.reasons(Allocations.OFFER_DECLINED, LocalDate.now(clock))
			.stream()
			.filter(reason -> !"EXPIRED".equals(reason.code()))
			.toList();
	}

	/** Offers a free place to the first on the waiting list; the gate is asked about that citizen. */
	public Allocation offerNext(StaffMember staff, UUID serviceId) {
		requireKeeper(staff, serviceId, null, CaseUse.create(PlaceResource.PLACE));
		var first = waitingLists.positions(staff.municipalityId(), serviceId).stream().findFirst();
		if (first.isEmpty()) {
			caseAccess.refuse(staff, null, CaseUse.create(PlaceResource.PLACE));
			throw new dk.helhed.platform.InvalidRequestException("Ingen står på ventelisten.");
		}
		var citizenId = first.get().entry().citizenId();
		caseAccess.open(staff, citizenId, CaseUse.create(PlaceResource.PLACE));
		return waitingLists.offerTo(staff.municipalityId(), serviceId, citizenId, staff.id());
	}

	/** Closes a free place (e.g. for repairs) with a reason; no citizen is concerned. */
	public void close(StaffMember staff, UUID serviceId, UUID placeId, String reason) {
		requireKeeper(staff, serviceId);
		requirePlaceOf(staff, serviceId, placeId);
		allocations.close(staff.municipalityId(), placeId, reason);
	}

	/** Opens a closed place again; it is offered to the next on the list. */
	public void reopen(StaffMember staff, UUID serviceId, UUID placeId) {
		requireKeeper(staff, serviceId);
		var place = requirePlaceOf(staff, serviceId, placeId);
		allocations.reopen(staff.municipalityId(), placeId);
		offers.placeFreed(staff.municipalityId(), serviceId, place.id(), null);
	}

	/** What a confirmation page shows before a move: the allocation, its place and the citizen's name (one audit row). */
	public record Pending(Allocation allocation, int placeNumber, String citizenName) {
	}

	@Transactional // not read-only: the gate writes its audit row in this transaction (PostgreSQL refuses a write in a read-only one)
	public Pending pending(StaffMember staff, Allocation allocation) {
		var view = caseAccess.open(staff, allocation.citizenId(), CaseUse.read(PlaceResource.PLACE, allocation.id()));
		var number = store.place(staff.municipalityId(), allocation.placeId()).map(PlaceStore.Place::number).orElse(0);
		return new Pending(allocation, number, view.citizen().displayName());
	}

	/** The number of a place, as the page and the receipts name it. */
	@Transactional(readOnly = true)
	public int placeNumber(StaffMember staff, UUID placeId) {
		return store.place(staff.municipalityId(), placeId).map(PlaceStore.Place::number).orElse(0);
	}

	private PlaceStore.Place requirePlaceOf(StaffMember staff, UUID serviceId, UUID placeId) {
		return store.place(staff.municipalityId(), placeId)
			.filter(place -> place.serviceId().equals(serviceId))
			.orElseThrow(() -> new NotFoundException("Pladsen findes ikke."));
	}

	/**
	 * The active allocation, if it belongs to this service; no citizen's data. A caller who does not keep the
	 * service's places is refused, and the refusal logged.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Allocation> allocationOf(StaffMember staff, UUID serviceId, UUID allocationId) {
		requireKeeper(staff, serviceId, null, CaseUse.update(PlaceResource.PLACE, allocationId));
		return allocations.allocation(staff.municipalityId(), allocationId)
			.filter(allocation -> allocation.serviceId().equals(serviceId)
					&& allocation.status() == PlaceStore.Status.ACTIVE);
	}

	public Entry putOnWaitingList(StaffMember staff, UUID serviceId, UUID citizenId, Urgency urgency,
			LocalDate requestedOn) {
		var capacity = requireKeeper(staff, serviceId, citizenId, CaseUse.create(PlaceResource.WAITING_LIST));
		caseAccess.open(staff, citizenId, CaseUse.create(PlaceResource.WAITING_LIST));
		var unit = capacity.decidingUnitId() != null ? capacity.decidingUnitId() : capacity.owningUnitId();
		return waitingLists.add(staff.municipalityId(), serviceId, citizenId, unit, urgency, requestedOn, staff.id());
	}

	/** Offers a free place to this citizen: the one on the list, or directly when they are not on it. */
	public Allocation offerPlace(StaffMember staff, UUID serviceId, UUID citizenId) {
		requireKeeper(staff, serviceId, citizenId, CaseUse.create(PlaceResource.PLACE));
		caseAccess.open(staff, citizenId, CaseUse.create(PlaceResource.PLACE));
		if (waitingLists.positionOf(staff.municipalityId(), serviceId, citizenId).isPresent()) {
			return waitingLists.offerTo(staff.municipalityId(), serviceId, citizenId, staff.id());
		}
		return allocations.holdFreePlace(staff.municipalityId(), serviceId, citizenId,
				clock.instant().plus(settingsOfferValidFor()), staff.id(), Allocations.Offer.DIRECT);
	}

	private java.time.Duration settingsOfferValidFor() {
		return waitingListsSettings().offerValidFor();
	}

	private PlaceSettings waitingListsSettings() {
		return waitingLists.settings();
	}

	public Allocation moveIn(StaffMember staff, UUID holdId, LocalDate plannedMoveOut) {
		var hold = allocationFor(staff, holdId);
		return allocations.moveIn(staff.municipalityId(), hold.id(), plannedMoveOut, staff.id());
	}

	public PlaceStore.Reason decline(StaffMember staff, UUID holdId, String reasonCode) {
		var hold = allocationFor(staff, holdId);
		var reason = allocations.decline(staff.municipalityId(), hold.id(), reasonCode);
		offers.placeFreed(staff.municipalityId(), hold.serviceId(), hold.placeId(), hold.citizenId());
		return reason;
	}

	public Allocation moveOut(StaffMember staff, UUID occupancyId) {
		var occupancy = allocationFor(staff, occupancyId);
		var ended = allocations.end(staff.municipalityId(), occupancy.id(), "MOVED_OUT");
		offers.placeFreed(staff.municipalityId(), occupancy.serviceId(), occupancy.placeId(), null);
		return ended;
	}

	private Allocation allocationFor(StaffMember staff, UUID allocationId) {
		var found = allocations.allocation(staff.municipalityId(), allocationId);
		if (found.isEmpty()) {
			caseAccess.refuse(staff, null, CaseUse.update(PlaceResource.PLACE, allocationId));
			throw new NotFoundException("Anvisningen findes ikke.");
		}
		var allocation = found.get();
		requireKeeper(staff, allocation.serviceId(), allocation.citizenId(),
				CaseUse.update(PlaceResource.PLACE, allocation.id()));
		caseAccess.open(staff, allocation.citizenId(), CaseUse.update(PlaceResource.PLACE, allocation.id()));
		return allocation;
	}
}
