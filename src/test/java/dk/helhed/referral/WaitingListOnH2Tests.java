package dk.helhed.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.municipality.Municipalities;
import dk.helhed.referral.internal.Allocations;
import dk.helhed.referral.internal.OfferExpiry;
import dk.helhed.referral.internal.PlaceStore.Urgency;
import dk.helhed.referral.internal.WaitingLists;
import dk.helhed.support.Lix;

/**
 * A waiting list in the order of the published rule (urgency, then the day of the request, then the stored lottery
 * number), each position explained in plain words; an offer stores the rule's version and inputs, and an offer that
 * runs out passes the place to the next while the citizen keeps their place on the list.
 */
@SpringBootTest
class WaitingListOnH2Tests {

	@Autowired
	WaitingLists waitingLists;

	@Autowired
	Allocations allocations;

	@Autowired
	OfferExpiry offerExpiry;

	@Autowired
	Catalogs catalogs;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theListFollowsTheRuleExplainsEachPlaceAndPassesAnExpiredOfferOn() {
		var municipalityId = municipalities.getBySlug("aabenraa").id();
		var service = catalogs.of("aabenraa").service("boliger-paa-kirkeplads").orElseThrow();
		var unit = service.content().owningUnitId();
		var today = LocalDate.now(clock);
		UUID early = UUID.randomUUID(), urgent = UUID.randomUUID(), sameDay = UUID.randomUUID(),
				later = UUID.randomUUID();
		waitingLists.add(municipalityId, service.id(), early, unit, Urgency.NORMAL, today.minusDays(10), null);
		waitingLists.add(municipalityId, service.id(), urgent, unit, Urgency.HIGH, today.minusDays(2), null);
		waitingLists.add(municipalityId, service.id(), sameDay, unit, Urgency.NORMAL, today.minusDays(10), null);
		waitingLists.add(municipalityId, service.id(), later, unit, Urgency.NORMAL, today.minusDays(5), null);
		List<UUID> holds = new ArrayList<>();
		try {
			var positions = waitingLists.positions(municipalityId, service.id());
			assertThat(positions).extracting(position -> position.entry().citizenId())
				.startsWith(urgent)
				.endsWith(later);
			assertThat(positions.get(0).explanation())
				.isEqualTo("Du er nummer 1 af 4 på ventelisten. Du får tilbudt den næste plads, der bliver ledig.");
			assertThat(positions.get(2).explanation())
				.isEqualTo("Du er nummer 3 af 4 på ventelisten. En står før dig, fordi deres sag haster mere. "
						+ "En står før dig, fordi de søgte samme dag og vandt lodtrækningen.");
			assertThat(positions.get(3).explanation())
				.isEqualTo("Du er nummer 4 af 4 på ventelisten. En står før dig, fordi deres sag haster mere. "
						+ "2 står før dig, fordi de søgte før dig.");
			positions.forEach(position -> {
				double lix = Lix.of(position.explanation());
				System.out.printf("Waiting-list explanation, LIX %.1f: %s%n", lix, position.explanation());
				assertThat(lix).isLessThanOrEqualTo(35);
			});
			System.out.printf("Published priority rule %d: LIX %.1f%n", waitingLists.rule().version(),
					Lix.of(waitingLists.rule().description()));
			assertThat(Lix.of(waitingLists.rule().description())).isLessThanOrEqualTo(35);

			var offer = waitingLists.offerNext(municipalityId, service.id(), null).orElseThrow();
			holds.add(offer.id());
			assertThat(offer.citizenId()).isEqualTo(urgent);
			assertThat(offer.ruleVersion()).isEqualTo(1);
			assertThat(offer.ruleInputs()).isEqualTo("regel 1; hastegrad HIGH; søgt " + today.minusDays(2)
					+ "; lodtrækning " + positions.get(0).entry().tieBreaker() + "; nummer 1 af 4");
			assertThat(waitingLists.positions(municipalityId, service.id())).hasSize(3);

			// the offer's time runs out
			jdbc.sql("update place_allocation set expires_at = ? where municipality_id = ? and id = ?")
				.params(clock.instant().minusSeconds(60).atOffset(java.time.ZoneOffset.UTC), municipalityId,
						offer.id())
				.update();
			offerExpiry.expireOffers();

			var expired = allocations.allocation(municipalityId, offer.id()).orElseThrow();
			assertThat(expired.endReason()).isEqualTo("EXPIRED");
			var next = allocations.placesOf(municipalityId, service.id())
				.stream()
				.flatMap(place -> place.current().stream())
				.filter(allocation -> allocation.waitingEntryId() != null)
				.toList();
			assertThat(next).singleElement().satisfies(hold -> {
				assertThat(hold.citizenId()).as("the place passes to the next").isNotEqualTo(urgent);
				holds.add(hold.id());
			});
			assertThat(waitingLists.positionOf(municipalityId, service.id(), urgent))
				.as("back on the list after an offer ran out")
				.isPresent();
			assertThat(jdbc.sql("select count(*) from unit_notification where municipality_id = ? and kind = 'PLACE_FREED'")
				.params(municipalityId)
				.query(Integer.class)
				.single()).isPositive();
		}
		finally {
			for (var id : holds) {
				if (allocations.allocation(municipalityId, id).orElseThrow().status().name().equals("ACTIVE")) {
					allocations.end(municipalityId, id, "TEST_CLEANUP");
				}
			}
			jdbc.sql("update waiting_list_entry set status = 'REMOVED', active_citizen_id = null where municipality_id = ? and service_id = ?")
				.params(municipalityId, service.id())
				.update();
		}
	}
}
