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

	PlaceWork(CaseAccess caseAccess, Allocations allocations, WaitingLists waitingLists,
			ServiceCapacities capacities, OfferExpiry offers, java.time.Clock clock) {
		this.caseAccess = caseAccess;
		this.allocations = allocations;
		this.waitingLists = waitingLists;
		this.capacities = capacities;
		this.offers = offers;
		this.clock = clock;
	}

	/** The staff member's unit gives out the service's places: it decides on the service, or owns it. */
	public boolean keepsPlacesOf(StaffMember staff, UUID serviceId) {
		return capacities.of(staff.municipalityId())
			.stream()
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

	public Entry putOnWaitingList(StaffMember staff, UUID serviceId, UUID citizenId, Urgency urgency,
			LocalDate requestedOn) {
		var capacity = requireKeeper(staff, serviceId);
		caseAccess.open(staff, citizenId, CaseUse.create(PlaceResource.WAITING_LIST));
		var unit = capacity.decidingUnitId() != null ? capacity.decidingUnitId() : capacity.owningUnitId();
		return waitingLists.add(staff.municipalityId(), serviceId, citizenId, unit, urgency, requestedOn, staff.id());
	}

	/** Offers a free place to this citizen: the one on the list, or directly when they are not on it. */
	public Allocation offerPlace(StaffMember staff, UUID serviceId, UUID citizenId) {
		requireKeeper(staff, serviceId);
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
		var allocation = allocations.allocation(staff.municipalityId(), allocationId)
			.orElseThrow(() -> new NotFoundException("Anvisningen findes ikke."));
		requireKeeper(staff, allocation.serviceId());
		caseAccess.open(staff, allocation.citizenId(), CaseUse.update(PlaceResource.PLACE, allocation.id()));
		return allocation;
	}
}
