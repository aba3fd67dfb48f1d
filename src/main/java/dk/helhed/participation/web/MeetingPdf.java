package dk.helhed.participation.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.helhed.platform.pdf.PdfRenderer;

/**
 * A meeting's printable agenda and minutes as a tagged PDF, made by the application's {@link PdfRenderer}; the
 * template calls the same formatting bean as the pages ({@code @participationFormat}).
 */
@Component
class MeetingPdf {

	private final PdfRenderer renderer;

	MeetingPdf(PdfRenderer renderer) {
		this.renderer = renderer;
	}

	/** The template's title, set in the PDF: the body's name and the meeting's title. */
	byte[] render(String template, Map<String, Object> model, String title, Locale locale) {
		return renderer.render(template, model, title, locale);
	}
}
