package dk.helhed.platform.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The one way the application makes a PDF: a Thymeleaf template (the same one a page or print view uses) rendered
 * with OpenHTMLtoPDF into a tagged PDF (PDF/UA), so that citizens and staff who read with a screen reader can read
 * it, with the given title and language in its metadata and its text in Liberation Sans, embedded as a subset.
 * <p>
 * Liberation Sans comes as a Maven artifact under the SIL Open Font License, has the widths of Arial and Helvetica
 * and covers Latin, Greek and Cyrillic, so Danish letters and the names of services for newcomers render on any
 * machine and in any PDF reader, unlike the standard 14 PDF fonts, which are not embedded and stop at Western European
 * letters. It is registered under its own name and under the generic family names, so a template that asks for
 * {@code sans-serif} gets it too (a tagged PDF may hold no font that is not embedded).
 * <p>
 * A PDF depends on nothing outside the application: a template's stylesheet link (relative, e.g.
 * {@code css/catalog-print.css}) is read from the application's static files on the classpath, and every other
 * address is refused (no network, no files), so a PDF can neither leak a request nor wait for the network.
 * <p>
 * The template sees the model, {@code pdf} = true (for what differs from the screen), the language as its locale,
 * and the application's beans ({@code @bean.method(...)}), as a page does.
 */
@Component
public class PdfRenderer {

	/** The family name templates may ask for; registered with the font files below. */
	public static final String FONT_FAMILY = "Liberation Sans";

	// what OpenHTMLtoPDF calls CSS's generic families, so "font-family: sans-serif" finds the embedded font too
	private static final List<String> GENERIC_FAMILIES = List.of("sans-serif", "SansSerif", "serif", "Serif");

