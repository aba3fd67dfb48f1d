package dk.helhed.referral.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.catalog.ServiceCapacities;
import dk.helhed.catalog.Services;
import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseUse;
import dk.helhed.citizen.CaseView;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.StaffDirectory;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.municipality.OrganisationalUnit;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.AccessRule.Scope;
import dk.helhed.platform.web.FormFields;
import dk.helhed.referral.PlanActionDrafts;
import dk.helhed.referral.ReferralResource;
import dk.helhed.referral.ReferralStatus;
import dk.helhed.referral.internal.PlaceStore;
import dk.helhed.referral.internal.PlaceWork;
import dk.helhed.referral.internal.ReferralMoves;
import dk.helhed.referral.internal.ReferralMoves.Actor;
import dk.helhed.referral.internal.ReferralMoves.Move;
import dk.helhed.referral.internal.ReferralStore;
import dk.helhed.referral.internal.ReferralStore.Referral;
import dk.helhed.referral.internal.ReferralWork;
import dk.helhed.referral.internal.ReferralWork.NewReferral;

/**
 * The pages of closed-loop referrals: the form from the citizen's page (or from an action of the plan), the unit's
 * queue, and one referral with its history and the moves the transition table lets this user make. Every request
 * opens the citizen's case once through the gate (one audit row); a move the table refuses is answered with its
 * Danish message, and the service writes its refusal to the audit log.
 */
@Controller
class ReferralController {

	static final int TEXT = 2000;

	private final ReferralWork referrals;
	private final CaseAccess caseAccess;
	private final Services services;
	private final ServiceCapacities capacities;
	private final PlaceWork places;
	private final Municipalities municipalities;
	private final StaffDirectory staffDirectory;
	private final List<PlanActionDrafts> drafts;
	private final Clock clock;

	ReferralController(ReferralWork referrals, CaseAccess caseAccess, Services services, ServiceCapacities capacities,
			PlaceWork places, Municipalities municipalities, StaffDirectory staffDirectory,
			List<PlanActionDrafts> drafts, Clock clock) {
		this.referrals = referrals;
		this.caseAccess = caseAccess;
		this.services = services;
		this.capacities = capacities;
		this.places = places;
		this.municipalities = municipalities;
		this.staffDirectory = staffDirectory;
		this.drafts = drafts;
		this.clock = clock;
	}

	// The referral form

	@GetMapping("/personale/borgere/{id}/henvisninger/ny")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String form(@PathVariable UUID id, @RequestParam(name = "indsats", required = false) String service,
			@RequestParam(name = "enhed", required = false) String unit,
			@RequestParam(name = "handling", required = false) String planAction, Model model,
			HttpServletResponse response) {
		var staff = CurrentStaff.get();
		var view = caseAccess.open(staff, id, CaseUse.create(ReferralResource.REFERRAL));
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> sent = new HashMap<>();
		var draft = draft(view, planAction, errors);
		if (draft != null) {
			sent.put("spoergsmaal", draft.description());
			sent.put("handling", draft.planActionId().toString());
		}
		var serviceId = FormFields.blank(service) ? (draft == null ? null : draft.serviceId()) : FormFields.uuid(service);
		if (!FormFields.blank(service) && serviceId == null) {
			errors.put("indsats", "Vælg en indsats fra kataloget.");
		}
		var unitId = FormFields.blank(unit) ? (draft == null ? null : draft.receiverUnitId()) : FormFields.uuid(unit);
		if (!FormFields.blank(unit) && unitId == null) {
			errors.put("enhed", "Vælg den enhed, henvisningen skal til.");
		}
		sent.put("indsats", serviceId == null ? "" : serviceId.toString());
		sent.put("enhed", unitId == null ? "" : unitId.toString());
		if (!errors.isEmpty()) {
			response.setStatus(400);
		}
		return formPage(view, staff, serviceId, unitId, Set.of(), errors, sent, model);
	}

