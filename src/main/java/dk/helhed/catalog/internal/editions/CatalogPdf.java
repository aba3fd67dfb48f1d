package dk.helhed.catalog.internal.editions;

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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import dk.helhed.catalog.internal.CatalogSnapshot;

/**
 * The printable catalog as a PDF, made with OpenHTMLtoPDF from the same Thymeleaf template as the print view
 * ({@code catalog/print}), so that screen, paper and PDF show the same thing.
 * <p>
 * The PDF depends on nothing outside the application: the stylesheet is read from the classpath, every other address
 * is refused (no network, no files), and the text is set in Liberation Sans, embedded as a subset. The PDF is tagged
 * (PDF/UA), which also means it has no font but the embedded one. Liberation Sans
 * comes as a Maven artifact under the SIL Open Font License, has the widths of Arial and Helvetica (which the
 * stylesheet asks for on screen) and covers Latin, Greek and Cyrillic, so Danish letters and the names of services
 * for newcomers render on any machine and in any PDF reader, unlike the standard 14 PDF fonts, which are not embedded
 * and stop at Western European letters.
 */
@Component
public class CatalogPdf {

	/** The family name the stylesheet asks for; registered here with the font files below. */
	static final String FONT_FAMILY = "Liberation Sans";

	private static final Logger log = LoggerFactory.getLogger(CatalogPdf.class);

	private static final String CLASSPATH_SCHEME = "classpath";

	/** Where the template's stylesheet link points in a PDF: the application's static files. */
	private static final String BASE_URI = CLASSPATH_SCHEME + ":/static/";

	private record Face(String file, int weight, FontStyle style) {
	}

	private static final List<Face> FACES = List.of(new Face("LiberationSans-Regular.ttf", 400, FontStyle.NORMAL),
			new Face("LiberationSans-Bold.ttf", 700, FontStyle.NORMAL),
			new Face("LiberationSans-Italic.ttf", 400, FontStyle.ITALIC),
			new Face("LiberationSans-BoldItalic.ttf", 700, FontStyle.ITALIC));

	private final ITemplateEngine templates;
	private final ThymeleafEvaluationContext beans;
	private final Clock clock;
	private final Map<Face, byte[]> fonts;

	CatalogPdf(ITemplateEngine templates, ApplicationContext application, Clock clock) {
		this.templates = templates;
		this.beans = new ThymeleafEvaluationContext(application, conversionService(application));
		this.clock = clock;
		// Read once: the files are part of the application and a few hundred kilobytes each.
		this.fonts = FACES.stream()
			.collect(java.util.stream.Collectors.toUnmodifiableMap(face -> face, face -> read("liberation/" + face.file())));
	}

	/** Where a recently made PDF came from; the same source, language and day give the same PDF. */
	private record Made(Object source, Locale locale, LocalDate day) {
	}

	private static final int RECENT = 12;

	/**
	 * The PDFs made last, so that repeated downloads of a public address do not each cost a rendering. The map's lock
	 * is held while a PDF is made: one is made at a time, and a burst of downloads cannot take every core.
	 */
	private final Map<Made, byte[]> recent = java.util.Collections.synchronizedMap(
			new java.util.LinkedHashMap<>(RECENT, 0.75f, true) {

				@Override
				protected boolean removeEldestEntry(Map.Entry<Made, byte[]> eldest) {
					return size() > RECENT;
				}
			});

	/**
	 * The catalog as it is now as a PDF. A new snapshot (after any change) makes a new PDF; the same one is served
	 * again for the rest of the day.
	 */
	public byte[] current(CatalogSnapshot catalog, Locale locale) {
		return recent.computeIfAbsent(new Made(catalog, locale, LocalDate.now(clock)),
				made -> render(catalog, null, locale));
	}

	/** A published edition as a PDF; editions do not change, so it is made at most once a day per language. */
	public byte[] edition(Edition edition, java.util.function.Supplier<CatalogSnapshot> contents, Locale locale) {
		return recent.computeIfAbsent(new Made(edition.id(), locale, LocalDate.now(clock)),
				made -> render(contents.get(), edition, locale));
	}

	/**
	 * The catalog as a PDF, made now.
	 *
	 * @param edition the published edition the snapshot is of, or null for the catalog as it is now
	 */
	public byte[] render(CatalogSnapshot catalog, Edition edition, Locale locale) {
		var html = html(catalog, edition, locale);
		var pdf = new ByteArrayOutputStream(256 * 1024);
		var builder = new PdfRendererBuilder().useFastMode()
			// Tagged PDF (PDF/UA): public bodies' documents must be accessible, e.g. to screen readers.
			.usePdfUaAccessibility(true)
			.withHtmlContent(html, BASE_URI)
			.useUriResolver(CatalogPdf::resolve)
			.useProtocolsStreamImplementation(CatalogPdf::classpathResource, CLASSPATH_SCHEME)
			.useHttpStreamImplementation(CatalogPdf::refuse)
			.useExternalResourceAccessControl((uri, type) -> isApplicationResource(uri),
					ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
			.useExternalResourceAccessControl((uri, type) -> uri != null && !uri.contains("://"),
					ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
			.withProducer("Helhed")
			.toStream(pdf);
		fonts.forEach((face, bytes) -> builder.useFont(() -> new ByteArrayInputStream(bytes), FONT_FAMILY,
				face.weight(), face.style(), true));
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not make the PDF of " + catalog.municipality().slug(), ex);
		}
		return pdf.toByteArray();
	}

	/** The print view's HTML as the PDF sees it; well-formed XHTML, which OpenHTMLtoPDF parses as XML. */
	String html(CatalogSnapshot catalog, Edition edition, Locale locale) {
		var context = new Context(locale);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, beans);
		context.setVariable("catalog", catalog);
		context.setVariable("municipality", catalog.municipality());
		context.setVariable("edition", edition);
		context.setVariable("today", LocalDate.now(clock));
		context.setVariable("pdf", true);
		return templates.process("catalog/print", context);
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
