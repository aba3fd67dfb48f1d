package dk.helhed.municipality;

import java.util.UUID;

/**
 * A municipality: the tenant every record belongs to.
 */
public record Municipality(UUID id, String slug, String name, String shortName, String address, String website) {
}
