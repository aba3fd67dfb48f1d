package dk.helhed.catalog.hsds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.web.util.UriComponentsBuilder;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.Situation;
import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.municipality.Strategy.FocusArea;
import dk.helhed.platform.DeterministicIds;

/**
 * The two taxonomies a municipality's services are classified by: the focus areas of its strategy (with their tracks
 * as child terms) and the life situations a service is meant for. Ids are name-based, so a term keeps its id for as
 * long as the focus area keeps its key.
 */
final class HsdsTaxonomies {

	static final String FOCUS_AREAS = "focus-areas";
	static final String SITUATIONS = "situations";

	/** What a term says about a service, in the attribute's {@code link_type} (HSDS leaves the code list open). */
	static final String FOCUS_AREA_LINK = "focus_area";
	static final String ELIGIBILITY_LINK = "eligibility";

	private final String slug;
	private final List<Hsds.Taxonomy> taxonomies;
	private final Map<UUID, Hsds.TaxonomyTerm> terms;
	private final Map<UUID, UUID> focusAreaTerms;
	private final Map<Situation, UUID> situationTerms;

	private HsdsTaxonomies(String slug, List<Hsds.Taxonomy> taxonomies, Map<UUID, Hsds.TaxonomyTerm> terms,
			Map<UUID, UUID> focusAreaTerms, Map<Situation, UUID> situationTerms) {
		this.slug = slug;
		this.taxonomies = taxonomies;
		this.terms = terms;
		this.focusAreaTerms = focusAreaTerms;
		this.situationTerms = situationTerms;
	}

	static HsdsTaxonomies of(CatalogSnapshot catalog, Function<Situation, String> situationLabel, String siteRoot) {
		var municipality = catalog.municipality();
		var slug = municipality.slug();
		List<Hsds.Taxonomy> taxonomies = new ArrayList<>();
		Map<UUID, Hsds.TaxonomyTerm> terms = new LinkedHashMap<>();
		Map<UUID, UUID> focusAreaTerms = new LinkedHashMap<>();

		catalog.strategy().ifPresent(strategy -> {
			var taxonomy = new Hsds.Taxonomy(taxonomyId(slug, FOCUS_AREAS), strategy.title(),
					"Områderne i strategien »" + strategy.title() + "« (nogle med spor under sig), som "
							+ genitive(municipality.name()) + " indsatser er ordnet efter.",
					siteRoot + "/" + slug + "/strategi",
					strategy.adopted() == null ? null : strategy.adopted().toString());
			taxonomies.add(taxonomy);
			for (var area : strategy.focusAreas()) {
				var areaTerm = focusAreaTerm(slug, area, null, taxonomy, siteRoot);
				terms.put(areaTerm.id(), areaTerm);
				focusAreaTerms.put(area.id(), areaTerm.id());
				for (var track : area.tracks()) {
					var trackTerm = focusAreaTerm(slug, track, area, taxonomy, siteRoot);
					terms.put(trackTerm.id(), trackTerm);
					focusAreaTerms.put(track.id(), trackTerm.id());
				}
			}
		});

		var situations = new Hsds.Taxonomy(taxonomyId(slug, SITUATIONS), "Livssituationer",
				"De livssituationer, en indsats er målrettet: den faste del af beskrivelsen af målgruppen.", null,
				null);
		taxonomies.add(situations);
		Map<Situation, UUID> situationTerms = new LinkedHashMap<>();
		for (var situation : Situation.values()) {
			var label = situationLabel.apply(situation);
			var term = new Hsds.TaxonomyTerm(termId(slug, SITUATIONS, situation.name()), situation.name(), label,
					"Indsatser målrettet borgere med denne livssituation: " + label + ".", null, situations.id(),
					situations, "da", null);
			terms.put(term.id(), term);
			situationTerms.put(situation, term.id());
		}
		return new HsdsTaxonomies(slug, List.copyOf(taxonomies), terms, focusAreaTerms, situationTerms);
	}

