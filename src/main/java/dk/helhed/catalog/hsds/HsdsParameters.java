package dk.helhed.catalog.hsds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.helhed.catalog.internal.search.SearchText;
import dk.helhed.platform.InvalidRequestException;

/**
 * Reads the query and path parameters of the HSDS API strictly: a value that cannot be understood is answered with
 * 400 and a Danish explanation, because an API client would otherwise get a silently different result.
 */
final class HsdsParameters {

	/** Only the canonical form: {@link UUID#fromString} would also accept "1-2-3-4-5". */
	private static final Pattern UUID_FORM = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private HsdsParameters() {
	}

	/** The id in a path, e.g. {@code /services/{id}}. */
	static UUID id(String value) {
		var id = optionalId("id", value);
		if (id == null) {
			throw new InvalidRequestException("Id'et mangler.");
		}
		return id;
	}

	/** An optional id in the query string; {@code null} when not given. */
	static UUID optionalId(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var stripped = value.strip();
		if (!UUID_FORM.matcher(stripped).matches()) {
			throw new InvalidRequestException("Parameteren \"" + name
					+ "\" skal være et id i UUID-format, fx 3f7b145d-84af-42d7-8fae-eaca714b02b2.");
		}
		return UUID.fromString(stripped);
	}

	/**
	 * A point in time in ISO 8601: with an offset ({@code 2026-07-01T08:00:00Z}), as local Danish time
	 * ({@code 2026-07-01T08:00:00}) or as a date ({@code 2026-07-01}, the start of that day in Denmark).
	 */
	static Instant optionalDateTime(String name, String value, ZoneId zone) {
		if (value == null || value.isBlank()) {
			return null;
		}
		// An unencoded "+01:00" arrives as " 01:00": a query string decodes "+" to a space.
		var text = value.strip().replace(' ', '+');
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException notWithOffset) {
			try {
				return LocalDateTime.parse(text).atZone(zone).toInstant();
			}
			catch (DateTimeParseException notLocal) {
				try {
					return LocalDate.parse(text).atStartOfDay(zone).toInstant();
				}
				catch (DateTimeParseException notDate) {
					throw new InvalidRequestException("Parameteren \"" + name
							+ "\" skal være et tidspunkt i ISO 8601-format, fx 2026-07-01T08:00:00Z eller 2026-07-01.");
				}
			}
		}
	}

	/** What {@code GET /services} and {@code GET /service_at_locations} are filtered by. */
	record ServiceQuery(SearchText search, UUID taxonomyTermId, UUID taxonomyId, UUID organizationId,
			Instant modifiedAfter) {

		static ServiceQuery parse(String search, String taxonomyTermId, String taxonomyId, String organizationId,
				String modifiedAfter, ZoneId zone) {
			return new ServiceQuery(SearchText.of(search), optionalId("taxonomy_term_id", taxonomyTermId),
					optionalId("taxonomy_id", taxonomyId), optionalId("organization_id", organizationId),
					optionalDateTime("modified_after", modifiedAfter, zone));
		}
	}
}
