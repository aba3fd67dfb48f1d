package dk.helhed.catalog.hsds;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.Service;
import dk.helhed.catalog.ServiceStatus;
import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.municipality.OrganisationalUnit;
import dk.helhed.municipality.PartnerOrganisation;
import dk.helhed.platform.DeterministicIds;

/**
 * Turns one municipality's catalog into HSDS objects. Everything it sends is a fact of the catalog; where HSDS
 * requires a value the catalog does not have (the free places of a capacity, the region of an unknown
 * municipality), the object is left out instead of filled with a guess.
 */
final class HsdsMapper {

	private static final DateTimeFormatter HOURS_AND_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

	private final CatalogSnapshot catalog;
	private final HsdsTaxonomies taxonomies;
	private final Function<String, String> labels;
	private final ZoneOffset offsetNow;
	private final Optional<String> region;
	private final Predicate<Service> stale;
	private final String slug;

	/**
	 * @param labels the Danish text of a message key, e.g. {@code access.OPEN}
	 * @param offsetNow Danish time's current offset from UTC, for opening hours
	 * @param region the municipality's region, if known
	 * @param stale whether a service's information is so long overdue for review that readers should be warned
	 */
	HsdsMapper(CatalogSnapshot catalog, HsdsTaxonomies taxonomies, Function<String, String> labels,
			ZoneOffset offsetNow, Optional<String> region, Predicate<Service> stale) {
		this.catalog = catalog;
		this.taxonomies = taxonomies;
		this.labels = labels;
		this.offsetNow = offsetNow;
		this.region = region;
		this.stale = stale;
		this.slug = catalog.municipality().slug();
	}

	Hsds.Service service(Service service) {
		var organization = organizationOf(service);
		return new Hsds.Service(service.id(), organization.id(), service.name(), description(service),
				absoluteUri(service.url()), blankToNull(service.email()), status(service.status()),
				applicationProcess(service), labels.apply("charge." + service.charge().name()),
				blankToNull(service.targetGroup()), service.minimumAge(), service.maximumAge(), service.lastVerified(),
				stale.test(service) ? labels.apply("service.stale") : null,
				service.updatedAt().truncatedTo(ChronoUnit.MILLIS), organization, phones(service),
				schedules(service), serviceAtLocation(service).stream().toList(), languages(service),
				costOptions(service), contacts(service), capacities(service), taxonomies.attributesOf(service), null);
	}

	/** The service's one place, if the catalog names one. */
	Optional<Hsds.ServiceAtLocation> serviceAtLocation(Service service) {
		if (!service.hasAddress() && blank(service.locationName())) {
			return Optional.empty();
		}
		// One location per distinct place, so that services at the same address share it.
		var key = String.join("|", normalised(service.locationName()), normalised(service.street()),
				normalised(service.postalCode()), normalised(service.city()));
		List<Hsds.Address> addresses = new ArrayList<>();
		if (!blank(service.street()) && !blank(service.postalCode()) && !blank(service.city()) && region.isPresent()) {
			addresses.add(new Hsds.Address(DeterministicIds.of(slug, "address", key), service.street().strip(),
					service.city().strip(), region.get(), service.postalCode().strip(), "DK", "physical"));
		}
		var name = !blank(service.locationName()) ? service.locationName()
				: !blank(service.street()) ? service.street() : service.city();
		var location = new Hsds.Location(DeterministicIds.of(slug, "location", key), "physical", name, addresses);
		return Optional.of(new Hsds.ServiceAtLocation(
				DeterministicIds.of(slug, "service-at-location", service.id().toString()), service.id(), location.id(),
				location, null));
	}

	/** The organization that provides the service: its owning unit, else its provider, else the municipality. */
	Hsds.Organization organizationOf(Service service) {
		var unit = catalog.unit(service.owningUnitId());
		if (unit != null) {
			return unit(unit);
		}
		var provider = catalog.partner(service.providerId());
		return provider != null ? partner(provider) : municipality();
	}

	Hsds.Organization municipality() {
		var municipality = catalog.municipality();
		var description = municipality.name() + " er en dansk kommune"
				+ region.map(name -> " i " + name).orElse("") + ".";
		return new Hsds.Organization(municipality.id(), municipality.name(), description,
				absoluteUri(municipality.website()), "Kommune", null, null);
	}

	Hsds.Organization unit(OrganisationalUnit unit) {
		var description = !blank(unit.description()) ? unit.description()
				: "En enhed i " + catalog.municipality().name() + ".";
		return new Hsds.Organization(unit.id(), unit.name(), description, null, null,
				unit.parentId() != null ? unit.parentId() : catalog.municipality().id(), null);
	}

	Hsds.Organization partner(PartnerOrganisation partner) {
		var kind = labels.apply("partner." + partner.kind().name());
		var description = !blank(partner.description()) ? partner.description()
				: kind + ", som " + catalog.municipality().name() + " samarbejder med.";
		return new Hsds.Organization(partner.id(), partner.name(), description, absoluteUri(partner.website()), kind,
				null, null);
	}

