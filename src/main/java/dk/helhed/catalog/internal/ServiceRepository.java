package dk.helhed.catalog.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

import dk.helhed.catalog.Service;

public interface ServiceRepository extends ListCrudRepository<Service, UUID> {

	List<Service> findByMunicipalityId(UUID municipalityId);

	Optional<Service> findByMunicipalityIdAndKey(UUID municipalityId, String key);
}
