package dk.helhed.participation.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dk.helhed.catalog.Services;
import dk.helhed.municipality.Municipalities;
import dk.helhed.municipality.Municipality;
import dk.helhed.participation.internal.Bodies;
import dk.helhed.participation.internal.Body;
import dk.helhed.participation.internal.InvalidInput;
import dk.helhed.participation.internal.Meeting;
import dk.helhed.participation.internal.MeetingCalendar;
import dk.helhed.participation.internal.Meetings;
import dk.helhed.participation.internal.Proposal;
import dk.helhed.participation.internal.Proposals;
import dk.helhed.participation.internal.Proposals.NewProposal;
import dk.helhed.participation.internal.SubmissionGuard;
import dk.helhed.platform.NotFoundException;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;

/**
 * The public participation pages of a municipality ({@code /{kommune}/dialog}): the dialogue forum and councils,
 * their meetings with agenda, minutes, calendar and print, and citizens' proposals: send one without an account and
 * without JavaScript, follow it with the receipt code, read the answers, report one. No login; nothing personal.
 */
@Controller
@AccessRule(Audience.EVERYONE)
class DialogController {

	private static final String SLUG = "{slug:[a-z0-9-]{1,60}}";
	private static final String BODY = "{body:[a-z0-9-]{2,80}}";
	private static final String MEETING = "{id:[0-9a-f-]{36}}";
	private static final String NUMBER = "{number:[0-9]{1,9}}";

	private final Municipalities municipalities;
	private final Bodies bodies;
	private final Meetings meetings;
	private final Proposals proposals;
	private final SubmissionGuard guard;
	private final MeetingCalendar calendar;
	private final MeetingPdf pdf;
	private final Services services;
	private final Clock clock;

	DialogController(Municipalities municipalities, Bodies bodies, Meetings meetings, Proposals proposals,
			SubmissionGuard guard, MeetingCalendar calendar, MeetingPdf pdf, Services services, Clock clock) {
		this.municipalities = municipalities;
		this.bodies = bodies;
		this.meetings = meetings;
		this.proposals = proposals;
		this.guard = guard;
		this.calendar = calendar;
		this.pdf = pdf;
		this.services = services;
		this.clock = clock;
	}

	/** What the visitor typed into the proposal form. */
	record ProposalForm(String body, String kind, String title, String text, String area, String service,
			String startet, String hjemmeside) {
	}

	@GetMapping("/" + SLUG + "/dialog")
	String home(@PathVariable String slug, Model model) {
		var municipality = site(slug, model);
		var all = bodies.of(municipality.id());
		var now = clock.instant();
		model.addAttribute("bodies", all);
		model.addAttribute("upcoming", meetings.of(municipality.id(), null)
			.stream()
			.filter(meeting -> !meeting.isPast(now))
			.limit(5)
			.toList());
		model.addAttribute("bodyNames", bodyNames(all));
		return "participation/home";
	}

	@GetMapping("/" + SLUG + "/dialog/" + BODY)
	String body(@PathVariable String slug, @PathVariable String body, Model model) {
		var municipality = site(slug, model);
		var found = bodies.get(municipality.id(), body);
		var now = clock.instant();
		var all = meetings.of(municipality.id(), found.id());
		model.addAttribute("body", found);
		model.addAttribute("upcoming", all.stream().filter(meeting -> !meeting.isPast(now)).toList());
		model.addAttribute("past", all.stream().filter(meeting -> meeting.isPast(now)).toList().reversed());
		model.addAttribute("counts", proposals.countsByPublishedState(municipality.id(), found.id()));
		model.addAttribute("answers", proposals.recentAnswers(municipality.id(), found.id(), 5));
		model.addAttribute("states", proposals.statesByKey(municipality.id()));
		model.addAttribute("areas", areaNames(municipality));
		model.addAttribute("services", serviceLinks(municipality, found.serviceKeys()));
		return "participation/body";
	}

