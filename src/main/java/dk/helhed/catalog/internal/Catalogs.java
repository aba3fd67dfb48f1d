package dk.helhed.catalog.internal;

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
 * on first use and again after every change.
 */
@Component
public class Catalogs {

	/** A service found by a search, with its relevance. */
	public record Found(Service service, float score) {
	}

	private record Current(CatalogSnapshot snapshot, SearchIndex index) {
	}

	private final Municipalities municipalities;
	private final ServiceRepository services;
	private final ServiceSearch search;
	private final JdbcClient jdbc;
	private final Map<UUID, Current> current = new ConcurrentHashMap<>();

	Catalogs(Municipalities municipalities, ServiceRepository services, ServiceSearch search, JdbcClient jdbc) {
		this.municipalities = municipalities;
		this.services = services;
		this.search = search;
		this.jdbc = jdbc;
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
		return current.computeIfAbsent(municipality.id(), id -> {
			var snapshot = build(municipality);
			return new Current(snapshot, search.index(snapshot));
		});
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
