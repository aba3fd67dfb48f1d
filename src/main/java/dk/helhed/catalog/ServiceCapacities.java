package dk.helhed.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * The capacities of the catalog's services (e.g. Overgangsbolig: 6 boliger), for the module that keeps the places
 * themselves, and the way it reports the free places it counts, so that the public page and the HSDS API show what
 * the allocations say and no one reports them by hand.
 */
public interface ServiceCapacities {

	/**
	 * One kind of place of a service.
	 *
	 * @param decidingUnitId the unit that assesses and decides who gets the service, when its access mode needs a
	 *        decision; otherwise null
	 */
	record Capacity(UUID municipalityId, UUID serviceId, String serviceKey, String serviceName, UUID capacityId, String unitName,
			int maximum, AccessMode accessMode, UUID owningUnitId, UUID decidingUnitId) {
	}

	/** Every capacity of the municipality's active services. */
	List<Capacity> of(UUID municipalityId);

	Optional<Capacity> find(UUID municipalityId, UUID capacityId);

	/**
	 * Stores a new count of free places for the capacity, now. The capacity's row is locked first and only then is the
	 * count taken, in the caller's transaction, so two allocations committing side by side cannot both store a count
	 * that misses the other one.
	 *
	 * @return the count stored
	 */
	int recount(UUID municipalityId, UUID capacityId, IntSupplier freePlaces);
}
