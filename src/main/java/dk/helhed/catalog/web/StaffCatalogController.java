package dk.helhed.catalog.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.Charge;
import dk.helhed.catalog.Service;
import dk.helhed.catalog.Situation;
import dk.helhed.catalog.internal.CatalogEditing;
import dk.helhed.catalog.internal.CatalogEditing.Conflict;
import dk.helhed.catalog.internal.CatalogEditing.Proposed;
import dk.helhed.catalog.internal.CatalogEditing.Saved;
import dk.helhed.catalog.internal.CatalogEditing.Unchanged;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.catalog.internal.ChangeRequests;
import dk.helhed.catalog.internal.ServiceHistory;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffDirectory;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.AccessRule.Scope;

/**
 * The staff side of the catalog: the editor's overview, the list of services, the service form with preview, the
 * history, one-click verification, free places, retiring and restoring, and the review of proposed changes.
 */
@Controller
class StaffCatalogController {

	private final CatalogEditing editing;
	private final Catalogs catalogs;
	private final ChangeRequests changeRequests;
	private final ServiceHistory history;
	private final StaffDirectory staffDirectory;
	private final Clock clock;

	StaffCatalogController(CatalogEditing editing, Catalogs catalogs, ChangeRequests changeRequests,
			ServiceHistory history, StaffDirectory staffDirectory, Clock clock) {
		this.editing = editing;
		this.catalogs = catalogs;
		this.changeRequests = changeRequests;
		this.history = history;
		this.staffDirectory = staffDirectory;
		this.clock = clock;
	}

	@GetMapping("/personale")
	@AccessRule(Audience.STAFF)
	String overview(Model model) {
		var staff = CurrentStaff.get();
		var catalog = catalogs.of(staff.municipalityId());
		var overdue = editing.overdue(staff);
		var overdueDays = new java.util.HashMap<UUID, Long>();
		overdue.forEach(service -> overdueDays.put(service.id(), ChronoUnit.DAYS.between(service.reviewDue(), today())));
		var pending = staff.has(Role.CATALOG_EDITOR) ? changeRequests.pending(staff.municipalityId())
				: List.<ChangeRequests.ChangeRequest>of();
		var mine = changeRequests.proposedBy(staff.municipalityId(), staff.id());
		var proposalFields = new java.util.HashMap<UUID, String>();
		java.util.stream.Stream.concat(pending.stream(), mine.stream())
			.forEach(request -> proposalFields.put(request.id(), request.summaryFields()
				.stream()
				.map(field -> FieldLabels.DANISH.getOrDefault(field, field))
				.collect(java.util.stream.Collectors.joining(", "))));
		model.addAttribute("catalog", catalog);
		model.addAttribute("overdue", overdue);
		model.addAttribute("overdueDays", overdueDays);
		model.addAttribute("pending", pending);
		model.addAttribute("myProposals", mine);
		model.addAttribute("proposalFields", proposalFields);
		model.addAttribute("serviceNames", serviceNames(staff));
		model.addAttribute("today", today());
		return "staff/overview";
	}

	@GetMapping("/personale/indsatser")
	@AccessRule(Audience.STAFF)
	String services(Model model) {
		var staff = CurrentStaff.get();
		model.addAttribute("catalog", catalogs.of(staff.municipalityId()));
		model.addAttribute("services", editing.editable(staff)
			.stream()
			.sorted(Comparator.comparing(Service::name, java.text.Collator.getInstance(java.util.Locale.of("da"))))
			.toList());
		model.addAttribute("today", today());
		model.addAttribute("canCreate", editing.canEditDirectly(staff));
		return "staff/services";
	}

	@GetMapping("/personale/indsatser/ny")
	@AccessRule(Audience.CATALOG_EDITORS)
	String newService(Model model) {
		var staff = CurrentStaff.get();
		if (!editing.canEditDirectly(staff)) {
			throw new org.springframework.security.access.AccessDeniedException("Catalog editor role required");
		}
		return form(model, staff, null, ServiceForm.empty(), Map.of());
	}

