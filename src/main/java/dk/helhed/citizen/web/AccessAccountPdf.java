package dk.helhed.citizen.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders a Thymeleaf template as a PDF with OpenHTMLtoPDF. Nothing is fetched: every external resource (style
 * sheets, images, fonts by URL) is refused, so a PDF can neither leak a request nor wait for the network. The PDF is
 * tagged (PDF/UA), for a citizen who reads it with a screen reader, and so its text is set in the embedded Liberation
 * Sans (SIL Open Font License), as the catalog's PDF is.
 */
@Component
class AccessAccountPdf {

	private static final String FONT_FAMILY = "Liberation Sans";

	private record Face(String file, int weight, FontStyle style) {
	}

	private static final List<Face> FACES = List.of(new Face("LiberationSans-Regular.ttf", 400, FontStyle.NORMAL),
			new Face("LiberationSans-Bold.ttf", 700, FontStyle.NORMAL));

	private final ITemplateEngine templates;
	private final Map<Face, byte[]> fonts;

	AccessAccountPdf(ITemplateEngine templates) {
		this.templates = templates;
		this.fonts = FACES.stream()
			.collect(Collectors.toUnmodifiableMap(face -> face, face -> read("liberation/" + face.file())));
	}

	byte[] render(String template, Map<String, Object> model) {
		var context = new Context(Locale.of("da"), model);
		var html = templates.process(template, context);
		var out = new ByteArrayOutputStream();
		try {
			var builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessibility(true);
			builder.withProducer("Helhed");
			builder.useUriResolver((base, uri) -> null);
			builder.useExternalResourceAccessControl((uri, type) -> false,
					ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
			builder.useExternalResourceAccessControl((uri, type) -> false,
					ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
			fonts.forEach((face, bytes) -> builder.useFont(() -> new ByteArrayInputStream(bytes), FONT_FAMILY,
					face.weight(), face.style(), true));
			builder.withHtmlContent(html, null);
			builder.toStream(out);
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
			throw new IllegalStateException("The font " + path + " is missing from the classpath", ex);
		}
	}
}
