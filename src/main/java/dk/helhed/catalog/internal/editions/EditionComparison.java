package dk.helhed.catalog.internal.editions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.catalog.internal.ServiceFields;
import dk.helhed.catalog.internal.editions.EditionDiff.ChangedService;
import dk.helhed.catalog.internal.editions.EditionDiff.ServiceRef;
import dk.helhed.municipality.OrganisationalUnit;
import dk.helhed.municipality.PartnerOrganisation;

/**
 * Compares two snapshots of a catalog, each with the names it had: services are matched by id, so a renamed service
 * is a changed one, and their content is compared field by field as in the history.
 */
final class EditionComparison {

	/** Prefix of the catalog-level field of one partner organisation, followed by its name. */
	static final String PARTNER_ORGANISATION = "partner_organisation:";

	private EditionComparison() {
	}

	static EditionDiff between(String fromLabel, CatalogSnapshot from, String toLabel, CatalogSnapshot to) {
		var before = from.services().stream().collect(Collectors.toMap(Service::id, Function.identity()));
		var after = to.services().stream().collect(Collectors.toMap(Service::id, Function.identity()));
		var added = to.services().stream().filter(service -> !before.containsKey(service.id())).map(EditionComparison::ref)
			.toList();
		var retired = from.services().stream().filter(service -> !after.containsKey(service.id()))
			.map(EditionComparison::ref).toList();
		var changed = to.services().stream().filter(service -> before.containsKey(service.id())).map(service -> {
			var previous = before.get(service.id());
			var changes = ServiceFields.differences(ServiceFields.of(previous.content(), from::nameOf),
					ServiceFields.of(service.content(), to::nameOf));
			return new ChangedService(service.key(), service.name(), changes);
		}).filter(service -> !service.changes().isEmpty()).toList();
		var catalogChanges = ServiceFields.differences(catalogFields(from), catalogFields(to));
		return new EditionDiff(fromLabel, toLabel, added, changed, retired, catalogChanges);
	}

	/**
	 * What the printed catalog shows beyond the services: title, introduction and contact, the focus areas that order
	 * it, the units services are placed under and the chapter on partner organisations.
	 */
	private static Map<String, String> catalogFields(CatalogSnapshot catalog) {
		var info = catalog.info();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("title", info.title());
		fields.put("introduction", info.introduction());
		fields.put("contact", info.contactName() == null ? null
				: Objects.toString(info.contactRole(), "") + ": " + info.contactName());
		fields.put("owning_unit", catalog.nameOf(info.owningUnitId()));
		fields.put("focus_areas", join(catalog.focusAreas().stream().map(area -> area.name()).toList()));
		fields.put("organisational_units", join(catalog.units().stream().map(OrganisationalUnit::name).toList()));
		fields.put("partner_organisations", join(catalog.partners().stream().map(PartnerOrganisation::name).toList()));
		catalog.partners().forEach(partner -> fields.put(PARTNER_ORGANISATION + partner.name(),
				join(java.util.stream.Stream.of(partner.kind() == null ? null : partner.kind().name(),
						partner.description(), partner.website()).filter(Objects::nonNull).toList())));
		return fields;
	}

	private static ServiceRef ref(Service service) {
		return new ServiceRef(service.key(), service.name());
	}

	private static String join(List<String> values) {
		return values.isEmpty() ? null : String.join("; ", values);
	}
}
