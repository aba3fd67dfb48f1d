package dk.helhed.plan.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dk.helhed.citizen.CaseRecords.Citizen;
import dk.helhed.platform.pdf.PdfRenderer;

/**
 * The citizen's copy of the plan as a tagged PDF, from the same template as the page, made by the application's
 * {@link PdfRenderer}; the page's stylesheet is set inline.
 */
@Component
class PlanCopyPdf {

	private final PdfRenderer renderer;
	private final String css;

	PlanCopyPdf(PdfRenderer renderer) {
		this.renderer = renderer;
		this.css = read("static/css/citizen-copy.css");
	}

	byte[] render(String template, Map<String, Object> model) {
		var variables = new HashMap<>(model);
		variables.put("css", css);
		// the template's title and language: the citizen's copy of their plan, in the language chosen for the citizen
		var text = (CopyText) model.get("copy");
		var title = text.t("title") + " – " + ((Citizen) model.get("citizen")).displayName();
		return renderer.render(template, variables, title, Locale.of(text.language()));
	}

	private static String read(String path) {
		try (var stream = new ClassPathResource(path).getInputStream()) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(path + " is missing from the classpath", ex);
		}
	}
}