	private static Hsds.TaxonomyTerm focusAreaTerm(String slug, FocusArea area, FocusArea parent,
			Hsds.Taxonomy taxonomy, String siteRoot) {
		var description = area.summary() != null && !area.summary().isBlank() ? area.summary()
				: parent == null ? area.name() : "Et spor under " + parent.name() + ".";
		var uri = UriComponentsBuilder.fromUriString(siteRoot)
			.path("/{slug}/indsatser")
			.queryParam("omraade", area.key())
			.buildAndExpand(slug)
			.encode()
			.toUriString();
		return new Hsds.TaxonomyTerm(termId(slug, FOCUS_AREAS, area.key()), area.key(), area.name(), description,
				parent == null ? null : termId(slug, FOCUS_AREAS, parent.key()), taxonomy.id(), taxonomy, "da", uri);
	}

	static UUID taxonomyId(String slug, String taxonomy) {
		return DeterministicIds.of(slug, "taxonomy", taxonomy);
	}

	static UUID termId(String slug, String taxonomy, String code) {
		return DeterministicIds.of(slug, "taxonomy", taxonomy, "term", code);
	}

	List<Hsds.Taxonomy> taxonomies() {
		return taxonomies;
	}

	Optional<Hsds.Taxonomy> taxonomy(UUID id) {
		return taxonomies.stream().filter(taxonomy -> taxonomy.id().equals(id)).findFirst();
	}

	/** All terms: focus areas each followed by their tracks, then the life situations. */
	List<Hsds.TaxonomyTerm> terms() {
		return List.copyOf(terms.values());
	}

	Optional<Hsds.TaxonomyTerm> term(UUID id) {
		return Optional.ofNullable(terms.get(id));
	}

	/** The service's attributes: its focus areas in its own order, then its life situations. */
	List<Hsds.Attribute> attributesOf(Service service) {
		List<Hsds.Attribute> attributes = new ArrayList<>();
		for (var areaId : service.focusAreaIds()) {
			var termId = focusAreaTerms.get(areaId);
			if (termId != null) {
				attributes.add(attribute(service, termId, FOCUS_AREA_LINK));
			}
		}
		for (var situation : service.situations()) {
			attributes.add(attribute(service, situationTerms.get(situation), ELIGIBILITY_LINK));
		}
		return attributes;
	}

	private Hsds.Attribute attribute(Service service, UUID termId, String linkType) {
		return new Hsds.Attribute(DeterministicIds.of(slug, "attribute", service.id().toString(), termId.toString()),
				service.id(), linkType, "service", termId, terms.get(termId));
	}

	/** The focus area (or track) a term of this municipality stands for, if it is one. */
	Optional<UUID> focusAreaOf(UUID termId) {
		return focusAreaTerms.entrySet()
			.stream()
			.filter(entry -> entry.getValue().equals(termId))
			.map(Map.Entry::getKey)
			.findFirst();
	}

	/** The life situation a term of this municipality stands for, if it is one. */
	Optional<Situation> situationOf(UUID termId) {
		return situationTerms.entrySet()
			.stream()
			.filter(entry -> entry.getValue().equals(termId))
			.map(Map.Entry::getKey)
			.findFirst();
	}

	/** The ids of the terms the service is classified by. */
	Set<UUID> termIdsOf(Service service) {
		return attributesOf(service).stream().map(Hsds.Attribute::taxonomyTermId).collect(Collectors.toSet());
	}

	/**
	 * Whether the service is classified by the term or, for a focus area, by one of its tracks: asking for a focus
	 * area finds the services of its tracks too.
	 */
	boolean classifies(Service service, UUID termId) {
		var termIds = termIdsOf(service);
		return termIds.contains(termId) || termIds.stream()
			.map(terms::get)
			.anyMatch(term -> termId.equals(term.parentId()));
	}

	/** Whether the service has a term from the taxonomy. */
	boolean classifiesIn(Service service, UUID taxonomyId) {
		return termIdsOf(service).stream().map(terms::get).anyMatch(term -> taxonomyId.equals(term.taxonomyId()));
	}

	private static String genitive(String name) {
		return name.endsWith("s") || name.endsWith("x") || name.endsWith("z") ? name + "'" : name + "s";
	}
}
