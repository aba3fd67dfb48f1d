package dk.helhed.catalog.hsds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.helhed.platform.FieldRules;

import tools.jackson.databind.JsonNode;

/**
 * Reads one field of a record of an uploaded HSDS file as the catalog keeps it, reporting what is wrong with it by
 * record and field: text within the length the catalog keeps and without control characters, ids in UUID form,
 * whole numbers and amounts in range, dates, moments, times of day, web and e-mail addresses. A missing or empty
 * field is null.
 */
final class ImportFields {

	private static final Pattern UUID_FORMAT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
	private static final Pattern TIME = Pattern
		.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?");

	private ImportFields() {
	}

	/** Text as written, stripped; null if it is missing or empty. */
	static String text(ImportItem item, String field, int max, boolean required, boolean singleLine,
			ImportProblems problems) {
		var value = item.get(field);
		if (value == null) {
			if (required) {
				problems.field(item, field, "mangler");
			}
			return null;
		}
		if (value.isContainer()) {
			problems.field(item, field, "skal være en tekst, ikke en liste eller et objekt");
			return null;
		}
		var text = value.asString().replace("\r\n", "\n").strip();
		if (text.isEmpty()) {
			if (required) {
				problems.field(item, field, "mangler");
			}
			return null;
		}
		if (text.length() > max) {
			problems.field(item, field, "er for langt: højst " + max + " tegn, men det er " + text.length());
			return null;
		}
		var invisible = FieldRules.text(text);
		if (invisible.isPresent()) {
			problems.field(item, field, invisible.get().inRecord());
			return null;
		}
		if (singleLine && (text.contains("\n") || text.contains("\r"))) {
			problems.field(item, field, "må kun være én linje");
			return null;
		}
		return text;
	}

	static UUID uuid(ImportItem item, String field, boolean required, ImportProblems problems) {
		var text = text(item, field, 100, required, true, problems);
		if (text == null) {
			return null;
		}
		if (!UUID_FORMAT.matcher(text).matches()) {
			problems.field(item, field, "er ikke et gyldigt UUID");
			return null;
		}
		return UUID.fromString(text);
	}

	static Integer integer(ImportItem item, String field, int min, int max, ImportProblems problems) {
		var value = item.get(field);
		if (value == null) {
			return null;
		}
		BigDecimal number = decimal(value);
		if (number == null || number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(min)) < 0
				|| number.compareTo(BigDecimal.valueOf(max)) > 0) {
			problems.field(item, field, "skal være et helt tal mellem " + min + " og " + max);
			return null;
		}
		return number.intValueExact();
	}

	static BigDecimal amount(ImportItem item, String field, ImportProblems problems) {
		var value = item.get(field);
		if (value == null) {
			return null;
		}
		var amount = decimal(value);
		if (amount == null || amount.signum() < 0 || amount.compareTo(new BigDecimal("1000000")) > 0
				|| amount.stripTrailingZeros().scale() > 2) {
			problems.field(item, field, "skal være et beløb mellem 0 og 1000000 med højst to decimaler");
			return null;
		}
		return amount.stripTrailingZeros().scale() < 0 ? amount.setScale(0) : amount.stripTrailingZeros();
	}

	static BigDecimal decimal(JsonNode value) {
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (!value.isString()) {
			return null;
		}
		var text = value.stringValue().strip();
		if (text.length() > 30) {
			return null;
		}
		if (text.contains(",") && !text.contains(".")) {
			text = text.replace(',', '.');
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static LocalDate date(ImportItem item, String field, ImportProblems problems) {
		var text = text(item, field, 40, false, true, problems);
		if (text == null) {
			return null;
		}
		try {
			var date = LocalDate.parse(text);
			if (date.getYear() < 1900 || date.getYear() > 2200) {
				throw new DateTimeParseException("out of range", text, 0);
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			problems.field(item, field, "skal være en dato som ÅÅÅÅ-MM-DD");
			return null;
		}
	}

	/** A moment; one without a time zone is read as Danish time. */
	static Instant instant(ImportItem item, String field, ImportProblems problems) {
		var text = text(item, field, 60, false, true, problems);
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(text).atZone(HsdsCatalogs.DANISH_TIME).toInstant();
			}
			catch (DateTimeParseException again) {
				problems.field(item, field, "skal være et tidspunkt som 2026-07-01T12:00:00+02:00");
				return null;
			}
		}
	}

	/**
	 * A time of day. Helhed keeps opening hours as Danish local time, so the offset is not applied: "08:30+01:00" in
	 * winter and "08:30+02:00" in summer are both half past eight.
	 */
	static LocalTime time(ImportItem item, String field, ImportProblems problems) {
		var text = text(item, field, 40, false, true, problems);
		if (text == null) {
			return null;
		}
		var matcher = TIME.matcher(text);
		if (matcher.matches()) {
			var hour = Integer.parseInt(matcher.group(1));
			var minute = Integer.parseInt(matcher.group(2));
			var second = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
			if (hour < 24 && minute < 60 && second < 60) {
				return LocalTime.of(hour, minute);
			}
		}
		problems.field(item, field, "skal være et klokkeslæt som 08:30 eller 08:30:00+01:00");
		return null;
	}

	static String url(ImportItem item, String field, ImportProblems problems) {
		var text = text(item, field, 500, false, true, problems);
		if (text == null) {
			return null;
		}
		try {
			var uri = java.net.URI.create(text);
			if (("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null) {
				return text;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		problems.field(item, field, "skal være en webadresse, der begynder med https:// eller http://");
		return null;
	}

	static String email(ImportItem item, String field, ImportProblems problems) {
		var text = text(item, field, FieldRules.EMAIL_MAX_LENGTH, false, true, problems);
		var problem = text == null ? java.util.Optional.<FieldRules.Problem>empty() : FieldRules.email(text);
		if (problem.isPresent()) {
			problems.field(item, field, problem.get().inRecord());
			return null;
		}
		return text;
	}
}
