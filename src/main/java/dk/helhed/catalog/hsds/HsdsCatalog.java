package dk.helhed.catalog.hsds;

import java.text.Collator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.hsds.HsdsParameters.ServiceQuery;
import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.catalog.internal.search.SearchText;
import dk.helhed.municipality.OrganisationalUnit;

/**
 * One municipality's catalog as the HSDS API reads it: which services, organizations and taxonomy terms a request
 * finds, and in which order. Made for each request from the current catalog snapshot, so it never mixes two
 * municipalities.
 */
final class HsdsCatalog {

	private final CatalogSnapshot catalog;
	private final Function<SearchText, List<Service>> search;
	private final HsdsTaxonomies taxonomies;
	private final HsdsMapper mapper;
	private final ZoneId zone;

	/**
	 * @param search the municipality's active services that match a text, most relevant first
	 * @param zone the time zone dates without a time are read in
	 */
	HsdsCatalog(CatalogSnapshot catalog, Function<SearchText, List<Service>> search, HsdsTaxonomies taxonomies,
			HsdsMapper mapper, ZoneId zone) {
		this.catalog = catalog;
		this.search = search;
		this.taxonomies = taxonomies;
		this.mapper = mapper;
		this.zone = zone;
	}

	/** The services the query finds: by relevance when it searches, otherwise by name. */
	List<Service> services(ServiceQuery query) {
		var candidates = query.search().isEmpty() ? catalog.services() : search.apply(query.search());
		return candidates.stream().filter(service -> accepts(query, service)).toList();
	}

	Hsds.Service summary(Service service) {
		return mapper.service(service).summary();
	}

	Optional<Hsds.Service> service(UUID id) {
		return catalog.service(id).map(mapper::service);
	}

	/** Every active service in full, by name, as {@code /services/{id}} sends each of them. */
	List<Hsds.Service> allServices() {
		return catalog.services().stream().map(mapper::service).toList();
	}

	/** The municipality whose catalog this is. */
	dk.helhed.municipality.Municipality municipality() {
		return catalog.municipality();
	}

	private boolean accepts(ServiceQuery query, Service service) {
		return (query.taxonomyTermId() == null || taxonomies.classifies(service, query.taxonomyTermId()))
				&& (query.taxonomyId() == null || taxonomies.classifiesIn(service, query.taxonomyId()))
				&& (query.organizationId() == null
						|| mapper.organizationOf(service).id().equals(query.organizationId()))
				&& (query.modifiedAfter() == null || modifiedSince(service, query.modifiedAfter()));
	}

	/**
	 * Changed or verified on or after the moment (the API reference says "on or after"). A verification has only a
	 * date, so it counts for the whole of that day: a client that syncs would rather fetch a service once too often
	 * than miss it.
	 */
	private boolean modifiedSince(Service service, Instant since) {
		return !service.updatedAt().isBefore(since) || (service.lastVerified() != null
				&& !service.lastVerified().isBefore(since.atZone(zone).toLocalDate()));
	}

	/** The places of the services the query finds, each with its service, as the list endpoint sends them. */
	List<Hsds.ServiceAtLocation> serviceAtLocations(ServiceQuery query) {
		return services(query).stream()
			.flatMap(service -> serviceAtLocation(service).stream())
			.map(Hsds.ServiceAtLocation::summary)
			.toList();
	}

	Optional<Hsds.ServiceAtLocation> serviceAtLocation(UUID id) {
		return catalog.services()
			.stream()
			.flatMap(service -> serviceAtLocation(service).stream())
			.filter(serviceAtLocation -> serviceAtLocation.id().equals(id))
			.findFirst();
	}

	private Optional<Hsds.ServiceAtLocation> serviceAtLocation(Service service) {
		return mapper.serviceAtLocation(service)
			.map(found -> new Hsds.ServiceAtLocation(found.id(), found.serviceId(), found.locationId(),
					found.location(), summary(service)));
	}

	/**
	 * The municipality first, then its units from the top down (each followed by the units under it), then its
	 * partner organisations by name.
	 */
	List<Hsds.Organization> organizations() {
		var danish = Collator.getInstance(Locale.of("da", "DK"));
		List<Hsds.Organization> organizations = new ArrayList<>();
		organizations.add(mapper.municipality());
		var units = catalog.units();
		var ids = units.stream().map(OrganisationalUnit::id).toList();
		units.stream()
			.filter(unit -> unit.parentId() == null || !ids.contains(unit.parentId()))
			.forEach(root -> addWithSubunits(root, units, organizations, 0));
		catalog.partners()
			.stream()
			.sorted(Comparator.comparing(partner -> partner.name(), danish))
			.map(mapper::partner)
			.forEach(organizations::add);
		return organizations;
	}

	private void addWithSubunits(OrganisationalUnit unit, List<OrganisationalUnit> units,
			List<Hsds.Organization> organizations, int depth) {
		organizations.add(mapper.unit(unit));
		if (depth < 10) { // a cycle in the data must not hang the request
			units.stream()
				.filter(child -> unit.id().equals(child.parentId()))
				.forEach(child -> addWithSubunits(child, units, organizations, depth + 1));
		}
	}

	/** The organization with the services it provides. */
	Optional<Hsds.Organization> organization(UUID id) {
		return organizations().stream()
			.filter(organization -> organization.id().equals(id))
			.findFirst()
			.map(organization -> organization.withServices(catalog.services()
				.stream()
				.filter(service -> mapper.organizationOf(service).id().equals(id))
				.map(this::summary)
				.toList()));
	}

	List<Hsds.Taxonomy> taxonomies() {
		return taxonomies.taxonomies();
	}

	Optional<Hsds.Taxonomy> taxonomy(UUID id) {
		return taxonomies.taxonomy(id);
	}

	/** The terms, optionally only those of one taxonomy or only the children of one term. */
	List<Hsds.TaxonomyTerm> terms(UUID taxonomyId, UUID parentId) {
		return taxonomies.terms()
			.stream()
			.filter(term -> taxonomyId == null || taxonomyId.equals(term.taxonomyId()))
			.filter(term -> parentId == null || parentId.equals(term.parentId()))
			.toList();
	}

	Optional<Hsds.TaxonomyTerm> term(UUID id) {
		return taxonomies.term(id);
	}
}
