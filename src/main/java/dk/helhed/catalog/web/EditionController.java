package dk.helhed.catalog.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.catalog.internal.editions.CatalogPdf;
import dk.helhed.catalog.internal.editions.Editions;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;

/**
 * The published editions of a municipality's catalog for everyone: the list, each edition as a print-friendly page
 * and as a PDF, what changed between two editions, and the catalog as it is now as a PDF. No login; nothing personal.
 */
@Controller
@AccessRule(Audience.EVERYONE)
class EditionController {

	private static final String SLUG = "{slug:[a-z0-9-]{1,60}}";
	private static final String NUMBER = "{number:[0-9]{1,6}}";

	private final Municipalities municipalities;
	private final Catalogs catalogs;
	private final Editions editions;
	private final CatalogPdf pdf;
	private final MessageSource messages;
	private final Clock clock;

	EditionController(Municipalities municipalities, Catalogs catalogs, Editions editions, CatalogPdf pdf,
			MessageSource messages, Clock clock) {
		this.messages = messages;
		this.municipalities = municipalities;
		this.catalogs = catalogs;
		this.editions = editions;
		this.pdf = pdf;
		this.clock = clock;
	}

	@GetMapping("/" + SLUG + "/udgaver")
	String list(@PathVariable String slug, Model model) {
		var catalog = catalogs.of(slug);
		model.addAttribute("catalog", catalog);
		model.addAttribute("municipality", catalog.municipality());
		model.addAttribute("editions", editions.of(catalog.municipality().id()));
		return "editions/list";
	}

	/** An edition with the same template as the print view of the catalog as it is now. */
	@GetMapping("/" + SLUG + "/udgaver/" + NUMBER)
	String edition(@PathVariable String slug, @PathVariable int number, Model model) {
		var edition = editions.get(municipalities.getBySlug(slug).id(), number);
		var contents = editions.snapshot(edition);
		model.addAttribute("catalog", contents);
		model.addAttribute("municipality", contents.municipality());
		model.addAttribute("edition", edition);
		model.addAttribute("today", LocalDate.now(clock));
		return "catalog/print";
	}

	@GetMapping("/" + SLUG + "/udgaver/" + NUMBER + ".pdf")
	ResponseEntity<byte[]> editionPdf(@PathVariable String slug, @PathVariable int number, Locale locale) {
		var edition = editions.get(municipalities.getBySlug(slug).id(), number);
		return pdf(slug + "-indsatskatalog-" + edition.number() + "-udgave.pdf",
				pdf.edition(edition, () -> editions.snapshot(edition), offered(locale)));
	}

	@GetMapping("/" + SLUG + "/udskriv.pdf")
	ResponseEntity<byte[]> currentPdf(@PathVariable String slug, Locale locale) {
		var catalog = catalogs.of(slug);
		return pdf(slug + "-indsatskatalog-" + LocalDate.now(clock) + ".pdf", pdf.current(catalog, offered(locale)));
	}

	/** What changed from one edition to another, or to the catalog as it is now if no second edition is given. */
	@GetMapping("/" + SLUG + "/udgaver/forskelle")
	String diff(@PathVariable String slug, @RequestParam("fra") int from,
			@RequestParam(name = "til", required = false) Integer to, Locale locale, Model model) {
		var catalog = catalogs.of(slug);
		model.addAttribute("municipality", catalog.municipality());
		var current = messages.getMessage("editions.current", null, locale);
		model.addAttribute("diff", to == null ? editions.sinceEdition(catalog.municipality().id(), from, current)
				: editions.diff(catalog.municipality().id(), from, to));
		return "editions/diff";
	}

	/** Danish or English; PDFs are kept per language, so a made-up locale in a cookie must not make another one. */
	private static Locale offered(Locale locale) {
		return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.of("da");
	}

	private static ResponseEntity<byte[]> pdf(String filename, byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}
}
