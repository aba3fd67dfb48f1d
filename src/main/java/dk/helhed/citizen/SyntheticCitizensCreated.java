package dk.helhed.citizen;

import java.util.Map;
import java.util.UUID;

/**
 * The demo data's synthetic citizens were created (in the same transaction), by their first names, so that other
 * modules can add their own demo data about them (referrals, places) without reading the citizen tables.
 */
public record SyntheticCitizensCreated(UUID municipalityId, Map<String, UUID> citizens) {
}
