package dk.helhed.catalog.internal.search;

/**
 * What a person typed into the search box, made safe to search with: control characters removed, white space
 * folded, and cut to a length no real need exceeds. Nothing in it is interpreted as query syntax.
 *
 * @param text the text to search for (may be empty)
 * @param truncated whether the input was longer than {@link #MAX_LENGTH} and was cut
 */
public record SearchText(String text, boolean truncated) {

	public static final int MAX_LENGTH = 200;

	public static SearchText of(String input) {
		if (input == null) {
			return new SearchText("", false);
		}
		var cleaned = input.replaceAll("[\\p{Cntrl}\\p{Cf}&&[^\\u200D]]", " ").replaceAll("\\s+", " ").strip();
		if (cleaned.codePointCount(0, cleaned.length()) <= MAX_LENGTH) {
			return new SearchText(cleaned, false);
		}
		return new SearchText(cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH)).strip(), true);
	}

	public boolean isEmpty() {
		return text.isEmpty();
	}
}
