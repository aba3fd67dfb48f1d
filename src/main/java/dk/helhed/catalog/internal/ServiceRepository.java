package dk.helhed.catalog.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

import dk.helhed.catalog.Service;

/**
 * The services of a municipality. Look a service up with its municipality ({@link #findByMunicipalityIdAndId}), never
 * by id alone: on a schema distributed by municipality a lookup by id alone is sent to every node (docs/scale.md).
 */
public interface ServiceRepository extends ListCrudRepository<Service, UUID> {

	Optional<Service> findByMunicipalityIdAndId(UUID municipalityId, UUID id);

	List<Service> findByMunicipalityId(UUID municipalityId);

	Optional<Service> findByMunicipalityIdAndKey(UUID municipalityId, String key);
}