	@PostMapping("/personale/borgere/{id}/henvisninger")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String send(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var view = caseAccess.open(staff, id, CaseUse.create(ReferralResource.REFERRAL));
		Map<String, String> errors = new LinkedHashMap<>();
		var serviceId = FormFields.uuid(fields.getFirst("indsats"));
		if (serviceId == null) {
			errors.put("indsats", "Vælg en indsats fra kataloget.");
		}
		var unitText = fields.getFirst("enhed");
		var unitId = FormFields.uuid(unitText);
		if (!FormFields.blank(unitText) && unitId == null) {
			errors.put("enhed", "Vælg den enhed, henvisningen skal til.");
		}
		var question = FormFields.text(errors, "spoergsmaal", fields.getFirst("spoergsmaal"), TEXT, true, true,
				"Spørgsmålet til modtageren");
		var wishedStart = FormFields.date(errors, "start", fields.getFirst("start"), false, "den ønskede start");
		Set<InformationCategory> shared = EnumSet.noneOf(InformationCategory.class);
		for (var value : fields.getOrDefault("kategorier", List.of())) {
			var category = FormFields.choice(errors, "kategorier", value, InformationCategory.class,
					"Vælg kategorierne fra listen.");
			if (category != null) {
				shared.add(category);
			}
		}
		var draft = draft(view, fields.getFirst("handling"), errors);
		if (errors.isEmpty()) {
			var receiver = unitId != null ? unitId : services.find(staff.municipalityId(), serviceId)
				.map(Services.Summary::owningUnitId)
				.orElse(null);
			try {
				var referral = referrals.send(staff, view, new NewReferral(id, serviceId, receiver, question, wishedStart,
						shared, draft == null ? null : draft.planActionId()));
				redirect.addFlashAttribute("message", "Henvisningen er sendt til " + unitName(staff, receiver)
						+ ". Den står nu på jeres liste, til løkken er lukket.");
				return "redirect:/personale/henvisninger/" + referral.id();
			}
			catch (InvalidRequestException ex) {
				errors.put(fieldOf(ex.getMessage()), ex.getMessage());
			}
		}
		response.setStatus(400);
		Map<String, String> sent = new HashMap<>();
		for (var name : List.of("indsats", "enhed", "spoergsmaal", "start", "handling")) {
			var value = fields.getFirst(name);
			sent.put(name, value == null || value.length() > TEXT ? "" : value);
		}
		return formPage(view, staff, serviceId, unitId, shared, errors, sent, model);
	}

	/** Which field of the form a refusal of the service is about. */
	private static String fieldOf(String message) {
		var text = message.toLowerCase(java.util.Locale.ROOT);
		if (text.contains("indsats")) {
			return "indsats";
		}
		if (text.contains("enhed")) {
			return "enhed";
		}
		if (text.contains("start")) {
			return "start";
		}
		if (text.contains("kategori")) {
			return "kategorier";
		}
		return "spoergsmaal";
	}

	private PlanActionDrafts.Draft draft(CaseView view, String planAction, Map<String, String> errors) {
		if (FormFields.blank(planAction)) {
			return null;
		}
		var actionId = FormFields.uuid(planAction);
		var draft = actionId == null ? null
				: drafts.stream().flatMap(source -> source.draftFor(view, actionId).stream()).findFirst().orElse(null);
		if (draft == null) {
			errors.put("handling", "Indsatsen findes ikke i borgerens handleplan. Henvis fra planen igen.");
		}
		return draft;
	}

	/** One information category on the form: whether a consent or legal basis covers it for the receiver, and why. */
	record Category(InformationCategory category, boolean covered, boolean chosen, String why) {
	}

