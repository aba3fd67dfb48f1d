package dk.helhed.citizen.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.helhed.platform.pdf.PdfRenderer;

/**
 * The citizen's account of who has used their data as a tagged PDF (for a citizen who reads it with a screen reader),
 * made by the application's {@link PdfRenderer}: Liberation Sans embedded, nothing fetched.
 */
@Component
class AccessAccountPdf {

	/** The template's title, set in the PDF. */
	private static final String TITLE = "Hvem har brugt dine oplysninger";

	private final PdfRenderer renderer;

	AccessAccountPdf(PdfRenderer renderer) {
		this.renderer = renderer;
	}

	byte[] render(String template, Map<String, Object> model) {
		return renderer.render(template, model, TITLE, Locale.of("da"));
	}
}
