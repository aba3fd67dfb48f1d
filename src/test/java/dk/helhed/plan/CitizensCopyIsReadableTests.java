package dk.helhed.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The fixed text of the citizen's copy of the plan is plain Danish, and plain English in the English copy: its LIX
 * (words per sentence plus the share of words with more than six letters) is at most 40 in each language, measured
 * on the copy's own texts ({@code copy.*} in the message files), without the values a plan fills in. Headings count
 * as sentences, as a reader meets them. LIX was made for Swedish and is used for Danish and English alike; for
 * English the Flesch reading ease is printed beside it.
 */
class CitizensCopyIsReadableTests {

	static final Pattern DYNAMIC = Pattern.compile("<(\\w+)[^>]*\\sth:(?:text|each)=\"[^\"]*\"[^>]*>.*?</\\1>", Pattern.DOTALL);

	@Test
	void theFixedTextOfTheCitizensCopyHasALixOfAtMost40() throws IOException {
		var text = copyText("i18n/messages.properties");
		int lix = lix(text);

		System.out.printf("LIX of the citizen's copy's fixed text: %d (%d words)%n", lix, words(text));
		assertThat(words(text)).as("the fixed text measured").isGreaterThan(60);
		assertThat(lix).isLessThanOrEqualTo(40);
	}

	@Test
	void theEnglishCopysFixedTextIsPlainEnglishToo() throws IOException {
		var text = copyText("i18n/messages_en.properties");
		int lix = lix(text);
		double flesch = fleschReadingEase(text);

		System.out.printf("LIX of the English citizen's copy's fixed text: %d; Flesch reading ease %.0f (%d words)%n",
				lix, flesch, words(text));
		assertThat(words(text)).as("the fixed text measured").isGreaterThan(60);
		assertThat(lix).isLessThanOrEqualTo(40);
		assertThat(flesch).as("Flesch reading ease: 70 and above is plain English").isGreaterThanOrEqualTo(70);
	}

	@Test
	void theTemplateHasNoFixedTextOfItsOwnOutsideTheMessages() throws IOException {
		var template = new String(new ClassPathResource("templates/plan/citizen-copy.html").getInputStream().readAllBytes(),
				StandardCharsets.UTF_8);
		assertThat(words(fixedText(template))).as("words in the copy's main part that no message holds").isZero();
	}

	@Test
	void lixIsComputedAsTheDanishFormulaSays() {
		// 12 words, 2 sentences, 2 long words (more than six letters): 12 / 2 + 2 * 100 / 12 = 22.7.
		assertThat(lix("Jeg bor hos min søster. Hun hjælper mig med papirerne hver uge.")).isEqualTo(23);
		// 5 words, 2 sentences, all 5 long: 5 / 2 + 100 = 102.5.
		assertThat(lix("Kommunen udarbejder handleplaner. Borgeren deltager.")).isEqualTo(103);
	}

	@Test
	void syllablesAreCountedAsVowelGroups() {
		assertThat(syllables("plan")).isEqualTo(1);
		assertThat(syllables("contact")).isEqualTo(2);
		assertThat(syllables("together")).isEqualTo(3);
		assertThat(syllables("again")).isEqualTo(2);
		assertThat(syllables("questions")).isEqualTo(2);
	}

	/** The copy's texts in one language, headings (and the title) ended as sentences, placeholders left out. */
	static String copyText(String file) throws IOException {
		var properties = new Properties();
		try (var reader = new InputStreamReader(new ClassPathResource(file).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		var texts = new TreeMap<String, String>();
		properties.stringPropertyNames()
			.stream()
			.filter(key -> key.startsWith("copy."))
			.forEach(key -> texts.put(key, properties.getProperty(key)));
		assertThat(texts).as("the copy's texts in " + file).hasSizeGreaterThan(10);
		var text = new StringBuilder();
		texts.forEach((key, value) -> {
			var sentence = value.replaceAll("\\{\\d+}", "").strip();
			boolean heading = key.endsWith(".heading") || key.equals("copy.title") || key.equals("copy.subject");
			text.append(sentence).append(heading || !sentence.matches(".*[.!?:]$") ? ". " : " ");
		});
		return text.toString().strip();
	}

	static String fixedText(String template) {
		var body = template.substring(template.indexOf("<main"), template.indexOf("</main>"));
		var text = DYNAMIC.matcher(body).replaceAll(" ");
		text = text.replaceAll("</(h1|h2|h3|li|dt|th)>", ". ");
		text = text.replaceAll("<[^>]+>", " ");
		return text.replaceAll("\\s+", " ").strip();
	}

	static int words(String text) {
		return (int) Pattern.compile("\\p{L}+").matcher(text).results().count();
	}

	static long sentences(String text) {
		return Math.max(1, Pattern.compile("[.!?:]+(\\s|$)").matcher(text).results().count());
	}

	/** LIX = words / sentences + 100 × long words / words; a long word has more than six letters. */
	static int lix(String text) {
		var words = Pattern.compile("\\p{L}+").matcher(text).results().map(match -> match.group()).toList();
		long longWords = words.stream().filter(word -> word.length() > 6).count();
		return Math.round((float) words.size() / sentences(text) + 100f * longWords / words.size());
	}

	/** Flesch reading ease = 206.835 − 1.015 × words / sentences − 84.6 × syllables / words. */
	static double fleschReadingEase(String text) {
		var words = Pattern.compile("\\p{L}+").matcher(text).results().map(match -> match.group()).toList();
		int syllables = words.stream().mapToInt(CitizensCopyIsReadableTests::syllables).sum();
		return 206.835 - 1.015 * words.size() / sentences(text) - 84.6 * syllables / words.size();
	}

	/** English syllables, estimated as groups of vowels, a silent final e (and -es, -ed) left out, at least one. */
	static int syllables(String word) {
		var lower = word.toLowerCase(java.util.Locale.ROOT);
		if (lower.length() > 3) {
			lower = lower.replaceAll("(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "x");
		}
		int groups = (int) Pattern.compile("[aeiouy]+").matcher(lower).results().count();
		return Math.max(1, groups);
	}
}
