package dk.helhed.catalog.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dk.helhed.catalog.CatalogChanged;
import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.search.SearchIndex;
import dk.helhed.catalog.internal.search.SearchText;
import dk.helhed.catalog.internal.search.ServiceSearch;
import dk.helhed.municipality.Municipalities;
import dk.helhed.municipality.Municipality;

/**
 * Hands out the current {@link CatalogSnapshot} of a municipality and searches it. Both are built from the database
 * on first use and again after every change: at once on the instance that made the change (through
 * {@link CatalogChanged}), and within {@link #REVALIDATE_AFTER} on every other instance, which compares the
 * catalog's revision in the database with the one its snapshot was built from.
 */
@Component
public class Catalogs {

	/** A service found by a search, with its relevance. */
	public record Found(Service service, float score) {
	}

	/** How long a snapshot is trusted before the database is asked whether the catalog changed. */
	static final Duration REVALIDATE_AFTER = Duration.ofSeconds(5);

	private record Current(CatalogSnapshot snapshot, SearchIndex index, String revision, Instant checkedAt) {

		Current checked(Instant now) {
			return new Current(snapshot, index, revision, now);
		}
	}

	private final Municipalities municipalities;
	private final ServiceRepository services;
	private final ServiceSearch search;
	private final JdbcClient jdbc;
	private final Map<UUID, Current> current = new ConcurrentHashMap<>();
	private final Map<UUID, Object> building = new ConcurrentHashMap<>();

	private final Clock clock;

	Catalogs(Municipalities municipalities, ServiceRepository services, ServiceSearch search, JdbcClient jdbc,
			Clock clock) {
		this.municipalities = municipalities;
		this.services = services;
		this.search = search;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public CatalogSnapshot of(Municipality municipality) {
		return current(municipality).snapshot();
	}

	public CatalogSnapshot of(UUID municipalityId) {
		return of(municipalities.findById(municipalityId)
			.orElseThrow(() -> new dk.helhed.platform.NotFoundException("Kommunen findes ikke.")));
	}

	public CatalogSnapshot of(String slug) {
		return of(municipalities.getBySlug(slug));
	}

	/** The active services that match the text, most relevant first. */
	public List<Found> search(Municipality municipality, SearchText text, int limit) {
		var catalog = current(municipality);
		return catalog.index()
			.search(text, limit)
			.stream()
			.flatMap(hit -> catalog.snapshot().service(hit.id()).map(service -> new Found(service, hit.score())).stream())
			.toList();
	}

	/** Forget the snapshot and index, so that the next reader gets them built from the database. */
	public void changed(UUID municipalityId) {
		current.remove(municipalityId);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CatalogChanged event) {
		changed(event.municipalityId());
	}

	private Current current(Municipality municipality) {
		var now = Instant.now(clock);
		var known = current.get(municipality.id());
		if (known != null && Duration.between(known.checkedAt(), now).compareTo(REVALIDATE_AFTER) < 0) {
			return known;
		}
		var revision = revision(municipality.id());
		if (known != null && known.revision().equals(revision)) {
			var checked = known.checked(now);
			current.put(municipality.id(), checked);
			return checked;
		}
		// One build per municipality at a time: a build reads every service with its rows, and many requests to a
		// cold municipality (after a start or a change) would otherwise each build it and hold a connection meanwhile
		// (at national scale the load harness saw the pool exhausted that way). The others wait and take its result.
		synchronized (building.computeIfAbsent(municipality.id(), id -> new Object())) {
			var built = current.get(municipality.id());
			if (built != null && built != known && built.revision().equals(revision)) {
				return built;
			}
			var snapshot = build(municipality);
			var fresh = new Current(snapshot, search.index(snapshot), revision, now);
			current.put(municipality.id(), fresh);
			return fresh;
		}
	}

	/**
	 * A fingerprint of the catalog's state: every change to a service bumps its version, and services are never
	 * deleted, so the count and the sum of versions change whenever a service does; publishing an edition changes the
	 * catalog's edition number and date; free places counted from allocations change a capacity's time.
	 */
	private String revision(UUID municipalityId) {
		return jdbc.sql("""
				select (select count(*) || ':' || coalesce(sum(version), 0) from service where municipality_id = ?)
				       || ':' || coalesce((select edition || '/' || published from catalog where municipality_id = ?), '')
				       || ':' || coalesce((select cast(max(updated_at) as varchar(40)) from service_capacity
				                           where municipality_id = ?), '')
				""")
			.params(municipalityId, municipalityId, municipalityId)
			.query(String.class)
			.single();
	}

	private CatalogSnapshot build(Municipality municipality) {
		var info = jdbc.sql("""
				select id, title, edition, edition_label, published, owning_unit_id, contact_role, contact_name,
				       introduction
				from catalog where municipality_id = ?""")
			.param(municipality.id())
			.query(CatalogInfo.class)
			.optional()
			.orElseGet(CatalogInfo::empty);
		return new CatalogSnapshot(municipality, info, municipalities.strategyOf(municipality.id()).orElse(null),
				services.findByMunicipalityId(municipality.id()), municipalities.unitsOf(municipality.id()),
				municipalities.partnersOf(municipality.id()));
	}
}
