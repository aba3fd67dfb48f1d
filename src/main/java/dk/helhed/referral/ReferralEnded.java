package dk.helhed.referral;

import java.util.UUID;

/**
 * A referral reached a final state (completed with an outcome, rejected, cancelled or failed); a plan whose action it
 * carried out can follow up.
 */
public record ReferralEnded(UUID municipalityId, UUID referralId, UUID citizenId, UUID planActionId,
		ReferralStatus status) {
}
