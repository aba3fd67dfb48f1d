package dk.helhed.catalog.internal.editions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.CatalogInfo;
import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.municipality.Municipality;
import dk.helhed.municipality.OrganisationalUnit;
import dk.helhed.municipality.PartnerOrganisation;
import dk.helhed.municipality.Strategy;
import dk.helhed.municipality.Strategy.FocusArea;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the printed catalog shows, as it was when an edition was published: stored as JSON with the edition and
 * turned back into a {@link CatalogSnapshot}, so the print template renders an edition exactly as it renders the live
 * catalog. Units, partner organisations and focus areas are stored whole, with the names they had then.
 *
 * @param format the layout of this document, for reading old editions should it ever change
 */
record FrozenCatalog(int format, Municipality municipality, CatalogInfo info, Strategy strategy,
		List<FrozenService> services, List<OrganisationalUnit> units, List<PartnerOrganisation> partners) {

	static final int CURRENT_FORMAT = 1;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** An active service: its identity and everything an editor decides about it. */
	record FrozenService(UUID id, String key, Service.Content content) {
	}

	FrozenCatalog {
		services = List.copyOf(services);
		units = List.copyOf(units);
		partners = List.copyOf(partners);
	}

	/**
	 * The catalog as it is now, under the given edition. Of the strategy only what the catalog shows is kept: its
	 * title and the focus areas with their tracks; commitments and targets belong to the strategy's own pages.
	 */
	static FrozenCatalog of(CatalogSnapshot catalog, int number, String label, java.time.LocalDate published) {
		var info = catalog.info();
		var editionInfo = new CatalogInfo(info.id(), info.title(), number, label, published, info.owningUnitId(),
				info.contactRole(), info.contactName(), info.introduction());
		return new FrozenCatalog(CURRENT_FORMAT, catalog.municipality(), editionInfo,
				catalog.strategy().map(FrozenCatalog::catalogPart).orElse(null),
				catalog.services().stream().map(service -> new FrozenService(service.id(), service.key(),
						service.content())).toList(),
				catalog.units(), catalog.partners());
	}

	static FrozenCatalog read(String json) {
		return JSON.readValue(json, FrozenCatalog.class);
	}

	String json() {
		return JSON.writeValueAsString(this);
	}

	/**
	 * The edition as a catalog snapshot. The services get a fixed creation time: the print view does not show it,
	 * and a snapshot of the same edition must come out the same every time.
	 */
	CatalogSnapshot snapshot() {
		var municipalityId = municipality.id();
		var restored = services.stream()
			.map(service -> Service.create(service.id(), municipalityId, service.key(), service.content(),
					Instant.EPOCH))
			.toList();
		return CatalogSnapshot.of(municipality, info, strategy, restored, units, partners);
	}

	private static Strategy catalogPart(Strategy strategy) {
		return new Strategy(strategy.id(), strategy.municipalityId(), strategy.title(), strategy.subtitle(),
				strategy.adopted(), strategy.periodFrom(), strategy.periodTo(), null, null, null, null, null,
				strategy.focusAreaLabel(), List.of(), strategy.focusAreas().stream().map(FrozenCatalog::names).toList(),
				List.of());
	}

	private static FocusArea names(FocusArea area) {
		return new FocusArea(area.id(), area.key(), area.name(), area.summary(), List.of(), List.of(),
				area.tracks().stream().map(FrozenCatalog::names).toList(), List.of());
	}
}
