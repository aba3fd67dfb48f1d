package dk.helhed.catalog.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dk.helhed.catalog.Service.Schedule;
import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.municipality.OrganisationalUnit;

/**
 * Formats catalog facts for people: "mandag–fredag kl. 8.30–10.30", "35 kr.", "Social & Sundhed › Visitation".
 * Used from the templates as {@code @catalogFormat}.
 */
@Component("catalogFormat")
class CatalogFormat {

	private final MessageSource messages;

	CatalogFormat(MessageSource messages) {
		this.messages = messages;
	}

	public String hours(Schedule schedule, Locale locale) {
		var days = schedule.weekdays();
		var text = new StringBuilder(days(days, locale));
		if (schedule.opensAt() != null) {
			text.append(text.isEmpty() ? "" : " ").append(locale.getLanguage().equals("en") ? "" : "kl. ")
				.append(time(schedule.opensAt()));
			if (schedule.closesAt() != null) {
				text.append("–").append(time(schedule.closesAt()));
			}
		}
		return text.toString().strip();
	}

	/** Consecutive weekdays as a range: MO,TU,WE,TH,FR is "mandag–fredag"; MO,TH is "mandag og torsdag". */
	String days(List<DayOfWeek> days, Locale locale) {
		List<String> runs = new ArrayList<>();
		int start = 0;
		for (int i = 1; i <= days.size(); i++) {
			if (i == days.size() || days.get(i).getValue() != days.get(i - 1).getValue() + 1) {
				var first = name(days.get(start), locale);
				runs.add(i - start >= 3 ? first + "–" + name(days.get(i - 1), locale)
						: days.subList(start, i).stream().map(day -> name(day, locale)).collect(Collectors.joining(", ")));
				start = i;
			}
		}
		if (runs.size() <= 1) {
			return String.join("", runs);
		}
		var and = locale.getLanguage().equals("en") ? " and " : " og ";
		return String.join(", ", runs.subList(0, runs.size() - 1)) + and + runs.getLast();
	}

	private String name(DayOfWeek day, Locale locale) {
		return messages.getMessage("day." + day.name(), null, day.name(), locale);
	}

	public String time(LocalTime time) {
		return time.getMinute() == 0 ? String.valueOf(time.getHour())
				: time.getHour() + "." + String.format("%02d", time.getMinute());
	}

	public String amount(BigDecimal amount, String currency, Locale locale) {
		var format = NumberFormat.getNumberInstance(Locale.of("da", "DK"));
		format.setMaximumFractionDigits(2);
		var text = format.format(amount.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros());
		return "DKK".equals(currency) || currency == null ? text + " kr." : text + " " + currency;
	}

	/** A moment as Danish local time, e.g. "23. nov. 2026 kl. 10.15". */
	public String moment(java.time.Instant instant, Locale locale) {
		if (instant == null) {
			return "";
		}
		var local = instant.atZone(java.time.ZoneId.of("Europe/Copenhagen"));
		var date = java.time.format.DateTimeFormatter.ofPattern("d. MMM yyyy", locale).format(local);
		var separator = locale.getLanguage().equals("en") ? " at " : " kl. ";
		return date + separator + time(local.toLocalTime().withSecond(0).withNano(0));
	}

	private static final Pattern SCHEDULE = Pattern.compile(
			"((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*) (\\d{2}:\\d{2}|null)-(\\d{2}:\\d{2}|null)(?: (.*))?");

	/**
	 * The Danish name of a field of the field-by-field history, a proposal or a comparison of editions (e.g.
	 * {@code access_mode} is "Adgang"); the free places of one kind of place and a partner organisation carry their
	 * name after a colon. A field it does not know is shown as it is.
	 */
	public String fieldName(String field) {
		if (field == null) {
			return "";
		}
		if (field.startsWith("free_places:")) {
			return "Ledige pladser (" + field.substring("free_places:".length()) + ")";
		}
		if (field.startsWith("partner_organisation:")) {
			return field.substring("partner_organisation:".length());
		}
		return EditionFieldLabels.DANISH.getOrDefault(field, field);
	}

	/**
	 * A value of the field-by-field history, a proposal or a conflict, as people read it: the history keeps codes
	 * (access modes, charges, situations, weekdays), which stay the same whatever the language they are shown in.
	 * Anything else, and any value that does not look as expected, is shown as it is.
	 */
	public String fieldValue(String field, String value, Locale locale) {
		if (value == null || value.isBlank() || field == null) {
			return value;
		}
		return switch (field) {
			case "access_mode" -> messages.getMessage("access.short." + value, null, value, locale);
			case "charge" -> messages.getMessage("charge." + value, null, value, locale);
			case "situations" -> Arrays.stream(value.split("; "))
				.map(code -> messages.getMessage("situation." + code, null, code, locale))
				.collect(Collectors.joining("; "));
			case "schedules" -> Arrays.stream(value.split("; "))
				.map(entry -> schedule(entry, locale))
				.collect(Collectors.joining("; "));
			default -> value;
		};
	}

	private String schedule(String entry, Locale locale) {
		var matcher = SCHEDULE.matcher(entry);
		if (!matcher.matches()) {
			return entry;
		}
		var opens = matcher.group(2).equals("null") ? null : LocalTime.parse(matcher.group(2));
		var closes = matcher.group(3).equals("null") ? null : LocalTime.parse(matcher.group(3));
		var hours = hours(new Schedule(null, null, matcher.group(1), opens, closes, null), locale);
		return matcher.group(4) == null ? hours : hours + " (" + matcher.group(4) + ")";
	}

	/** A service's address on one line: "Sønderport 49, 6200 Aabenraa". */
	public String addressLine(dk.helhed.catalog.Service service) {
		var place = ((service.postalCode() == null ? "" : service.postalCode()) + " "
				+ (service.city() == null ? "" : service.city())).strip();
		return service.street() == null ? place : place.isEmpty() ? service.street() : service.street() + ", " + place;
	}

	/** A link that shows an address on OpenStreetMap's map (no tracking, no key). */
	public String mapLink(String address) {
		return "https://www.openstreetmap.org/search?query="
				+ java.net.URLEncoder.encode(address, java.nio.charset.StandardCharsets.UTF_8);
	}

	public String unitPath(CatalogSnapshot catalog, UUID unitId) {
		return catalog.unitPath(unitId).stream().map(OrganisationalUnit::name).collect(Collectors.joining(" › "));
	}
}
