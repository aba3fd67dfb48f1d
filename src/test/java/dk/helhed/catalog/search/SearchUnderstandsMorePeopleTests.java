package dk.helhed.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.internal.search.SearchIndex;
import dk.helhed.catalog.internal.search.SearchIndex.Entry;
import dk.helhed.catalog.internal.search.SearchIndex.Hit;
import dk.helhed.catalog.internal.search.SearchIndex.SearchField;
import dk.helhed.catalog.internal.search.SearchText;

/**
 * The search answers a need written in English as the same need in Danish, puts the services that may be contacted
 * without a name first for a person who wants to stay anonymous, and the services for professionals after those for
 * citizens unless the person asks for them. Plain unit tests on a small index, without Spring.
 */
class SearchUnderstandsMorePeopleTests {

	static final UUID COUNT = UUID.nameUUIDFromBytes("hjemløsetælling".getBytes());
	static final UUID OUTREACH = UUID.nameUUIDFromBytes("udsattekonsulenter".getBytes());
	static final UUID PRISON_RELEASE = UUID.nameUUIDFromBytes("god løsladelse".getBytes());

	private static SearchIndex index;

	@BeforeAll
	static void buildIndex() {
		var entries = new java.util.ArrayList<>(SearchFixture.entries());
		entries.add(entry(COUNT, "Hjemløsemonitorering",
				"Kommunen deltager i hjemløsetællingen og følger borgere i hjemløshed.",
				"Borgere i hjemløshed, som tælles.", AccessMode.FOR_PROFESSIONALS));
		entries.add(entry(OUTREACH, "Udsattekonsulenter",
				"Konsulenter, der opsøger og støtter udsatte borgere, også hjemløse. Du kan kontakte dem anonymt.",
				"Socialt udsatte borgere.", AccessMode.OPEN_ANONYMOUS));
		entries.add(entry(PRISON_RELEASE, "God løsladelse",
				"En plan for bolig, job og økonomi, når du bliver løsladt fra fængsel.", "Borgere, der løslades.",
				AccessMode.OPEN));
		index = SearchIndex.build(SearchFixture.analysis(), List.copyOf(entries));
	}

	@Test
	void findsTheSameHelpInEnglishAsInDanish() {
		assertThat(first("I need a dentist")).isEqualTo(first("jeg har brug for en tandlæge"))
			.isEqualTo(SearchFixture.DENTAL_CARE);
		assertThat(first("violence at home")).isEqualTo(first("vold i hjemmet")).isEqualTo(SearchFixture.CRISIS_CENTRE);
		assertThat(first("leaving prison")).isEqualTo(first("løsladelse")).isEqualTo(PRISON_RELEASE);
		assertThat(first("nowhere to sleep")).isEqualTo(SearchFixture.SHELTER);
	}

	@Test
	void aWishToStayAnonymousFindsTheServicesThatAllowIt() {
		assertThat(first("jeg vil ikke sige mit navn")).isEqualTo(OUTREACH);
		assertThat(first("I don't want to give my name")).isEqualTo(OUTREACH);
		assertThat(first("hjemløs men uden at blive registreret")).isEqualTo(OUTREACH);
	}

	@Test
	void servicesForProfessionalsComeAfterThoseForCitizens() {
		var hits = ids("hjemløs");
		assertThat(hits).contains(COUNT, SearchFixture.SHELTER);
		assertThat(hits.indexOf(COUNT)).isGreaterThan(hits.indexOf(SearchFixture.SHELTER));
		assertThat(hits.indexOf(COUNT)).isGreaterThan(hits.indexOf(OUTREACH));
	}

	@Test
	void servicesForProfessionalsComeFirstWhenAskedFor() {
		assertThat(first("optælling af hjemløse")).isEqualTo(COUNT);
		assertThat(first("hvor mange hjemløse er der")).isEqualTo(COUNT);
		assertThat(first("homeless count")).isEqualTo(COUNT);
	}

	@Test
	void aNeedThatTranslatesToLargeSynonymGroupsIsStillOneQuery() {
		// each translation brings its synonyms; together they must stay within what Lucene accepts in one query
		assertThat(index.search(SearchText.of("stop taking drugs alcohol cocaine heroin pills addiction rehab detox "
				+ "homeless shelter evicted violence abuse prison released debt money lonely food"), 5)).isNotNull();
	}

	private static UUID first(String query) {
		var hits = ids(query);
		assertThat(hits).as(query).isNotEmpty();
		return hits.getFirst();
	}

	private static List<UUID> ids(String query) {
		return index.search(SearchText.of(query), 10).stream().map(Hit::id).toList();
	}

	private static Entry entry(UUID id, String name, String summary, String targetGroup, AccessMode access) {
		Map<SearchField, String> text = new EnumMap<>(SearchField.class);
		text.put(SearchField.NAME, name);
		text.put(SearchField.SUMMARY, summary);
		text.put(SearchField.TARGET_GROUP, targetGroup);
		return new Entry(id, text, access);
	}
}
