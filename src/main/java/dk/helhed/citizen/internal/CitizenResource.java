package dk.helhed.citizen.internal;

import dk.helhed.citizen.CaseResource;

/** The parts of a citizen's case the citizen module opens through the gate, as the audit log names them. */
public enum CitizenResource implements CaseResource {

	TIMELINE("timeline");

	private final String auditName;

	CitizenResource(String auditName) {
		this.auditName = auditName;
	}

	@Override
	public String auditName() {
		return auditName;
	}
}
