package dk.helhed.catalog.web;

import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * LIX (læsbarhedsindeks), the Danish readability figure: words per sentence plus the share of long words (more than
 * six letters) in per cent. 25-34 is easy, 35-44 middle, 45 and over hard. Measured on what a page shows in its
 * {@code <main>}: a heading, a list item, a table cell or a label ends a "sentence" as a full stop would.
 */
final class Lix {

	private static final Pattern BLOCK = Pattern.compile(
			"(?i)</?(p|li|h[1-6]|dt|dd|td|th|div|section|article|ul|ol|dl|br|label|legend|summary|button|option|tr|caption)\\b[^>]*>");
	private static final Pattern IGNORED = Pattern.compile("(?is)<(script|style|select)\\b.*?</\\1>|<!--.*?-->");
	private static final Pattern TAG = Pattern.compile("<[^>]+>");
	private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;]+(\\s|$)|\\n");
	private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'-]*");

	record Figure(double lix, int words, int sentences, int longWords) {
	}

	private Lix() {
	}

	static Figure ofPage(String html) {
		return ofText(mainTextOf(html));
	}

	/** The text of the page's {@code <main>} (of the whole page if it has none), as {@link #ofPage} measures it. */
	static String mainTextOf(String html) {
		var start = html.indexOf("<main");
		var end = html.indexOf("</main>");
		return textOf(start >= 0 && end > start ? html.substring(start, end) : html);
	}

	static String textOf(String html) {
		var text = IGNORED.matcher(html).replaceAll(" ");
		text = BLOCK.matcher(text).replaceAll("\n");
		text = TAG.matcher(text).replaceAll(" ");
		return HtmlUtils.htmlUnescape(text);
	}

	static Figure ofText(String text) {
		var words = 0;
		var longWords = 0;
		var sentences = 0;
		for (var piece : SENTENCE_END.split(text)) {
			var matcher = WORD.matcher(piece);
			var inPiece = 0;
			while (matcher.find()) {
				inPiece++;
				if (matcher.group().replaceAll("[^\\p{L}]", "").length() > 6) {
					longWords++;
				}
			}
			if (inPiece > 0) {
				words += inPiece;
				sentences++;
			}
		}
		if (words == 0) {
			return new Figure(0, 0, 0, 0);
		}
		var lix = (double) words / sentences + 100.0 * longWords / words;
		return new Figure(lix, words, sentences, longWords);
	}
}
