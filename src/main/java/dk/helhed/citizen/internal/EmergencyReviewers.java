package dk.helhed.citizen.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dk.helhed.identity.StaffDirectory;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.municipality.OrganisationalUnit;

/**
 * Who reviews a staff member's emergency access (security.md item 4): a named team lead of their unit, or of the
 * nearest unit above it that has one; never the staff member themself. Without one, there is no emergency access:
 * an access nobody reviews is what the attacker found.
 */
@Component
class EmergencyReviewers {

	/** The unit the access is made for, and the lead who reviews it. */
	record Reviewer(UUID unitId, UUID reviewerId) {
	}

	private final StaffDirectory directory;
	private final Municipalities municipalities;

	EmergencyReviewers(StaffDirectory directory, Municipalities municipalities) {
		this.directory = directory;
		this.municipalities = municipalities;
	}

	Optional<Reviewer> reviewerOf(StaffMember staff) {
		if (staff.partnerId() != null || staff.unitIds().isEmpty()) {
			return Optional.empty();
		}
		var units = new HashMap<UUID, OrganisationalUnit>();
		municipalities.unitsOf(staff.municipalityId()).forEach(unit -> units.put(unit.id(), unit));
		for (var unitId : staff.unitIds().stream().sorted().toList()) {
			var seen = new HashSet<UUID>();
			for (var current = unitId; current != null && seen.add(current);) {
				var lead = directory.teamLeadsOf(staff.municipalityId(), current)
					.stream()
					.filter(person -> !person.id().equals(staff.id()))
					.findFirst();
				if (lead.isPresent()) {
					return Optional.of(new Reviewer(unitId, lead.get().id()));
				}
				var unit = units.get(current);
				current = unit == null ? null : unit.parentId();
			}
		}
		return Optional.empty();
	}
}
