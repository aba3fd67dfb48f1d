package dk.helhed.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.municipality.Municipalities;
import dk.helhed.referral.internal.Allocations;
import dk.helhed.referral.internal.Allocations.Offer;

/**
 * security.md item 15: 1,000 simultaneous attempts at the last free place of Overgangsbolig give exactly one winner;
 * every other attempt is told "Pladsen er ikke længere ledig." and leaves nothing behind; the catalog then shows no
 * free places. Runs on H2 and on PostgreSQL.
 */
abstract class LastFreePlaceRaceTests {

	static final int ATTEMPTS = 1_000;

	@Autowired
	Allocations allocations;

	@Autowired
	Catalogs catalogs;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void thousandAttemptsAtTheLastFreePlaceHaveExactlyOneWinner() throws Exception {
		var municipalityId = municipalities.getBySlug("aabenraa").id();
		var housing = catalogs.of("aabenraa").service("overgangsbolig").orElseThrow();
		var expiry = clock.instant().plus(Duration.ofDays(5));
		List<UUID> taken = new ArrayList<>();
		try {
			for (int i = 0; i < 5; i++) {
				var hold = allocations.holdFreePlace(municipalityId, housing.id(), UUID.randomUUID(), expiry, null,
						Offer.DIRECT);
				taken.add(allocations.moveIn(municipalityId, hold.id(), null, null).id());
			}
			assertThat(freePlaces()).isEqualTo(1);

			var winners = new ConcurrentLinkedQueue<UUID>();
			var noLongerFree = new AtomicInteger();
			var otherFailures = new ConcurrentLinkedQueue<String>();
			var start = new CountDownLatch(1);
			try (var pool = Executors.newFixedThreadPool(64)) {
				for (int i = 0; i < ATTEMPTS; i++) {
					pool.submit(() -> {
						start.await();
						try {
							winners.add(allocations.holdFreePlace(municipalityId, housing.id(), UUID.randomUUID(),
									expiry, null, Offer.DIRECT).id());
						}
						catch (PlaceNoLongerFree ex) {
							if (ex.getMessage().equals("Pladsen er ikke længere ledig.")) {
								noLongerFree.incrementAndGet();
							}
						}
						catch (RuntimeException ex) {
							otherFailures.add(ex.getClass().getSimpleName() + ": " + ex.getMessage());
						}
						return null;
					});
				}
				start.countDown();
				pool.shutdown();
				assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
			}
			taken.addAll(winners);

			System.out.printf("%s: %d attempts at the last free place: %d got it, %d were told \"%s\", %d failed otherwise%n",
					getClass().getSimpleName(), ATTEMPTS, winners.size(), noLongerFree.get(),
					PlaceNoLongerFree.MESSAGE, otherFailures.size());
			assertThat(otherFailures).isEmpty();
			assertThat(winners).hasSize(1);
			assertThat(noLongerFree.get()).isEqualTo(ATTEMPTS - 1);
			assertThat(jdbc.sql("select count(*) from place_allocation where municipality_id = ? and service_id = ? and status = 'ACTIVE'")
				.params(municipalityId, housing.id())
				.query(Integer.class)
				.single()).isEqualTo(6);
			assertThat(freePlaces()).isZero();
		}
		finally {
			taken.forEach(id -> allocations.end(municipalityId, id, "TEST_CLEANUP"));
		}
		assertThat(freePlaces()).isEqualTo(6);
	}

	private int freePlaces() {
		catalogs.changed(municipalities.getBySlug("aabenraa").id());
		return catalogs.of("aabenraa").service("overgangsbolig").orElseThrow().capacities().getFirst().available();
	}
}
