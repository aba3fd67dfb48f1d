package dk.helhed.catalog.editions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.catalog.internal.editions.CatalogPdf;
import dk.helhed.catalog.internal.editions.Edition;
import dk.helhed.catalog.internal.editions.Editions;
import dk.helhed.municipality.Municipalities;

/**
 * The printable catalog as a PDF, read back with PDFBox: title page, table of contents by focus area with page
 * numbers that lead to the right pages, every service, the partner organisations, Danish letters, and fonts that
 * travel with the file.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogPdfTests {

	private static final Locale DANISH = Locale.of("da");

	@Autowired
	CatalogPdf pdf;

	@Autowired
	Editions editions;

	@Autowired
	Catalogs catalogs;

	@Autowired
	Municipalities municipalities;

	Edition fourth;
	CatalogSnapshot fourthContents;

	/** The data file's edition as a PDF, made once for all tests (it does not change). */
	byte[] fourthPdf;

	@BeforeAll
	void theDataFilesEdition() {
		fourth = editions.get(municipalities.getBySlug("aabenraa").id(), 4);
		fourthContents = editions.snapshot(fourth);
		fourthPdf = pdf.render(fourthContents, fourth, DANISH);
	}

	@Test
	void theFourthEditionHasATitlePageATableOfContentsByFocusAreaAndEveryService() throws IOException {
		try (var document = Loader.loadPDF(fourthPdf)) {
			var pages = pages(document);
			assertThat(pages.size()).isGreaterThan(20);

			assertThat(pages.getFirst()).contains("Aabenraa Kommune", "Indsatskatalog 2026-2027", "4. udgave, juli 2026",
					"Arkiveret udgave");
			var contents = tableOfContents(pages);
			assertThat(fourthContents.services()).hasSize(42);
			for (var area : fourthContents.focusAreas()) {
				assertThat(pages.get(pageOf(contents, area.name()) - 1)).as("the page the contents give for %s",
						area.name()).contains(area.name());
			}
			for (Service service : fourthContents.services()) {
				assertThat(pages.get(pageOf(contents, service.name()) - 1)).as("the page the contents give for %s",
						service.name()).contains(service.name(), service.targetGroup().substring(0, Math.min(20, service.targetGroup().length())).strip());
			}
			var partners = pages.get(pageOf(contents, "Organisationer og selvejende institutioner") - 1);
			assertThat(partners).contains(fourthContents.partners().getFirst().name());
		}
	}

	@Test
	void theFocusAreasComeInTheStrategysOrder() throws IOException {
		try (var document = Loader.loadPDF(fourthPdf)) {
			var contents = tableOfContents(pages(document));
			var names = fourthContents.focusAreas().stream().map(area -> area.name()).toList();
			var positions = names.stream().map(contents::indexOf).toList();
			assertThat(positions).doesNotContain(-1).isSorted();
			var pageNumbers = names.stream().map(name -> pageOf(contents, name)).toList();
			assertThat(pageNumbers).isSorted();
		}
	}

	@Test
	void eachServiceSaysHowToGetItWhoItIsForWhoOwnsItAndWhoToContact() throws IOException {
		try (var document = Loader.loadPDF(fourthPdf)) {
			var text = positional().getText(document);
			var flats = fourthContents.service("overgangsbolig").orElseThrow();

			assertThat(text).contains("Sådan får du hjælpen", "Hvem er det for?", "Forankret i", "Kontakt");
			assertThat(squeeze(text)).contains(squeeze(flats.firstStep()), squeeze(flats.targetGroup()),
					flats.contacts().getFirst().name());
		}
	}

	@Test
	void theCatalogGivesPhoneNumbersAddressesAndOpeningHours() throws IOException {
		try (var document = Loader.loadPDF(pdf.current(catalogs.of("aabenraa"), DANISH))) {
			var text = squeeze(positional().getText(document));
			assertThat(text).contains(squeeze("Telefon 24029610"), squeeze("Uglekær 14"), squeeze("Åbningstider"),
					squeeze("mandag–fredag kl. 9.30–12.30 (Caféen er åben)"));
		}
	}

	@Test
	void danishLettersSurviveAndEveryFontIsEmbedded() throws IOException {
		try (var document = Loader.loadPDF(fourthPdf)) {
			var text = positional().getText(document);
			assertThat(text).contains("Fællesskaber", "Sønderport", "Borgerrådgiver", "Socialsygepleje og åben klinik",
					"Beskæftigelse", "Vredeshåndteringsforløb");

			List<PDFont> fonts = new ArrayList<>();
			for (var page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					fonts.add(page.getResources().getFont(name));
				}
			}
			assertThat(fonts).isNotEmpty().allSatisfy(font -> {
				assertThat(font.isEmbedded()).as("%s is embedded", font.getName()).isTrue();
				assertThat(font).isNotInstanceOf(PDType1Font.class);
				assertThat(font.getName()).contains("LiberationSans");
			});
		}
	}

	@Test
	void thePdfIsTaggedInDanishWithTitleAndAuthor() throws IOException {
		try (var document = Loader.loadPDF(fourthPdf)) {
			var catalog = document.getDocumentCatalog();
			assertThat(catalog.getMarkInfo()).isNotNull();
			assertThat(catalog.getMarkInfo().isMarked()).isTrue();
			assertThat(catalog.getLanguage()).isEqualTo("da");
			assertThat(document.getDocumentInformation().getTitle())
				.isEqualTo("Indsatskatalog 2026-2027 – Aabenraa Kommune, 4. udgave");
			assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Aabenraa Kommune");
			assertThat(catalog.getDocumentOutline()).as("bookmarks for the chapters").isNotNull();
		}
	}

	@Test
	void theCatalogAsItIsNowHasEveryActiveService() throws IOException {
		var current = catalogs.of("aabenraa");
		try (var document = Loader.loadPDF(pdf.current(current, DANISH))) {
			var text = positional().getText(document);
			assertThat(text).doesNotContain("Arkiveret udgave");
			assertThat(current.services()).isNotEmpty()
				.allSatisfy(service -> assertThat(text).contains(service.name()));
		}
	}

	@Test
	void theSamePdfIsServedAgainUntilTheCatalogChanges() {
		var current = catalogs.of("aabenraa");

		assertThat(pdf.current(current, DANISH)).isSameAs(pdf.current(current, DANISH));
		assertThat(pdf.edition(fourth, () -> fourthContents, DANISH))
			.isSameAs(pdf.edition(fourth, () -> fourthContents, DANISH));
	}

	private static List<String> pages(PDDocument document) throws IOException {
		var stripper = positional();
		List<String> pages = new ArrayList<>();
		for (int page = 1; page <= document.getNumberOfPages(); page++) {
			stripper.setStartPage(page);
			stripper.setEndPage(page);
			pages.add(stripper.getText(document));
		}
		return pages;
	}

	/** Text in reading order; a tagged PDF draws list numbers apart from the text they number. */
	private static PDFTextStripper positional() {
		var stripper = new PDFTextStripper();
		stripper.setSortByPosition(true);
		return stripper;
	}

	/** The pages from the heading "Indhold" up to the first chapter. */
	private static String tableOfContents(List<String> pages) {
		var first = 0;
		while (!pages.get(first).contains("Indhold")) {
			first++;
		}
		var contents = new StringBuilder();
		for (int page = first; page < pages.size() && pages.get(page).contains(" . . ."); page++) {
			contents.append(pages.get(page));
		}
		return contents.toString();
	}

	/** The page number the table of contents gives for an entry: "3. Boligforhold . . . . 11". */
	private static int pageOf(String contents, String entry) {
		var line = Pattern.compile("(?m)^\\d+\\.\\s+" + Pattern.quote(entry) + "[ .]+ (\\d+)$").matcher(contents);
		assertThat(line.find()).as("the table of contents lists %s with a page number", entry).isTrue();
		return Integer.parseInt(line.group(1));
	}

	private static String squeeze(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}
}
