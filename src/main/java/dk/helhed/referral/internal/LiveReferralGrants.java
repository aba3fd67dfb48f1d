package dk.helhed.referral.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.citizen.CaseGrant;
import dk.helhed.citizen.CaseGrantSource;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.referral.ReferralResource;

/**
 * A live referral is a ground the gate weighs: the receiving unit sees the categories the sender shared, and may
 * answer that referral, only while it is requested, accepted, in progress or on hold. Once it has ended the receiver
 * has only what its own involvement gives it.
 */
@Component
class LiveReferralGrants implements CaseGrantSource {

	private final ReferralStore store;

	LiveReferralGrants(ReferralStore store) {
		this.store = store;
	}

	@Override
	public List<CaseGrant> grantsFor(UUID municipalityId, UUID citizenId, LocalDate today) {
		return store.live(municipalityId, citizenId)
			.stream()
			.map(referral -> new CaseGrant(new Recipient(referral.receiverUnitId(), null), referral.shared(),
					Basis.REFERRAL, referral.id().toString(), ReferralResource.REFERRAL))
			.toList();
	}
}
