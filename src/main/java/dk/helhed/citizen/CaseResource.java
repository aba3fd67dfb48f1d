package dk.helhed.citizen;

/**
 * What part of a citizen's case a staff member is working with, as the audit log names it ("plan", "referral"). Each
 * module names its own resources in an enum of its own that implements this, so the gate and the audit log get a
 * typed value, never a loose string from a controller.
 */
public interface CaseResource {

	/** The resource's name in the audit log: short, lower case, no personal data. */
	String auditName();

	/** Why such an access is made, as the audit log and the citizen's access account say it. */
	default String purpose() {
		return "sagsbehandling";
	}
}
