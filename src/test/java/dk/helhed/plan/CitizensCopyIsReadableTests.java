package dk.helhed.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The fixed text of the citizen's copy of the plan is plain Danish: its LIX (words per sentence plus the share of
 * words with more than six letters) is at most 40, measured on the template's own text, without the values a plan
 * fills in. Headings and list items count as sentences, as a reader meets them.
 */
class CitizensCopyIsReadableTests {

	static final Pattern DYNAMIC = Pattern.compile("<(\\w+)[^>]*\\sth:(?:text|each)=\"[^\"]*\"[^>]*>.*?</\\1>", Pattern.DOTALL);

	@Test
	void theFixedTextOfTheCitizensCopyHasALixOfAtMost40() throws IOException {
		var template = new String(new ClassPathResource("templates/plan/citizen-copy.html").getInputStream().readAllBytes(),
				StandardCharsets.UTF_8);
		var text = fixedText(template);
		int lix = lix(text);

		System.out.printf("LIX of the citizen's copy's fixed text: %d (%d words)%n", lix, words(text));
		assertThat(words(text)).as("the fixed text measured").isGreaterThan(60);
		assertThat(lix).isLessThanOrEqualTo(40);
	}

	@Test
	void lixIsComputedAsTheDanishFormulaSays() {
		// 12 words, 2 sentences, 2 long words (more than six letters): 12 / 2 + 2 * 100 / 12 = 22.7.
		assertThat(lix("Jeg bor hos min søster. Hun hjælper mig med papirerne hver uge.")).isEqualTo(23);
		// 5 words, 2 sentences, all 5 long: 5 / 2 + 100 = 102.5.
		assertThat(lix("Kommunen udarbejder handleplaner. Borgeren deltager.")).isEqualTo(103);
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

	/** LIX = words / sentences + 100 × long words / words; a long word has more than six letters. */
	static int lix(String text) {
		var words = Pattern.compile("\\p{L}+").matcher(text).results().map(match -> match.group()).toList();
		long sentences = Math.max(1, Pattern.compile("[.!?:]+(\\s|$)").matcher(text).results().count());
		long longWords = words.stream().filter(word -> word.length() > 6).count();
		return Math.round((float) words.size() / sentences + 100f * longWords / words.size());
	}
}
