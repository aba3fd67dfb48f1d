package dk.helhed.catalog.editions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.catalog.internal.editions.CatalogPdf;
import dk.helhed.catalog.internal.editions.Editions;
import dk.helhed.catalog.internal.editions.PdfWarmUp;

/**
 * How long making the PDF of Aabenraa's catalog takes (target: under 3 seconds). Prints, does not assert: timings
 * depend on the machine. Not part of the build ({@code *Benchmark} is not a test name Surefire picks up); run it with
 * {@code ./mvnw test -Dtest=CatalogPdfBenchmark} and read
 * {@code target/surefire-reports/dk.helhed.catalog.editions.CatalogPdfBenchmark-output.txt}. The tests' profile
 * turns the background warm-up after start off, so "first" is a cold renderer; with
 * {@code -Dhelhed.catalog.pdf.warm-up=true} the benchmark waits for the warm-up and "first" is the first request
 * after it, as in production.
 */
@SpringBootTest
class CatalogPdfBenchmark {

	private static final int WARM_UP = 10;
	private static final int RUNS = 10;
	private static final Locale DANISH = Locale.of("da");

	@Autowired
	CatalogPdf pdf;

	@Autowired
	Catalogs catalogs;

	@Autowired
	Editions editions;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.springframework.beans.factory.ObjectProvider<PdfWarmUp> warmUp;

	@Test
	void makingThePdfOfAabenraasCatalog() throws Exception {
		var warmedUp = warmUp.getIfAvailable();
		var warmUpMillis = warmedUp == null ? null : warmedUp.finished().get(2, java.util.concurrent.TimeUnit.MINUTES);
		var catalog = catalogs.of("aabenraa");
		var fourth = editions.get(catalog.municipality().id(), 4);

		var start = System.nanoTime();
		var bytes = pdf.render(catalog, null, DANISH);
		var first = millis(System.nanoTime() - start);
		for (int i = 1; i < WARM_UP; i++) {
			pdf.render(catalog, null, DANISH);
		}

		List<Double> current = new ArrayList<>();
		List<Double> edition = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			start = System.nanoTime();
			bytes = pdf.render(catalog, null, DANISH);
			current.add(millis(System.nanoTime() - start));
			start = System.nanoTime();
			pdf.render(editions.snapshot(fourth), fourth, DANISH);
			edition.add(millis(System.nanoTime() - start));
		}

		int pages;
		try (var document = Loader.loadPDF(bytes)) {
			pages = document.getNumberOfPages();
		}
		System.out.printf(Locale.ROOT, "PDF of Aabenraa's catalog (%d services): %d pages, %.1f KiB%n",
				catalog.services().size(), pages, bytes.length / 1024.0);
		var stored = jdbc.sql("select length(content) from catalog_edition where id = ?")
			.param(fourth.id())
			.query(Integer.class)
			.single();
		System.out.printf(Locale.ROOT, "  the 4th edition as stored: %.1f KiB of JSON%n", stored / 1024.0);
		if (warmUpMillis == null) {
			System.out.printf(Locale.ROOT, "  first (cold JVM, no warm-up)  %7.0f ms%n", first);
		}
		else {
			System.out.printf(Locale.ROOT, "  warm-up in the background     %7d ms (after the ready event)%n", warmUpMillis);
			System.out.printf(Locale.ROOT, "  first request after warm-up   %7.0f ms%n", first);
		}
		System.out.printf(Locale.ROOT, "  current catalog, %d runs      median %5.0f ms, max %5.0f ms, min %5.0f ms%n",
				RUNS, median(current), Collections.max(current), Collections.min(current));
		System.out.printf(Locale.ROOT, "  4th edition incl. reading it  median %5.0f ms, max %5.0f ms, min %5.0f ms%n",
				median(edition), Collections.max(edition), Collections.min(edition));
	}

	private static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

	private static double median(List<Double> values) {
		var sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}
}
