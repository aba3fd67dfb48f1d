package dk.helhed.citizen.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.helhed.catalog.Services;
import dk.helhed.citizen.CaseRecords.Citizen;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.Kind;
import dk.helhed.citizen.CaseRecords.LegalBasisCode;
import dk.helhed.citizen.CaseRecords.Note;
import dk.helhed.citizen.CaseRecords.Status;
import dk.helhed.citizen.CprNumber;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.CaseReading;
import dk.helhed.citizen.internal.Closing;
import dk.helhed.citizen.internal.EmergencyWork;
import dk.helhed.citizen.internal.Finding;
import dk.helhed.citizen.internal.NoteWriting;
import dk.helhed.citizen.internal.PartnerWork;
import dk.helhed.citizen.internal.Registration;
import dk.helhed.citizen.internal.SharingBases;
import dk.helhed.citizen.web.CitizenForms.AnonymousForm;
import dk.helhed.citizen.web.CitizenForms.ConsentForm;
import dk.helhed.citizen.web.CitizenForms.EmergencyForm;
import dk.helhed.citizen.web.CitizenForms.IdentifiedForm;
import dk.helhed.citizen.web.CitizenForms.LegalBasisForm;
import dk.helhed.citizen.web.CitizenForms.NoteForm;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffDirectory;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.AccessRule.Scope;

/**
 * The citizen pages of the privacy spine: finding a citizen by CPR number or name, registering one, the citizen's
 * page with its forms, and emergency access. Searches are POST forms whose results are rendered in the response,
 * so that no CPR number or name ever lands in a URL, a browser history or a server log (security.md item 12);
 * citizens are addressed by their UUID only. Every request that touches a citizen goes through the case-work use cases of {@code citizen.internal},
 * which decides access and writes the audit row.
 */
@Controller
class CitizenController {

	private final Finding finding;
	private final Registration registration;
	private final EmergencyWork emergencyWork;
	private final NoteWriting noteWriting;
	private final SharingBases sharing;
	private final Closing closing;
	private final PartnerWork partnerWork;
	private final CaseReading reading;
	private final Municipalities municipalities;
	private final StaffDirectory staffDirectory;
	private final Services services;
	private final Clock clock;

	CitizenController(Finding finding, Registration registration, EmergencyWork emergencyWork, NoteWriting noteWriting, SharingBases sharing, Closing closing, PartnerWork partnerWork, CaseReading reading, Municipalities municipalities, StaffDirectory staffDirectory,
			Services services, Clock clock) {
		this.finding = finding;
		this.registration = registration;
		this.emergencyWork = emergencyWork;
		this.noteWriting = noteWriting;
		this.sharing = sharing;
		this.closing = closing;
		this.partnerWork = partnerWork;
		this.reading = reading;
		this.municipalities = municipalities;
		this.staffDirectory = staffDirectory;
		this.services = services;
		this.clock = clock;
	}

	// Finding and registering

	@GetMapping("/personale/borgere")
	@AccessRule(Audience.CASE_WORKERS)
	String search(Model model) {
		return searchPage(model, Map.of());
	}

