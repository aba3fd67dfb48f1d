package dk.helhed.catalog.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.helhed.catalog.hsds.HsdsImporter;
import dk.helhed.catalog.hsds.ImportReport;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.NotFoundException;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;

/**
 * The catalog editor's page for moving the catalog in and out of Helhed as Open Referral HSDS: links to the export,
 * and the upload of an HSDS file into the editor's own municipality, checked first and imported all or nothing.
 */
@Controller
class ImportController {

	private final HsdsImporter importer;
	private final Municipalities municipalities;

	ImportController(HsdsImporter importer, Municipalities municipalities) {
		this.importer = importer;
		this.municipalities = municipalities;
	}

	@GetMapping("/personale/import")
	@AccessRule(Audience.CATALOG_EDITORS)
	String page(Model model) {
		return page(editor(), model);
	}

	/**
	 * {@code handling=importer} imports; anything else only checks the file. A refused file is answered with 400 and
	 * the problems; a successful import redirects to the page with its report.
	 */
	@PostMapping("/personale/import")
	@AccessRule(Audience.CATALOG_EDITORS)
	String upload(@RequestParam(name = "fil", required = false) MultipartFile file,
			@RequestParam(name = "handling", defaultValue = "kontroller") String handling, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var editor = editor();
		var apply = handling.equals("importer");
		ImportReport report;
		if (file == null) {
			report = new ImportReport("", false, true, List.of("Vælg en fil at importere."), List.of(), List.of(), 0,
					List.of(), null);
		}
		else {
			byte[] bytes;
			try {
				bytes = file.getBytes();
			}
			catch (IOException ex) {
				bytes = null;
			}
			report = bytes == null
					? new ImportReport(file.getOriginalFilename(), false, true,
							List.of("Filen kunne ikke modtages. Prøv igen."), List.of(), List.of(), 0, List.of(), null)
					: importer.importFile(editor, file.getOriginalFilename(), file.getContentType(), bytes, apply);
		}
		if (report.refused()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("report", report);
			return page(editor, model);
		}
		if (!report.applied()) {
			model.addAttribute("report", report);
			return page(editor, model);
		}
		redirect.addFlashAttribute("report", report);
		redirect.addFlashAttribute("message", report.services().isEmpty()
				? "Filen er læst. Der var intet at ændre; kataloget er uændret."
				: "Filen er importeret. Nye indsatser: " + report.created() + ". Ændrede indsatser: " + report.updated()
						+ ".");
		return "redirect:/personale/import";
	}

	private String page(StaffMember editor, Model model) {
		var municipality = municipalities.findById(editor.municipalityId())
			.orElseThrow(() -> new NotFoundException("Kommunen findes ikke."));
		model.addAttribute("municipality", municipality);
		return "staff/import";
	}

	/** Only catalog editors move the catalog in and out; everyone else is refused (403). */
	private static StaffMember editor() {
		var staff = CurrentStaff.get();
		if (!staff.has(Role.CATALOG_EDITOR)) {
			throw new AccessDeniedException("Catalog editor role required");
		}
		return staff;
	}
}
