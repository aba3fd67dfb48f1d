package dk.helhed.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseUse;
import dk.helhed.citizen.CaseView;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.StaffDirectory;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.AccessRule.Scope;
import dk.helhed.platform.web.FormFields;
import dk.helhed.plan.internal.Assessments;
import dk.helhed.plan.internal.Assessments.Assessment;
import dk.helhed.plan.internal.FfbTerms;
import dk.helhed.plan.internal.PlanResource;

/**
 * The whole picture (helhedsvurdering): a citizen's assessments over time, the trend per sub-theme, the difference
 * between two, a new assessment, and the citizen's own words changed with a trace. Each request opens the citizen's
 * case once through the access gate, which decides and writes the request's one audit row; what the page shows of
 * each assessment is what that view covers.
 */
@Controller
class AssessmentController {

	private final CaseAccess caseAccess;
	private final Assessments assessments;
	private final FfbTerms terms;
	private final Municipalities municipalities;
	private final StaffDirectory staffDirectory;
	private final Clock clock;

	AssessmentController(CaseAccess caseAccess, Assessments assessments, FfbTerms terms, Municipalities municipalities,
			StaffDirectory staffDirectory, Clock clock) {
		this.caseAccess = caseAccess;
		this.assessments = assessments;
		this.terms = terms;
		this.municipalities = municipalities;
		this.staffDirectory = staffDirectory;
		this.clock = clock;
	}