	private static String status(ServiceStatus status) {
		return switch (status) {
			case ACTIVE -> "active";
			case RETIRED -> "inactive";
		};
	}

	/** The catalog's summary leads, as on the service's own page. */
	private static String description(Service service) {
		if (blank(service.summary())) {
			return service.description();
		}
		return blank(service.description()) ? service.summary() : service.summary() + "\n\n" + service.description();
	}

	/** How to get the service: the access mode in words, who decides, and the first step. */
	private String applicationProcess(Service service) {
		var text = new StringBuilder(labels.apply("access." + service.accessMode().name())).append('.');
		var decidingUnit = catalog.unit(service.decidingUnitId());
		if (service.accessMode() == AccessMode.ASSESSMENT_DECISION && decidingUnit != null) {
			text.append(" Afgørelsen træffes af ").append(decidingUnit.name()).append('.');
		}
		if (!blank(service.firstStep())) {
			text.append(' ').append(service.firstStep().strip());
		}
		return text.toString();
	}

	private List<Hsds.Phone> phones(Service service) {
		return blank(service.phone()) ? List.of()
				: List.of(phone(DeterministicIds.of(slug, "phone", service.id().toString()), service.phone()));
	}

	private static Hsds.Phone phone(UUID id, String number) {
		return new Hsds.Phone(id, number.strip(), "voice", null);
	}

	private List<Hsds.Contact> contacts(Service service) {
		return service.contacts().stream().map(contact -> {
			var unit = catalog.unit(contact.unitId());
			var phones = blank(contact.phone()) ? List.<Hsds.Phone>of()
					: List.of(phone(DeterministicIds.of(slug, "phone", contact.id().toString()), contact.phone()));
			return new Hsds.Contact(contact.id(), blankToNull(contact.name()), blankToNull(contact.role()),
					unit == null ? null : unit.name(), blankToNull(contact.email()), phones);
		}).toList();
	}

	/**
	 * Weekly opening hours with the offset Danish time has now, as HSDS asks for a time zone; the catalog's free-text
	 * note on when the service is open becomes a schedule with a description only.
	 */
	private List<Hsds.Schedule> schedules(Service service) {
		List<Hsds.Schedule> schedules = new ArrayList<>();
		for (var schedule : service.schedules()) {
			var days = schedule.weekdays().stream().map(Service.Schedule::codeOf).collect(Collectors.joining(","));
			schedules.add(new Hsds.Schedule(schedule.id(), days.isEmpty() ? null : "WEEKLY",
					days.isEmpty() ? null : days, time(schedule.opensAt()), time(schedule.closesAt()),
					blankToNull(schedule.description()), "Tiderne er dansk tid."));
		}
		if (!blank(service.scheduleNote())) {
			schedules.add(new Hsds.Schedule(DeterministicIds.of(slug, "schedule-note", service.id().toString()), null,
					null, null, null, service.scheduleNote().strip(), null));
		}
		return schedules;
	}

	private String time(LocalTime time) {
		return time == null ? null : time.format(HOURS_AND_MINUTES) + offsetNow.getId();
	}

	/** The services are described in Danish; the catalog records no other language. */
	private List<Hsds.Language> languages(Service service) {
		return List.of(new Hsds.Language(DeterministicIds.of(slug, "language", service.id().toString(), "da"), "Dansk",
				"da"));
	}

	private static List<Hsds.CostOption> costOptions(Service service) {
		return service.costs()
			.stream()
			.map(cost -> new Hsds.CostOption(cost.id(), cost.option(), cost.amount() == null ? null : cost.currency(),
					cost.amount(), blankToNull(cost.description())))
			.toList();
	}

	/**
	 * Only capacities whose free places a unit has reported: HSDS requires {@code available}, and sending the total
	 * or zero in its place would tell a referring caseworker something untrue.
	 */
	private List<Hsds.ServiceCapacity> capacities(Service service) {
		return service.capacities()
			.stream()
			.filter(capacity -> capacity.available() != null)
			.map(capacity -> new Hsds.ServiceCapacity(capacity.id(),
					new Hsds.Unit(DeterministicIds.of(slug, "capacity-unit", capacity.unitName()), capacity.unitName()),
					capacity.available(), capacity.maximum(), blankToNull(capacity.description()),
					capacity.updatedAt().truncatedTo(ChronoUnit.MILLIS)))
			.toList();
	}

	/** The address as given if it is an absolute URI (as the schemas' {@code format: uri} demands), else nothing. */
	private static String absoluteUri(String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return new URI(value.strip()).isAbsolute() ? value.strip() : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String normalised(String value) {
		return value == null ? "" : value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private static String blankToNull(String value) {
		return blank(value) ? null : value.strip();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
