package dk.helhed.catalog;

/**
 * How a citizen gets a service.
 */
public enum AccessMode {

	/** Anyone in the target group can just turn up or call. */
	OPEN,

	/** Open, and the citizen need not give their name. */
	OPEN_ANONYMOUS,

	/** A caseworker in the deciding unit assesses the need and decides (visitation). */
	ASSESSMENT_DECISION,

	/** The citizen contacts the service (or a named step such as a screening) on their own initiative. */
	SELF_REFERRAL,

	/** A forum or function for staff and partners, not something a citizen applies for. */
	FOR_PROFESSIONALS;

	public boolean anonymousPossible() {
		return this == OPEN_ANONYMOUS;
	}

	public boolean needsDecision() {
		return this == ASSESSMENT_DECISION;
	}
}
