package dk.helhed.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.helhed.catalog.internal.search.SearchIndex;
import dk.helhed.catalog.internal.search.SearchIndex.Hit;
import dk.helhed.catalog.internal.search.SearchText;

/**
 * The search reads needs the way people type them: misspelt, without Danish letters, with compounds written apart,
 * and in other words than the catalog's.
 */
class SearchUnderstandsDanishTests {

	private static SearchIndex index;

	@BeforeAll
	static void buildIndex() {
		index = SearchFixture.index();
	}

	@Test
	void findsAServiceByAMisspeltWord() {
		assertThat(first("tandplege")).isEqualTo(SearchFixture.DENTAL_CARE);
		assertThat(first("krisecentre")).isEqualTo(SearchFixture.CRISIS_CENTRE);
	}

	@Test
	void findsAServiceByAWordTypedWithoutDanishLetters() {
		assertThat(first("hjemlos bolig")).isEqualTo(SearchFixture.SHELTER);
		assertThat(first("hjemlös husly")).isEqualTo(SearchFixture.SHELTER);
	}

	@Test
	void findsAServiceByACompoundWrittenApart() {
		assertThat(first("krise center")).isEqualTo(SearchFixture.CRISIS_CENTRE);
		assertThat(first("tand pleje")).isEqualTo(SearchFixture.DENTAL_CARE);
	}

	@Test
	void findsAServiceByTheWordsOfItsCompounds() {
		assertThat(first("tandlæge")).isEqualTo(SearchFixture.DENTAL_CARE);
	}

	@Test
	void findsAServiceBySynonyms() {
		assertThat(first("jeg har ingen steder at sove")).isEqualTo(SearchFixture.SHELTER);
		assertThat(first("min kæreste slår mig")).isEqualTo(SearchFixture.CRISIS_CENTRE);
	}

	@Test
	void doesNotTakeAManagerForSomeoneUnemployed() {
		// "ledig" and "leder" share a stem in the Danish stemmer
		assertThat(index.search(SearchText.of("ledig"), 10)).extracting(Hit::id)
			.containsExactly(SearchFixture.JOB_CENTRE);
	}

	@Test
	void ranksTheServiceThatAnswersTheWholeNeedFirst() {
		assertThat(first("tandpleje for hjemløse")).isEqualTo(SearchFixture.DENTAL_CARE);
	}

	private static Object first(String query) {
		var hits = index.search(SearchText.of(query), 5);
		assertThat(hits).as(query).isNotEmpty();
		return hits.getFirst().id();
	}
}
