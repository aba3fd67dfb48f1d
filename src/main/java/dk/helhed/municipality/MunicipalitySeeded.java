package dk.helhed.municipality;

import java.util.UUID;

import org.springframework.core.io.Resource;

/**
 * A municipality was loaded from its seed folder into an empty database; other modules load their part of the
 * same folder (for example the catalog) in the same transaction.
 */
public record MunicipalitySeeded(UUID municipalityId, String slug, Resource folder) {
}