	private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);

	private static final String CLASSPATH_SCHEME = "classpath";

	/** Where a template's relative links point in a PDF: the application's static files. */
	private static final String BASE_URI = CLASSPATH_SCHEME + ":/static/";

	private record Face(String file, int weight, FontStyle style) {
	}

	private static final List<Face> FACES = List.of(new Face("LiberationSans-Regular.ttf", 400, FontStyle.NORMAL),
			new Face("LiberationSans-Bold.ttf", 700, FontStyle.NORMAL),
			new Face("LiberationSans-Italic.ttf", 400, FontStyle.ITALIC),
			new Face("LiberationSans-BoldItalic.ttf", 700, FontStyle.ITALIC));

	private final ITemplateEngine templates;
	private final ThymeleafEvaluationContext beans;
	private final Map<Face, byte[]> fonts;

	PdfRenderer(ITemplateEngine templates, ApplicationContext application) {
		this.templates = templates;
		this.beans = new ThymeleafEvaluationContext(application, conversionService(application));
		// Read once: the files are part of the application and a few hundred kilobytes each.
		this.fonts = FACES.stream()
			.collect(Collectors.toUnmodifiableMap(face -> face, face -> read("liberation/" + face.file())));
	}

	/**
	 * The template as a tagged PDF.
	 *
	 * @param template the Thymeleaf template, which must give well-formed XHTML (OpenHTMLtoPDF parses it as XML)
	 * @param model the template's variables
	 * @param title the PDF's title (its document information and the {@code <title>} a reader shows)
	 * @param language the PDF's language, and the template's locale for its messages
	 */
	public byte[] render(String template, Map<String, ?> model, String title, Locale language) {
		Objects.requireNonNull(title, "a PDF has a title");
		return toPdf(html(template, model, language), title, language);
	}

	/** The template's HTML as the PDF sees it. */
	private String html(String template, Map<String, ?> model, Locale language) {
		var context = new Context(language);
		model.forEach(context::setVariable);
		context.setVariable("pdf", true);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, beans);
		return templates.process(template, context);
	}

	private byte[] toPdf(String html, String title, Locale language) {
		var pdf = new ByteArrayOutputStream(64 * 1024);
		var builder = new PdfRendererBuilder().useFastMode()
			// Tagged PDF (PDF/UA): public bodies' documents must be accessible, e.g. to screen readers.
			.usePdfUaAccessibility(true)
			.withHtmlContent(html, BASE_URI)
			.useUriResolver(PdfRenderer::resolve)
			.useProtocolsStreamImplementation(PdfRenderer::classpathResource, CLASSPATH_SCHEME)
			.useHttpStreamImplementation(PdfRenderer::refuse)
			.useExternalResourceAccessControl((uri, type) -> isApplicationResource(uri),
					ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
			.useExternalResourceAccessControl((uri, type) -> uri != null && !uri.contains("://"),
					ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
			.withProducer("Helhed")
			.toStream(pdf);
		fonts.forEach((face, bytes) -> {
			builder.useFont(() -> new ByteArrayInputStream(bytes), FONT_FAMILY, face.weight(), face.style(), true);
			GENERIC_FAMILIES.forEach(family -> builder.useFont(() -> new ByteArrayInputStream(bytes), family,
					face.weight(), face.style(), true));
		});
		try (var renderer = builder.buildPdfRenderer()) {
			titleAndLanguage(renderer.getDocument(), title, language);
			renderer.layout();
			renderer.createPDF();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not make the PDF " + title, ex);
		}
		return pdf.toByteArray();
	}

	/**
	 * Sets the document's title and language to the ones asked for, whatever the template wrote, before the PDF's
	 * metadata is read from them (the title into the document information and XMP, the language into the catalog).
	 */
	private static void titleAndLanguage(Document document, String title, Locale language) {
		var html = document.getDocumentElement();
		html.setAttribute("lang", language.getLanguage());
		var head = firstChild(html, "head");
		if (head == null) {
			head = document.createElementNS(html.getNamespaceURI(), "head");
			html.insertBefore(head, html.getFirstChild());
		}
		var element = firstChild(head, "title");
		if (element == null) {
			element = document.createElementNS(html.getNamespaceURI(), "title");
			head.appendChild(element);
		}
		element.setTextContent(title);
	}

	private static Element firstChild(Element parent, String name) {
		for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && name.equalsIgnoreCase(element.getLocalName() != null
					? element.getLocalName() : element.getTagName())) {
				return element;
			}
		}
		return null;
	}

	private static String resolve(String base, String uri) {
		try {
			var resolved = base == null ? new URI(uri) : new URI(base).resolve(new URI(uri));
			return isApplicationResource(resolved.toString()) ? resolved.toString() : null;
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean isApplicationResource(String uri) {
		return uri != null && uri.startsWith(BASE_URI) && !uri.contains("..");
	}

	private static FSStream classpathResource(String uri) {
		if (!isApplicationResource(uri)) {
			return refuse(uri);
		}
		var resource = new ClassPathResource("static/" + uri.substring(BASE_URI.length()));
		return new FSStream() {

			@Override
			public InputStream getStream() {
				try {
					return resource.getInputStream();
				}
				catch (IOException ex) {
					log.warn("The PDF refers to {}, which the application does not have", uri);
					return null;
				}
			}

			@Override
			public Reader getReader() {
				var stream = getStream();
				return stream == null ? null : new InputStreamReader(stream, StandardCharsets.UTF_8);
			}
		};
	}

	/** Nothing in a PDF is fetched over the network. */
	private static FSStream refuse(String uri) {
		log.warn("The PDF refers to {}, which is not fetched", uri);
		return new FSStream() {

			@Override
			public InputStream getStream() {
				return null;
			}

			@Override
			public Reader getReader() {
				return null;
			}
		};
	}

	private static byte[] read(String path) {
		try (var stream = new ClassPathResource(path).getInputStream()) {
			return stream.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The font " + path + " is missing from the classpath", ex);
		}
	}

	private static ConversionService conversionService(ApplicationContext application) {
		return application.getBeanProvider(ConversionService.class)
			.getIfUnique(DefaultFormattingConversionService::new);
	}
}
