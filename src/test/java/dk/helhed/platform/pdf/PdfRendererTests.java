package dk.helhed.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * The application's one PDF renderer, without Spring's context: whatever a template writes, the PDF is tagged, has
 * the title and language asked for, sets every letter in the embedded Liberation Sans (also where the template asks
 * for the generic sans-serif, as the meeting and decision templates do), and fetches nothing from the network.
 */
class PdfRendererTests {

	private static final String TEMPLATE = """
			<!DOCTYPE html>
			<html xmlns:th="http://www.thymeleaf.org" lang="en">
			<head><meta charset="utf-8"/><title>Template's own title</title>
			<link rel="stylesheet" href="https://example.invalid/tracker.css"/>
			<style>body { font-family: sans-serif; } em { font-style: italic; } strong { font-weight: bold; }</style>
			</head>
			<body><h1 th:text="${heading}">Heading</h1>
			<p>Æblegrød på Sønderport, <strong>fed</strong> og <em>kursiv</em>.</p>
			<p th:if="${pdf}">Kun i PDF'en.</p></body>
			</html>
			""";

	private final PdfRenderer renderer = renderer();

	@Test
	void thePdfIsTaggedWithTheTitleAndLanguageAskedForNotTheTemplates() throws IOException {
		var pdf = renderer.render(TEMPLATE, Map.of("heading", "Syntetisk testbrev"), "Afgørelse om Værestedet",
				Locale.of("da"));

		try (var document = Loader.loadPDF(pdf)) {
			var catalog = document.getDocumentCatalog();
			assertThat(catalog.getMarkInfo()).isNotNull();
			assertThat(catalog.getMarkInfo().isMarked()).as("tagged (PDF/UA)").isTrue();
			assertThat(catalog.getStructureTreeRoot()).isNotNull();
			assertThat(catalog.getLanguage()).isEqualTo("da");
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Afgørelse om Værestedet");
			assertThat(document.getDocumentInformation().getProducer()).isEqualTo("Helhed");
			assertThat(catalog.getMetadata()).as("XMP metadata, which PDF/UA asks for").isNotNull();
		}
	}

	@Test
	void everyLetterIsInTheEmbeddedLiberationSansEvenWhereTheTemplateAsksForSansSerif() throws IOException {
		var pdf = renderer.render(TEMPLATE, Map.of("heading", "Syntetisk testbrev"), "Brev", Locale.of("da"));

		try (var document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Æblegrød på Sønderport", "Kun i PDF'en.",
					"Syntetisk testbrev");
			var fonts = fonts(document);
			assertThat(fonts).isNotEmpty().allSatisfy(font -> {
				assertThat(font.isEmbedded()).as("%s is embedded", font.getName()).isTrue();
				assertThat(font).isNotInstanceOf(PDType1Font.class);
				assertThat(font.getName()).contains("LiberationSans");
			});
			assertThat(fonts).extracting(PDFont::getName)
				.anySatisfy(name -> assertThat(name).contains("Bold"))
				.anySatisfy(name -> assertThat(name).contains("Italic"));
		}
	}

	@Test
	void anEnglishPdfSaysSo() throws IOException {
		var pdf = renderer.render(TEMPLATE, Map.of("heading", "Synthetic letter"), "Letter", Locale.ENGLISH);

		try (var document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Letter");
		}
	}

	private static List<PDFont> fonts(PDDocument document) throws IOException {
		var fonts = new ArrayList<PDFont>();
		for (var page : document.getPages()) {
			for (var name : page.getResources().getFontNames()) {
				fonts.add(page.getResources().getFont(name));
			}
		}
		return fonts;
	}

	/** A renderer whose "templates" are the template text itself, as Thymeleaf's string resolver reads them. */
	private static PdfRenderer renderer() {
		var engine = new SpringTemplateEngine();
		var resolver = new StringTemplateResolver();
		resolver.setTemplateMode(TemplateMode.HTML);
		engine.setTemplateResolver(resolver);
		var application = new StaticApplicationContext();
		application.refresh();
		return new PdfRenderer(engine, application);
	}
}
