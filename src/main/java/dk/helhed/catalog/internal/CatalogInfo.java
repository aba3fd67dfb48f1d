package dk.helhed.catalog.internal;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The catalog as a publication: its title, edition and who is responsible for it.
 */
public record CatalogInfo(UUID id, String title, Integer edition, String editionLabel, LocalDate published,
		UUID owningUnitId, String contactRole, String contactName, String introduction) {

	static CatalogInfo empty() {
		return new CatalogInfo(null, "Indsatskatalog", null, null, null, null, null, null, null);
	}

	public boolean exists() {
		return id != null;
	}
}
