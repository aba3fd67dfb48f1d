package dk.helhed.catalog;

import java.util.UUID;

/**
 * A module that keeps the places of a capacity itself (allocations), whose free places therefore come from there and
 * are not reported by hand. The catalog asks every such bean.
 */
public interface PlaceKeeper {

	boolean keepsPlacesOf(UUID municipalityId, UUID capacityId);
}
