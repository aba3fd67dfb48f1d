package dk.helhed.referral;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import dk.helhed.citizen.InformationCategory;
import dk.helhed.identity.StaffMember;

/**
 * What other modules may ask of referrals: e.g. the plan turns one of its actions into a referral, and follows it
 * through {@link ReferralEnded}.
 */
public interface Referrals {

	/**
	 * @param planActionId the plan's action the referral carries out, or null
	 */
	record Request(UUID citizenId, UUID serviceId, UUID receiverUnitId, String question, LocalDate wishedStart,
			Set<InformationCategory> shared, UUID planActionId) {
	}

	/**
	 * Sends a referral from the staff member's unit, through the access gate, sharing only what a consent or legal
	 * basis covers for the receiver.
	 *
	 * @return the referral's id
	 * @throws dk.helhed.platform.InvalidRequestException with a Danish message when the request is not valid
	 */
	UUID refer(StaffMember staff, Request request);
}
