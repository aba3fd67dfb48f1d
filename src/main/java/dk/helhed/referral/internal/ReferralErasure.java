package dk.helhed.referral.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dk.helhed.citizen.CitizenRecordErased;

/**
 * When a citizen's record is erased, this module forgets the citizen: referrals with their history and shared
 * categories, the units' messages that point at them, decisions, waiting-list entries and offers of places are
 * deleted. A place's occupancies stay as the place's history (occupied from–to), without the citizen. A hold or an
 * occupancy still active ends at the erasure (reason {@code RECORD_ERASED}) and the place is offered to the next on
 * its waiting list. Runs in the erasure's own transaction, so a failure here rolls the erasure back (security.md
 * item 11).
 */
@Component
class ReferralErasure {

	static final String END_REASON = "RECORD_ERASED";

	private final ReferralStore referrals;
	private final Decisions decisions;
	private final PlaceStore places;
	private final OfferExpiry offers;

	ReferralErasure(ReferralStore referrals, Decisions decisions, PlaceStore places, OfferExpiry offers) {
		this.referrals = referrals;
		this.decisions = decisions;
		this.places = places;
		this.offers = offers;
	}

	@EventListener
	void on(CitizenRecordErased event) {
		var municipality = event.municipalityId();
		var citizen = event.citizenId();
		var active = places.activeAllocationsOfCitizen(municipality, citizen);
		for (var allocation : active) {
			places.endAllocation(municipality, allocation.id(), event.erasedAt(), END_REASON);
		}
		for (var referral : referrals.idsOf(municipality, citizen)) {
			places.deleteNotificationsLinkingTo(municipality, "/personale/henvisninger/" + referral);
		}
		decisions.deleteAllOf(municipality, citizen);
		referrals.deleteAllOf(municipality, citizen);
		places.eraseCitizen(municipality, citizen);
		for (var allocation : active) {
			offers.placeFreed(municipality, allocation.serviceId(), allocation.placeId(), citizen);
		}
	}
}
