package dk.helhed.support;

import java.util.List;
import java.util.regex.Pattern;

/**
 * LIX (læsbarhedsindeks, Björnsson 1968), the readability index Danish plain-language guidance uses: words per
 * sentence plus the percentage of long words (more than six letters). Below 25 is very easy (children's books), 25-34
 * easy, 35-44 medium (ordinary newspapers), 45-54 hard. A text that is a label without a full stop (a heading, a
 * button) counts as one sentence.
 */
public final class Lix {

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
	private static final Pattern SENTENCE_END = Pattern.compile("[.!?:]+(\\s|$)");
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

	/** The figures of a measured text. */
	public record Figures(double lix, int words, int sentences, int longWords) {

		@Override
		public String toString() {
			return String.format("LIX %.1f (%d words, %d sentences, %d long words)", lix, words, sentences, longWords);
		}
	}

	private Lix() {
	}

	public static Figures of(List<String> texts) {
		int words = 0;
		int sentences = 0;
		int longWords = 0;
		for (var raw : texts) {
			var text = PLACEHOLDER.matcher(raw).replaceAll("");
			var matcher = WORD.matcher(text);
			int here = 0;
			while (matcher.find()) {
				here++;
				if (matcher.group().codePoints().filter(Character::isLetter).count() > 6) {
					longWords++;
				}
			}
			if (here == 0) {
				continue;
			}
			words += here;
			sentences += Math.max(1, (int) SENTENCE_END.matcher(text).results().count());
		}
		if (words == 0) {
			throw new IllegalArgumentException("No words to measure");
		}
		return new Figures((double) words / sentences + 100.0 * longWords / words, words, sentences, longWords);
	}

	/** The LIX of one text (0 for a text without words). */
	public static double of(String text) {
		return words(text) == 0 ? 0 : of(List.of(text)).lix();
	}

	/** The number of words, for reports. */
	public static int words(String text) {
		return (int) WORD.matcher(PLACEHOLDER.matcher(text).replaceAll("")).results().count();
	}
}
