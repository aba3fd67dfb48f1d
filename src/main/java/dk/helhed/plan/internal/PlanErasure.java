package dk.helhed.plan.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dk.helhed.citizen.CitizenRecordErased;

/**
 * When a citizen's record is erased, the whole picture and the plan go with it: every assessment (with the citizen's
 * own words) and the shared plan with all its versions, goals, actions and follow-ups. Nothing of it is kept for
 * statistics. Runs in the erasure's own transaction, so a failure here rolls the erasure back (security.md item 11).
 */
@Component
class PlanErasure {

	private final Assessments assessments;
	private final Plans plans;

	PlanErasure(Assessments assessments, Plans plans) {
		this.assessments = assessments;
		this.plans = plans;
	}

	@EventListener
	void on(CitizenRecordErased event) {
		assessments.deleteAllOf(event.municipalityId(), event.citizenId());
		plans.deleteAllOf(event.municipalityId(), event.citizenId());
	}
}
