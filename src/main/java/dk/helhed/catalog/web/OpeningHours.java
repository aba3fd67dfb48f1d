package dk.helhed.catalog.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.Service.Schedule;

/**
 * A service's opening hours as of now, on the application's clock (Europe/Copenhagen): today's hours, whether it is
 * open now, whether it is open tonight. Used from the templates as {@code @openingHours}.
 */
@Component("openingHours")
class OpeningHours {

	/** From this time on, open hours count as "tonight". */
	static final LocalTime EVENING = LocalTime.of(18, 0);

	private final Clock clock;
	private final CatalogFormat format;
	private final MessageSource messages;

	OpeningHours(Clock clock, CatalogFormat format, MessageSource messages) {
		this.clock = clock;
		this.format = format;
		this.messages = messages;
	}

	/** "I dag (tirsdag): kl. 8.30–10.30", "I dag (søndag): lukket"; null when the service gives no weekly hours. */
	public String today(Service service, Locale locale) {
		if (service.schedules().isEmpty()) {
			return null;
		}
		var today = now().getDayOfWeek();
		var dayName = messages.getMessage("day." + today.name(), null, today.name(), locale);
		var hours = service.schedules()
			.stream()
			.filter(schedule -> schedule.weekdays().contains(today))
			.map(schedule -> times(schedule, locale))
			.collect(Collectors.joining(", "));
		return hours.isEmpty() ? messages.getMessage("service.hours.today.closed", new Object[] { dayName }, locale)
				: messages.getMessage("service.hours.today", new Object[] { dayName, hours }, locale);
	}

	/** Open at this moment by its weekly hours (also when the hours run past midnight). */
	public boolean isOpenNow(Service service) {
		return service.isOpenAt(now().toLocalDateTime());
	}

	/** Open now, or open at some time this evening or night (from 18 today until the morning). */
	public boolean isOpenTonight(Service service) {
		if (isOpenNow(service)) {
			return true;
		}
		var today = now().getDayOfWeek();
		for (var schedule : service.schedules()) {
			if (!schedule.weekdays().contains(today) || schedule.opensAt() == null) {
				continue;
			}
			var closes = schedule.closesAt();
			var overnight = closes != null && closes.isBefore(schedule.opensAt());
			var afterNow = !schedule.opensAt().isBefore(now().toLocalTime()) || overnight;
			if (afterNow && (overnight || closes == null || closes.isAfter(EVENING))) {
				return true;
			}
		}
		return false;
	}

	/** Open on Saturday or Sunday by its weekly hours. */
	public boolean isOpenAtTheWeekend(Service service) {
		return service.schedules()
			.stream()
			.anyMatch(schedule -> schedule.weekdays().contains(DayOfWeek.SATURDAY)
					|| schedule.weekdays().contains(DayOfWeek.SUNDAY));
	}

	private String times(Schedule schedule, Locale locale) {
		if (schedule.opensAt() == null) {
			return schedule.description() == null ? "" : schedule.description();
		}
		var text = (locale.getLanguage().equals("en") ? "" : "kl. ") + format.time(schedule.opensAt())
				+ (schedule.closesAt() == null ? "" : "–" + format.time(schedule.closesAt()));
		return schedule.description() == null ? text : text + " (" + schedule.description() + ")";
	}

	private ZonedDateTime now() {
		return ZonedDateTime.now(clock.withZone(java.time.ZoneId.of("Europe/Copenhagen")));
	}
}
