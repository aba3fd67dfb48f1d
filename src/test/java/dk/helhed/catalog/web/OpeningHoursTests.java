package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.Charge;
import dk.helhed.catalog.Service;
import dk.helhed.catalog.Service.Schedule;

/**
 * Open now, tonight, at the weekend and today's hours, on the application's clock in Europe/Copenhagen, including
 * hours that run past midnight (a night shelter).
 */
class OpeningHoursTests {

	private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
	private static final Locale DANISH = Locale.forLanguageTag("da");

	private final Service morningCafe = service(new Schedule(null, null, "MO,TU,WE,TH,FR", LocalTime.of(9, 30),
			LocalTime.of(12, 30), null));
	private final Service nightShelter = service(new Schedule(null, null, "FR,SA,SU", LocalTime.of(21, 0),
			LocalTime.of(7, 0), null));

	@Test
	void aMorningCafeIsOpenOnATuesdayMorningOnly() {
		var tuesdayMorning = at(2026, 12, 1, 10, 0);
		assertThat(tuesdayMorning.isOpenNow(morningCafe)).isTrue();
		assertThat(tuesdayMorning.isOpenTonight(morningCafe)).as("open now counts as tonight too").isTrue();
		assertThat(at(2026, 12, 1, 13, 0).isOpenNow(morningCafe)).isFalse();
		assertThat(at(2026, 12, 1, 13, 0).isOpenTonight(morningCafe)).isFalse();
		assertThat(at(2026, 12, 5, 10, 0).isOpenNow(morningCafe)).as("Saturday").isFalse();
		assertThat(tuesdayMorning.isOpenAtTheWeekend(morningCafe)).isFalse();
		assertThat(tuesdayMorning.today(morningCafe, DANISH)).isEqualTo("I dag (tirsdag): kl. 9.30–12.30");
		assertThat(at(2026, 12, 6, 10, 0).today(morningCafe, DANISH)).isEqualTo("I dag (søndag): lukket");
	}

	@Test
	void aNightShelterIsOpenPastMidnightAndCountsForTonightAndTheWeekend() {
		assertThat(at(2026, 12, 4, 23, 0).isOpenNow(nightShelter)).as("Friday 23").isTrue();
		assertThat(at(2026, 12, 5, 3, 0).isOpenNow(nightShelter)).as("Saturday 3, from Friday night").isTrue();
		assertThat(at(2026, 12, 5, 8, 0).isOpenNow(nightShelter)).as("Saturday 8").isFalse();
		assertThat(at(2026, 12, 4, 15, 0).isOpenTonight(nightShelter)).as("Friday afternoon: open tonight").isTrue();
		assertThat(at(2026, 12, 1, 15, 0).isOpenTonight(nightShelter)).as("Tuesday: closed tonight").isFalse();
		assertThat(at(2026, 12, 1, 15, 0).isOpenAtTheWeekend(nightShelter)).isTrue();
	}

	private static OpeningHours at(int year, int month, int day, int hour, int minute) {
		var clock = Clock.fixed(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, COPENHAGEN).toInstant(),
				COPENHAGEN);
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new OpeningHours(clock, new CatalogFormat(messages), messages);
	}

	private static Service service(Schedule schedule) {
		var content = new Service.Content("Et sted", "Kort.", "Lang.", List.of(), null, null, List.of(),
				AccessMode.OPEN, null, "Kom forbi.", "Alle.", null, null, List.of(), Charge.FREE, null, null, null, null,
				null, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(schedule), List.of());
		return Service.create(UUID.randomUUID(), UUID.randomUUID(), "et-sted", content, java.time.Instant.now());
	}
}
