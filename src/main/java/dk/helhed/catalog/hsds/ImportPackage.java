package dk.helhed.catalog.hsds;

import java.util.List;
import java.util.Map;

/**
 * An uploaded HSDS file read into services with what belongs to them, whatever its form: one JSON document (Helhed's
 * export, a list of services, one service, an organization with its services, or the tables as JSON) or the CSV
 * tables in a zip. Nothing here is checked yet; {@link HsdsImport} checks it against the municipality.
 *
 * @param organizations organizations by their id as written in the file
 * @param terms taxonomy terms by their id as written in the file
 * @param notes what the file holds that the import leaves out as a whole (e.g. a table Helhed has no place for)
 */
record ImportPackage(List<ServiceRecord> services, Map<String, ImportItem> organizations,
		Map<String, ImportItem> terms, List<String> notes) {

	/**
	 * A service and what belongs to it. A list that is {@code null} is not in the file at all (its table is missing),
	 * so the import leaves that part of an existing service as it is; an empty list says the service has none.
	 *
	 * @param organization the organization as the file describes it, if it does
	 */
	record ServiceRecord(ImportItem service, ImportItem organization, List<ImportItem> phones,
			List<ImportItem> schedules, List<Place> places, List<ImportItem> costs, List<Contact> contacts,
			List<Capacity> capacities, List<Attribute> attributes) {
	}

	record Contact(ImportItem contact, List<ImportItem> phones) {
	}

	/** @param unit the unit the capacity is counted in, if the file describes it */
	record Capacity(ImportItem capacity, ImportItem unit) {
	}

	/** @param term the taxonomy term, if the file describes it (else it is looked up by its id) */
	record Attribute(ImportItem attribute, ImportItem term) {
	}

	/** A service at a location: the link, the location (if described) and its addresses. */
	record Place(ImportItem serviceAtLocation, ImportItem location, List<ImportItem> addresses) {
	}

	/**
	 * The records of the services and what belongs to them, for listing the fields the import did not read.
	 * Organizations and taxonomy terms are only looked up, so they are not among them.
	 */
	java.util.stream.Stream<ImportItem> items() {
		return services.stream().flatMap(ImportPackage::items);
	}

	private static java.util.stream.Stream<ImportItem> items(ServiceRecord record) {
		var items = new java.util.ArrayList<ImportItem>();
		items.add(record.service());
		addAll(items, record.phones());
		addAll(items, record.schedules());
		addAll(items, record.costs());
		if (record.places() != null) {
			record.places().forEach(place -> {
				items.add(place.serviceAtLocation());
				if (place.location() != null) {
					items.add(place.location());
				}
				items.addAll(place.addresses());
			});
		}
		if (record.contacts() != null) {
			record.contacts().forEach(contact -> {
				items.add(contact.contact());
				items.addAll(contact.phones());
			});
		}
		if (record.capacities() != null) {
			record.capacities().forEach(capacity -> {
				items.add(capacity.capacity());
				if (capacity.unit() != null) {
					items.add(capacity.unit());
				}
			});
		}
		if (record.attributes() != null) {
			record.attributes().forEach(attribute -> items.add(attribute.attribute()));
		}
		return items.stream();
	}

	private static void addAll(List<ImportItem> items, List<ImportItem> more) {
		if (more != null) {
			items.addAll(more);
		}
	}
}
