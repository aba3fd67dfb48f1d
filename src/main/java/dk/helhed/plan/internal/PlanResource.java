package dk.helhed.plan.internal;

import dk.helhed.citizen.CaseResource;

/** The parts of a citizen's case the plan module works with, as the audit log names them. */
public enum PlanResource implements CaseResource {

	ASSESSMENT("assessment"), CITIZEN_WORDS("assessment-citizen-words"), PLAN("plan"), CITIZENS_COPY("plan-citizens-copy"), MY_CITIZENS("my-citizens");

	private final String auditName;

	PlanResource(String auditName) {
		this.auditName = auditName;
	}

	@Override
	public String auditName() {
		return auditName;
	}
}
