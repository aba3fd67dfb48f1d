package dk.helhed.referral.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dk.helhed.catalog.ServiceCapacities;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Offers that were not answered in time expire: the hold ends with the reason "Tilbuddet udløb uden svar", the
 * citizen goes back on the list, and the place is offered to the next one (or, with nobody waiting, the owning unit
 * is told it is free). Each offer in a transaction of its own, so one failure does not keep the others.
 */
@Component
public class OfferExpiry {

	private static final Logger log = LoggerFactory.getLogger(OfferExpiry.class);

	private final PlaceStore store;
	private final Allocations allocations;
	private final WaitingLists waitingLists;
	private final ServiceCapacities capacities;
	private final TransactionTemplate transactions;
	private final java.time.Clock clock;

	OfferExpiry(PlaceStore store, Allocations allocations, WaitingLists waitingLists, ServiceCapacities capacities,
			TransactionTemplate transactions, java.time.Clock clock) {
		this.store = store;
		this.allocations = allocations;
		this.waitingLists = waitingLists;
		this.capacities = capacities;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(cron = "${helhed.referral.offer-expiry-cron:0 */10 * * * *}", zone = "Europe/Copenhagen")
	@SchedulerLock(name = "referral-offer-expiry")
	public void expireOffers() {
		int expired = 0;
		for (var hold : store.expiredHolds(clock.instant())) {
			try {
				transactions.executeWithoutResult(status -> {
					allocations.decline(hold.municipalityId(), hold.id(), "EXPIRED");
					placeFreed(hold.municipalityId(), hold.serviceId(), hold.placeId(), hold.citizenId());
				});
				expired++;
			}
			catch (RuntimeException ex) {
				log.warn("An expired offer could not be passed on: {}", ex.getClass().getSimpleName());
			}
		}
		if (expired > 0) {
			log.info("Expired {} offers of places", expired);
		}
	}

	/** A place became free: offer it to the next on the list, and tell the unit that keeps the list. */
	void placeFreed(java.util.UUID municipalityId, java.util.UUID serviceId, java.util.UUID placeId,
			java.util.UUID passOver) {
		var place = store.place(municipalityId, placeId).orElseThrow();
		var capacity = capacities.find(municipalityId, place.capacityId());
		var offered = waitingLists.offerNext(municipalityId, serviceId, null, passOver);
		capacity.ifPresent(c -> {
			var unit = c.decidingUnitId() != null ? c.decidingUnitId() : c.owningUnitId();
			if (unit != null) {
				var text = offered.isPresent()
						? "En plads på " + c.serviceName() + " blev ledig og er tilbudt den næste på ventelisten."
						: "En plads på " + c.serviceName() + " er ledig. Ingen står på ventelisten.";
				store.notifyUnit(municipalityId, unit, "PLACE_FREED", text, "/personale/pladser/" + serviceId,
						clock.instant());
			}
		});
	}
}
