package dk.helhed.citizen.web;

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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dk.helhed.audit.AuditEvent.Action;
import dk.helhed.citizen.CprNumber;
import dk.helhed.citizen.internal.DataProtection;
import dk.helhed.citizen.internal.DataProtection.AuditPage;
import dk.helhed.citizen.internal.DataProtection.AuditSearch;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.StaffDirectory;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;

/**
 * The data-protection officer's pages: the audit log search (security.md item 7) and the citizen's access account
 * (item 10), as a page and as a PDF. Both take the CPR number by POST only.
 */
@Controller
class DataProtectionController {

	/**
	 * The audit search form as submitted. The next page's button sends the same criteria with the citizen found
	 * ({@code borger}, so the CPR number is not sent again) and where the page before ended ({@code efter}).
	 */
	record AuditForm(String from, String to, String action, String username, String cpr, String borger,
			String efter) {

		static AuditForm empty() {
			return new AuditForm("", "", "", "", "", "", "");
		}
	}

	private final DataProtection dataProtection;
	private final Municipalities municipalities;
	private final StaffDirectory staffDirectory;
	private final AccessAccountPdf pdf;
	private final Clock clock;

	DataProtectionController(DataProtection dataProtection, Municipalities municipalities, StaffDirectory staffDirectory,
			AccessAccountPdf pdf, Clock clock) {
		this.dataProtection = dataProtection;
		this.municipalities = municipalities;
		this.staffDirectory = staffDirectory;
		this.pdf = pdf;
		this.clock = clock;
	}

	@GetMapping("/personale/revision")
	@AccessRule(Audience.DATA_PROTECTION_OFFICERS)
	String auditForm(Model model) {
		return auditPage(model, AuditForm.empty(), Map.of());
	}

	@PostMapping("/personale/revision")
	@AccessRule(value = Audience.DATA_PROTECTION_OFFICERS, personalData = true)
	String auditSearch(@ModelAttribute AuditForm form, Model model, HttpServletResponse response) {
		var staff = CurrentStaff.get();
		Map<String, String> errors = new LinkedHashMap<>();
		var from = FormValues.date(errors, "audit-from", form.from(), false, "fra-datoen");
		var to = FormValues.date(errors, "audit-to", form.to(), false, "til-datoen");
		if (from != null && to != null && to.isBefore(from)) {
			errors.put("audit-to", "Til-datoen skal være samme dag som eller efter fra-datoen.");
		}
		Action action = FormValues.blank(form.action()) ? null
				: FormValues.choice(errors, "audit-action", form.action(), Action.class, "Vælg en handling fra listen.");
		var username = FormValues.text(errors, "audit-username", form.username(), 80, false, false, "Brugernavnet");
		if (!FormValues.blank(form.cpr()) && CprNumber.problem(form.cpr()) != null) {
			errors.put("audit-cpr", CprNumber.problem(form.cpr()));
		}
		UUID citizen = null;
		if (!FormValues.blank(form.borger())) {
			try {
				citizen = UUID.fromString(form.borger().strip());
			}
			catch (IllegalArgumentException ex) {
				errors.put("audit", "Siden kan ikke vises. Søg igen fra første side.");
			}
		}
		AuditPage page = null;
		if (errors.isEmpty()) {
			try {
				page = dataProtection.auditTrail(staff,
						new AuditSearch(from, to, action, username, form.cpr(), citizen, form.efter()));
				model.addAttribute("page", page);
				model.addAttribute("firstPage", FormValues.blank(form.efter()));
			}
			catch (InvalidRequestException ex) {
				errors.put("audit", ex.getMessage());
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(400);
		}
		var citizenOfPage = page == null || page.citizenId() == null ? "" : page.citizenId().toString();
		return auditPage(model, new AuditForm(form.from(), form.to(), form.action(), username, "", citizenOfPage, ""),
				errors);
	}

	private String auditPage(Model model, AuditForm form, Map<String, String> errors) {
		var staff = CurrentStaff.get();
		Map<UUID, String> units = new HashMap<>();
		municipalities.unitsOf(staff.municipalityId()).forEach(unit -> units.put(unit.id(), unit.name()));
		municipalities.partnersOf(staff.municipalityId()).forEach(partner -> units.put(partner.id(), partner.name()));
		model.addAttribute("parties", units);
		Map<UUID, String> staffNames = new HashMap<>();
		staffDirectory.staffOf(staff.municipalityId()).forEach(person -> staffNames.put(person.id(), person.displayName()));
		model.addAttribute("staffNames", staffNames);
		model.addAttribute("actions", Action.values());
		model.addAttribute("auditForm", form);
		model.addAttribute("errors", errors);
		return "citizen/audit";
	}

	@GetMapping("/personale/aktindsigt")
	@AccessRule(Audience.DATA_PROTECTION_OFFICERS)
	String accessAccountForm(Model model) {
		model.addAttribute("errors", Map.of());
		return "citizen/access-account";
	}

	@PostMapping("/personale/aktindsigt")
	@AccessRule(value = Audience.DATA_PROTECTION_OFFICERS, personalData = true)
	String accessAccount(@RequestParam(name = "cpr", required = false) String cpr, Model model,
			HttpServletResponse response) {
		var staff = CurrentStaff.get();
		try {
			model.addAttribute("letter", AccessLetter.of(dataProtection.accessAccount(staff, cpr), Labels.DANISH_LABELS));
			model.addAttribute("cpr", cpr.strip());
			model.addAttribute("maskedCpr", CprNumber.parse(cpr).orElseThrow().masked());
			model.addAttribute("producedOn", LocalDate.now(clock));
			model.addAttribute("errors", Map.of());
		}
		catch (InvalidRequestException | NotFoundException ex) {
			response.setStatus(ex instanceof NotFoundException ? 404 : 400);
			model.addAttribute("errors", Map.of("account-cpr", ex.getMessage()));
		}
		return "citizen/access-account";
	}

	@PostMapping("/personale/aktindsigt/pdf")
	@AccessRule(value = Audience.DATA_PROTECTION_OFFICERS, personalData = true)
	ResponseEntity<byte[]> accessAccountPdf(@RequestParam(name = "cpr", required = false) String cpr) {
		var staff = CurrentStaff.get();
		var lines = dataProtection.accessAccount(staff, cpr);
		Map<String, Object> model = new HashMap<>();
		model.put("letter", AccessLetter.of(lines, Labels.DANISH_LABELS));
		model.put("maskedCpr", CprNumber.parse(cpr).orElseThrow().masked());
		model.put("producedOn", LocalDate.now(clock));
		model.put("municipality", municipalities.findById(staff.municipalityId()).map(m -> m.name()).orElse(""));
		model.put("labels", Labels.DANISH_LABELS);
		var bytes = pdf.render("citizen/access-account-pdf", model);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("aktindsigt-" + LocalDate.now(clock) + ".pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(bytes);
	}
}
