package dk.helhed.municipality.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dk.helhed.municipality.PartnerOrganisation;
import dk.helhed.municipality.PhoneFact;
import dk.helhed.municipality.Strategy.Target.Direction;

/**
 * The content of a seed folder's {@code municipality.yaml} (see docs/seed-format.md).
 */
record MunicipalitySeed(MunicipalityEntry municipality, List<UnitEntry> units, List<PartnerEntry> partners,
		StrategyEntry strategy) {

	MunicipalitySeed {
		units = units == null ? List.of() : units;
		partners = partners == null ? List.of() : partners;
	}

	record MunicipalityEntry(String slug, String name, String shortName, String address, String website,
			PhoneFact phone) {
	}

	record UnitEntry(String key, String name, String parent, String description, PhoneFact phone) {
	}

	record PartnerEntry(String key, String name, PartnerOrganisation.Kind kind, String description, String website) {
	}

	record StrategyEntry(String title, String subtitle, LocalDate adopted, Integer periodFrom, Integer periodTo,
			String summary, String vision, List<ValueEntry> values, String targetGroup, Integer targetGroupMinAge,
			Integer targetGroupMaxAge, String focusAreaLabel, List<FocusAreaEntry> focusAreas,
			List<PolicyEntry> relatedPolicies) {

		StrategyEntry {
			values = values == null ? List.of() : values;
			focusAreas = focusAreas == null ? List.of() : focusAreas;
			relatedPolicies = relatedPolicies == null ? List.of() : relatedPolicies;
		}
	}

	record ValueEntry(String name, String description) {
	}

	record PolicyEntry(String name, String url) {
	}

	record FocusAreaEntry(String key, String name, String summary, List<String> commitments, List<String> partners,
			List<FocusAreaEntry> tracks, List<TargetEntry> targets) {

		FocusAreaEntry {
			commitments = commitments == null ? List.of() : commitments;
			partners = partners == null ? List.of() : partners;
			tracks = tracks == null ? List.of() : tracks;
			targets = targets == null ? List.of() : targets;
		}
	}

	record TargetEntry(String key, String name, String indicator, String unit, BigDecimal baselineValue,
			Integer baselineYear, String baselineNote, BigDecimal targetValue, Direction direction,
			LocalDate deadline) {
	}
}