	private String formPage(CaseView view, StaffMember staff, UUID serviceId, UUID unitId,
			Set<InformationCategory> chosen, Map<String, String> errors, Map<String, String> sent, Model model) {
		var municipalityId = view.municipalityId();
		var catalog = services.activeOf(municipalityId);
		var service = serviceId == null ? null
				: catalog.stream().filter(candidate -> candidate.id().equals(serviceId)).findFirst().orElse(null);
		if (serviceId != null && service == null && !errors.containsKey("indsats")) {
			errors.put("indsats", "Vælg en indsats fra kataloget.");
		}
		var units = municipalities.unitsOf(municipalityId);
		var receiverId = unitId != null ? unitId : service == null ? null : service.owningUnitId();
		var receiver = receiverId == null ? null
				: units.stream().filter(candidate -> candidate.id().equals(receiverId)).findFirst().orElse(null);
		List<Category> categories = new ArrayList<>();
		if (receiver != null) {
			var covered = caseAccess.coveredFor(municipalityId, view.citizenId(), new Recipient(receiver.id(), null));
			for (var category : InformationCategory.values()) {
				boolean ok = covered.contains(category);
				categories.add(new Category(category, ok, ok && chosen.contains(category), ok
						? "Borgerens samtykke eller et lovgrundlag dækker " + receiver.name() + "."
						: "Intet samtykke eller lovgrundlag dækker " + receiver.name() + " for denne kategori."));
			}
		}
		model.addAttribute("citizen", view.citizen());
		model.addAttribute("catalog", catalog);
		model.addAttribute("service", service);
		model.addAttribute("units", units.stream()
			.filter(candidate -> view.party() == null || !candidate.id().equals(view.party().unitId()))
			.toList());
		model.addAttribute("receiver", receiver);
		model.addAttribute("ownUnit", receiver != null && view.party() != null
				&& receiver.id().equals(view.party().unitId()));
		model.addAttribute("categories", categories);
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("errors", errors);
		model.addAttribute("sent", sent);
		return "referral/new";
	}

	// The queue

	/** One unit's side of the queue. */
	record UnitQueue(OrganisationalUnit unit, ReferralWork.Queue incoming, ReferralWork.Queue outgoing,
			ReferralWork.Times times) {
	}

