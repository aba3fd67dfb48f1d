package dk.helhed.catalog.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.io.DefaultResourceLoader;

import dk.helhed.catalog.internal.search.NeedsAnalysis;
import dk.helhed.catalog.internal.search.SearchIndex;
import dk.helhed.catalog.internal.search.ServiceSearch;
import dk.helhed.catalog.internal.search.SearchIndex.Entry;
import dk.helhed.catalog.internal.search.SearchIndex.SearchField;

/**
 * A search index over a few services written for the tests, with Helhed's real Danish analysis and word lists, so
 * that the search can be tested without Spring or a database.
 */
final class SearchFixture {

	static final UUID DENTAL_CARE = UUID.nameUUIDFromBytes("socialtandpleje".getBytes());
	static final UUID SHELTER = UUID.nameUUIDFromBytes("bopladsen".getBytes());
	static final UUID CRISIS_CENTRE = UUID.nameUUIDFromBytes("krisecenter".getBytes());
	static final UUID JOB_CENTRE = UUID.nameUUIDFromBytes("jobcenteret".getBytes());
	static final UUID VOLUNTEER_GUIDE = UUID.nameUUIDFromBytes("vejviser".getBytes());

	private SearchFixture() {
	}

	static NeedsAnalysis analysis() {
		return new NeedsAnalysis(ServiceSearch.files(new DefaultResourceLoader()));
	}

	static SearchIndex index() {
		return SearchIndex.build(analysis(), entries());
	}

	static List<Entry> entries() {
		return List.of(
				entry(DENTAL_CARE, "Socialtandpleje",
						"Gratis tandpleje på værestedet for særligt socialt udsatte borgere.",
						"Borgere i hjemløshed, som har brug for tandbehandling."),
				entry(SHELTER, "Bopladsen",
						"Står du akut uden bolig, kan du få midlertidigt husly mod betaling på vandrehjemmet.",
						"Enlige og familier, der er husvilde, typisk hjemløse."),
				entry(CRISIS_CENTRE, "Aabenraa Krisecenter",
						"Ophold, rådgivning og støtte til kvinder, der er udsat for vold eller trusler om vold.",
						"Kvinder med og uden børn."),
				entry(JOB_CENTRE, "Jobcenteret",
						"En individuel plan, der skal bringe dig tættere på job og på at kunne forsørge dig selv.",
						"Ledige borgere uden for arbejdsmarkedet."),
				entry(VOLUNTEER_GUIDE, "Den sociale vejviser",
						"En guide til sociale tilbud, som drives af frivillige.",
						"Alle, der leder efter frivillige sociale tilbud."));
	}

	private static Entry entry(UUID id, String name, String summary, String targetGroup) {
		Map<SearchField, String> text = new EnumMap<>(SearchField.class);
		text.put(SearchField.NAME, name);
		text.put(SearchField.SUMMARY, summary);
		text.put(SearchField.TARGET_GROUP, targetGroup);
		return new Entry(id, text);
	}
}
