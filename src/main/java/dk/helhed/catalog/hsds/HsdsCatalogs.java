package dk.helhed.catalog.hsds;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dk.helhed.catalog.internal.Catalogs;

/**
 * Hands out a municipality's catalog as HSDS, with the Danish wording of access modes, prices and life situations
 * from the application's messages, and time as it is in Denmark now.
 */
@Component
class HsdsCatalogs {

	static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
	private static final Locale DANISH = Locale.of("da");

	private final Catalogs catalogs;
	private final MessageSource messages;
	private final Clock clock;

	HsdsCatalogs(Catalogs catalogs, MessageSource messages, Clock clock) {
		this.catalogs = catalogs;
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
		var now = clock.instant();
		var taxonomies = HsdsTaxonomies.of(snapshot, situation -> label("situation." + situation.name()), siteRoot);
		var mapper = new HsdsMapper(snapshot, taxonomies, this::label, DANISH_TIME.getRules().getOffset(now),
				Regions.of(municipality, LocalDate.ofInstant(now, DANISH_TIME)));
		// Ask the index for every service, so that filters and pages apply to the whole result.
		int all = Math.max(1, snapshot.services().size());
		return new HsdsCatalog(snapshot,
				text -> catalogs.search(municipality, text, all).stream().map(Catalogs.Found::service).toList(),
				taxonomies, mapper, DANISH_TIME);
	}

	private String label(String code) {
		return messages.getMessage(code, null, code, DANISH);
	}
}
