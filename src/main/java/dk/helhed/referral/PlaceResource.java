package dk.helhed.referral;

import dk.helhed.citizen.CaseResource;

/** The parts of a citizen's case the referral module works with, as the audit log names them. */
public enum PlaceResource implements CaseResource {

	/** An offer (a hold) or an occupancy of a place. */
	PLACE("plads"),

	/** The citizen's entry on a service's waiting list. */
	WAITING_LIST("venteliste");

	private final String auditName;

	PlaceResource(String auditName) {
		this.auditName = auditName;
	}

	@Override
	public String auditName() {
		return auditName;
	}
}
