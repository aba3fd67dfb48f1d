package dk.helhed.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.helhed.catalog.Services;
import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseUse;
import dk.helhed.citizen.CaseView;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.StaffDirectory;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.AccessRule.Scope;
import dk.helhed.platform.web.FormFields;
import dk.helhed.plan.internal.FfbTerms;
import dk.helhed.plan.internal.PlanResource;
import dk.helhed.plan.internal.Plans;
import dk.helhed.plan.internal.Plans.Basics;
import dk.helhed.plan.internal.Plans.GoalType;
import dk.helhed.plan.internal.Plans.Offer;
import dk.helhed.plan.internal.Plans.Outcome;
import dk.helhed.plan.internal.Plans.Participation;

/**
 * The one shared plan (handleplan, SEL § 141) on the citizen's case: the plan as the staff member may see it, its
 * earlier versions, and its forms. Each request opens the case once through the access gate (one audit row); a form
 * with mistakes is shown again from the same view, with a Danish message at each field.
 */
@Controller
class PlanController {

	static final int TEXT = 4000;

	private final CaseAccess caseAccess;
	private final Plans plans;
	private final FfbTerms terms;
	private final Services services;
	private final Municipalities municipalities;
	private final StaffDirectory staffDirectory;
	private final Clock clock;
	private final PlanCopyPdf pdf;
	private final MessageSource messages;

	PlanController(CaseAccess caseAccess, Plans plans, FfbTerms terms, Services services, Municipalities municipalities,
			StaffDirectory staffDirectory, Clock clock, PlanCopyPdf pdf, MessageSource messages) {
		this.pdf = pdf;
		this.messages = messages;
		this.caseAccess = caseAccess;
		this.plans = plans;
		this.terms = terms;
		this.services = services;
		this.municipalities = municipalities;
		this.staffDirectory = staffDirectory;
		this.clock = clock;
	}

