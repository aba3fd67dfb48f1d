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

	/**
	 * Adds a partner organisation to the municipality, after its others, e.g. one an imported catalog names. Its key
	 * is made from its name.
	 *
	 * @throws IllegalArgumentException if the name is blank or a text is longer than the municipality keeps
	 */
	PartnerOrganisation addPartner(UUID municipalityId, UUID id, String name, PartnerOrganisation.Kind kind,
			String description, String website);

	/**
	 * Adds a focus area at the end of the municipality's strategy, e.g. the one imported services go under when the
	 * strategy has none of theirs.
	 *
	 * @throws IllegalArgumentException if the municipality has no strategy, or the key is taken
	 */
	Strategy.FocusArea addFocusArea(UUID municipalityId, UUID id, String key, String name, String summary);
}