	@PostMapping("/personale/indsatser")
	@AccessRule(Audience.CATALOG_EDITORS)
	String create(@ModelAttribute ServiceForm form, @RequestParam(defaultValue = "gem") String handling, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var catalog = catalogs.of(staff.municipalityId());
		var checked = form.check(catalog, staff.municipalityId(), true);
		if (!checked.valid()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, staff, null, form.withBlankRows(), checked.errors());
		}
		if (handling.equals("vis")) {
			model.addAttribute("preview", Service.create(UUID.randomUUID(), staff.municipalityId(), form.key().strip(),
					checked.content().verifiedOn(today()), clock.instant()));
			return form(model, staff, null, form.withBlankRows(), Map.of());
		}
		var service = editing.create(staff, form.key().strip(), checked.content());
		redirect.addFlashAttribute("message", "Indsatsen „" + service.name() + "“ er oprettet.");
		return "redirect:/personale/indsatser/" + service.id();
	}

	@GetMapping("/personale/indsatser/{id}")
	@AccessRule(value = Audience.STAFF, scope = Scope.SERVICE)
	String edit(@PathVariable UUID id, Model model) {
		var staff = CurrentStaff.get();
		var service = editing.get(staff, id);
		return form(model, staff, service, ServiceForm.of(service), Map.of());
	}

	@PostMapping("/personale/indsatser/{id}")
	@AccessRule(value = Audience.STAFF, scope = Scope.SERVICE)
	String save(@PathVariable UUID id, @ModelAttribute ServiceForm form,
			@RequestParam(defaultValue = "gem") String handling, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var service = editing.get(staff, id);
		var catalog = catalogs.of(staff.municipalityId());
		var checked = form.check(catalog, staff.municipalityId(), false);
		if (!checked.valid()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, staff, service, form.withBlankRows(), checked.errors());
		}
		var baseVersion = form.baseVersion();
		if (baseVersion == null) {
			throw new InvalidRequestException("Formularen mangler versionsnummeret. Åbn indsatsen igen.");
		}
		if (handling.equals("vis")) {
			model.addAttribute("preview", service.revise(checked.content(), clock.instant()));
			return form(model, staff, service, form.withBlankRows(), Map.of());
		}
		var outcome = editing.edit(staff, id, baseVersion, checked.content());
		return switch (outcome) {
			case Saved saved -> {
				redirect.addFlashAttribute("message", "Ændringerne er gemt (" + saved.changes().size() + " felter).");
				yield "redirect:/personale/indsatser/" + id;
			}
			case Proposed proposed -> {
				redirect.addFlashAttribute("message", "Dit ændringsforslag (" + proposed.changes().size()
						+ " felter) er sendt til godkendelse hos katalogredaktøren.");
				yield "redirect:/personale/indsatser/" + id;
			}
			case Unchanged unchanged -> {
				redirect.addFlashAttribute("message", "Der var ingen ændringer at gemme.");
				yield "redirect:/personale/indsatser/" + id;
			}
			case Conflict conflict -> {
				model.addAttribute("conflict", conflict);
				yield form(model, staff, conflict.current(), form.withBlankRows(), Map.of());
			}
		};
	}

	@GetMapping("/personale/indsatser/{id}/historik")
	@AccessRule(value = Audience.STAFF, scope = Scope.SERVICE)
	String history(@PathVariable UUID id, Model model) {
		var staff = CurrentStaff.get();
		var service = editing.get(staff, id);
		model.addAttribute("service", service);
		model.addAttribute("entries", history.of(staff.municipalityId(), id));
		return "staff/history";
	}

	@PostMapping("/personale/indsatser/{id}/kontrolleret")
	@AccessRule(value = Audience.STAFF, scope = Scope.SERVICE)
	String verify(@PathVariable UUID id, @RequestParam(name = "tilbage", required = false) String back,
			RedirectAttributes redirect) {
		var service = editing.verify(CurrentStaff.get(), id);
		redirect.addFlashAttribute("message", "„" + service.name() + "“ er markeret som kontrolleret i dag.");
		return "redirect:" + ("oversigt".equals(back) ? "/personale" : "/personale/indsatser/" + id);
	}

	@PostMapping("/personale/indsatser/{id}/ledige-pladser")
	@AccessRule(value = Audience.STAFF, scope = Scope.SERVICE)
	String freePlaces(@PathVariable UUID id, @RequestParam(name = "pladstype") String capacityId,
			@RequestParam(name = "ledige") String available, RedirectAttributes redirect) {
		int free;
		UUID capacity;
		try {
			free = Integer.parseInt(available.strip());
			capacity = UUID.fromString(capacityId.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("Skriv antallet af ledige pladser som et helt tal.");
		}
		editing.reportFreePlaces(CurrentStaff.get(), id, capacity, free);
		redirect.addFlashAttribute("message", "Antallet af ledige pladser er opdateret.");
		return "redirect:/personale/indsatser/" + id;
	}

	@PostMapping("/personale/indsatser/{id}/gennemgang")
	@AccessRule(value = Audience.CATALOG_EDITORS, scope = Scope.SERVICE)
	String assignReview(@PathVariable UUID id, @RequestParam(name = "ansvarlig", required = false) String owner,
			@RequestParam(name = "interval") String interval, RedirectAttributes redirect) {
		UUID ownerId;
		int months;
		try {
			ownerId = owner == null || owner.isBlank() ? null : UUID.fromString(owner.strip());
			months = Integer.parseInt(interval.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("Vælg en ansvarlig og skriv intervallet som et helt antal måneder.");
		}
		editing.assignReview(CurrentStaff.get(), id, ownerId, months);
		redirect.addFlashAttribute("message", "Ansvar og interval for gennemgang er gemt.");
		return "redirect:/personale/indsatser/" + id;
	}

	@PostMapping("/personale/indsatser/{id}/udfas")
	@AccessRule(value = Audience.CATALOG_EDITORS, scope = Scope.SERVICE)
	String retire(@PathVariable UUID id, RedirectAttributes redirect) {
		var service = editing.retire(CurrentStaff.get(), id);
		redirect.addFlashAttribute("message", "„" + service.name() + "“ er udfaset og vises ikke længere offentligt.");
		return "redirect:/personale/indsatser/" + id;
	}

	@PostMapping("/personale/indsatser/{id}/genaktiver")
	@AccessRule(value = Audience.CATALOG_EDITORS, scope = Scope.SERVICE)
	String restore(@PathVariable UUID id, RedirectAttributes redirect) {
		var service = editing.restore(CurrentStaff.get(), id);
		redirect.addFlashAttribute("message", "„" + service.name() + "“ er aktiv igen.");
		return "redirect:/personale/indsatser/" + id;
	}

	@GetMapping("/personale/aendringer/{id}")
	@AccessRule(value = Audience.STAFF, scope = Scope.CHANGE_REQUEST)
	String changeRequest(@PathVariable UUID id, Model model) {
		var staff = CurrentStaff.get();
		var request = changeRequests.find(staff.municipalityId(), id)
			.orElseThrow(() -> new NotFoundException("Ændringsforslaget findes ikke."));
		if (!staff.has(Role.CATALOG_EDITOR) && !request.proposedBy().equals(staff.id())) {
			throw new org.springframework.security.access.AccessDeniedException("Not the proposer or an editor");
		}
		var service = editing.get(staff, request.serviceId());
		model.addAttribute("request", request);
		model.addAttribute("service", service);
		model.addAttribute("changes", request.pending() ? editing.review(staff, request) : List.of());
		model.addAttribute("outdated",
				request.pending() && !editing.contentChangesSince(service, request.baseVersion()).isEmpty());
		return "staff/change-request";
	}

	@PostMapping("/personale/aendringer/{id}/godkend")
	@AccessRule(value = Audience.CATALOG_EDITORS, scope = Scope.CHANGE_REQUEST)
	String approve(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var outcome = editing.approve(staff, id);
		if (outcome instanceof Conflict) {
			redirect.addFlashAttribute("message", "Indsatsen er ændret, siden forslaget blev stillet. Forslaget er ikke "
					+ "godkendt: afvis det med en begrundelse, så forslagsstilleren kan stille det igen.");
			return "redirect:/personale/aendringer/" + id;
		}
		redirect.addFlashAttribute("message", "Ændringsforslaget er godkendt og gemt.");
		return "redirect:/personale";
	}

	@PostMapping("/personale/aendringer/{id}/afvis")
	@AccessRule(value = Audience.CATALOG_EDITORS, scope = Scope.CHANGE_REQUEST)
	String reject(@PathVariable UUID id, @RequestParam(name = "begrundelse", required = false) String reason,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			editing.reject(CurrentStaff.get(), id, reason);
		}
		catch (InvalidRequestException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", ex.getMessage());
			return changeRequest(id, model);
		}
		redirect.addFlashAttribute("message", "Ændringsforslaget er afvist. Forslagsstilleren kan se begrundelsen.");
		return "redirect:/personale";
	}

	private String form(Model model, StaffMember staff, Service service, ServiceForm form, Map<String, String> errors) {
		var catalog = catalogs.of(staff.municipalityId());
		model.addAttribute("catalog", catalog);
		model.addAttribute("municipality", catalog.municipality());
		model.addAttribute("service", service);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("accessModes", AccessMode.values());
		model.addAttribute("charges", Charge.values());
		model.addAttribute("allSituations", Situation.values());
		model.addAttribute("days", List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU"));
		model.addAttribute("direct", editing.canEditDirectly(staff));
		model.addAttribute("today", today());
		if (service != null) {
			model.addAttribute("pendingRequests", changeRequests.pendingFor(staff.municipalityId(), service.id()));
			model.addAttribute("responsible", editing.canEditDirectly(staff) || editing.isUnitEditorFor(staff, service)
					|| staff.id().equals(service.ownerId()));
			model.addAttribute("verifiedDaysAgo", ChronoUnit.DAYS.between(service.lastVerified(), today()));
			model.addAttribute("colleagues", staffDirectory.staffOf(staff.municipalityId()));
		}
		if (model.getAttribute("preview") != null) {
			var preview = (Service) model.getAttribute("preview");
			model.addAttribute("verifiedDaysAgo", ChronoUnit.DAYS.between(preview.lastVerified(), today()));
		}
		return "staff/service-form";
	}

	private Map<UUID, String> serviceNames(StaffMember staff) {
		var names = new java.util.HashMap<UUID, String>();
		editing.editable(staff).forEach(service -> names.put(service.id(), service.name()));
		if (staff.has(Role.CATALOG_EDITOR)) {
			return names;
		}
		catalogs.of(staff.municipalityId()).services().forEach(service -> names.putIfAbsent(service.id(), service.name()));
		return names;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
