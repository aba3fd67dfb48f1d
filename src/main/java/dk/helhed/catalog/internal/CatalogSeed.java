package dk.helhed.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.Charge;
import dk.helhed.catalog.Situation;

/**
 * The content of a seed folder's {@code catalog.yaml} (see docs/seed-format.md).
 */
record CatalogSeed(CatalogEntry catalog, List<ServiceEntry> services) {

	CatalogSeed {
		services = services == null ? List.of() : services;
	}

	record CatalogEntry(String title, Integer edition, String editionLabel, LocalDate published, String owningUnit,
			ContactEntry contact, String introduction) {
	}

	record ContactEntry(String role, String name, String unit, String phone, String email) {
	}

	record ServiceEntry(String key, String name, String summary, String description, List<String> focusAreas,
			String owningUnit, String provider, List<String> partners, List<ContactEntry> contacts, AccessEntry access,
			String targetGroup, EligibilityEntry eligibility, List<CapacityEntry> capacity, Charge charge,
			List<CostEntry> costs, LocationEntry location, List<ScheduleEntry> schedules, String scheduleNote,
			String phone, String email, String url, String legalBasis, List<String> keyFigures,
			LocalDate lastVerified, Boolean keepsNoRecords) {

		ServiceEntry {
			focusAreas = focusAreas == null ? List.of() : focusAreas;
			partners = partners == null ? List.of() : partners;
			contacts = contacts == null ? List.of() : contacts;
			capacity = capacity == null ? List.of() : capacity;
			costs = costs == null ? List.of() : costs;
			schedules = schedules == null ? List.of() : schedules;
			keyFigures = keyFigures == null ? List.of() : keyFigures;
		}
	}

	record AccessEntry(AccessMode mode, String decidingUnit, String firstStep) {
	}

	record EligibilityEntry(Integer minAge, Integer maxAge, List<Situation> situations) {

		EligibilityEntry {
			situations = situations == null ? List.of() : situations;
		}
	}

	record CapacityEntry(String unit, Integer maximum, Integer available, String description) {
	}

	record CostEntry(String option, BigDecimal amount, String currency, String description) {
	}

	record LocationEntry(String name, String street, String postalCode, String city) {
	}

	record ScheduleEntry(List<String> days, String opens, String closes, String description) {

		ScheduleEntry {
			days = days == null ? List.of() : days;
		}
	}
}
