package dk.helhed.referral;

import java.util.Optional;
import java.util.UUID;

import dk.helhed.citizen.CaseView;

/**
 * The module that keeps plans answers what one of its actions asks of a referral, so that "Henvis" on a plan's action
 * fills in the referral form, and so that a referral names only an action of the citizen's own plan. The plan module
 * implements it; the referral module does not depend on the plan.
 */
public interface PlanActionDrafts {

	/**
	 * @param serviceId the catalog service the action names, or null
	 * @param receiverUnitId the unit responsible for the action, or null when a partner organisation is
	 * @param description what is to happen, as the plan says it
	 */
	record Draft(UUID planActionId, UUID serviceId, UUID receiverUnitId, String description) {
	}

	/** The action of the citizen's current plan, as the view (opened through the gate) lets its staff member see it. */
	Optional<Draft> draftFor(CaseView view, UUID planActionId);
}
