package dk.helhed.referral;

/**
 * A referral's state, aligned with FHIR R4 {@code Task.status} (the Gravity Project's SDOH referrals): requested,
 * accepted, rejected, cancelled, in-progress, on-hold, completed, failed.
 */
public enum ReferralStatus {

	REQUESTED("requested", "Venter på svar"),
	ACCEPTED("accepted", "Accepteret"),
	REJECTED("rejected", "Afvist"),
	CANCELLED("cancelled", "Annulleret"),
	IN_PROGRESS("in-progress", "I gang"),
	ON_HOLD("on-hold", "Sat i bero"),
	COMPLETED("completed", "Afsluttet med resultat"),
	FAILED("failed", "Mislykkedes");

	private final String fhirCode;
	private final String label;

	ReferralStatus(String fhirCode, String label) {
		this.fhirCode = fhirCode;
		this.label = label;
	}

	/** The FHIR Task.status code. */
	public String fhirCode() {
		return fhirCode;
	}

	/** In Danish, as staff read it. */
	public String label() {
		return label;
	}

	/** No move leads on from here. */
	public boolean isFinal() {
		return this == REJECTED || this == CANCELLED || this == COMPLETED || this == FAILED;
	}

	/** While live the receiver sees what the sender shared. */
	public boolean isLive() {
		return this == REQUESTED || this == ACCEPTED || this == IN_PROGRESS || this == ON_HOLD;
	}
}
