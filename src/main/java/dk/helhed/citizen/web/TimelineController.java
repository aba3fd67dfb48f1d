package dk.helhed.citizen.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseUse;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.TimelineEntry.Kind;
import dk.helhed.citizen.internal.CaseTimeline;
import dk.helhed.citizen.internal.CaseTimeline.Filter;
import dk.helhed.citizen.internal.CitizenResource;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.AccessRule.Scope;
import dk.helhed.platform.web.FormFields;

/**
 * The timeline of a citizen's case across units: one GET form (no JavaScript needed) filters it by unit, kind and
 * category, and pages it. The gate opens the case once and writes the page's one audit row; what each entry shows
 * is what that view lets the staff member see. A filter value the page does not know is named at its field (400),
 * and the timeline is shown without it.
 */
@Controller
class TimelineController {

	/** The kinds of entry, as the page names them (by the kind's name, as the template looks them up). */
	static final Map<String, String> KINDS = Map.of(Kind.INVOLVEMENT.name(), "Enheder i sagen", Kind.CONSENT.name(),
			"Samtykker", Kind.LEGAL_BASIS.name(), "Lovgrundlag", Kind.NOTE.name(), "Notater", Kind.ASSESSMENT.name(),
			"Helhedsvurderinger", Kind.PLAN.name(), "Handleplanen", Kind.ACTION.name(), "Indsatser",
			Kind.FOLLOW_UP.name(), "Opfølgninger", Kind.REFERRAL.name(), "Henvisninger", Kind.DECISION.name(),
			"Afgørelser");

	private final CaseAccess caseAccess;
	private final CaseTimeline timeline;
	private final Municipalities municipalities;

	TimelineController(CaseAccess caseAccess, CaseTimeline timeline, Municipalities municipalities) {
		this.caseAccess = caseAccess;
		this.timeline = timeline;
		this.municipalities = municipalities;
	}

	@GetMapping("/personale/borgere/{id}/tidslinje")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN)
	String timeline(@PathVariable UUID id, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response) {
		var staff = CurrentStaff.get();
		var view = caseAccess.open(staff, id, CaseUse.read(CitizenResource.TIMELINE));
		Map<String, String> errors = new LinkedHashMap<>();
		Map<UUID, String> names = new HashMap<>();
		municipalities.unitsOf(view.municipalityId()).forEach(unit -> names.put(unit.id(), unit.name()));
		municipalities.partnersOf(view.municipalityId()).forEach(partner -> names.put(partner.id(), partner.name()));

		Recipient holder = null;
		var unit = fields.get("enhed");
		if (!FormFields.blank(unit)) {
			var chosen = FormFields.uuid(unit);
			if (chosen == null || !names.containsKey(chosen)) {
				errors.put("enhed", "Vælg en enhed fra listen.");
			}
			else {
				holder = municipalities.unitsOf(view.municipalityId())
					.stream()
					.anyMatch(candidate -> candidate.id().equals(chosen)) ? new Recipient(chosen, null)
							: new Recipient(null, chosen);
			}
		}
		var kind = FormFields.blank(fields.get("slags")) ? null
				: FormFields.choice(errors, "slags", fields.get("slags"), Kind.class, "Vælg en slags fra listen.");
		var category = FormFields.blank(fields.get("kategori")) ? null
				: FormFields.choice(errors, "kategori", fields.get("kategori"), InformationCategory.class,
						"Vælg en kategori fra listen.");
		int page = 1;
		var side = fields.get("side");
		if (!FormFields.blank(side)) {
			try {
				page = Integer.parseInt(side.strip());
				if (page < 1) {
					throw new NumberFormatException();
				}
			}
			catch (NumberFormatException ex) {
				errors.put("side", "Sidetallet skal være et helt tal fra 1 og op.");
				page = 1;
			}
		}
		var filter = new Filter(holder, kind, category);
		var shown = timeline.read(view, staff, filter, page);
		if (!errors.isEmpty()) {
			response.setStatus(400);
		}
		model.addAttribute("citizen", view.citizen());
		model.addAttribute("timeline", shown);
		model.addAttribute("filter", filter);
		model.addAttribute("names", names);
		model.addAttribute("labels", Labels.DANISH_LABELS);
		model.addAttribute("kindNames", KINDS);
		model.addAttribute("errors", errors);
		return "citizen/timeline";
	}
}
