package dk.helhed.citizen;

/**
 * The categories of information about a citizen that consent, legal bases and retention are given for.
 */
public enum InformationCategory {
	HEALTH("Helbred"), ADDICTION("Rusmidler"), CRIMINAL("Strafbare forhold"), HOUSING("Bolig"),
	EMPLOYMENT("Beskæftigelse"), FINANCES("Økonomi"), NOTES("Øvrige notater");

	private final String label;

	InformationCategory(String label) {
		this.label = label;
	}

	/** The Danish word staff read. */
	public String label() {
		return label;
	}

	/** Criminal matters need a permission of their own (GDPR art. 10). */
	public boolean needsOwnPermission() {
		return this == CRIMINAL;
	}
}
