package dk.helhed.referral.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.citizen.CaseGrant;
import dk.helhed.citizen.CaseGrantSource;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.referral.ReferralResource;

/**
 * A referral is a ground the gate weighs. While it is live (requested, accepted, in progress or on hold) the
 * receiving unit sees the categories the sender shared and may answer it. Whatever its state, both sides may read
 * that one referral, its status and its history, and make the moves the transition table gives their side (the
 * sender closes the loop), even without a case of their own: a ground for that record only, with no category. Once it
 * has ended the receiver sees nothing else of the citizen than its own involvement gives it.
 */
@Component
class LiveReferralGrants implements CaseGrantSource {

	private final ReferralStore store;

	LiveReferralGrants(ReferralStore store) {
		this.store = store;
	}

	@Override
	public List<CaseGrant> grantsFor(UUID municipalityId, UUID citizenId, LocalDate today) {
		var grants = new ArrayList<CaseGrant>();
		for (var referral : store.live(municipalityId, citizenId)) {
			grants.add(new CaseGrant(new Recipient(referral.receiverUnitId(), null), referral.shared(), Basis.REFERRAL,
					referral.id().toString(), ReferralResource.REFERRAL));
		}
		for (var referral : store.of(municipalityId, citizenId)) {
			var reference = referral.id().toString();
			if (referral.status().isFinal()) {
				grants.add(new CaseGrant(new Recipient(referral.receiverUnitId(), null), Set.of(), Basis.REFERRAL,
						reference, ReferralResource.REFERRAL));
			}
			grants.add(new CaseGrant(new Recipient(referral.senderUnitId(), referral.senderPartnerId()), Set.of(),
					Basis.REFERRAL, reference, ReferralResource.REFERRAL));
		}
		return grants;
	}
}