	@GetMapping("/" + SLUG + "/dialog/" + BODY + "/kalender.ics")
	ResponseEntity<String> calendar(@PathVariable String slug, @PathVariable String body,
			HttpServletRequest request) {
		var municipality = municipalities.getBySlug(slug);
		var found = bodies.get(municipality.id(), body);
		var base = ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
		var ics = calendar.of(found, meetings.of(municipality.id(), found.id()),
				meeting -> URI.create(base + "/" + slug + "/dialog/moeder/" + meeting.id()), clock.instant());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(found.key() + ".ics").build().toString())
			.body(ics);
	}

	@GetMapping("/" + SLUG + "/dialog/moeder/" + MEETING)
	String meeting(@PathVariable String slug, @PathVariable String id, Model model) {
		var municipality = site(slug, model);
		meetingModel(municipality, id, model);
		model.addAttribute("errors", Map.of());
		return "participation/meeting";
	}

	@PostMapping("/" + SLUG + "/dialog/moeder/" + MEETING + "/tilmeld")
	String register(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String people, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Locale locale) {
		var municipality = site(slug, model);
		var meeting = meetingModel(municipality, id, model);
		try {
			meetings.register(municipality.id(), meeting.id(), name, people);
			redirect.addFlashAttribute("registered", true);
			return "redirect:/" + slug + "/dialog/moeder/" + meeting.id();
		}
		catch (InvalidInput ex) {
			response.setStatus(ex.status());
			model.addAttribute("errors", ex.errors());
			model.addAttribute("name", name);
			return "participation/meeting";
		}
	}

	@GetMapping("/" + SLUG + "/dialog/moeder/" + MEETING + "/udskriv")
	String print(@PathVariable String slug, @PathVariable String id, Model model) {
		var municipality = site(slug, model);
		meetingModel(municipality, id, model);
		return "participation/meeting-print";
	}

	@GetMapping("/" + SLUG + "/dialog/moeder/" + MEETING + ".pdf")
	ResponseEntity<byte[]> printPdf(@PathVariable String slug, @PathVariable String id, Locale locale) {
		var municipality = municipalities.getBySlug(slug);
		Map<String, Object> model = new HashMap<>();
		var meeting = meetingModel(municipality, id, new org.springframework.ui.ExtendedModelMap()).id();
		var found = meetings.get(municipality.id(), meeting);
		model.put("municipality", municipality);
		model.put("meeting", found);
		var body = bodies.find(municipality.id(), found.bodyId()).orElseThrow();
		model.put("body", body);
		var bytes = pdf.render("participation/meeting-pdf", model, body.name() + ": " + found.title(), locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("moede-" + found.startsAt().atZone(Meetings.LOCAL_TIME)
						.toLocalDate() + ".pdf").build().toString())
			.body(bytes);
	}

	@GetMapping("/" + SLUG + "/dialog/forslag")
	String proposalList(@PathVariable String slug, Model model) {
		var municipality = site(slug, model);
		model.addAttribute("proposals", proposals.publicOf(municipality.id(), null));
		model.addAttribute("states", proposals.statesByKey(municipality.id()));
		model.addAttribute("bodyNames", bodyNames(bodies.of(municipality.id())));
		return "participation/proposals";
	}

	@GetMapping("/" + SLUG + "/dialog/forslag/" + NUMBER)
	String proposal(@PathVariable String slug, @PathVariable String number, Model model) {
		var municipality = site(slug, model);
		proposalModel(municipality, number, model);
		model.addAttribute("errors", Map.of());
		return "participation/proposal";
	}

	@PostMapping("/" + SLUG + "/dialog/forslag/" + NUMBER + "/anmeld")
	String report(@PathVariable String slug, @PathVariable String number,
			@RequestParam(required = false) String reason, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		var municipality = site(slug, model);
		var proposal = proposalModel(municipality, number, model);
		try {
			boolean hidden = proposals.report(municipality.id(), proposal.number(), request.getRemoteAddr(), reason);
			redirect.addFlashAttribute("reported", true);
			return hidden ? "redirect:/" + slug + "/dialog/forslag?anmeldt" : "redirect:/" + slug + "/dialog/forslag/"
					+ proposal.number();
		}
		catch (InvalidInput ex) {
			response.setStatus(ex.status());
			model.addAttribute("errors", ex.errors());
			model.addAttribute("reason", reason);
			return "participation/proposal";
		}
	}

	@GetMapping("/" + SLUG + "/dialog/forslag/ny")
	String proposalForm(@PathVariable String slug, @RequestParam(name = "til", required = false) String body,
			Model model) {
		var municipality = site(slug, model);
		var form = new ProposalForm(body, null, null, null, null, null, guard.startToken(), null);
		return formPage(municipality, form, Map.of(), model);
	}

	@PostMapping("/" + SLUG + "/dialog/forslag")
	String send(@PathVariable String slug, @ModelAttribute ProposalForm form, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		var municipality = site(slug, model);
		try {
			var receipt = proposals.submit(municipality.id(), new NewProposal(form.body(), form.kind(), form.title(),
					form.text(), form.area(), form.service()), request.getRemoteAddr(), form.hjemmeside(), form.startet());
			redirect.addFlashAttribute("receipt", receipt);
			return "redirect:/" + slug + "/dialog/kvittering";
		}
		catch (InvalidInput ex) {
			response.setStatus(ex.status());
			// The form keeps the time it was first shown, so that a person who corrects it is not held up again.
			return formPage(municipality, form, ex.errors(), model);
		}
	}

	private String formPage(Municipality municipality, ProposalForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("bodies", bodies.of(municipality.id()).stream().filter(Body::acceptsProposals).toList());
		model.addAttribute("areas", areaNames(municipality));
		model.addAttribute("serviceNames", serviceNames(municipality));
		model.addAttribute("maxTitle", Proposals.MAX_TITLE);
		model.addAttribute("maxText", Proposals.MAX_TEXT);
		return "participation/proposal-form";
	}

	/** The receipt after sending (from the flash), and the form to follow a proposal with its code. */
	@GetMapping("/" + SLUG + "/dialog/kvittering")
	String receipt(@PathVariable String slug, Model model, HttpServletResponse response) {
		site(slug, model);
		// The receipt code is what lets its holder follow and withdraw the proposal: no copies in caches.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("errors", Map.of());
		return "participation/receipt";
	}

	/** The code is sent in a form, not in the address, so that it stays out of logs and browser history. */
	@PostMapping("/" + SLUG + "/dialog/kvittering")
	String follow(@PathVariable String slug, @RequestParam(required = false) String code, Model model,
			HttpServletResponse response) {
		var municipality = site(slug, model);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		var proposal = proposals.byReceipt(municipality.id(), code);
		if (proposal.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors", Map.of("code", "Vi kender ikke den kode. Se efter, om den er skrevet rigtigt."));
			return "participation/receipt";
		}
		return followed(municipality, proposal.get(), code, model);
	}

	@PostMapping("/" + SLUG + "/dialog/kvittering/tilbagetraek")
	String withdraw(@PathVariable String slug, @RequestParam(required = false) String code, Model model,
			HttpServletResponse response) {
		var municipality = site(slug, model);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		try {
			var proposal = proposals.withdraw(municipality.id(), code);
			model.addAttribute("withdrawn", true);
			return followed(municipality, proposal, code, model);
		}
		catch (InvalidInput ex) {
			response.setStatus(ex.status());
			model.addAttribute("errors", ex.errors());
			return "participation/receipt";
		}
	}

	private String followed(Municipality municipality, Proposal proposal, String code, Model model) {
		model.addAttribute("proposal", proposal);
		model.addAttribute("code", code);
		model.addAttribute("states", proposals.statesByKey(municipality.id()));
		model.addAttribute("body", bodies.find(municipality.id(), proposal.bodyId()).orElseThrow());
		model.addAttribute("discussedAt", meetings.discussing(proposal).orElse(null));
		model.addAttribute("areas", areaNames(municipality));
		model.addAttribute("serviceNames", serviceNames(municipality));
		model.addAttribute("errors", Map.of());
		return "participation/followed";
	}

	// Helpers

	private Municipality site(String slug, Model model) {
		var municipality = municipalities.getBySlug(slug);
		model.addAttribute("municipality", municipality);
		model.addAttribute("site", municipality);
		model.addAttribute("zone", Meetings.LOCAL_TIME);
		return municipality;
	}

	private Meeting meetingModel(Municipality municipality, String id, Model model) {
		var meeting = meetings.find(municipality.id(), parse(id))
			.orElseThrow(() -> new NotFoundException("Mødet findes ikke."));
		model.addAttribute("meeting", meeting);
		model.addAttribute("body", bodies.find(municipality.id(), meeting.bodyId()).orElseThrow());
		model.addAttribute("now", clock.instant());
		return meeting;
	}

	private Proposal proposalModel(Municipality municipality, String number, Model model) {
		var proposal = proposals.publicByNumber(municipality.id(), Integer.parseInt(number))
			.orElseThrow(() -> new NotFoundException("Forslaget findes ikke, eller det er ikke offentligt."));
		model.addAttribute("proposal", proposal);
		model.addAttribute("states", proposals.statesByKey(municipality.id()));
		model.addAttribute("body", bodies.find(municipality.id(), proposal.bodyId()).orElseThrow());
		model.addAttribute("discussedAt", meetings.discussing(proposal).orElse(null));
		model.addAttribute("areas", areaNames(municipality));
		model.addAttribute("serviceNames", serviceNames(municipality));
		return proposal;
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("Mødet findes ikke.");
		}
	}

	private static Map<UUID, String> bodyNames(List<Body> bodies) {
		Map<UUID, String> names = new HashMap<>();
		bodies.forEach(body -> names.put(body.id(), body.name()));
		return names;
	}

	private Map<String, String> areaNames(Municipality municipality) {
		Map<String, String> names = new LinkedHashMap<>();
		municipalities.strategyOf(municipality.id())
			.ifPresent(strategy -> strategy.focusAreas().forEach(area -> names.put(area.key(), area.name())));
		return names;
	}

	/** The services the catalog offers now, by key, in Danish alphabetical order. */
	private Map<String, String> serviceNames(Municipality municipality) {
		Map<String, String> names = new LinkedHashMap<>();
		services.activeOf(municipality.id()).forEach(service -> names.put(service.key(), service.name()));
		return names;
	}

	/** The body's services that the catalog offers now: key and name, for links to their pages. */
	private Map<String, String> serviceLinks(Municipality municipality, List<String> keys) {
		Map<String, String> links = new LinkedHashMap<>();
		var active = services.activeOf(municipality.id());
		for (var key : keys) {
			active.stream().filter(service -> key.equals(service.key())).findFirst()
				.ifPresent(service -> links.put(service.key(), service.name()));
		}
		return links;
	}
}
