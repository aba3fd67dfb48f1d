package dk.helhed.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules need to know about a service of the catalog.
 */
public interface Services {

	/**
	 * @param keepsNoRecords the service's advisers keep no records of the people they help
	 * @param key the service's key in its public address
	 */
	record Summary(UUID id, UUID municipalityId, String name, UUID owningUnitId, boolean keepsNoRecords,
			ServiceStatus status, String key) {
	}

	/** A service of the municipality (active or retired). */
	Optional<Summary> find(UUID municipalityId, UUID serviceId);

	/** The services the municipality offers now (not the retired ones), in Danish alphabetical order of their names. */
	List<Summary> activeOf(UUID municipalityId);
}
