package dk.helhed.catalog.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.helhed.catalog.Charge;
import dk.helhed.catalog.Service;
import dk.helhed.catalog.Service.Schedule;
import dk.helhed.municipality.Municipalities;
import dk.helhed.municipality.MunicipalitySeeded;
import dk.helhed.platform.DeterministicIds;
import dk.helhed.platform.SeedFiles;
import dk.helhed.platform.SeedFiles.InvalidSeedData;

/**
 * Loads a seeded municipality's {@code catalog.yaml}, in the same transaction as the municipality itself.
 */
@Component
class CatalogSeedLoader {

	private static final Logger log = LoggerFactory.getLogger(CatalogSeedLoader.class);

	private final Municipalities municipalities;
	private final ServiceRepository services;
	private final JdbcClient jdbc;
	private final Clock clock;

	CatalogSeedLoader(Municipalities municipalities, ServiceRepository services, JdbcClient jdbc, Clock clock) {
		this.municipalities = municipalities;
		this.services = services;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void on(MunicipalitySeeded event) throws IOException {
		var file = event.folder().createRelative("catalog.yaml");
		if (!file.exists()) {
			return;
		}
		var seed = SeedFiles.read(file, CatalogSeed.class);
		var slug = event.slug();
		var municipalityId = event.municipalityId();
		var references = new References(municipalityId);
		var problems = new ArrayList<String>();
		var catalog = seed.catalog();
		if (catalog == null || blank(catalog.title())) {
			problems.add("catalog.title skal udfyldes");
		}
		else {
			jdbc.sql("""
					insert into catalog (id, municipality_id, title, edition, edition_label, published, owning_unit_id,
					                     contact_role, contact_name, introduction)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(DeterministicIds.of(slug, "catalog"), municipalityId, catalog.title(), catalog.edition(),
						catalog.editionLabel(), catalog.published(),
						references.unit(catalog.owningUnit(), "catalog.owningUnit", problems),
						catalog.contact() == null ? null : catalog.contact().role(),
						catalog.contact() == null ? null : catalog.contact().name(), catalog.introduction())
				.update();
		}
		Set<String> keys = new HashSet<>();
		List<Service> loaded = new ArrayList<>();
		for (var entry : seed.services()) {
			var where = "indsats " + entry.key();
			if (blank(entry.key()) || !entry.key().matches("[a-z0-9-]{2,80}") || !keys.add(entry.key())) {
				problems.add(where + ": nøglen mangler, er ugyldig eller findes to gange");
				continue;
			}
			var content = content(slug, municipalityId, entry, references, problems, where);
			if (content != null) {
				var service = Service.create(DeterministicIds.of(slug, "service", entry.key()), municipalityId,
						entry.key(), content, clock.instant());
				loaded.add(Boolean.TRUE.equals(entry.keepsNoRecords())
						? service.keepingNoRecords(true, clock.instant()) : service);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidSeedData(file.getDescription() + ":\n - " + String.join("\n - ", problems));
		}
		services.saveAll(loaded);
		log.info("Loaded {} services for {}", loaded.size(), slug);
	}

	private Service.Content content(String slug, UUID municipalityId, CatalogSeed.ServiceEntry entry,
			References references, List<String> problems, String where) {
		int before = problems.size();
		require(entry.name(), where + ": name", problems);
		require(entry.summary(), where + ": summary", problems);
		require(entry.description(), where + ": description", problems);
		require(entry.targetGroup(), where + ": targetGroup", problems);
		if (entry.access() == null || entry.access().mode() == null || blank(entry.access().firstStep())) {
			problems.add(where + ": access.mode og access.firstStep skal udfyldes");
		}
		if (entry.lastVerified() == null) {
			problems.add(where + ": lastVerified skal udfyldes");
		}
		if (entry.focusAreas().isEmpty()) {
			problems.add(where + ": mindst ét indsatsområde (focusAreas)");
		}
		if (entry.owningUnit() == null && entry.provider() == null) {
			problems.add(where + ": owningUnit eller provider skal udfyldes");
		}
		var focusAreas = entry.focusAreas().stream()
			.map(key -> references.focusArea(key, where + ": focusAreas", problems))
			.toList();
		var partners = entry.partners().stream()
			.map(key -> references.partner(key, where + ": partners", problems))
			.toList();
		var owningUnit = references.unit(entry.owningUnit(), where + ": owningUnit", problems);
		var provider = references.partner(entry.provider(), where + ": provider", problems);
		var decidingUnit = entry.access() == null ? null
				: references.unit(entry.access().decidingUnit(), where + ": access.decidingUnit", problems);
		var eligibility = entry.eligibility() == null ? new CatalogSeed.EligibilityEntry(null, null, null)
				: entry.eligibility();
		if (eligibility.minAge() != null && eligibility.maxAge() != null
				&& eligibility.minAge() > eligibility.maxAge()) {
			problems.add(where + ": minAge er større end maxAge");
		}
		var serviceKey = slug + "/" + entry.key();
		List<Service.Contact> contacts = new ArrayList<>();
		for (int i = 0; i < entry.contacts().size(); i++) {
			var contact = entry.contacts().get(i);
			contacts.add(new Service.Contact(DeterministicIds.of(serviceKey, "contact", String.valueOf(i)),
					municipalityId, contact.role(), contact.name(),
					references.unit(contact.unit(), where + ": contacts.unit", problems), contact.phone(),
					contact.email()));
		}
		List<Service.Capacity> capacities = new ArrayList<>();
		for (int i = 0; i < entry.capacity().size(); i++) {
			var capacity = entry.capacity().get(i);
			if (blank(capacity.unit()) || capacity.maximum() == null || capacity.maximum() < 0) {
				problems.add(where + ": capacity skal have unit og maximum");
				continue;
			}
			capacities.add(new Service.Capacity(DeterministicIds.of(serviceKey, "capacity", String.valueOf(i)),
					municipalityId, capacity.unit(), capacity.maximum(), capacity.available(),
					capacity.description(), clock.instant()));
		}
		List<Service.Cost> costs = new ArrayList<>();
		for (int i = 0; i < entry.costs().size(); i++) {
			var cost = entry.costs().get(i);
			if (blank(cost.option())) {
				problems.add(where + ": costs.option skal udfyldes");
				continue;
			}
			costs.add(new Service.Cost(DeterministicIds.of(serviceKey, "cost", String.valueOf(i)), municipalityId,
					cost.option(), cost.amount(), cost.amount() == null ? null
							: cost.currency() == null ? "DKK" : cost.currency(),
					cost.description()));
		}
		List<Service.Schedule> schedules = new ArrayList<>();
		for (int i = 0; i < entry.schedules().size(); i++) {
			var schedule = entry.schedules().get(i);
			try {
				schedule.days().forEach(Schedule::dayOf);
				schedules.add(new Service.Schedule(DeterministicIds.of(serviceKey, "schedule", String.valueOf(i)),
						municipalityId, String.join(",", schedule.days()), time(schedule.opens()),
						time(schedule.closes()), schedule.description()));
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				problems.add(where + ": schedules: " + ex.getMessage());
			}
		}
		if (problems.size() > before) {
			return null;
		}
		var location = entry.location();
		return new Service.Content(entry.name(), entry.summary(), entry.description().strip(), focusAreas, owningUnit,
				provider, partners, entry.access().mode(), decidingUnit, entry.access().firstStep(),
				entry.targetGroup(), eligibility.minAge(), eligibility.maxAge(), eligibility.situations(),
				entry.charge() == null ? Charge.UNKNOWN : entry.charge(),
				location == null ? null : location.name(), location == null ? null : location.street(),
				location == null ? null : location.postalCode(), location == null ? null : location.city(),
				entry.scheduleNote(), entry.phone(), entry.email(), entry.url(), entry.legalBasis(),
				entry.lastVerified(), contacts, capacities, costs, schedules, entry.keyFigures());
	}

	private static LocalTime time(String value) {
		return value == null ? null : LocalTime.parse(value.length() == 4 ? "0" + value : value);
	}

	private static void require(String value, String what, List<String> problems) {
		if (blank(value)) {
			problems.add(what + " skal udfyldes");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** Resolves the keys a data file uses to the ids of the municipality's units, partners and focus areas. */
	private final class References {

		private final Map<String, UUID> units = new HashMap<>();
		private final Map<String, UUID> partners = new HashMap<>();
		private final Map<String, UUID> focusAreas = new HashMap<>();

		References(UUID municipalityId) {
			municipalities.unitsOf(municipalityId).forEach(unit -> units.put(unit.key(), unit.id()));
			municipalities.partnersOf(municipalityId).forEach(partner -> partners.put(partner.key(), partner.id()));
			municipalities.strategyOf(municipalityId)
				.ifPresent(strategy -> strategy.allFocusAreas().forEach(area -> focusAreas.put(area.key(), area.id())));
		}

		UUID unit(String key, String where, List<String> problems) {
			return resolve(units, key, where, problems);
		}

		UUID partner(String key, String where, List<String> problems) {
			return resolve(partners, key, where, problems);
		}

		UUID focusArea(String key, String where, List<String> problems) {
			return resolve(focusAreas, key, where, problems);
		}

		private UUID resolve(Map<String, UUID> known, String key, String where, List<String> problems) {
			if (key == null) {
				return null;
			}
			var id = known.get(key);
			if (id == null) {
				problems.add(where + ": ukendt nøgle " + key);
			}
			return id;
		}
	}

}
