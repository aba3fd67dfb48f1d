package dk.helhed.catalog.internal.editions;

import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.municipality.Municipalities;

/**
 * Makes one PDF of a catalog in the background once the application is ready, and throws it away, so that the first
 * person to download a PDF after a start waits no longer than the next: the first rendering in a fresh JVM loads and
 * compiles OpenHTMLtoPDF, PDFBox and the font code and takes several times as long as the others (see
 * {@code CatalogPdfBenchmark}). It runs on a thread of its own after the ready event, so readiness is not delayed and
 * requests are served meanwhile; a failure is logged and changes nothing, as the PDF is then made on first request as
 * before. It renders without keeping the result, so no download is served from it. Off with
 * {@code helhed.catalog.pdf.warm-up=false} (the tests do so, to spare the build the work); see {@link PdfSettings}.
 */
@Component
@ConditionalOnProperty(name = "helhed.catalog.pdf.warm-up", havingValue = "true", matchIfMissing = true)
public class PdfWarmUp {

	private static final Logger log = LoggerFactory.getLogger(PdfWarmUp.class);
	private static final Locale DANISH = Locale.of("da");
	// a rendering that takes at least this share of the one before means the JIT has done what it will
	private static final int CONVERGED_PERCENT = 85;

	private final CatalogPdf pdf;
	private final Catalogs catalogs;
	private final Municipalities municipalities;
	private final int maxRounds;
	private final CompletableFuture<Long> finished = new CompletableFuture<>();

	PdfWarmUp(CatalogPdf pdf, Catalogs catalogs, Municipalities municipalities, PdfSettings settings) {
		this.pdf = pdf;
		this.catalogs = catalogs;
		this.municipalities = municipalities;
		this.maxRounds = Math.max(1, settings.warmUpRounds());
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		Thread.ofPlatform().name("pdf-warm-up").daemon(true).priority(Thread.MIN_PRIORITY).start(this::warmUp);
	}

	/** How long the warm-up rendering took, in milliseconds, once it has run; fails when it failed. */
	public CompletableFuture<Long> finished() {
		return finished;
	}

	private void warmUp() {
		try {
			var start = System.nanoTime();
			// the largest catalog reaches the most of the template (every kind of service, contact and place)
			var largest = municipalities.all()
				.stream()
				.map(catalogs::of)
				.max(Comparator.comparingInt(catalog -> catalog.services().size()));
			int rounds = 0;
			if (largest.isPresent()) {
				// One rendering loads the classes, but the JIT compiles the hot code only after it has run a few
				// times (CatalogPdfBenchmark: after one rendering the next still took 2.3 times the median, after
				// five 1.1 times): render until a rendering is hardly faster than the one before, at most
				// helhed.catalog.pdf.warm-up-rounds times.
				long previous = Long.MAX_VALUE;
				while (rounds < maxRounds) {
					var round = System.nanoTime();
					pdf.render(largest.get(), null, DANISH);
					rounds++;
					long took = System.nanoTime() - round;
					if (took * 100 >= previous * CONVERGED_PERCENT) {
						break;
					}
					previous = took;
				}
			}
			long millis = (System.nanoTime() - start) / 1_000_000;
			log.info("The PDF renderer is warmed up ({} renderings, {} ms)", rounds, millis);
			finished.complete(millis);
		}
		catch (RuntimeException ex) {
			log.warn("Could not warm up the PDF renderer; the first PDF will take longer", ex);
			finished.completeExceptionally(ex);
		}
	}
}
