package dk.helhed.plan.internal;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import dk.helhed.citizen.CaseView;
import dk.helhed.referral.PlanActionDrafts;

/**
 * A plan's action becomes a referral: the referral form is filled in from the action the staff member sees in the
 * citizen's current plan (its catalog service, the responsible unit, what is to happen).
 */
@Component
class PlanReferralDrafts implements PlanActionDrafts {

	private final Plans plans;

	PlanReferralDrafts(Plans plans) {
		this.plans = plans;
	}

	@Override
	public Optional<Draft> draftFor(CaseView view, UUID planActionId) {
		if (planActionId == null) {
			return Optional.empty();
		}
		return plans.find(view, null)
			.stream()
			.flatMap(plan -> Stream.concat(plan.goals().stream().flatMap(goal -> goal.actions().stream()),
					plan.ownActionsWithoutGoal().stream()))
			.map(Plans.VisibleAction::action)
			.filter(action -> action.id().equals(planActionId))
			.findFirst()
			.map(action -> new Draft(action.id(), action.serviceId(), action.responsible().unitId(),
					action.description()));
	}
}
