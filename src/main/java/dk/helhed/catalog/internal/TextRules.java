package dk.helhed.catalog.internal;

/**
 * What text staff may store: no control characters (other than line breaks and tabs in long texts).
 */
public final class TextRules {

	private TextRules() {
	}

	public static boolean hasControlCharacters(String text) {
		return text != null && text.chars().anyMatch(c -> (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
				|| Character.getType(c) == Character.FORMAT && c != 0x200D);
	}
}
