package dk.helhed.municipality;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The municipalities, their organisation and strategies, as other modules and the web see them.
 */
public interface Municipalities {

	List<Municipality> all();

	Optional<Municipality> findBySlug(String slug);

	Optional<Municipality> findById(UUID id);

	default Municipality getBySlug(String slug) {
		return findBySlug(slug).orElseThrow(() -> new MunicipalityNotFound(slug));
	}

	Optional<Strategy> strategyOf(UUID municipalityId);

	List<OrganisationalUnit> unitsOf(UUID municipalityId);

	List<PartnerOrganisation> partnersOf(UUID municipalityId);
}
