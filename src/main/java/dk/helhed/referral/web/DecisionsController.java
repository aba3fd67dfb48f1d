package dk.helhed.referral.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

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

import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseUse;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.AccessRule.Scope;
import dk.helhed.platform.web.FormFields;
import dk.helhed.referral.ReferralResource;
import dk.helhed.referral.internal.Decisions;
import dk.helhed.referral.internal.Decisions.NewDecision;
import dk.helhed.referral.internal.Decisions.Outcome;

/**
 * Assessment decisions on a citizen's case: the form (on the legal references in force today), a confirmation page
 * before the decision is made (it cannot be undone), and the decision letter as a page to print and as a PDF. Each
 * request opens the citizen's case once through the access gate.
 */
@Controller
class DecisionsController {

	static final int REASONS = 4000;

	static final int GRANTED = 1000;

	private final CaseAccess caseAccess;
	private final Decisions decisions;
	private final Clock clock;

	DecisionsController(CaseAccess caseAccess, Decisions decisions, Clock clock) {
		this.caseAccess = caseAccess;
		this.decisions = decisions;
		this.clock = clock;
	}

	@GetMapping("/personale/borgere/{id}/afgoerelser/ny")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN)
	String form(@PathVariable UUID id, @RequestParam(name = "ydelse", required = false) String service,
			@RequestParam(name = "henvisning", required = false) String referral, Model model) {
		var view = caseAccess.open(CurrentStaff.get(), id, CaseUse.read(ReferralResource.DECISION));
		Map<String, String> sent = new HashMap<>();
		var serviceId = FormFields.uuid(service);
		if (serviceId != null) {
			sent.put("ydelse", serviceId.toString());
		}
		var referralId = FormFields.uuid(referral);
		if (referralId != null) {
			sent.put("henvisning", referralId.toString());
		}
		return page(view.citizen(), Map.of(), sent, model);
	}

	private String page(dk.helhed.citizen.CaseRecords.Citizen citizen, Map<String, String> errors,
			Map<String, String> sent, Model model) {
		var staff = CurrentStaff.get();
		model.addAttribute("citizen", citizen);
		model.addAttribute("services", decisions.decidedBy(staff));
		model.addAttribute("references", decisions.legalReferences(LocalDate.now(clock)));
		// In the order of Outcome: the page's radio group lists them so (layout/fields :: radios).
		Map<String, String> labels = new LinkedHashMap<>();
		for (var outcome : Outcome.values()) {
			labels.put(outcome.name(), outcomeLabel(outcome));
		}
		model.addAttribute("outcomeLabels", labels);
		model.addAttribute("decisions", decisions.ofCitizen(staff.municipalityId(), citizen.id()));
		model.addAttribute("serviceNames", serviceNames(staff.municipalityId()));
		model.addAttribute("errors", errors);
		model.addAttribute("sent", sent);
		model.addAttribute("format", new PlacesController.Format());
		return "referral/decision-form";
	}

	private Map<UUID, String> serviceNames(UUID municipalityId) {
		Map<UUID, String> names = new HashMap<>();
		decisions.serviceNames(municipalityId).forEach(names::put);
		return names;
	}

	static String outcomeLabel(Outcome outcome) {
		return switch (outcome) {
			case GRANTED -> "Bevilget";
			case PARTLY_GRANTED -> "Delvist bevilget";
			case REFUSED -> "Afslået";
		};
	}

	@PostMapping("/personale/borgere/{id}/afgoerelser")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String decide(@PathVariable UUID id, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		Map<String, String> errors = new LinkedHashMap<>();
		var service = FormFields.uuid(fields.get("ydelse"));
		if (service == null) {
			errors.put("ydelse", "Vælg den indsats, afgørelsen gælder.");
		}
		UUID referral = null;
		if (!FormFields.blank(fields.get("henvisning"))) {
			referral = FormFields.uuid(fields.get("henvisning"));
			if (referral == null) {
				errors.put("decision", "Henvisningen hører ikke til borgeren og indsatsen.");
			}
		}
		var outcome = FormFields.choice(errors, "udfald", fields.get("udfald"), Outcome.class,
				"Vælg, om borgeren får det søgte, en del af det eller ikke får det.");
		var legal = FormFields.text(errors, "lovgrundlag", fields.get("lovgrundlag"), 30, true, false,
				"Lovgrundlaget");
		String granted = null;
		if (outcome != Outcome.REFUSED) {
			granted = FormFields.text(errors, "bevilget", fields.get("bevilget"), GRANTED, outcome != null, true,
					"Det, borgeren får,");
		}
		var reasons = FormFields.text(errors, "begrundelse", fields.get("begrundelse"), REASONS, true, true,
				"Begrundelsen");
		if (legal != null && decisions.legalReferences(LocalDate.now(clock))
			.stream()
			.noneMatch(reference -> reference.code().equals(fields.get("lovgrundlag").strip()))) {
			errors.put("lovgrundlag", "Vælg lovgrundlaget fra listen.");
		}
		if (errors.isEmpty() && !"ja".equals(fields.get("bekraeft"))) {
			var view = caseAccess.open(staff, id, CaseUse.read(ReferralResource.DECISION));
			var code = legal;
			model.addAttribute("citizen", view.citizen());
			model.addAttribute("fields", fields);
			model.addAttribute("outcome", outcomeLabel(outcome));
			model.addAttribute("complaint", outcome != Outcome.GRANTED);
			model.addAttribute("legal", decisions.legalReferences(LocalDate.now(clock))
				.stream()
				.filter(reference -> reference.code().equals(code))
				.findFirst()
				.orElseThrow());
			model.addAttribute("serviceName", serviceNames(staff.municipalityId()).getOrDefault(service, ""));
			return "referral/decision-confirm";
		}
		if (errors.isEmpty()) {
			try {
				var decision = decisions.decide(staff,
						new NewDecision(id, service, referral, outcome, legal, granted, reasons));
				redirect.addFlashAttribute("message", "Kvittering: afgørelsen er truffet og gemt "
						+ PlacesController.DATE_TIME.format(clock.instant().atZone(PlacesController.DANISH_TIME))
						+ ". Brevet til borgeren står herunder. Print det, eller hent det som PDF.");
				return "redirect:/personale/borgere/" + id + "/afgoerelser/" + decision.id();
			}
			catch (InvalidRequestException ex) {
				errors.put("decision", ex.getMessage());
			}
		}
		response.setStatus(400);
		var view = caseAccess.open(staff, id, CaseUse.read(ReferralResource.DECISION));
		Map<String, String> sent = new HashMap<>();
		fields.forEach((name, value) -> sent.put(name, value == null || value.length() > REASONS ? "" : value));
		return page(view.citizen(), errors, sent, model);
	}

	/** The decision, if it is about this citizen; otherwise a refusal (logged) and "not found". */
	private Decisions.Decision decisionOf(UUID citizenId, UUID decisionId, CaseUse use) {
		var staff = CurrentStaff.get();
		var decision = decisions.find(staff.municipalityId(), decisionId)
			.filter(found -> found.citizenId().equals(citizenId));
		if (decision.isEmpty()) {
			caseAccess.refuse(staff, citizenId, use);
			throw new NotFoundException("Afgørelsen findes ikke.");
		}
		return decision.get();
	}

	@GetMapping("/personale/borgere/{id}/afgoerelser/{decisionId}")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN)
	String letter(@PathVariable UUID id, @PathVariable UUID decisionId, Model model, HttpServletResponse response) {
		var decision = decisionOf(id, decisionId, CaseUse.read(ReferralResource.DECISION, decisionId));
		model.addAttribute("letter", decisions.letter(CurrentStaff.get(), decision.id()));
		model.addAttribute("decision", decision);
		model.addAttribute("outcome", outcomeLabel(decision.outcome()));
		model.addAttribute("citizenId", id);
		response.setHeader("Cache-Control", "no-store");
		return "referral/decision";
	}

	@GetMapping("/personale/borgere/{id}/afgoerelser/{decisionId}.pdf")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN)
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable UUID decisionId) {
		var decision = decisionOf(id, decisionId, CaseUse.read(ReferralResource.DECISION, decisionId));
		var letter = decisions.letter(CurrentStaff.get(), decision.id());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("afgoerelse-" + decision.decidedOn() + ".pdf")
				.build()
				.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(decisions.pdf(letter));
	}
}
