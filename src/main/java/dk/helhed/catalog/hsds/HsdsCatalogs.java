package dk.helhed.catalog.hsds;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.CatalogSettings;
import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.catalog.internal.Catalogs;

/**
 * Hands out a municipality's catalog as HSDS, with the Danish wording of access modes, prices, life situations and
 * warnings from the application's messages, and time as it is in Denmark now.
 */
@Component
class HsdsCatalogs {

	static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
	private static final Locale DANISH = Locale.of("da");

	private final Catalogs catalogs;
	private final CatalogSettings settings;
	private final MessageSource messages;
	private final Clock clock;

	HsdsCatalogs(Catalogs catalogs, CatalogSettings settings, MessageSource messages, Clock clock) {
		this.catalogs = catalogs;
		this.settings = settings;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * @param slug the municipality (an unknown one is answered with 404)
	 * @param siteRoot the application's absolute address, for links to its public pages
	 */
	HsdsCatalog of(String slug, String siteRoot) {
		var snapshot = catalogs.of(slug);
		var municipality = snapshot.municipality();
		var reading = reading(snapshot, siteRoot);
		// Ask the index for every service, so that filters and pages apply to the whole result.
		int all = Math.max(1, snapshot.services().size());
		return new HsdsCatalog(snapshot,
				text -> catalogs.search(municipality, text, all).stream().map(Catalogs.Found::service).toList(),
				reading.taxonomies(), reading.mapper(), DANISH_TIME);
	}

	/**
	 * How the municipality's catalog reads as HSDS: for an import, which compares each service of a file with what
	 * Helhed would export for it now, and needs the municipality's Danish wording of access modes and prices.
	 */
	Reading reading(UUID municipalityId, String siteRoot) {
		return reading(catalogs.of(municipalityId), siteRoot);
	}

	record Reading(HsdsMapper mapper, HsdsTaxonomies taxonomies, Function<String, String> labels) {
	}

	private Reading reading(CatalogSnapshot snapshot, String siteRoot) {
		var now = clock.instant();
		var taxonomies = HsdsTaxonomies.of(snapshot, situation -> label("situation." + situation.name()), siteRoot);
		var today = LocalDate.ofInstant(now, DANISH_TIME);
		// The same warning as on the service's public page (CatalogController), so API and page never disagree.
		Predicate<Service> stale = service -> service.isStale(today, settings.staleAfterMonths());
		var mapper = new HsdsMapper(snapshot, taxonomies, this::label, DANISH_TIME.getRules().getOffset(now),
				Regions.of(snapshot.municipality(), today), stale);
		return new Reading(mapper, taxonomies, this::label);
	}

	private String label(String code) {
		return messages.getMessage(code, null, code, DANISH);
	}
}
