package dk.helhed.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.helhed.platform.RuleViolation;

/**
 * The service aggregate guards its own changes, without Spring: retiring and restoring only from the other state,
 * a review interval of 1 to 36 months, free places only of a capacity the service has and within its size. A refused
 * change is a {@link RuleViolation} with the Danish sentence the user sees, and leaves the service as it was.
 */
class ServiceTransitionsTests {

	private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00Z");
	private static final Instant LATER = Instant.parse("2026-03-02T08:00:00Z");
	private static final UUID MUNICIPALITY = UUID.randomUUID();
	private static final UUID CAPACITY = UUID.randomUUID();

	@Test
	void aNewServiceIsActiveAndCanBeRetiredAndRestored() {
		var service = service();
		assertThat(service.status()).isEqualTo(ServiceStatus.ACTIVE);

		var retired = service.retire(LATER);
		assertThat(retired.status()).isEqualTo(ServiceStatus.RETIRED);
		assertThat(retired.restore(LATER).status()).isEqualTo(ServiceStatus.ACTIVE);
		assertThat(service.status()).as("the original is unchanged").isEqualTo(ServiceStatus.ACTIVE);
	}

	@Test
	void aRetiredServiceCannotBeRetiredAgain() {
		var retired = service().retire(LATER);

		assertThatThrownBy(() -> retired.retire(LATER)).isInstanceOf(RuleViolation.class)
			.hasMessage("Indsatsen er allerede udfaset.");
		assertThat(retired.status()).isEqualTo(ServiceStatus.RETIRED);
	}

	@Test
	void anActiveServiceCannotBeRestored() {
		assertThatThrownBy(() -> service().restore(LATER)).isInstanceOf(RuleViolation.class)
			.hasMessage("Indsatsen er allerede aktiv.");
	}

	@Test
	void theReviewIntervalIsOneToThirtySixMonths() {
		var owner = UUID.randomUUID();
		assertThat(service().assignReview(owner, 1, LATER).reviewIntervalMonths()).isEqualTo(1);
		assertThat(service().assignReview(owner, 36, LATER).reviewIntervalMonths()).isEqualTo(36);
		for (int months : new int[] { 0, 37, -1 }) {
			assertThatThrownBy(() -> service().assignReview(owner, months, LATER)).as(months + " months")
				.isInstanceOf(RuleViolation.class)
				.hasMessage("Intervallet for gennemgang skal være mellem 1 og 36 måneder.");
		}
	}

	@Test
	void freePlacesAreReportedWithinTheCapacity() {
		var service = service();

		var reported = service.reportFreePlaces(CAPACITY, 4, LATER);

		assertThat(reported.capacities().getFirst().available()).isEqualTo(4);
		assertThat(reported.capacities().getFirst().updatedAt()).isEqualTo(LATER);
		assertThat(service.reportFreePlaces(CAPACITY, 0, LATER).capacities().getFirst().available()).isZero();
		assertThatThrownBy(() -> service.reportFreePlaces(CAPACITY, 5, LATER)).isInstanceOf(RuleViolation.class)
			.hasMessage("Antallet af ledige pladser skal være mellem 0 og 4.");
		assertThatThrownBy(() -> service.reportFreePlaces(CAPACITY, -1, LATER)).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> service.reportFreePlaces(UUID.randomUUID(), 1, LATER))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("Pladstypen findes ikke på indsatsen.");
		assertThat(service.capacities().getFirst().available()).as("the original is unchanged").isNull();
	}

	private static Service service() {
		var content = new Service.Content("Overgangsbolig", "Midlertidig bolig.", null, List.of(), UUID.randomUUID(),
				null, List.of(), AccessMode.ASSESSMENT_DECISION, null, "Kontakt visitationen.", "Hjemløse borgere.",
				null, null, List.of(), Charge.FREE, null, null, null, null, null, null, null, null, null,
				LocalDate.of(2026, 3, 1), List.of(),
				List.of(new Service.Capacity(CAPACITY, MUNICIPALITY, "lejlighed", 4, null, null, null)), List.of(),
				List.of(), List.of());
		return Service.create(UUID.randomUUID(), MUNICIPALITY, "overgangsbolig", content, CREATED);
	}
}
