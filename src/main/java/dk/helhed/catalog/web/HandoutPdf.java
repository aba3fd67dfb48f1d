package dk.helhed.catalog.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The handout (udleveringsark) as a PDF, from the same template as the page, as the citizen's copy of the plan makes
 * its PDF: tagged (PDF/UA), Liberation Sans embedded, nothing fetched (every external resource is refused).
 */
@Component
class HandoutPdf {

	private static final String FONT_FAMILY = "Liberation Sans";

	private final ITemplateEngine templates;
	private final byte[] regular;
	private final byte[] bold;
	private final String css;

	HandoutPdf(ITemplateEngine templates) {
		this.templates = templates;
		this.regular = read("liberation/LiberationSans-Regular.ttf");
		this.bold = read("liberation/LiberationSans-Bold.ttf");
		this.css = new String(read("static/css/citizen-copy.css"), java.nio.charset.StandardCharsets.UTF_8) + "\n"
				+ new String(read("static/css/handout.css"), java.nio.charset.StandardCharsets.UTF_8);
	}

	byte[] render(String template, Map<String, Object> model, Locale locale) {
		var context = new Context(locale, model);
		context.setVariable("css", css);
		var html = templates.process(template, context);
		var out = new ByteArrayOutputStream();
		try {
			var builder = new PdfRendererBuilder().useFastMode()
				.usePdfUaAccessibility(true)
				.withProducer("Helhed")
				.useUriResolver((base, uri) -> null)
				.useExternalResourceAccessControl((uri, type) -> false,
						ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
				.useExternalResourceAccessControl((uri, type) -> false,
						ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
				.withHtmlContent(html, null)
				.toStream(out);
			builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
			builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] read(String path) {
		try (var stream = new ClassPathResource(path).getInputStream()) {
			return stream.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(path + " is missing from the classpath", ex);
		}
	}
}
