package dk.helhed.catalog.internal.editions;

import java.util.List;

import dk.helhed.catalog.internal.ServiceFields.FieldChange;

/**
 * What differs between two editions (or between an edition and the catalog as it is now): services that are new,
 * changed (field by field, with the field names of {@link dk.helhed.catalog.internal.ServiceFields}) or no longer
 * offered, and changes to the catalog as a whole such as its title or the partner organisations.
 *
 * @param fromLabel e.g. "4. udgave"
 * @param toLabel e.g. "5. udgave", or a description of the current catalog
 */
public record EditionDiff(String fromLabel, String toLabel, List<ServiceRef> added, List<ChangedService> changed,
		List<ServiceRef> retired, List<FieldChange> catalogChanges) {

	/** A service by its address name and its name. */
	public record ServiceRef(String key, String name) {
	}

	/** A service in both, with the fields that differ. */
	public record ChangedService(String key, String name, List<FieldChange> changes) {
	}

	public EditionDiff {
		added = List.copyOf(added);
		changed = List.copyOf(changed);
		retired = List.copyOf(retired);
		catalogChanges = List.copyOf(catalogChanges);
	}

	public boolean isEmpty() {
		return added.isEmpty() && changed.isEmpty() && retired.isEmpty() && catalogChanges.isEmpty();
	}
}
