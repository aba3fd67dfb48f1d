package dk.helhed.catalog.web;

import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.CatalogSnapshot;

import tools.jackson.databind.json.JsonMapper;

/**
 * A service as schema.org structured data ({@code GovernmentService}, as JSON-LD), for search engines: its name and
 * short description, the owning unit within the municipality as provider, the area served, the opening hours, how to
 * reach it (phone: its own, else its unit's or the municipality's; e-mail; address: the municipality's when it has
 * none) and whom it is for.
 */
@Component
class ServiceStructuredData {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final ServiceContact serviceContact;

	ServiceStructuredData(ServiceContact serviceContact) {
		this.serviceContact = serviceContact;
	}

	/**
	 * The JSON-LD for the page at {@code pageUrl}, safe to write as it is into a {@code <script>} element: every
	 * {@code <}, {@code >} and {@code &} in it is written as a JSON escape, so no text of the service can end the
	 * element (e.g. a description with {@code </script>} in it) or open a comment.
	 */
	String of(CatalogSnapshot catalog, Service service, String pageUrl) {
		var municipality = catalog.municipality();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "GovernmentService");
		data.put("name", service.name());
		data.put("description", service.summary());
		data.put("url", pageUrl);

		Map<String, Object> municipalityOrganization = new LinkedHashMap<>();
		municipalityOrganization.put("@type", "GovernmentOrganization");
		municipalityOrganization.put("name", municipality.name());
		put(municipalityOrganization, "url", municipality.website());
		put(municipalityOrganization, "address", municipality.address());
		var owningUnit = catalog.unit(service.owningUnitId());
		if (owningUnit != null) {
			Map<String, Object> unit = new LinkedHashMap<>();
			unit.put("@type", "GovernmentOrganization");
			unit.put("name", owningUnit.name());
			unit.put("parentOrganization", municipalityOrganization);
			data.put("provider", unit);
		}
		else {
			data.put("provider", municipalityOrganization);
		}
		data.put("areaServed", Map.of("@type", "AdministrativeArea", "name", municipality.name()));

		Map<String, Object> audience = new LinkedHashMap<>();
		audience.put("@type", "PeopleAudience");
		put(audience, "audienceType", service.targetGroup());
		put(audience, "suggestedMinAge", service.minimumAge());
		put(audience, "suggestedMaxAge", service.maximumAge());
		if (audience.size() > 1) {
			data.put("audience", audience);
		}

		List<Map<String, Object>> hours = new ArrayList<>();
		for (var schedule : service.schedules()) {
			if (schedule.weekdays().isEmpty() || schedule.opensAt() == null) {
				continue;
			}
			Map<String, Object> specification = new LinkedHashMap<>();
			specification.put("@type", "OpeningHoursSpecification");
			specification.put("dayOfWeek", schedule.weekdays().stream().map(ServiceStructuredData::day).toList());
			specification.put("opens", TIME.format(schedule.opensAt()));
			if (schedule.closesAt() != null) {
				specification.put("closes", TIME.format(schedule.closesAt()));
			}
			put(specification, "description", schedule.description());
			hours.add(specification);
		}
		if (!hours.isEmpty()) {
			data.put("hoursAvailable", hours);
		}

		Map<String, Object> channel = new LinkedHashMap<>();
		channel.put("@type", "ServiceChannel");
		channel.put("serviceUrl", pageUrl);
		channel.put("availableLanguage", "da");
		// Its own phone, else the owning unit's or the municipality's (as the page shows it)
		var phone = serviceContact.ownPhone(service);
		if (phone == null) {
			var fallback = serviceContact.fallback(catalog, service);
			phone = fallback == null ? null : fallback.phone().number();
		}
		if (phone != null || service.email() != null) {
			Map<String, Object> contact = new LinkedHashMap<>();
			contact.put("@type", "ContactPoint");
			put(contact, "telephone", phone);
			put(contact, "email", service.email());
			channel.put("servicePhone", contact);
		}
		if (service.hasAddress()) {
			Map<String, Object> address = new LinkedHashMap<>();
			address.put("@type", "PostalAddress");
			put(address, "streetAddress", service.street());
			put(address, "postalCode", service.postalCode());
			put(address, "addressLocality", service.city());
			address.put("addressCountry", "DK");
			Map<String, Object> place = new LinkedHashMap<>();
			place.put("@type", "Place");
			put(place, "name", service.locationName());
			place.put("address", address);
			channel.put("serviceLocation", place);
		}
		else if (municipality.address() != null) {
			// No address of its own: the municipality's, as the page shows it
			channel.put("serviceLocation", Map.of("@type", "Place", "name", municipality.name(), "address",
					municipality.address()));
		}
		data.put("availableChannel", channel);
		return JSON.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

	private static String day(DayOfWeek day) {
		var name = day.name();
		return "https://schema.org/" + name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
	}

	private static void put(Map<String, Object> map, String key, Object value) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			map.put(key, value);
		}
	}
}
