package dk.helhed.referral;

import dk.helhed.platform.InvalidRequestException;

/** Someone else got the place first (or it was closed): nothing was saved. */
public class PlaceNoLongerFree extends InvalidRequestException {

	public static final String MESSAGE = "Pladsen er ikke længere ledig.";

	public PlaceNoLongerFree() {
		super(MESSAGE);
	}
}
