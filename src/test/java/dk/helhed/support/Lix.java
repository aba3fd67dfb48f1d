package dk.helhed.support;

import java.util.Arrays;

/**
 * Læsbarhedsindeks (LIX), Björnsson's readability index used for Danish: words per sentence plus the share of long
 * words (more than six letters) in per cent. Plain text for everyone sits below 35; easy prose at 25 to 35.
 */
public final class Lix {

	private Lix() {
	}

	public static double of(String text) {
		var words = Arrays.stream(text.split("[\\s\\u00a0]+"))
			.map(word -> word.replaceAll("[^\\p{L}\\p{N}]", ""))
			.filter(word -> !word.isEmpty())
			.toList();
		long sentences = Math.max(1, Arrays.stream(text.split("[.!?:]+(\\s|$)")).filter(s -> !s.isBlank()).count());
		long longWords = words.stream().filter(word -> word.length() > 6).count();
		return words.isEmpty() ? 0 : (double) words.size() / sentences + 100.0 * longWords / words.size();
	}
}
