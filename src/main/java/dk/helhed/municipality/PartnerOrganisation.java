package dk.helhed.municipality;

import java.util.UUID;

/**
 * An organisation outside the municipality that works with it: a voluntary organisation, a self-governing
 * institution, a private provider, a state authority such as a prison, the region.
 */
public record PartnerOrganisation(UUID id, UUID municipalityId, String key, String name, Kind kind, String description,
		String website) {

	public enum Kind {
		VOLUNTARY_ORGANISATION, SELF_GOVERNING_INSTITUTION, PRIVATE_PROVIDER, STATE_AUTHORITY, REGION,
		HOUSING_ASSOCIATION, USER_ORGANISATION, OTHER
	}
}
