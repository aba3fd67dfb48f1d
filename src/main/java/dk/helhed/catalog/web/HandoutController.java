package dk.helhed.catalog.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.catalog.internal.crisis.CrisisHelp;
import dk.helhed.catalog.internal.crisis.CrisisLine;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.FormFields;

/**
 * The handout (udleveringsark): a caseworker's shortlist of services as a plain sheet for the citizen to take along,
 * as a page to print and as a PDF, in Danish or English. The shortlist lives in the address (the services' ids and
 * the language), so the sheet needs no plan and no citizen, and it holds no personal data: no name, no CPR number,
 * nothing written about anyone. The crisis numbers are always on it.
 */
@Controller
class HandoutController {

	static final int MAX_SERVICES = 20;

	/** One service as the sheet shows it, in the sheet's language. */
	record Entry(UUID id, String name, String summary, String firstStep, String access, String address, String mapLink,
			List<String> hours, String scheduleNote, String phone, String email, String url, String cost,
			List<String> contacts) {
	}

	/** The sheet's fixed texts in its language, whatever the staff member's own language is. */
	record Texts(MessageSource messages, Locale locale) {

		public String get(String key, Object... arguments) {
			return messages.getMessage(key, arguments, locale);
		}
	}

	private final Catalogs catalogs;
	private final CrisisHelp crisisHelp;
	private final CatalogFormat format;
	private final MessageSource messages;
	private final HandoutPdf pdf;
	private final Clock clock;

	HandoutController(Catalogs catalogs, CrisisHelp crisisHelp, CatalogFormat format, MessageSource messages,
			HandoutPdf pdf, Clock clock) {
		this.catalogs = catalogs;
		this.crisisHelp = crisisHelp;
		this.format = format;
		this.messages = messages;
		this.pdf = pdf;
		this.clock = clock;
	}

	@GetMapping("/personale/udleveringsark")
	@AccessRule(Audience.STAFF)
	String handout(@RequestParam(name = "indsats", required = false) List<String> ids,
			@RequestParam(name = "sprog", required = false) String language, Model model,
			HttpServletResponse response) {
		var catalog = catalogs.of(CurrentStaff.get().municipalityId());
		Map<String, String> errors = new LinkedHashMap<>();
		var locale = locale(language, errors);
		var services = services(catalog, ids, errors);
		model.addAllAttributes(sheet(catalog, services, locale, false));
		model.addAttribute("errors", errors);
		model.addAttribute("catalog", catalog.services());
		response.setHeader("Cache-Control", "no-store");
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return "catalog/handout";
	}

	@GetMapping("/personale/udleveringsark.pdf")
	@AccessRule(Audience.STAFF)
	ResponseEntity<?> handoutPdf(@RequestParam(name = "indsats", required = false) List<String> ids,
			@RequestParam(name = "sprog", required = false) String language, Model model,
			HttpServletResponse response) {
		var catalog = catalogs.of(CurrentStaff.get().municipalityId());
		Map<String, String> errors = new LinkedHashMap<>();
		var locale = locale(language, errors);
		var services = services(catalog, ids, errors);
		if (!errors.isEmpty()) {
			return ResponseEntity.badRequest()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(Map.of("title", "Arket kan ikke laves", "status", 400, "detail",
						String.join(" ", errors.values())));
		}
		var bytes = pdf.render("catalog/handout", sheet(catalog, services, locale, true), locale);
		var name = (locale.getLanguage().equals("en") ? "where-to-get-help-" : "steder-med-hjaelp-")
				+ LocalDate.now(clock) + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(bytes);
	}

	private Locale locale(String language, Map<String, String> errors) {
		if (FormFields.blank(language) || language.equals("da")) {
			return Locale.of("da");
		}
		if (language.equals("en")) {
			return Locale.ENGLISH;
		}
		errors.put("sprog", messages.getMessage("handout.error.language", null, Locale.of("da")));
		return Locale.of("da");
	}

	/** The services of the shortlist, in its order, each once; blank entries (an empty choice) are left out. */
	private List<Service> services(CatalogSnapshot catalog, List<String> ids, Map<String, String> errors) {
		var chosen = new LinkedHashSet<UUID>();
		for (var value : ids == null ? List.<String>of() : ids) {
			if (FormFields.blank(value)) {
				continue;
			}
			var id = FormFields.uuid(value);
			if (id == null || catalog.service(id).isEmpty()) {
				errors.put("indsats", messages.getMessage("handout.error.service", null, Locale.of("da")));
				continue;
			}
			chosen.add(id);
		}
		if (chosen.size() > MAX_SERVICES) {
			errors.put("indsats", messages.getMessage("handout.error.many", null, Locale.of("da")));
			return List.of();
		}
		return chosen.stream().flatMap(id -> catalog.service(id).stream()).toList();
	}

	private Map<String, Object> sheet(CatalogSnapshot catalog, List<Service> services, Locale locale, boolean asPdf) {
		Map<String, Object> model = new HashMap<>();
		var entries = services.stream().map(service -> entry(service, locale)).toList();
		List<CrisisLine> crisis = crisisHelp.everywhere(catalog.municipality());
		model.put("entries", entries);
		model.put("ids", services.stream().map(Service::id).toList());
		model.put("crisis", crisis);
		model.put("t", new Texts(messages, locale));
		model.put("lang", locale.getLanguage());
		model.put("pdf", asPdf);
		model.put("made", LocalDate.now(clock)
			.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)));
		return model;
	}

	private Entry entry(Service service, Locale locale) {
		var address = service.hasAddress() ? format.addressLine(service) : null;
		var place = address == null ? null
				: service.locationName() == null ? address : service.locationName() + ", " + address;
		List<String> hours = service.schedules().stream().map(schedule -> format.hours(schedule, locale)).toList();
		List<String> costs = new ArrayList<>();
		costs.add(messages.getMessage("charge." + service.charge(), null, "", locale));
		service.costs()
			.stream()
			.filter(cost -> cost.amount() != null)
			.forEach(cost -> costs.add((cost.option() == null ? "" : cost.option() + ": ")
					+ format.amount(cost.amount(), cost.currency(), locale)));
		List<String> contacts = service.contacts()
			.stream()
			.map(contact -> String.join(", ", java.util.stream.Stream.of(contact.role(), contact.name(), contact.phone())
				.filter(part -> part != null && !part.isBlank())
				.toList()))
			.filter(text -> !text.isBlank())
			.toList();
		return new Entry(service.id(), service.name(), service.summary(), service.firstStep(),
				messages.getMessage("access." + service.accessMode(), null, "", locale), place,
				address == null ? null : format.mapLink(address), hours, service.scheduleNote(), service.phone(),
				service.email(), service.url(), String.join(" · ", costs.stream().filter(c -> !c.isBlank()).toList()),
				contacts);
	}
}