	@PostMapping("/personale/borgere/cpr")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_LOOKUP)
	String searchByCpr(@RequestParam(name = "cpr", required = false) String cpr, Model model,
			HttpServletResponse response) {
		var problem = CprNumber.problem(cpr);
		model.addAttribute("searchedCpr", clip(cpr, 20));
		if (problem != null) {
			response.setStatus(400);
			return searchPage(model, Map.of("search-cpr", problem));
		}
		model.addAttribute("results", finding.findByCpr(CurrentStaff.get(), cpr));
		model.addAttribute("searchedBy", "cpr");
		// Offered whenever nothing visible was found, whether the municipality knows the person or not: the page
		// must look the same in both cases (see emergencyAccess below).
		model.addAttribute("emergencyForm", new EmergencyForm(cpr.strip(), ""));
		return searchPage(model, Map.of());
	}

	@PostMapping("/personale/borgere/navn")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_LOOKUP)
	String searchByName(@RequestParam(name = "navn", required = false) String name, Model model,
			HttpServletResponse response) {
		model.addAttribute("searchedName", clip(name, 100));
		try {
			model.addAttribute("results", finding.findByName(CurrentStaff.get(), name));
			model.addAttribute("searchedBy", "name");
			return searchPage(model, Map.of());
		}
		catch (InvalidRequestException ex) {
			response.setStatus(400);
			return searchPage(model, Map.of("search-name", ex.getMessage()));
		}
	}

	@PostMapping("/personale/borgere")
	@AccessRule(value = Audience.CASE_WORKERS, personalData = true)
	String registerIdentified(@ModelAttribute("identifiedForm") IdentifiedForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var checked = form.check();
		Map<String, String> errors = new LinkedHashMap<>();
		checked.errors().forEach((field, message) -> errors.put("identified-" + field, message));
		if (errors.isEmpty()) {
			try {
				var citizen = registration.registerIdentified(CurrentStaff.get(), checked.value());
				redirect.addFlashAttribute("message", "Borgeren er registreret i din enheds sag.");
				return "redirect:/personale/borgere/" + citizen.id();
			}
			catch (Registration.KnownUnderAnotherName ex) {
				errors.put("identified-cpr", ex.getMessage());
				model.addAttribute("askCprChecked", true);
			}
			catch (InvalidRequestException ex) {
				errors.put("identified", ex.getMessage());
			}
		}
		response.setStatus(400);
		return searchPage(model, errors);
	}

	@PostMapping("/personale/borgere/anonym")
	@AccessRule(value = Audience.CASE_WORKERS, personalData = true)
	String registerAnonymous(@ModelAttribute("anonymousForm") AnonymousForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var checked = form.check();
		Map<String, String> errors = new LinkedHashMap<>();
		checked.errors().forEach((field, message) -> errors.put("anonymous-" + field, message));
		if (errors.isEmpty()) {
			try {
				var citizen = registration.registerAnonymous(CurrentStaff.get(), form.pseudonym(), checked.value());
				redirect.addFlashAttribute("message", "Den anonyme kontakt er registreret.");
				return "redirect:/personale/borgere/" + citizen.id();
			}
			catch (InvalidRequestException ex) {
				errors.put("anonymous", ex.getMessage());
			}
		}
		response.setStatus(400);
		return searchPage(model, errors);
	}

	/**
	 * Emergency access, asked for from a CPR search that found no citizen the staff member may see. The search result
	 * looks the same whether the municipality knows the person or not; only a request with a written reason (checked
	 * before the number is looked up, and flagged in the audit log whatever the answer) learns which it is.
	 */
	@PostMapping("/personale/borgere/noedadgang")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_LOOKUP)
	String emergencyAccess(@ModelAttribute("emergencyForm") EmergencyForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var errors = form.check();
		model.addAttribute("searchedBy", "cpr");
		model.addAttribute("results", List.of());
		if (!errors.isEmpty()) {
			Map<String, String> prefixed = new LinkedHashMap<>();
			errors.forEach((field, message) -> prefixed.put("emergency-" + field, message));
			response.setStatus(400);
			return searchPage(model, prefixed);
		}
		try {
			var access = emergencyWork.emergencyAccessByCpr(CurrentStaff.get(), form.cpr(), form.reason());
			redirect.addFlashAttribute("message", "Du har nødadgang til borgeren indtil kl. "
					+ Labels.DANISH_LABELS.time(access.expiresAt()) + ". Din teamleder får besked.");
			return "redirect:/personale/borgere/" + access.citizenId();
		}
		catch (EmergencyWork.NoEmergencyReviewer ex) {
			response.setStatus(403);
			return searchPage(model, Map.of("emergency-reason", ex.getMessage()));
		}
		catch (NotFoundException ex) {
			response.setStatus(404);
			model.addAttribute("emergencyForm", null);
			return searchPage(model, Map.of("emergency", "Kommunen har ingen borger med det CPR-nummer."));
		}
		catch (InvalidRequestException ex) {
			response.setStatus(400);
			return searchPage(model, Map.of("emergency-reason", ex.getMessage()));
		}
	}

	private String searchPage(Model model, Map<String, String> errors) {
		if (!model.containsAttribute("identifiedForm")) {
			model.addAttribute("identifiedForm", IdentifiedForm.empty());
		}
		if (!model.containsAttribute("anonymousForm")) {
			model.addAttribute("anonymousForm", AnonymousForm.empty());
		}
		model.addAttribute("errors", errors);
		return "citizen/search";
	}

	// The citizen's page

	@GetMapping("/personale/borgere/{id}")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN)
	String citizen(@PathVariable UUID id, Model model) {
		return citizenPage(id, model, Map.of());
	}

	@PostMapping("/personale/borgere/{id}/notater")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String writeNote(@PathVariable UUID id, @ModelAttribute("noteForm") NoteForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return submit(id, form.check(), "note", "note", note -> noteWriting.writeNote(CurrentStaff.get(), id, note.category(),
				form.text(), note.serviceId()), "Notatet er gemt.", "#notater", model, response, redirect);
	}

	@PostMapping("/personale/borgere/{id}/samtykker")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String recordConsent(@PathVariable UUID id, @ModelAttribute("consentForm") ConsentForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return submit(id, form.check(), "consent", "consent", consent -> sharing.recordConsent(CurrentStaff.get(), id, consent),
				"Samtykket er registreret.", "#samtykker", model, response, redirect);
	}

	/** What withdrawing the consent does, and to whom, before it is done (works without JavaScript). */
	@GetMapping("/personale/borgere/{id}/samtykker/{consentId}/tilbagekald")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String confirmWithdrawal(@PathVariable UUID id, @PathVariable UUID consentId, Model model) {
		return withdrawalPage(id, consentId, "", Map.of(), model);
	}

	@PostMapping("/personale/borgere/{id}/samtykker/{consentId}/tilbagekald")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String withdrawConsent(@PathVariable UUID id, @PathVariable UUID consentId,
			@RequestParam(name = "ord", required = false) String words, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			sharing.withdrawConsent(CurrentStaff.get(), id, consentId, words);
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (InvalidRequestException ex) {
			response.setStatus(400);
			return withdrawalPage(id, consentId, clip(words, 600), Map.of("withdraw-words", ex.getMessage()), model);
		}
		redirect.addFlashAttribute("message", "Kvittering: samtykket er trukket tilbage i dag. Det giver ikke længere "
				+ "adgang, og de enheder, det gjaldt, har fået besked. Borgerens ord er gemt ved samtykket.");
		return "redirect:/personale/borgere/" + id + "#samtykker";
	}

	private String withdrawalPage(UUID id, UUID consentId, String words, Map<String, String> errors, Model model) {
		var staff = CurrentStaff.get();
		var consent = sharing.consentToWithdraw(staff, id, consentId);
		model.addAttribute("citizenId", id);
		model.addAttribute("consent", consent);
		model.addAttribute("parties", partyNames(staff.municipalityId()));
		model.addAttribute("words", words);
		model.addAttribute("errors", errors);
		model.addAttribute("action", "withdraw");
		return "citizen/confirm";
	}

	/** The staff member's unit confirms that what it holds is passed on under the consent (security.md item 3a). */
	@PostMapping("/personale/borgere/{id}/samtykker/{consentId}/bekraeft")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String confirmConsent(@PathVariable UUID id, @PathVariable UUID consentId, RedirectAttributes redirect) {
		sharing.confirmConsent(CurrentStaff.get(), id, consentId);
		redirect.addFlashAttribute("message", "Din enheds oplysninger i samtykkets kategorier deles nu med modtagerne.");
		return "redirect:/personale/borgere/" + id + "#samtykker";
	}

	@PostMapping("/personale/borgere/{id}/lovgrundlag")
	@AccessRule(value = Audience.TEAM_LEADS, scope = Scope.CITIZEN_CASE)
	String recordLegalBasis(@PathVariable UUID id, @ModelAttribute("basisForm") LegalBasisForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return submit(id, form.check(), "basis", "legal basis", basis -> sharing.recordLegalBasis(CurrentStaff.get(), id,
				basis.code(), basis.categories(), basis.recipient(), basis.validUntil()), "Lovgrundlaget er registreret.",
				"#lovgrundlag", model, response, redirect);
	}

	/**
	 * A form of the citizen's page, sent: carried out, or shown again with its mistakes (400). Whether the sender may
	 * work with the citizen at all is decided before any mistake is shown, so that a form sent with mistakes tells an
	 * outsider nothing; the page shown with them writes the request's one audit row.
	 *
	 * @param form the form's name in the error map
	 * @param resource what the form concerns, as the audit log names it
	 */
	private <T> String submit(UUID id, CitizenForms.Checked<T> checked, String form, String resource,
			Consumer<T> action, String done, String anchor, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>(checked.errors());
		if (!errors.isEmpty()) {
			closing.requireOwnCase(CurrentStaff.get(), id, resource);
		}
		else {
			try {
				action.accept(checked.value());
				redirect.addFlashAttribute("message", done);
				return "redirect:/personale/borgere/" + id + anchor;
			}
			catch (InvalidRequestException ex) {
				errors.put(form, ex.getMessage());
			}
		}
		response.setStatus(400);
		return citizenPage(id, model, errors);
	}

	/** "Afslut vores sag": what it will do, and to whom, before it is done. */
	@GetMapping("/personale/borgere/{id}/afslut")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String confirmEndOurCase(@PathVariable UUID id, Model model) {
		var staff = CurrentStaff.get();
		model.addAttribute("ending", closing.whatEndingOurCaseDoes(staff, id));
		model.addAttribute("citizenId", id);
		model.addAttribute("parties", partyNames(staff.municipalityId()));
		model.addAttribute("errors", Map.of());
		model.addAttribute("action", "end");
		return "citizen/confirm";
	}

	/** The unit ends its own case; it no longer sees the citizen, so the receipt is shown on the search page. */
	@PostMapping("/personale/borgere/{id}/afslut")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String endOurCase(@PathVariable UUID id, RedirectAttributes redirect) {
		boolean closed = closing.endOurCase(CurrentStaff.get(), id);
		redirect.addFlashAttribute("message", closed
				? "Kvittering: jeres sag er afsluttet i dag. Ingen andre enheder arbejdede med borgeren, så sagen er "
						+ "lukket, og opbevaringsperioden er begyndt. Registrér borgeren igen for at genåbne sagen."
				: "Kvittering: jeres sag er afsluttet i dag. I kan ikke længere se borgeren. De andre enheder arbejder "
						+ "videre; sagen er stadig åben hos dem.");
		return "redirect:/personale/borgere";
	}

	/** A team lead closes the record for every unit, with a reason: what it will do, before it is done. */
	@GetMapping("/personale/borgere/{id}/luk")
	@AccessRule(value = Audience.TEAM_LEADS, scope = Scope.CITIZEN_CASE)
	String confirmClose(@PathVariable UUID id, Model model) {
		return closePage(id, "", Map.of(), model);
	}

	@PostMapping("/personale/borgere/{id}/luk")
	@AccessRule(value = Audience.TEAM_LEADS, scope = Scope.CITIZEN_CASE)
	String close(@PathVariable UUID id, @RequestParam(name = "begrundelse", required = false) String reason,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			closing.closeRecord(CurrentStaff.get(), id, reason);
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (InvalidRequestException ex) {
			response.setStatus(400);
			return closePage(id, clip(reason, 400), Map.of("close-reason", ex.getMessage()), model);
		}
		redirect.addFlashAttribute("message", "Kvittering: sagen er lukket i dag for alle enheder. Opbevaringsperioden "
				+ "er begyndt. En enhed, der har arbejdet med borgeren, kan genåbne sagen ved at registrere borgeren igen.");
		return "redirect:/personale/borgere";
	}

	private String closePage(UUID id, String reason, Map<String, String> errors, Model model) {
		var staff = CurrentStaff.get();
		model.addAttribute("ending", closing.whatEndingOurCaseDoes(staff, id));
		model.addAttribute("citizenId", id);
		model.addAttribute("parties", partyNames(staff.municipalityId()));
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		model.addAttribute("action", "close");
		return "citizen/confirm";
	}

	// A partner organisation, involved by a unit of the case (issue 8)

	/**
	 * "Inddrag en samarbejdspartner": the organisation and the reason, checked, and what it will do, before it is done
	 * (a POST, so that the reason never lands in an address).
	 */
	@PostMapping("/personale/borgere/{id}/samarbejdspartnere/bekraeft")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String confirmInvolvePartner(@PathVariable UUID id, @RequestParam(name = "organisation", required = false) String organisation,
			@RequestParam(name = "begrundelse", required = false) String reason, Model model,
			HttpServletResponse response) {
		var staff = CurrentStaff.get();
		var errors = partnerFormErrors(staff, id, organisation, reason);
		if (errors.isEmpty()) {
			try {
				model.addAttribute("involving",
						partnerWork.whatInvolvingAPartnerDoes(staff, id, FormValues.uuid(organisation), reason));
				model.addAttribute("citizenId", id);
				model.addAttribute("parties", partyNames(staff.municipalityId()));
				model.addAttribute("errors", Map.of());
				model.addAttribute("action", "involve-partner");
				return "citizen/confirm";
			}
			catch (NotFoundException ex) {
				throw ex;
			}
			catch (InvalidRequestException ex) {
				errors.put("partner-organisation", ex.getMessage());
			}
		}
		return partnerFormRefused(id, organisation, reason, errors, model, response);
	}

	@PostMapping("/personale/borgere/{id}/samarbejdspartnere")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String involvePartner(@PathVariable UUID id, @RequestParam(name = "organisation", required = false) String organisation,
			@RequestParam(name = "begrundelse", required = false) String reason, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var errors = partnerFormErrors(staff, id, organisation, reason);
		if (errors.isEmpty()) {
			try {
				var partnerId = FormValues.uuid(organisation);
				partnerWork.involvePartner(staff, id, partnerId, reason);
				redirect.addFlashAttribute("message", "Kvittering: " + partyNames(staff.municipalityId()).get(partnerId)
						+ " er med i borgerens sag fra i dag. Organisationen ser sine egne notater og kun det, et "
						+ "samtykke fra den enhed, der har oplysningerne, giver den. De andre enheder i sagen har fået besked.");
				return "redirect:/personale/borgere/" + id + "#samarbejdspartnere";
			}
			catch (NotFoundException ex) {
				throw ex;
			}
			catch (InvalidRequestException ex) {
				errors.put("partner-organisation", ex.getMessage());
			}
		}
		return partnerFormRefused(id, organisation, reason, errors, model, response);
	}

	/** The reason is checked here for its field; the organisation by case work, which decides access first. */
	private Map<String, String> partnerFormErrors(dk.helhed.identity.StaffMember staff, UUID id, String organisation,
			String reason) {
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			PartnerWork.involvementReason(reason);
		}
		catch (InvalidRequestException ex) {
			errors.put("partner-reason", ex.getMessage());
		}
		if (!errors.isEmpty()) {
			partnerWork.requirePartnerWork(staff, id);
		}
		return errors;
	}

	private String partnerFormRefused(UUID id, String organisation, String reason, Map<String, String> errors,
			Model model, HttpServletResponse response) {
		response.setStatus(400);
		model.addAttribute("partnerForm", Map.of("organisation", clip(organisation, 40), "reason", clip(reason, 400)));
		return citizenPage(id, model, errors);
	}

	/** Ending a partner organisation's work with the citizen, from the municipal side: what it will do, first. */
	@GetMapping("/personale/borgere/{id}/samarbejdspartnere/afslut")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String confirmEndPartner(@PathVariable UUID id, @RequestParam(name = "organisation", required = false) String organisation,
			Model model, HttpServletResponse response) {
		var staff = CurrentStaff.get();
		try {
			model.addAttribute("involving", partnerWork.whatEndingAPartnerDoes(staff, id, FormValues.uuid(organisation)));
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (InvalidRequestException ex) {
			response.setStatus(400);
			return citizenPage(id, model, Map.of("partner", ex.getMessage()));
		}
		model.addAttribute("citizenId", id);
		model.addAttribute("parties", partyNames(staff.municipalityId()));
		model.addAttribute("errors", Map.of());
		model.addAttribute("action", "end-partner");
		return "citizen/confirm";
	}

	@PostMapping("/personale/borgere/{id}/samarbejdspartnere/afslut")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String endPartner(@PathVariable UUID id, @RequestParam(name = "organisation", required = false) String organisation,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var partnerId = FormValues.uuid(organisation);
		try {
			partnerWork.endPartner(staff, id, partnerId);
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (InvalidRequestException ex) {
			response.setStatus(400);
			return citizenPage(id, model, Map.of("partner", ex.getMessage()));
		}
		redirect.addFlashAttribute("message", "Kvittering: " + partyNames(staff.municipalityId()).get(partnerId)
				+ " arbejder ikke længere med borgeren fra i dag og ser ikke længere sin egen sag. Et samtykke, der "
				+ "nævner organisationen, gælder, til det udløber eller trækkes tilbage. De andre enheder i sagen har fået "
				+ "besked.");
		return "redirect:/personale/borgere/" + id + "#samarbejdspartnere";
	}

	private Map<UUID, String> partyNames(UUID municipalityId) {
		Map<UUID, String> parties = new HashMap<>();
		municipalities.unitsOf(municipalityId).forEach(unit -> parties.put(unit.id(), unit.name()));
		municipalities.partnersOf(municipalityId).forEach(partner -> parties.put(partner.id(), partner.name()));
		return parties;
	}

	private String citizenPage(UUID id, Model model, Map<String, String> errors) {
		var staff = CurrentStaff.get();
		var page = reading.open(staff, id);
		var municipalityId = staff.municipalityId();
		var units = municipalities.unitsOf(municipalityId);
		var partners = municipalities.partnersOf(municipalityId);
		Map<UUID, String> parties = new HashMap<>();
		units.forEach(unit -> parties.put(unit.id(), unit.name()));
		partners.forEach(partner -> parties.put(partner.id(), partner.name()));
		Map<UUID, String> people = new HashMap<>();
		staffDirectory.staffOf(municipalityId).forEach(person -> people.put(person.id(), person.displayName()));
		model.addAttribute("page", page);
		model.addAttribute("citizen", page.citizen());
		model.addAttribute("parties", parties);
		model.addAttribute("people", people);
		model.addAttribute("units", units);
		model.addAttribute("partners", partners);
		model.addAttribute("categories", InformationCategory.values());
		model.addAttribute("noteCategories", List.of(InformationCategory.values())
			.stream()
			.filter(category -> !category.needsOwnPermission() || staff.has(Role.CRIMINAL_MATTERS))
			.toList());
		// The services a note can be written in; a note keeps naming its service after the service is retired.
		var offered = services.activeOf(municipalityId);
		Map<UUID, String> serviceNames = new HashMap<>();
		offered.forEach(service -> serviceNames.put(service.id(), service.name()));
		page.notes()
			.stream()
			.map(Note::serviceId)
			.filter(serviceId -> serviceId != null && !serviceNames.containsKey(serviceId))
			.distinct()
			.forEach(serviceId -> services.find(municipalityId, serviceId)
				.ifPresent(service -> serviceNames.put(serviceId, service.name())));
		model.addAttribute("noteServices", offered);
		model.addAttribute("serviceNames", serviceNames);
		model.addAttribute("givenHows", GivenHow.values());
		model.addAttribute("legalBasisCodes", LegalBasisCode.values());
		model.addAttribute("today", today());
		var open = page.ownCase() && page.citizen().status() == Status.OPEN;
		model.addAttribute("canWork", open);
		model.addAttribute("canRecordLegalBasis",
				open && staff.has(Role.TEAM_LEAD));
		model.addAttribute("canJoin", open && page.citizen().kind() == Kind.ANONYMOUS);
		model.addAttribute("throughEmergency", page.emergency() != null && !page.ownCase());
		if (!model.containsAttribute("noteForm")) {
			model.addAttribute("noteForm", NoteForm.empty());
		}
		if (!model.containsAttribute("consentForm")) {
			model.addAttribute("consentForm", ConsentForm.empty(today()));
		}
		if (!model.containsAttribute("basisForm")) {
			model.addAttribute("basisForm", LegalBasisForm.empty());
		}
		var involvedPartners = page.involvements()
			.stream()
			.filter(involvement -> involvement.partnerId() != null && involvement.activeOn(today()))
			.toList();
		var involvedPartnerIds = involvedPartners.stream().map(involvement -> involvement.partnerId()).toList();
		model.addAttribute("sharing", sharing(page, parties, people));
		model.addAttribute("involvedPartners", involvedPartners);
		model.addAttribute("partnersToInvolve",
				partners.stream().filter(partner -> !involvedPartnerIds.contains(partner.id())).toList());
		model.addAttribute("canInvolvePartners", open && staff.partnerId() == null);
		if (!model.containsAttribute("partnerForm")) {
			model.addAttribute("partnerForm", Map.of("organisation", "", "reason", ""));
		}
		model.addAttribute("errors", errors);
		return "citizen/citizen";
	}

	/**
	 * Who may read each note and on which ground, in words (issue 10): the readers the access policy gives, each as
	 * "Jobcenteret (egen sag)", "Visitation & Understøttelse (samtykke af 1. december 2026)", "… (lovgrundlag: …)" or
	 * "<name>, <unit> (nødadgang)".
	 */
	private static Map<UUID, List<String>> sharing(CaseReading.CitizenPage page, Map<UUID, String> parties,
			Map<UUID, String> people) {
		Map<UUID, dk.helhed.citizen.CaseRecords.Consent> consents = new HashMap<>();
		page.consents().forEach(consent -> consents.put(consent.id(), consent));
		Map<UUID, List<String>> sharing = new HashMap<>();
		for (var note : page.notes()) {
			sharing.put(note.id(), page.readersOf(note).stream().map(reader -> {
				var party = reader.party() == null ? null
						: parties.get(reader.party().unitId() != null ? reader.party().unitId() : reader.party().partnerId());
				var name = party == null ? "Ukendt enhed" : party;
				return switch (reader.basis()) {
					case OWN_CASE -> name + " (egen sag)";
					case CONSENT -> {
						var consent = consents.get(FormValues.uuid(reader.reference()));
						yield name + (consent == null ? " (samtykke)"
								: " (samtykke af " + Labels.DANISH_LABELS.date(consent.givenOn()) + ")");
					}
					case LEGAL_BASIS -> name + " (lovgrundlag: " + Labels.DANISH_LABELS.of(reader.reference()) + ")";
					case EMERGENCY -> (people.getOrDefault(reader.emergencyStaffId(), "En medarbejder")) + ", " + name
							+ " (nødadgang)";
					default -> name + " (" + Labels.DANISH_LABELS.of(reader.basis()) + ")";
				};
			}).toList());
		}
		return sharing;
	}

	// Joining an anonymous contact with an identified citizen, with the citizen's agreement

	@PostMapping("/personale/borgere/{id}/sammenlaeg/find")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String findToJoin(@PathVariable UUID id, @RequestParam(name = "cpr", required = false) String cpr, Model model,
			HttpServletResponse response) {
		var staff = CurrentStaff.get();
		closing.requireOwnCase(staff, id, "join");
		var problem = CprNumber.problem(cpr);
		if (problem != null) {
			response.setStatus(400);
			return citizenPage(id, model, Map.of("join-cpr", problem));
		}
		var found = finding.findByCpr(staff, cpr);
		model.addAttribute("anonymousId", id);
		model.addAttribute("identified", found.isEmpty() ? null : found.getFirst());
		model.addAttribute("errors", Map.of());
		return "citizen/join";
	}

	@PostMapping("/personale/borgere/{id}/sammenlaeg")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String join(@PathVariable UUID id, @RequestParam(name = "identificeret", required = false) String identifiedId,
			@RequestParam(name = "samtykke", required = false) String agreed, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		closing.requireOwnCase(staff, id, "join");
		var target = FormValues.uuid(identifiedId);
		if (target == null) {
			throw new InvalidRequestException("Vælg den identificerede borger igen.");
		}
		if (!"ja".equals(agreed)) {
			Citizen identified = reading.open(staff, target).citizen();
			response.setStatus(400);
			model.addAttribute("anonymousId", id);
			model.addAttribute("identified", identified);
			model.addAttribute("errors", Map.of("join-agreed",
					"Sæt kryds, når borgeren har sagt ja til, at kontakten lægges sammen med sagen."));
			return "citizen/join";
		}
		registration.joinAnonymous(staff, id, target);
		redirect.addFlashAttribute("message", "Den anonyme kontakt er lagt sammen med borgerens sag.");
		return "redirect:/personale/borgere/" + target;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static String clip(String value, int max) {
		if (value == null) {
			return "";
		}
		return value.length() > max ? value.substring(0, max) : value;
	}
}
