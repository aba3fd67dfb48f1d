package dk.helhed.catalog.web;

import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.catalog.internal.editions.Editions;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;

/**
 * Publishing editions of the catalog: the catalog editor sees the editions, what changed since the latest one, and
 * publishes the catalog as it is now as the next edition. Publishing cannot be undone, so the form first leads to a
 * confirmation page that says what will be published and who will see it; only its button publishes, and the
 * editions page then shows a receipt.
 */
@Controller
class EditionStaffController {

	private static final String CURRENT = "det aktuelle katalog";

	private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

	private static final DateTimeFormatter RECEIPT_TIME = DateTimeFormatter
		.ofPattern("d. MMMM yyyy 'kl.' HH:mm", Locale.of("da"));

	/**
	 * What the editor typed into the publish form; kept when the form is shown again with a message.
	 *
	 * @param handling {@code udgiv} on the confirmation page's button, {@code ret} to go back and change the form;
	 *        anything else asks for the confirmation first
	 */
	record EditionForm(String label, String note, String handling) {

		static EditionForm empty() {
			return new EditionForm(null, null, null);
		}

		boolean confirmed() {
			return "udgiv".equals(handling);
		}

		boolean backToForm() {
			return "ret".equals(handling);
		}
	}

	/** What was published, by whom and when: shown once on the editions page after publishing. */
	record Receipt(String label, int number, int serviceCount, String publishedAt, String publishedBy, String slug)
			implements Serializable {
	}

	private final Editions editions;
	private final Catalogs catalogs;

	EditionStaffController(Editions editions, Catalogs catalogs) {
		this.editions = editions;
		this.catalogs = catalogs;
	}

	@GetMapping("/personale/udgaver")
	@AccessRule(Audience.CATALOG_EDITORS)
	String editions(Model model) {
		return page(model, editor(), EditionForm.empty());
	}

	@PostMapping("/personale/udgaver")
	@AccessRule(Audience.CATALOG_EDITORS)
	String publish(@ModelAttribute EditionForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var editor = editor();
		try {
			if (form.backToForm()) {
				return page(model, editor, form);
			}
			if (!form.confirmed()) {
				var catalog = catalogs.of(editor.municipalityId());
				var draft = editions.draft(editor, form.label(), form.note());
				model.addAttribute("draft", draft);
				model.addAttribute("form", form);
				model.addAttribute("municipality", catalog.municipality());
				model.addAttribute("sincePrevious", draft.previous()
					.map(previous -> editions.sinceEdition(editor.municipalityId(), previous.number(), CURRENT))
					.orElse(null));
				return "editions/confirm";
			}
			var edition = editions.publish(editor, form.label(), form.note());
			var catalog = catalogs.of(editor.municipalityId());
			redirect.addFlashAttribute("message", "Kataloget er udgivet som " + edition.label() + " med "
					+ edition.serviceCount() + " indsatser.");
			redirect.addFlashAttribute("receipt", new Receipt(edition.label(), edition.number(),
					edition.serviceCount(), RECEIPT_TIME.format(edition.recordedAt().atZone(DANISH_TIME)),
					editor.displayName(), catalog.municipality().slug()));
			return "redirect:/personale/udgaver";
		}
		catch (InvalidRequestException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", ex.getMessage());
			return page(model, editor, form);
		}
	}

	/** What changed from one edition to another, or to the catalog as it is now if no second edition is given. */
	@GetMapping("/personale/udgaver/diff")
	@AccessRule(Audience.CATALOG_EDITORS)
	String diff(@RequestParam("fra") int from, @RequestParam(name = "til", required = false) Integer to,
			Model model) {
		var editor = editor();
		var catalog = catalogs.of(editor.municipalityId());
		model.addAttribute("municipality", catalog.municipality());
		model.addAttribute("staffView", true);
		model.addAttribute("diff", to == null ? editions.sinceEdition(editor.municipalityId(), from, CURRENT)
				: editions.diff(editor.municipalityId(), from, to));
		return "editions/diff";
	}

	private String page(Model model, StaffMember editor, EditionForm form) {
		var catalog = catalogs.of(editor.municipalityId());
		var all = editions.of(editor.municipalityId());
		model.addAttribute("catalog", catalog);
		model.addAttribute("municipality", catalog.municipality());
		model.addAttribute("editions", all);
		model.addAttribute("sinceLatest", all.isEmpty() ? null
				: editions.sinceEdition(editor.municipalityId(), all.getFirst().number(), CURRENT));
		model.addAttribute("form", form);
		model.addAttribute("maxLabelLength", Editions.MAX_LABEL_LENGTH);
		model.addAttribute("maxNoteLength", Editions.MAX_NOTE_LENGTH);
		return "editions/staff";
	}

	/** Publishing belongs to the catalog editors; everyone can read the editions on the public pages. */
	private static StaffMember editor() {
		var staff = CurrentStaff.get();
		if (!staff.isCatalogEditor()) {
			throw new AccessDeniedException("Catalog editor role required");
		}
		return staff;
	}
}
