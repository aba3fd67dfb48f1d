package dk.helhed.referral;

import dk.helhed.citizen.CaseResource;

/** A referral, as the audit log names it. */
public enum ReferralResource implements CaseResource {

	REFERRAL("henvisning"),

	DECISION("afgørelse");

	private final String auditName;

	ReferralResource(String auditName) {
		this.auditName = auditName;
	}

	@Override
	public String auditName() {
		return auditName;
	}
}
