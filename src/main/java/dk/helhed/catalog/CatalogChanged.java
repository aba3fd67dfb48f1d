package dk.helhed.catalog;

import java.util.UUID;

/**
 * Something in a municipality's catalog changed (a service was created, edited, retired, verified, its free places
 * updated, or services were imported). Readers of the catalog rebuild what they derived from it.
 */
public record CatalogChanged(UUID municipalityId) {
}
