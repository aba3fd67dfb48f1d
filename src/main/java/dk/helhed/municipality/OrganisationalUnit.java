package dk.helhed.municipality;

import java.util.UUID;

/**
 * An organisational unit of a municipality (forvaltning, center, afdeling, team), possibly under a parent unit.
 */
public record OrganisationalUnit(UUID id, UUID municipalityId, String key, String name, UUID parentId, String description) {
}