	@GetMapping("/personale/henvisninger")
	@AccessRule(value = Audience.CASE_WORKERS, personalData = true)
	String queue(@RequestParam(name = "status", required = false) String statusText,
			@RequestParam(name = "indsats", required = false) String serviceText,
			@RequestParam(name = "enhed", required = false) String pageUnitText,
			@RequestParam(name = "side", required = false) String pageSide,
			@RequestParam(name = "efter", required = false) String afterText, Model model,
			HttpServletResponse response) {
		var staff = CurrentStaff.get();
		Map<String, String> errors = new LinkedHashMap<>();
		// A later page of one list of closed referrals: the unit, the side and where the page starts.
		UUID pageUnit = null;
		boolean pageIncoming = !"sendt".equals(pageSide);
		ReferralStore.After after = null;
		if (!FormFields.blank(afterText)) {
			pageUnit = FormFields.uuid(pageUnitText);
			after = after(afterText);
			if (pageUnit == null || after == null || !("modtaget".equals(pageSide) || "sendt".equals(pageSide))) {
				errors.put("efter", "Siden med afsluttede henvisninger findes ikke. Vis listen forfra.");
				pageUnit = null;
				after = null;
			}
		}
		ReferralStatus status = null;
		if (!FormFields.blank(statusText)) {
			status = FormFields.choice(errors, "status", statusText, ReferralStatus.class, "Vælg en status fra listen.");
		}
		UUID serviceId = null;
		if (!FormFields.blank(serviceText)) {
			serviceId = FormFields.uuid(serviceText);
			if (serviceId == null) {
				errors.put("indsats", "Vælg en indsats fra listen.");
			}
		}
		// One audit row for the list; names only of the citizens the staff member's own units work with.
		Map<UUID, String> names = new HashMap<>();
		caseAccess.ownCases(staff, ReferralResource.REFERRAL)
			.forEach(citizen -> names.put(citizen.id(), citizen.displayName()));
		var units = municipalities.unitsOf(staff.municipalityId());
		List<UnitQueue> queues = new ArrayList<>();
		for (var unit : units) {
			if (staff.belongsTo(unit.id())) {
				boolean paged = unit.id().equals(pageUnit);
				queues.add(new UnitQueue(unit,
						referrals.queue(staff, unit.id(), true, status, serviceId, paged && pageIncoming ? after : null),
						referrals.queue(staff, unit.id(), false, status, serviceId, paged && !pageIncoming ? after : null),
						referrals.times(staff, unit.id())));
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
		}
		model.addAttribute("queues", queues);
		model.addAttribute("names", names);
		model.addAttribute("unitNames", unitNames(staff));
		model.addAttribute("serviceNames", serviceNames(staff));
		model.addAttribute("catalog", services.activeOf(staff.municipalityId()));
		model.addAttribute("statuses", ReferralStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("serviceId", serviceId);
		model.addAttribute("pageUnit", pageUnit);
		model.addAttribute("pageSide", pageUnit == null ? null : (pageIncoming ? "modtaget" : "sendt"));
		model.addAttribute("closedPage", ReferralWork.CLOSED_PAGE);
		model.addAttribute("errors", errors);
		model.addAttribute("labels", new ReferralLabels(clock));
		return "referral/queue";
	}

	/** The start of a page of closed referrals, as the link writes it: {@code <instant>_<referral id>}; else null. */
	static ReferralStore.After after(String text) {
		var cut = text.indexOf('_');
		if (cut < 0) {
			return null;
		}
		var id = FormFields.uuid(text.substring(cut + 1));
		try {
			var at = java.time.Instant.parse(text.substring(0, cut));
			return id == null ? null : new ReferralStore.After(at, id);
		}
		catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}

	// One referral

	@GetMapping("/personale/henvisninger/{referralId}")
	@AccessRule(value = Audience.CASE_WORKERS, personalData = true)
	String referral(@PathVariable UUID referralId, Model model) {
		var staff = CurrentStaff.get();
		var opened = referrals.open(staff, referralId);
		referrals.markSeen(staff, referralId);
		return page(staff, opened, null, Map.of(), Map.of(), model);
	}

	@PostMapping("/personale/henvisninger/{referralId}/status")
	@AccessRule(value = Audience.CASE_WORKERS, personalData = true)
	String move(@PathVariable UUID referralId, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		Map<String, String> errors = new LinkedHashMap<>();
		var move = FormFields.choice(errors, "skridt", fields.get("skridt"), Move.class, "Vælg et skridt fra listen.");
		Integer version = version(fields.get("version"));
		if (version == null) {
			errors.put("skridt", "Siden mangler henvisningens udgave. Åbn henvisningen igen.");
		}
		var reasonCode = fields.get("aarsag");
		var outcome = fields.get("resultat");
		if (!errors.isEmpty()) {
			return again(staff, referralId, move, errors, fields, model, response);
		}
		boolean asksFirst = move == Move.REJECT || move == Move.CANCEL;
		if (asksFirst && !"ja".equals(fields.get("bekraeftet"))) {
			var opened = referrals.open(staff, referralId);
			var reason = referrals.reasons()
				.stream()
				.filter(candidate -> candidate.code().equals(reasonCode == null ? "" : reasonCode.strip()))
				.findFirst();
			var row = ReferralMoves.find(opened.seen().referral().status(), move);
			if (row.isPresent() && ReferralMoves.allowed(opened.seen().referral().status(), opened.seen().actors())
				.contains(row.get()) && reason.isPresent()) {
				model.addAttribute("referral", opened.seen().referral());
				model.addAttribute("citizen", opened.view().citizen());
				model.addAttribute("serviceName", serviceNames(staff).get(opened.seen().referral().serviceId()));
				model.addAttribute("move", move);
				model.addAttribute("reason", reason.get());
				model.addAttribute("version", version);
				model.addAttribute("labels", new ReferralLabels(clock));
				return "referral/confirm";
			}
			if (row.isPresent() && reason.isEmpty()
					&& ReferralMoves.allowed(opened.seen().referral().status(), opened.seen().actors()).contains(row.get())) {
				errors.put("aarsag-" + move.name(), "Vælg en årsag fra listen.");
				response.setStatus(400);
				return page(staff, opened, move, errors, fields, model);
			}
			// A move this side may not make: the service refuses it below, with its message and audit row.
		}
		try {
			var moved = referrals.move(staff, referralId, move, reasonCode, outcome, version);
			redirect.addFlashAttribute("message", receipt(moved, move));
			return "redirect:/personale/henvisninger/" + referralId;
		}
		catch (AccessDeniedException ex) {
			response.setStatus(403);
			model.addAttribute("refusal", ex.getMessage());
			model.addAttribute("referralId", referralId);
			return "referral/refused";
		}
		catch (InvalidRequestException ex) {
			var row = ReferralMoves.TABLE.stream().filter(candidate -> candidate.move() == move).findFirst();
			var message = ex.getMessage();
			var field = message.startsWith("Vælg en årsag") && row.map(ReferralMoves.Transition::needsReason).orElse(false)
					? "aarsag-" + move.name()
					: (message.startsWith("Skriv resultatet") || message.startsWith("Resultatet"))
							&& row.map(ReferralMoves.Transition::needsOutcome).orElse(false) ? "resultat-" + move.name()
									: "skridt";
			errors.put(field, ex.getMessage());
			return again(staff, referralId, move, errors, fields, model, response);
		}
	}

	@PostMapping("/personale/henvisninger/{referralId}/luk-loekken")
	@AccessRule(value = Audience.CASE_WORKERS, personalData = true)
	String closeLoop(@PathVariable UUID referralId, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		try {
			referrals.closeLoop(staff, referralId);
			redirect.addFlashAttribute("message", "Løkken er lukket: I har set resultatet af henvisningen. "
					+ "Den er nu færdig på begge enheders lister.");
			return "redirect:/personale/henvisninger/" + referralId;
		}
		catch (AccessDeniedException ex) {
			response.setStatus(403);
			model.addAttribute("refusal", ex.getMessage());
			model.addAttribute("referralId", referralId);
			return "referral/refused";
		}
		catch (InvalidRequestException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			errors.put("luk", ex.getMessage());
			return again(staff, referralId, null, errors, Map.of(), model, response);
		}
	}

	private String again(StaffMember staff, UUID referralId, Move move, Map<String, String> errors,
			Map<String, String> fields, Model model, HttpServletResponse response) {
		var opened = referrals.open(staff, referralId);
		response.setStatus(400);
		return page(staff, opened, move, errors, fields, model);
	}

	private static Integer version(String text) {
		if (FormFields.blank(text) || text.length() > 9) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** What was done, when, and for a final or negative move the coded reason and what follows from it. */
	private String receipt(Referral moved, Move move) {
		var labels = new ReferralLabels(clock);
		var text = new StringBuilder("Kvittering: Henvisningen er nu „")
			.append(moved.status().label().toLowerCase(java.util.Locale.ROOT))
			.append("“ (")
			.append(labels.moment(clock.instant()))
			.append(").");
		boolean coded = ReferralMoves.TABLE.stream()
			.anyMatch(row -> row.move() == move && row.to() == moved.status() && row.needsReason());
		if (coded && moved.reasonCode() != null) {
			referrals.reasons()
				.stream()
				.filter(reason -> reason.code().equals(moved.reasonCode()))
				.findFirst()
				.ifPresent(reason -> text.append(" Årsag: ").append(reason.label()).append(". ")
					.append(labels.consequence(reason.consequence())));
		}
		return text.toString();
	}

	/** A note the referral passes on to its receiver. */
	record SharedNote(InformationCategory category, String text, String unit, java.time.Instant writtenAt) {
	}

	private String page(StaffMember staff, ReferralWork.Opened opened, Move failedMove, Map<String, String> errors,
			Map<String, String> sent, Model model) {
		var seen = opened.seen();
		var referral = seen.referral();
		var unitNames = unitNames(staff);
		boolean receiver = seen.actors().contains(Actor.RECEIVER);
		List<SharedNote> shared = new ArrayList<>();
		if (receiver && referral.status().isLive()) {
			for (var seenNote : caseAccess.notes(opened.view())) {
				var note = seenNote.note();
				// What the gate lets the receiver see in the shared categories (by this referral, or by the consent
				// or legal basis that let the sender share it), and nothing else.
				if (referral.shared().contains(note.category()) && seenNote.ground().basis() != Basis.OWN_CASE) {
					shared.add(new SharedNote(note.category(), note.text(),
							unitNames.getOrDefault(note.unitId(), "Ukendt enhed"), note.writtenAt()));
				}
			}
		}
		Map<UUID, String> people = new HashMap<>();
		staffDirectory.staffOf(staff.municipalityId()).forEach(person -> people.put(person.id(), person.displayName()));
		Map<String, PlaceStore.Reason> reasons = new HashMap<>();
		referrals.reasons().forEach(reason -> reasons.put(reason.code(), reason));
		var capacity = capacities.of(staff.municipalityId())
			.stream()
			.filter(candidate -> candidate.serviceId().equals(referral.serviceId()))
			.findFirst();
		boolean working = receiver && (referral.status() == ReferralStatus.ACCEPTED
				|| referral.status() == ReferralStatus.IN_PROGRESS || referral.status() == ReferralStatus.ON_HOLD);
		model.addAttribute("referral", referral);
		model.addAttribute("citizen", opened.view().citizen());
		model.addAttribute("seen", seen);
		model.addAttribute("sender", seen.actors().contains(Actor.SENDER));
		model.addAttribute("receiver", receiver);
		model.addAttribute("serviceName", serviceNames(staff).getOrDefault(referral.serviceId(), "Ukendt indsats"));
		model.addAttribute("unitNames", unitNames);
		model.addAttribute("people", people);
		model.addAttribute("reasons", reasons);
		model.addAttribute("reasonList", referrals.reasons());
		model.addAttribute("shared", shared);
		model.addAttribute("offersPlace", working && places.keepsPlacesOf(staff, referral.serviceId()));
		model.addAttribute("writesDecision", working && capacity.isPresent() && capacity.get().accessMode().needsDecision()
				&& capacity.get().decidingUnitId() != null && staff.belongsTo(capacity.get().decidingUnitId()));
		model.addAttribute("canCloseLoop", seen.actors().contains(Actor.SENDER) && referral.status().isFinal()
				&& referral.loopOpen());
		model.addAttribute("failedMove", failedMove);
		model.addAttribute("errors", errors);
		model.addAttribute("sent", sent);
		model.addAttribute("labels", new ReferralLabels(clock));
		return "referral/referral";
	}

	private Map<UUID, String> unitNames(StaffMember staff) {
		Map<UUID, String> names = new HashMap<>();
		municipalities.unitsOf(staff.municipalityId()).forEach(unit -> names.put(unit.id(), unit.name()));
		municipalities.partnersOf(staff.municipalityId()).forEach(partner -> names.put(partner.id(), partner.name()));
		return names;
	}

	private String unitName(StaffMember staff, UUID unitId) {
		return unitNames(staff).getOrDefault(unitId, "modtageren");
	}

	private Map<UUID, String> serviceNames(StaffMember staff) {
		Map<UUID, String> names = new HashMap<>();
		capacities.of(staff.municipalityId()).forEach(capacity -> names.put(capacity.serviceId(), capacity.serviceName()));
		services.activeOf(staff.municipalityId()).forEach(service -> names.put(service.id(), service.name()));
		return names;
	}
}
