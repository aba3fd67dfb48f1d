package dk.helhed.citizen;

import java.util.Set;

import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.citizen.CaseRecords.Recipient;

/**
 * A ground, held outside the citizen module, on which a unit or organisation may see categories of a citizen's
 * information: e.g. a live referral lets the receiving unit see what the sender shared, and only while it is live.
 *
 * @param recipient who may see
 * @param reference the record that gives the ground (e.g. a referral's id), as the audit log keeps it
 */
public record CaseGrant(Recipient recipient, Set<InformationCategory> categories, Basis basis, String reference) {

	public CaseGrant {
		categories = Set.copyOf(categories);
	}
}
