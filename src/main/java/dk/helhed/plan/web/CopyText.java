package dk.helhed.plan.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The fixed text of the citizen's copy in the language chosen for the citizen (Danish, or plain English), whatever
 * language the staff member's own pages are in: the texts are {@code copy.*} in the message files, and the dates
 * are written as a reader of that language reads them. The citizen's own words are never translated.
 */
public final class CopyText {

	static final Locale DANISH = Locale.of("da");

	private final MessageSource messages;
	private final Locale locale;
	private final DateTimeFormatter date;

	private CopyText(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
		this.date = DateTimeFormatter.ofPattern(english() ? "d MMMM yyyy" : "d. MMMM yyyy", locale);
	}

	/** The copy in English for {@code sprog=en}, in Danish for anything else. */
	static CopyText forLanguage(MessageSource messages, String language) {
		return new CopyText(messages, "en".equals(language) ? Locale.ENGLISH : DANISH);
	}

	public boolean english() {
		return locale.getLanguage().equals("en");
	}

	/** The language's code, for the page's lang attribute and the links that keep it. */
	public String language() {
		return locale.getLanguage();
	}

	public String t(String key) {
		return messages.getMessage("copy." + key, null, locale);
	}

	public String t(String key, Object argument) {
		return messages.getMessage("copy." + key, new Object[] { argument }, locale);
	}

	public String date(LocalDate day) {
		return day == null ? "" : date.format(day);
	}
}
