package dk.helhed.catalog.internal.editions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.platform.pdf.PdfRenderer;

/**
 * The printable catalog as a PDF, made by the application's {@link PdfRenderer} from the same Thymeleaf template as
 * the print view ({@code catalog/print}), so that screen, paper and PDF show the same thing: tagged (PDF/UA), in
 * Liberation Sans, embedded, with the stylesheet read from the classpath and nothing fetched.
 */
@Component
public class CatalogPdf {

	private final PdfRenderer renderer;
	private final Clock clock;

	CatalogPdf(PdfRenderer renderer, Clock clock) {
		this.renderer = renderer;
		this.clock = clock;
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
		// the same title as the print view's <title>
		var title = catalog.info().title() + " – " + catalog.municipality().name()
				+ (edition != null ? ", " + edition.label() : "");
		return renderer.render("catalog/print", model(catalog, edition), title, locale);
	}

	private Map<String, Object> model(CatalogSnapshot catalog, Edition edition) {
		var model = new java.util.HashMap<String, Object>();
		model.put("catalog", catalog);
		model.put("municipality", catalog.municipality());
		model.put("edition", edition);
		model.put("today", LocalDate.now(clock));
		return model;
	}
}
