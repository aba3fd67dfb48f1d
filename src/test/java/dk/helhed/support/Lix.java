package dk.helhed.support;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * LIX, the Scandinavian readability index: words per sentence plus the percentage of long words (more than six
 * letters). Up to about 35 is easy to read; 45 and up is hard.
 */
public final class Lix {

	private static final Pattern SENTENCE_END = Pattern.compile("[.!?:]+(\\s|$)");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}-]*");

	private Lix() {
	}

	public static double of(String text) {
		var words = WORD.matcher(text).results().map(match -> match.group()).toList();
		if (words.isEmpty()) {
			return 0;
		}
		long sentences = Math.max(1, SENTENCE_END.matcher(text.strip()).results().count()
				+ (text.strip().matches("(?s).*[.!?:]$") ? 0 : 1));
		long longWords = words.stream().filter(word -> word.codePoints().filter(Character::isLetter).count() > 6).count();
		return (double) words.size() / sentences + 100.0 * longWords / words.size();
	}

	/** The number of words, for reports. */
	public static int words(String text) {
		return (int) Arrays.stream(text.split("\\s+")).filter(word -> WORD.matcher(word).find()).count();
	}
}
