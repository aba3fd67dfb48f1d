package dk.helhed.catalog.internal.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.catalog.internal.search.SearchIndex.SearchField;
import dk.helhed.municipality.OrganisationalUnit;

/**
 * Builds a municipality's search index from its catalog snapshot, with the Danish analysis and the synonym list.
 */
@Component
public class ServiceSearch {

	private static final Locale DANISH = Locale.of("da");

	private final NeedsAnalysis analysis;
	private final MessageSource messages;

	ServiceSearch(ResourceLoader resources, MessageSource messages) {
		this.analysis = new NeedsAnalysis(files(resources));
		this.messages = messages;
	}

	/** The data files of the search, under {@code search/} on the class path. */
	public static NeedsAnalysis.Files files(ResourceLoader resources) {
		return new NeedsAnalysis.Files(resources.getResource("classpath:search/synonyms.txt"),
				resources.getResource("classpath:search/compound-parts.txt"),
				resources.getResource("classpath:search/stopwords.txt"),
				resources.getResource("classpath:search/stem-overrides.txt"),
				resources.getResource("classpath:search/translations-en.txt"),
				resources.getResource("classpath:search/for-professionals.txt"),
				resources.getResource("classpath:search/anonymity.txt"));
	}

	public SearchIndex index(CatalogSnapshot catalog) {
		return SearchIndex.build(analysis, catalog.services().stream().map(service -> entry(catalog, service)).toList());
	}

	private SearchIndex.Entry entry(CatalogSnapshot catalog, Service service) {
		var text = new EnumMap<SearchField, String>(SearchField.class);
		text.put(SearchField.NAME, service.name());
		text.put(SearchField.SUMMARY, service.summary());
		text.put(SearchField.DESCRIPTION, service.description());
		text.put(SearchField.TARGET_GROUP, service.targetGroup());
		text.put(SearchField.FOCUS_AREAS,
				catalog.focusAreasOf(service).stream().map(area -> area.name()).collect(Collectors.joining(". ")));
		text.put(SearchField.SITUATIONS, service.situations()
			.stream()
			.map(situation -> messages.getMessage("situation." + situation, null, situation.name(), DANISH))
			.collect(Collectors.joining(". ")));
		var organisation = new StringBuilder();
		catalog.unitPath(service.owningUnitId())
			.stream()
			.map(OrganisationalUnit::name)
			.forEach(name -> organisation.append(name).append(". "));
		if (catalog.partner(service.providerId()) != null) {
			organisation.append(catalog.partner(service.providerId()).name()).append(". ");
		}
		catalog.partnersOf(service).forEach(partner -> organisation.append(partner.name()).append(". "));
		if (service.locationName() != null) {
			organisation.append(service.locationName());
		}
		text.put(SearchField.ORGANISATION, organisation.toString());
		// how to get it, as the service's page says it: "anonymt – du behøver ikke sige dit navn" is what a person
		// who wants to stay anonymous asks for, whatever the first step's own wording
		text.put(SearchField.ACCESS, service.firstStep() + ". "
				+ messages.getMessage("access." + service.accessMode(), null, "", DANISH));
		text.put(SearchField.FACTS, String.join(". ", List.copyOf(service.keyFigures())));
		return new SearchIndex.Entry(service.id(), text, service.accessMode());
	}
}
