package dk.helhed.catalog;

/**
 * What a service costs the citizen.
 */
public enum Charge {

	FREE,

	/** Free to use; some things, such as meals, cost money. */
	FREE_WITH_PAID_EXTRAS,

	PAID,

	UNKNOWN;

	public boolean freeToUse() {
		return this == FREE || this == FREE_WITH_PAID_EXTRAS;
	}
}