	@GetMapping("/personale/borgere/{id}/helhedsvurdering")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN)
	String overview(@PathVariable UUID id, @RequestParam(name = "fra", required = false) String from,
			@RequestParam(name = "til", required = false) String to, Model model) {
		var view = caseAccess.open(CurrentStaff.get(), id, CaseUse.read(PlanResource.ASSESSMENT));
		return overviewPage(view, from, to, AssessmentForm.empty(LocalDate.now(clock)), Map.of(), model);
	}

	@PostMapping("/personale/borgere/{id}/helhedsvurdering")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String record(@PathVariable UUID id, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var view = caseAccess.open(staff, id, CaseUse.create(PlanResource.ASSESSMENT));
		var form = AssessmentForm.of(fields, terms.themes(terms.currentVersion()));
		var checked = form.check(terms, terms.currentVersion());
		Map<String, String> errors = new LinkedHashMap<>(checked.errors());
		if (errors.isEmpty()) {
			try {
				var assessment = assessments.record(view, staff, checked.value());
				redirect.addFlashAttribute("message", "Helhedsvurderingen er gemt.");
				return "redirect:/personale/borgere/" + id + "/helhedsvurdering/" + assessment;
			}
			catch (InvalidRequestException ex) {
				errors.put("assessment", ex.getMessage());
			}
		}
		response.setStatus(400);
		return overviewPage(view, null, null, form, errors, model);
	}

	@GetMapping("/personale/borgere/{id}/helhedsvurdering/{assessmentId}")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN)
	String assessment(@PathVariable UUID id, @PathVariable UUID assessmentId, Model model) {
		var view = caseAccess.open(CurrentStaff.get(), id, CaseUse.read(PlanResource.ASSESSMENT, assessmentId));
		return assessmentPage(view, assessmentId, Map.of(), Map.of(), model);
	}

	@PostMapping("/personale/borgere/{id}/helhedsvurdering/{assessmentId}/borgerens-ord")
	@AccessRule(value = Audience.CASE_WORKERS, scope = Scope.CITIZEN_CASE)
	String changeWords(@PathVariable UUID id, @PathVariable UUID assessmentId,
			@RequestParam(name = "del", required = false) String part,
			@RequestParam(name = "ord", required = false) String words, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var staff = CurrentStaff.get();
		var view = caseAccess.open(staff, id, CaseUse.update(PlanResource.CITIZEN_WORDS, assessmentId));
		Map<String, String> errors = new LinkedHashMap<>();
		var text = FormFields.text(errors, "words", words, AssessmentForm.LONG_TEXT, false, true, "Borgerens ord");
		var chosen = part == null || part.length() > 36 ? "" : part.strip();
		if (errors.isEmpty()) {
			try {
				assessments.changeWords(view, staff, assessmentId, chosen, text);
				redirect.addFlashAttribute("message", "Borgerens ord er gemt. De tidligere ord kan stadig læses.");
				return "redirect:/personale/borgere/" + id + "/helhedsvurdering/" + assessmentId + "#borgerens-ord";
			}
			catch (InvalidRequestException ex) {
				errors.put("words", ex.getMessage());
			}
		}
		response.setStatus(400);
		return assessmentPage(view, assessmentId, errors, Map.of("part", chosen, "words", words == null ? ""
				: words.length() > AssessmentForm.LONG_TEXT ? "" : words), model);
	}

	private String overviewPage(CaseView view, String from, String to, AssessmentForm form,
			Map<String, String> errors, Model model) {
		var visible = assessments.visible(view);
		var trend = assessments.trend(visible);
		common(view, model);
		model.addAttribute("assessments", visible);
		model.addAttribute("trend", trend);
		model.addAttribute("chart", TrendChart.of(trend));
		var fromAssessment = pick(visible, from);
		var toAssessment = pick(visible, to);
		if (fromAssessment == null && toAssessment == null && visible.size() >= 2) {
			fromAssessment = visible.get(visible.size() - 2);
			toAssessment = visible.getLast();
		}
		if (fromAssessment != null && toAssessment != null) {
			model.addAttribute("diffFrom", fromAssessment);
			model.addAttribute("diffTo", toAssessment);
			model.addAttribute("differences", assessments.differences(fromAssessment, toAssessment));
		}
		var version = terms.currentVersion();
		model.addAttribute("canWork", view.ownCase());
		model.addAttribute("themes", terms.themes(version).stream().filter(theme -> !theme.isSubTheme()).toList());
		model.addAttribute("subThemes", terms.themes(version).stream().filter(theme -> theme.isSubTheme()).toList());
		model.addAttribute("levels", terms.levels(version));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "plan/assessments";
	}

	private static Assessment pick(List<Assessment> visible, String id) {
		var chosen = FormFields.uuid(id);
		return chosen == null ? null
				: visible.stream().filter(assessment -> assessment.id().equals(chosen)).findFirst().orElse(null);
	}

	private String assessmentPage(CaseView view, UUID assessmentId, Map<String, String> errors,
			Map<String, String> wordsForm, Model model) {
		var assessment = assessments.find(view, assessmentId)
			.orElseThrow(() -> new NotFoundException("Helhedsvurderingen findes ikke."));
		common(view, model);
		model.addAttribute("assessment", assessment);
		model.addAttribute("canChangeWords", view.ownCase() && view.isOwn(assessment.holder()));
		model.addAttribute("wordsForm", wordsForm);
		model.addAttribute("errors", errors);
		model.addAttribute("themes", terms.themes(assessment.version()).stream().filter(t -> !t.isSubTheme()).toList());
		return "plan/assessment";
	}

	private void common(CaseView view, Model model) {
		var municipalityId = view.municipalityId();
		Map<UUID, String> parties = new HashMap<>();
		municipalities.unitsOf(municipalityId).forEach(unit -> parties.put(unit.id(), unit.name()));
		municipalities.partnersOf(municipalityId).forEach(partner -> parties.put(partner.id(), partner.name()));
		Map<UUID, String> people = new HashMap<>();
		staffDirectory.staffOf(municipalityId).forEach(person -> people.put(person.id(), person.displayName()));
		model.addAttribute("view", view);
		model.addAttribute("citizen", view.citizen());
		model.addAttribute("parties", parties);
		model.addAttribute("people", people);
		model.addAttribute("labels", PlanLabels.DANISH);
	}
}
