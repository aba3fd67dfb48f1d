package dk.helhed.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseRecords.Citizen;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.FormFields;
import dk.helhed.plan.internal.PlanResource;
import dk.helhed.plan.internal.Plans;

/**
 * "Mine borgere": the citizens whose case one of the caseworker's units is in, with the unit (or units) and the next
 * follow-up of each plan, overdue follow-ups first; a GET form filters by unit when the caseworker has cases in more
 * than one. The gate decides what an own case is (a unit's own involvement, not a sub-unit's), lists the cases and
 * writes the request's one audit row.
 */
@Controller
class MyCitizensController {

	/** One citizen of the list; next is null when the citizen has no plan with a follow-up date. */
	public record Row(Citizen citizen, List<Recipient> parties, LocalDate next, boolean overdue) {
	}

	private final CaseAccess caseAccess;
	private final Plans plans;
	private final Municipalities municipalities;
	private final Clock clock;

	MyCitizensController(CaseAccess caseAccess, Plans plans, Municipalities municipalities, Clock clock) {
		this.caseAccess = caseAccess;
		this.plans = plans;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	@GetMapping("/personale/mine-borgere")
	@AccessRule(value = Audience.CASE_WORKERS, personalData = true)
	String myCitizens(@RequestParam(name = "enhed", required = false) String unit, Model model,
			HttpServletResponse response) {
		var staff = CurrentStaff.get();
		var cases = caseAccess.ownCasesWithUnits(staff, PlanResource.MY_CITIZENS);
		var next = plans.nextFollowUps(staff.municipalityId(), cases.stream().map(own -> own.citizen().id()).toList());
		var today = LocalDate.now(clock);
		Set<Recipient> parties = new LinkedHashSet<>();
		cases.forEach(own -> parties.addAll(own.parties()));
		Map<String, String> errors = new LinkedHashMap<>();
		UUID chosen = null;
		if (!FormFields.blank(unit)) {
			chosen = FormFields.uuid(unit);
			var wanted = chosen;
			if (wanted == null || parties.stream().noneMatch(party -> wanted.equals(id(party)))) {
				errors.put("enhed", "Vælg en af dine enheder fra listen.");
				chosen = null;
			}
		}
		var filter = chosen;
		List<Row> rows = cases.stream()
			.filter(own -> filter == null || own.parties().stream().anyMatch(party -> filter.equals(id(party))))
			.map(own -> {
				var day = next.get(own.citizen().id());
				return new Row(own.citizen(), own.parties(), day, day != null && day.isBefore(today));
			})
			.sorted(Comparator.comparing((Row row) -> !row.overdue())
				.thenComparing(Row::next, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		Map<UUID, String> names = new HashMap<>();
		municipalities.unitsOf(staff.municipalityId()).forEach(u -> names.put(u.id(), u.name()));
		municipalities.partnersOf(staff.municipalityId()).forEach(p -> names.put(p.id(), p.name()));
		if (!errors.isEmpty()) {
			response.setStatus(400);
		}
		model.addAttribute("rows", rows);
		model.addAttribute("units", parties.stream().map(MyCitizensController::id).toList());
		model.addAttribute("chosen", filter);
		model.addAttribute("names", names);
		model.addAttribute("errors", errors);
		model.addAttribute("labels", PlanLabels.DANISH);
		return "plan/my-citizens";
	}

	private static UUID id(Recipient party) {
		return party.unitId() != null ? party.unitId() : party.partnerId();
	}
}
