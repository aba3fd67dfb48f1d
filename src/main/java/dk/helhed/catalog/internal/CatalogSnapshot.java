package dk.helhed.catalog.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.ServiceStatus;
import dk.helhed.municipality.Municipality;
import dk.helhed.municipality.OrganisationalUnit;
import dk.helhed.municipality.PartnerOrganisation;
import dk.helhed.municipality.Strategy;
import dk.helhed.municipality.Strategy.FocusArea;

/**
 * A municipality's catalog as the public pages, the search and the API read it: the active services with the names
 * of the units, partners and focus areas they refer to. Immutable; replaced as a whole when the catalog changes.
 */
public final class CatalogSnapshot {

	private static final java.text.Collator DANISH = java.text.Collator.getInstance(java.util.Locale.of("da", "DK"));

	private final Municipality municipality;
	private final CatalogInfo info;
	private final Strategy strategy;
	private final List<Service> services;
	private final Map<String, Service> servicesByKey;
	private final Map<UUID, Service> servicesById;
	private final Map<UUID, OrganisationalUnit> units;
	private final Map<UUID, PartnerOrganisation> partners;
	private final Map<UUID, FocusArea> focusAreas;

	CatalogSnapshot(Municipality municipality, CatalogInfo info, Strategy strategy, List<Service> allServices,
			List<OrganisationalUnit> units, List<PartnerOrganisation> partners) {
		this.municipality = municipality;
		this.info = info;
		this.strategy = strategy;
		this.services = allServices.stream()
			.filter(service -> service.status() == ServiceStatus.ACTIVE)
			.sorted(Comparator.comparing(Service::name, DANISH))
			.toList();
		this.servicesByKey = services.stream().collect(Collectors.toMap(Service::key, Function.identity()));
		this.servicesById = services.stream().collect(Collectors.toMap(Service::id, Function.identity()));
		this.units = units.stream().collect(Collectors.toMap(OrganisationalUnit::id, Function.identity()));
		this.partners = partners.stream()
			.collect(Collectors.toMap(PartnerOrganisation::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		this.focusAreas = strategy == null ? Map.of()
				: strategy.allFocusAreas().stream().collect(Collectors.toMap(FocusArea::id, Function.identity()));
	}

	/**
	 * A snapshot of stored data rather than of the live catalog, for example a published edition: the services are
	 * taken as they are given (inactive ones are left out as always), and the names are those stored with them.
	 */
	public static CatalogSnapshot of(Municipality municipality, CatalogInfo info, Strategy strategy,
			List<Service> services, List<OrganisationalUnit> units, List<PartnerOrganisation> partners) {
		return new CatalogSnapshot(municipality, info, strategy, services, units, partners);
	}

	public Municipality municipality() {
		return municipality;
	}

	public CatalogInfo info() {
		return info;
	}

	public Optional<Strategy> strategy() {
		return Optional.ofNullable(strategy);
	}

	/** Active services, alphabetically. */
	public List<Service> services() {
		return services;
	}

	public Optional<Service> service(String key) {
		return Optional.ofNullable(key == null ? null : servicesByKey.get(key));
	}

	public Optional<Service> service(UUID id) {
		return Optional.ofNullable(id == null ? null : servicesById.get(id));
	}

	/** The strategy's top-level focus areas, in the strategy's order. */
	public List<FocusArea> focusAreas() {
		return strategy == null ? List.of() : strategy.focusAreas();
	}

	public Optional<FocusArea> focusArea(String key) {
		return focusAreas.values().stream().filter(area -> area.key().equals(key)).findFirst();
	}

	public FocusArea focusArea(UUID id) {
		return focusAreas.get(id);
	}

	/** Services whose primary (first) focus area is the given one. */
	public List<Service> servicesPrimarilyIn(FocusArea area) {
		return services.stream()
			.filter(service -> !service.focusAreaIds().isEmpty() && service.focusAreaIds().getFirst().equals(area.id()))
			.toList();
	}

	/** Services in the given focus area, primary or not. */
	public List<Service> servicesIn(FocusArea area) {
		return services.stream().filter(service -> service.focusAreaIds().contains(area.id())).toList();
	}

	public List<FocusArea> focusAreasOf(Service service) {
		return service.focusAreaIds().stream().map(focusAreas::get).filter(java.util.Objects::nonNull).toList();
	}

	public OrganisationalUnit unit(UUID id) {
		return id == null ? null : units.get(id);
	}

	/** The unit with its parents, e.g. "Social & Sundhed › Center for Socialpsykiatri og Rusmiddel". */
	public List<OrganisationalUnit> unitPath(UUID id) {
		var path = new java.util.ArrayDeque<OrganisationalUnit>();
		var unit = unit(id);
		while (unit != null && path.size() < 10) {
			path.addFirst(unit);
			unit = unit(unit.parentId());
		}
		return List.copyOf(path);
	}

	public List<OrganisationalUnit> units() {
		return units.values().stream().sorted(Comparator.comparing(OrganisationalUnit::name, DANISH)).toList();
	}

	public PartnerOrganisation partner(UUID id) {
		return id == null ? null : partners.get(id);
	}

	public List<PartnerOrganisation> partners() {
		return List.copyOf(partners.values());
	}

	public List<PartnerOrganisation> partnersOf(Service service) {
		return service.partnerIds().stream().map(partners::get).filter(java.util.Objects::nonNull).toList();
	}

	/** Services a partner organisation runs or takes part in. */
	public List<Service> servicesWith(PartnerOrganisation partner) {
		return services.stream()
			.filter(service -> partner.id().equals(service.providerId()) || service.partnerIds().contains(partner.id()))
			.toList();
	}

	/** The name of a unit, partner organisation or focus area, for history and review pages. */
	public String nameOf(UUID id) {
		if (id == null) {
			return null;
		}
		if (units.containsKey(id)) {
			return units.get(id).name();
		}
		if (partners.containsKey(id)) {
			return partners.get(id).name();
		}
		if (focusAreas.containsKey(id)) {
			return focusAreas.get(id).name();
		}
		return id.toString();
	}

	public boolean isEmpty() {
		return services.isEmpty();
	}
}
