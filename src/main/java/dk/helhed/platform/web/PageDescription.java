package dk.helhed.platform.web;

import org.springframework.stereotype.Component;

/**
 * A page's meta description, the line a search engine shows under the link: taken from the page's own text and kept
 * to {@value #MAXIMUM} characters, cut between words. Templates call it as {@code @pageDescription.of(text)}.
 */
@Component("pageDescription")
public class PageDescription {

	/** What search engines show before they cut the line themselves, often in the middle of a word. */
	public static final int MAXIMUM = 160;

	public String of(String text) {
		if (text == null) {
			return "";
		}
		var plain = text.replaceAll("\\s+", " ").strip();
		if (plain.length() <= MAXIMUM) {
			return plain;
		}
		var cut = plain.lastIndexOf(' ', MAXIMUM - 1);
		var shortened = plain.substring(0, cut > MAXIMUM / 2 ? cut : MAXIMUM - 1);
		return shortened.replaceAll("[\\s,;:.–-]+$", "") + "…";
	}
}
