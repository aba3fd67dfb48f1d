package dk.helhed.participation.internal;

import java.util.Locale;

/**
 * A state a proposal can be in, as the municipality keeps it (data, not code): its name and a plain-language
 * explanation the sender and the public read, in Danish and English.
 */
public record ProposalState(String key, int position, String nameDa, String nameEn, String explanationDa,
		String explanationEn, boolean closed) {

	/** Every proposal starts here; its public state stays here until an answer is published. */
	public static final String RECEIVED = "received";

	/** The sender withdrew the proposal. */
	public static final String WITHDRAWN = "withdrawn";

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameDa;
	}

	public String explanation(Locale locale) {
		return "en".equals(locale.getLanguage()) ? explanationEn : explanationDa;
	}
}
