package dk.helhed.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dk.helhed.catalog.internal.search.SearchIndex;
import dk.helhed.catalog.internal.search.SearchIndex.Hit;
import dk.helhed.catalog.internal.search.SearchText;

/**
 * Whatever is typed into the search box, the search answers normally, possibly with nothing, and never fails: the
 * text is never read as query syntax.
 */
class SearchWithOddInputTests {

	private static SearchIndex index;

	@BeforeAll
	static void buildIndex() {
		index = SearchFixture.index();
	}

	static Stream<Arguments> oddInputs() {
		return Stream.of(
				Arguments.of("empty", ""),
				Arguments.of("white space only", " \t\n\r\u00A0\u2003 "),
				Arguments.of("10 000 characters", "hjemløs ".repeat(1250)),
				Arguments.of("10 000 characters without a space", "a".repeat(10_000)),
				Arguments.of("Lucene syntax", "title:x AND (y OR z)~2 ^3 * ? \"unclosed"),
				Arguments.of("more Lucene syntax", "name:tand* -bolig +[a TO z] {1 TO 2} /reg.*ex/ \\ && || !"),
				Arguments.of("SQL", "'; drop table service; --"),
				Arguments.of("HTML and script", "<script>alert('x')</script><b>tandpleje</b>&amp;&lt;"),
				Arguments.of("emoji only", "😀🏠🦷👩‍👧"),
				Arguments.of("control characters", "tand\u0000pleje\u0007\u001B[31m\u202Ehjemløs\uFEFF"),
				Arguments.of("a lone surrogate", "hjem\uD800løs"),
				Arguments.of("a single character", "a"),
				Arguments.of("a single letter ø", "ø"),
				Arguments.of("punctuation only", "!?.,;:-_()[]{}\"'"),
				Arguments.of("numbers only", "2026 18 24 44.691 kr."),
				Arguments.of("100 repeated words", "hjemløs ".repeat(100)),
				Arguments.of("100 different words", String.join(" ", words(100))),
				Arguments.of("stop words only", "jeg har ikke og det er en til"),
				Arguments.of("other scripts", "бездомный 无家可归 مشرد"),
				Arguments.of("null", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oddInputs")
	void answersNormallyThroughSearchText(String description, String input) {
		List<Hit> hits = index.search(SearchText.of(input), 10);

		assertThat(hits).hasSizeLessThanOrEqualTo(10);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oddInputs")
	void answersNormallyEvenWhenTheTextWasNotCleaned(String description, String input) {
		List<Hit> hits = index.search(new SearchText(input == null ? "" : input, false), 5);

		assertThat(hits).hasSizeLessThanOrEqualTo(5);
	}

	@Test
	void findsNothingForNothing() {
		assertThat(index.search(SearchText.of(""), 10)).isEmpty();
		assertThat(index.search(SearchText.of("   "), 10)).isEmpty();
		assertThat(index.search(SearchText.of("😀🏠"), 10)).isEmpty();
	}

	@Test
	void readsLuceneSyntaxAsWords() {
		assertThat(index.search(SearchText.of("name:tandpleje AND (hjemløs OR \"husvild"), 10))
			.extracting(Hit::id)
			.startsWith(SearchFixture.DENTAL_CARE);
	}

	@Test
	void findsTheServiceAfterMarkupIsIgnored() {
		assertThat(index.search(SearchText.of("<b>krisecenter</b><script>x()</script>"), 10)).extracting(Hit::id)
			.first()
			.isEqualTo(SearchFixture.CRISIS_CENTRE);
	}

	private static List<String> words(int count) {
		return Stream.iterate(0, i -> i + 1).limit(count).map(i -> "ord" + i).toList();
	}
}
