package dk.helhed.citizen;

/**
 * The categories of information about a citizen that consent, legal bases and retention are given for.
 */
public enum InformationCategory {
	HEALTH, ADDICTION, CRIMINAL, HOUSING, EMPLOYMENT, FINANCES, NOTES;

	/** Criminal matters need a permission of their own (GDPR art. 10). */
	public boolean needsOwnPermission() {
		return this == CRIMINAL;
	}
}
