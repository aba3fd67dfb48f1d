package dk.helhed.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseRecords.Citizen;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.plan.internal.PlanResource;
import dk.helhed.plan.internal.Plans;

/**
 * "Mine borgere": the citizens whose case the caseworker's unit is in, with the next follow-up of each plan, overdue
 * follow-ups first. The gate lists the cases and writes the request's one audit row.
 */
@Controller
class MyCitizensController {

	/** One citizen of the list; next is null when the citizen has no plan with a follow-up date. */
	public record Row(Citizen citizen, LocalDate next, boolean overdue) {
	}

	private final CaseAccess caseAccess;
	private final Plans plans;
	private final Clock clock;

	MyCitizensController(CaseAccess caseAccess, Plans plans, Clock clock) {
		this.caseAccess = caseAccess;
		this.plans = plans;
		this.clock = clock;
	}

	@GetMapping("/personale/mine-borgere")
	@AccessRule(value = Audience.CASE_WORKERS, personalData = true)
	String myCitizens(Model model) {
		var staff = CurrentStaff.get();
		var citizens = caseAccess.ownCases(staff, PlanResource.MY_CITIZENS);
		var next = plans.nextFollowUps(staff.municipalityId(), citizens.stream().map(Citizen::id).toList());
		var today = LocalDate.now(clock);
		List<Row> rows = citizens.stream()
			.map(citizen -> {
				var day = next.get(citizen.id());
				return new Row(citizen, day, day != null && day.isBefore(today));
			})
			.sorted(Comparator.comparing((Row row) -> !row.overdue())
				.thenComparing(Row::next, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("labels", PlanLabels.DANISH);
		return "plan/my-citizens";
	}
}
