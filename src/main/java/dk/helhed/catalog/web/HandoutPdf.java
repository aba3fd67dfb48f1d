package dk.helhed.catalog.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dk.helhed.platform.pdf.PdfRenderer;

/**
 * The handout (udleveringsark) as a tagged PDF, from the same template as the page, made by the application's
 * {@link PdfRenderer}; the page's stylesheets are set inline.
 */
@Component
class HandoutPdf {

	private final PdfRenderer renderer;
	private final MessageSource messages;
	private final String css;

	HandoutPdf(PdfRenderer renderer, MessageSource messages) {
		this.renderer = renderer;
		this.messages = messages;
		this.css = read("static/css/citizen-copy.css") + "\n" + read("static/css/handout.css");
	}

	byte[] render(String template, Map<String, Object> model, Locale locale) {
		var variables = new HashMap<>(model);
		variables.put("css", css);
		var title = messages.getMessage("handout.sheet.title", null, locale);
		return renderer.render(template, variables, title, locale);
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
