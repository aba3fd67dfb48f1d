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
 * @param changes the resource the recipient may also change through this ground without an own case, and only the
 *        record named by the reference (a referral's receiver answers the referral), or null for none; the recipient
 *        may also read that one record, even when the ground gives no category (both sides of an ended referral
 *        still see its status and history)
 */
public record CaseGrant(Recipient recipient, Set<InformationCategory> categories, Basis basis, String reference,
		CaseResource changes) {

	public CaseGrant {
		categories = Set.copyOf(categories);
	}

	public CaseGrant(Recipient recipient, Set<InformationCategory> categories, Basis basis, String reference) {
		this(recipient, categories, basis, reference, null);
	}

	/** This ground lets its recipient read the one record it names, and nothing else of the case. */
	public boolean allowsRead(CaseUse use) {
		return !use.changes() && names(use);
	}

	/** This ground lets its recipient make this use, which changes something, without an own case. */
	public boolean allowsChange(CaseUse use) {
		return use.changes() && names(use);
	}

	private boolean names(CaseUse use) {
		return changes != null && changes.equals(use.resource()) && use.resourceId() != null
				&& use.resourceId().toString().equals(reference);
	}
}