	@GetMapping("/personale/borgere/{id}/plan")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN)
	String plan(@PathVariable UUID id, Model model) {
		var view = caseAccess.open(CurrentStaff.get(), id, CaseUse.read(PlanResource.PLAN));
		return page(view, null, Map.of(), Map.of(), model);
	}

	@GetMapping("/personale/borgere/{id}/plan/versioner/{number}")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN)
	String version(@PathVariable UUID id, @PathVariable int number, Model model) {
		var view = caseAccess.open(CurrentStaff.get(), id, CaseUse.read(PlanResource.PLAN));
		return page(view, number, Map.of(), Map.of(), model);
	}

	/** The citizen's own copy of the plan, in plain Danish (or plain English with sprog=en), as a page to print. */
	@GetMapping("/personale/borgere/{id}/plan/borgerens-kopi")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN)
	String citizensCopy(@PathVariable UUID id, @RequestParam(name = "sprog", required = false) String language,
			Model model, HttpServletResponse response) {
		var view = caseAccess.open(CurrentStaff.get(), id, CaseUse.read(PlanResource.CITIZENS_COPY));
		model.addAllAttributes(copy(view, false, CopyText.forLanguage(messages, language)));
		response.setHeader("Cache-Control", "no-store");
		return "plan/citizen-copy";
	}

	/** The citizen's own copy of the plan as a tagged PDF. */
	@GetMapping("/personale/borgere/{id}/plan/borgerens-kopi.pdf")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN)
	ResponseEntity<byte[]> citizensCopyPdf(@PathVariable UUID id,
			@RequestParam(name = "sprog", required = false) String language) {
		var view = caseAccess.open(CurrentStaff.get(), id, CaseUse.export(PlanResource.CITIZENS_COPY));
		var text = CopyText.forLanguage(messages, language);
		var bytes = pdf.render("plan/citizen-copy", copy(view, true, text));
		var name = (text.english() ? "your-plan-" : "din-plan-") + LocalDate.now(clock) + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(bytes);
	}

	private Map<String, Object> copy(CaseView view, boolean asPdf, CopyText text) {
		var plan = plans.find(view, null).orElse(null);
		Map<UUID, String> parties = parties(view.municipalityId());
		Set<String> contacts = new LinkedHashSet<>();
		if (plan != null) {
			plan.goals()
				.forEach(goal -> goal.actions()
					.forEach(action -> contacts.add(parties.getOrDefault(action.action().responsible().unitId() != null
							? action.action().responsible().unitId() : action.action().responsible().partnerId(), ""))));
		}
		if (view.party() != null) {
			contacts.add(parties.getOrDefault(view.party().unitId() != null ? view.party().unitId()
					: view.party().partnerId(), ""));
		}
		contacts.remove("");
		Map<String, Object> model = new HashMap<>();
		model.put("citizen", view.citizen());
		model.put("plan", plan);
		model.put("parties", parties);
		model.put("contacts", List.copyOf(contacts));
		model.put("labels", PlanLabels.DANISH);
		model.put("today", LocalDate.now(clock));
		model.put("pdf", asPdf);
		model.put("copy", text);
		return model;
	}

	private Map<UUID, String> parties(UUID municipalityId) {
		Map<UUID, String> parties = new HashMap<>();
		municipalities.unitsOf(municipalityId).forEach(unit -> parties.put(unit.id(), unit.name()));
		municipalities.partnersOf(municipalityId).forEach(partner -> parties.put(partner.id(), partner.name()));
		return parties;
	}

	@PostMapping("/personale/borgere/{id}/plan")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String saveBasics(@PathVariable UUID id, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return submit(id, fields, "basics", (view, errors) -> {
			var basics = new Basics(text(errors, fields, "borgerens-maal", "Borgerens mål med egne ord"),
					text(errors, fields, "formaal", "Formålet"), text(errors, fields, "indsats", "Den nødvendige indsats"),
					text(errors, fields, "varighed", "Den forventede varighed"),
					text(errors, fields, "andre-forhold", "Andre særlige forhold"),
					FormFields.choice(errors, "tilbud", fields.get("tilbud"), Offer.class,
							"Vælg, om planen er tilbudt, og hvad borgeren har svaret."),
					text(errors, fields, "nej-grund", "Grunden til nej"),
					FormFields.choice(errors, "deltagelse", fields.get("deltagelse"), Participation.class,
							"Vælg, hvordan borgeren var med."),
					text(errors, fields, "deltagelse-grund", "Grunden"), text(errors, fields, "deltagere", "Deltagere"),
					FormFields.date(errors, "foerste-opfoelgning", fields.get("foerste-opfoelgning"), false,
							"datoen for første opfølgning"));
			if (!errors.isEmpty()) {
				return null;
			}
			plans.saveBasics(view, CurrentStaff.get(), basics);
			return "Planen er gemt som en ny udgave.";
		}, "#planen", model, response, redirect);
	}

	@PostMapping("/personale/borgere/{id}/plan/maal")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String addGoal(@PathVariable UUID id, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return submit(id, fields, "goal", (view, errors) -> {
			var theme = required(errors, "tema", fields.get("tema"), "Vælg et undertema fra listen.");
			var level = required(errors, "maalniveau", fields.get("maalniveau"),
					"Vælg det funktionsevneniveau, målet sigter mod.");
			var type = FormFields.choice(errors, "maaltype", fields.get("maaltype"), GoalType.class,
					"Vælg måltypen: udvikle, fastholde eller begrænse tab.");
			var what = FormFields.text(errors, "hvad", fields.get("hvad"), TEXT, true, true, "Hvad målet er");
			var byWhen = FormFields.date(errors, "hvornaar", fields.get("hvornaar"), true, "hvornår målet skal være nået");
			var how = FormFields.text(errors, "hvordan", fields.get("hvordan"), TEXT, true, true,
					"Hvordan vi ved, at målet er nået");
			if (!errors.isEmpty()) {
				return null;
			}
			plans.addGoal(view, CurrentStaff.get(), theme, level, type, what, byWhen, how);
			return "Målet er lagt i planen.";
		}, "#maal", model, response, redirect);
	}

	@PostMapping("/personale/borgere/{id}/plan/indsatser")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String addAction(@PathVariable UUID id, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return submit(id, fields, "action", (view, errors) -> {
			var goal = required(errors, "maal", fields.get("maal"), "Vælg det mål, indsatsen hører til.");
			var responsible = required(errors, "ansvarlig", fields.get("ansvarlig"),
					"Vælg den enhed eller organisation, der har ansvaret.");
			UUID service = null;
			if (!FormFields.blank(fields.get("ydelse"))) {
				service = required(errors, "ydelse", fields.get("ydelse"), "Vælg en indsats fra kataloget.");
			}
			var description = FormFields.text(errors, "beskrivelse", fields.get("beskrivelse"), TEXT, true, true,
					"Hvad der skal ske");
			var start = FormFields.date(errors, "start", fields.get("start"), true, "startdatoen");
			var end = FormFields.date(errors, "slut", fields.get("slut"), false, "slutdatoen");
			if (!errors.isEmpty()) {
				return null;
			}
			plans.addAction(view, CurrentStaff.get(), goal, responsible, service, description, start, end);
			return "Indsatsen er lagt i planen.";
		}, "#maal", model, response, redirect);
	}

	@PostMapping("/personale/borgere/{id}/plan/opfoelgninger")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String addFollowUp(@PathVariable UUID id, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return submit(id, fields, "followup", (view, errors) -> {
			var heldOn = FormFields.date(errors, "dato", fields.get("dato"), true, "datoen for opfølgningen");
			var outcome = FormFields.choice(errors, "udfald", fields.get("udfald"), Outcome.class,
					"Vælg resultatet: fortsæt, afslut eller afslut og visitér til ny.");
			var evaluation = FormFields.text(errors, "evaluering", fields.get("evaluering"), TEXT, true, true,
					"Evalueringen");
			var next = FormFields.date(errors, "naeste", fields.get("naeste"), false, "datoen for næste opfølgning");
			if (!errors.isEmpty()) {
				return null;
			}
			plans.addFollowUp(view, CurrentStaff.get(), heldOn, outcome, evaluation, next);
			return "Opfølgningen er gemt.";
		}, "#opfoelgning", model, response, redirect);
	}

	@PostMapping("/personale/borgere/{id}/plan/klar")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String markReady(@PathVariable UUID id, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return submit(id, fields, "ready", (view, errors) -> {
			plans.markReady(view, CurrentStaff.get());
			return "Planen er klar.";
		}, "#planen", model, response, redirect);
	}

	interface Form {

		/** Carries the form out and returns the message, or returns null with the form's mistakes in errors. */
		String apply(CaseView view, Map<String, String> errors);
	}

	private String submit(UUID id, Map<String, String> fields, String form, Form action, String anchor, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var view = caseAccess.open(CurrentStaff.get(), id, CaseUse.update(PlanResource.PLAN, null));
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			var done = action.apply(view, errors);
			if (done != null && errors.isEmpty()) {
				redirect.addFlashAttribute("message", done);
				return "redirect:/personale/borgere/" + id + "/plan" + anchor;
			}
		}
		catch (InvalidRequestException ex) {
			errors.put(form, ex.getMessage());
		}
		response.setStatus(400);
		Map<String, String> sent = new HashMap<>();
		fields.forEach((name, value) -> sent.put(name, value == null || value.length() > TEXT ? "" : value));
		return page(view, null, errors, sent, model);
	}

	private static String text(Map<String, String> errors, Map<String, String> fields, String name, String what) {
		return FormFields.text(errors, name, fields.get(name), TEXT, false, true, what);
	}

	private static UUID required(Map<String, String> errors, String field, String value, String message) {
		var id = FormFields.uuid(value);
		if (id == null) {
			errors.put(field, message);
		}
		return id;
	}

	private String page(CaseView view, Integer number, Map<String, String> errors, Map<String, String> sent,
			Model model) {
		var plan = plans.find(view, number).orElse(null);
		var municipalityId = view.municipalityId();
		Map<UUID, String> parties = new HashMap<>();
		var units = municipalities.unitsOf(municipalityId);
		var partners = municipalities.partnersOf(municipalityId);
		units.forEach(unit -> parties.put(unit.id(), unit.name()));
		partners.forEach(partner -> parties.put(partner.id(), partner.name()));
		Map<UUID, String> people = new HashMap<>();
		staffDirectory.staffOf(municipalityId).forEach(person -> people.put(person.id(), person.displayName()));
		var version = terms.currentVersion();
		model.addAttribute("view", view);
		model.addAttribute("citizen", view.citizen());
		model.addAttribute("plan", plan);
		model.addAttribute("earlier", number != null && plan != null && number != plan.currentNumber());
		model.addAttribute("parties", parties);
		model.addAttribute("people", people);
		model.addAttribute("units", units);
		model.addAttribute("partners", partners);
		model.addAttribute("labels", PlanLabels.DANISH);
		model.addAttribute("canWork", view.ownCase() && (number == null || plan == null || number == plan.currentNumber()));
		model.addAttribute("goalThemes", terms.themes(version)
			.stream()
			.filter(theme -> theme.isSubTheme() && theme.rated() && view.sees(theme.category(), view.party()))
			.toList());
		model.addAttribute("levels", terms.levels(version).stream().filter(level -> level.score() != null).toList());
		model.addAttribute("catalog", services.activeOf(municipalityId));
		model.addAttribute("offers", Offer.values());
		model.addAttribute("participations", Participation.values());
		model.addAttribute("goalTypes", GoalType.values());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("errors", errors);
		model.addAttribute("sent", sent);
		return "plan/plan";
	}
}
