package dk.helhed.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The staff of a municipality, for choosing who is responsible for something.
 */
public interface StaffDirectory {

	/** A member of staff as others see them: no credentials. */
	record Person(UUID id, String displayName) {
	}

	List<Person> staffOf(UUID municipalityId);

	Optional<Person> find(UUID municipalityId, UUID staffId);

	/** The open accounts with the team-lead role in the unit: who reviews its staff's emergency access. */
	List<Person> teamLeadsOf(UUID municipalityId, UUID unitId);
}
