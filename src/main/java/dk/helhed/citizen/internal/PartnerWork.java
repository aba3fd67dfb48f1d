package dk.helhed.citizen.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.audit.AuditEvent.Action;
import dk.helhed.citizen.CaseRecords.Involvement;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseRecords.Status;
import dk.helhed.citizen.internal.AccessPolicy.Ground;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.InvalidRequestException;

/**
 * Partner organisations, involved by a unit of the case and their work ended by it (issue 8: they do not join a
 * record by CPR number). Only municipal staff of a unit in the open case do either.
 */
@Component
@Transactional
public class PartnerWork {

	/**
	 * What involving (or ending) a partner organisation will do, for the confirmation page: the organisation,
	 * checked, its reason, and the parties that will be told.
	 */
	public record InvolvingPartner(Recipient partner, String reason, List<Recipient> told) {
	}

	private static final String RESOURCE = "partner involvement";

	private final CaseSupport cases;
	private final CitizenStore store;

	private final CaseNoteStore noteStore;

	PartnerWork(CaseSupport cases, CitizenStore store, CaseNoteStore noteStore) {
		this.cases = cases;
		this.store = store;
		this.noteStore = noteStore;
	}

	/**
	 * Refuses (with an audit row) staff who may not involve partner organisations in this case, and writes nothing
	 * when they may: for a form sent with mistakes (see {@link Closing#requireOwnCase}).
	 */
	@Transactional(readOnly = true)
	public void requirePartnerWork(StaffMember staff, UUID citizenId) {
		partnerWorkCase(staff, citizenId);
	}

	/**
	 * What involving a partner organisation will do: the organisation, checked (one of the municipality's, not in the
	 * case now), and the parties that will be told; reading it is a read of the record (one audit row).
	 */
	public InvolvingPartner whatInvolvingAPartnerDoes(StaffMember staff, UUID citizenId, UUID partnerId,
			String reason) {
		var checked = partnerToInvolve(staff, partnerWorkCase(staff, citizenId), partnerId, reason);
		cases.allowed(staff, citizenId, Action.READ, null, Ground.OWN_CASE, RESOURCE + " " + partnerId);
		return checked;
	}

	/**
	 * A unit of the case involves a partner organisation, with a short reason: the organisation then has its own
	 * case (its own notes, and only what a consent the holding unit recorded or confirmed passes on to it), and the
	 * other parties of the case are told that a new party joined.
	 */
	public void involvePartner(StaffMember staff, UUID citizenId, UUID partnerId, String reason) {
		var loaded = partnerWorkCase(staff, citizenId);
		var involving = partnerToInvolve(staff, loaded, partnerId, reason);
		var unit = cases.actingParty(staff, loaded);
		var now = cases.now();
		store.involvePartner(staff.municipalityId(), citizenId, partnerId, unit.unitId(), involving.reason(),
				cases.today(), staff.id(), now);
		for (var other : involving.told()) {
			noteStore.notice(staff.municipalityId(), citizenId, other, "PARTNER_INVOLVED", partnerId, unit.unitId(), now);
		}
		cases.allowed(staff, citizenId, Action.UPDATE, null, Ground.OWN_CASE, "partner involved " + partnerId);
	}

	/** What ending a partner organisation's work will do, for the confirmation page; one audit row. */
	public InvolvingPartner whatEndingAPartnerDoes(StaffMember staff, UUID citizenId, UUID partnerId) {
		var ending = partnerToEnd(staff, partnerWorkCase(staff, citizenId), partnerId);
		cases.allowed(staff, citizenId, Action.READ, null, Ground.OWN_CASE, RESOURCE + " " + partnerId);
		return ending;
	}

	/**
	 * A unit of the case ends a partner organisation's work with the citizen: the organisation no longer sees the
	 * citizen; the other parties are told.
	 */
	public void endPartner(StaffMember staff, UUID citizenId, UUID partnerId) {
		var loaded = partnerWorkCase(staff, citizenId);
		var ending = partnerToEnd(staff, loaded, partnerId);
		var unit = cases.actingParty(staff, loaded);
		var now = cases.now();
		store.endInvolvement(staff.municipalityId(), citizenId, ending.partner(), cases.today());
		for (var other : ending.told()) {
			noteStore.notice(staff.municipalityId(), citizenId, other, "PARTNER_ENDED", partnerId, unit.unitId(), now);
		}
		cases.allowed(staff, citizenId, Action.UPDATE, null, Ground.OWN_CASE, "partner involvement ended " + partnerId);
	}

	/** A unit's reason for involving a partner organisation: checked before anything else is shown. */
	public static String involvementReason(String reason) {
		return CaseSupport.oneLineReason(reason, 10, 300,
				"Skriv i mindst 10 og højst 300 tegn på én linje, hvorfor samarbejdspartneren skal med i sagen.");
	}

	/** The case, when the staff member is municipal staff of a unit in the (open) case; otherwise refused. */
	private CaseSupport.Case partnerWorkCase(StaffMember staff, UUID citizenId) {
		var loaded = cases.ownCase(staff, citizenId, RESOURCE);
		if (staff.partnerId() != null) {
			cases.refuseKnown(staff, citizenId, Action.UPDATE, RESOURCE);
			throw new AccessDeniedException("Only a municipal unit in the case involves a partner organisation");
		}
		if (loaded.row().status() != Status.OPEN) {
			throw new InvalidRequestException("Borgerens sag er lukket.");
		}
		return loaded;
	}

	private InvolvingPartner partnerToInvolve(StaffMember staff, CaseSupport.Case loaded, UUID partnerId,
			String reason) {
		if (partnerId == null) {
			throw new InvalidRequestException("Vælg en samarbejdspartner.");
		}
		var written = involvementReason(reason);
		if (cases.municipalities.partnersOf(staff.municipalityId())
			.stream()
			.noneMatch(partner -> partner.id().equals(partnerId))) {
			throw new InvalidRequestException("Samarbejdspartneren findes ikke i kommunen.");
		}
		var partner = new Recipient(null, partnerId);
		var active = activeParties(loaded);
		if (active.contains(partner)) {
			throw new InvalidRequestException("Samarbejdspartneren arbejder allerede med borgeren.");
		}
		var unit = cases.actingParty(staff, loaded);
		return new InvolvingPartner(partner, written, active.stream().filter(other -> !other.equals(unit)).toList());
	}

	private InvolvingPartner partnerToEnd(StaffMember staff, CaseSupport.Case loaded, UUID partnerId) {
		var partner = new Recipient(null, partnerId);
		var active = activeParties(loaded);
		if (partnerId == null || !active.contains(partner)) {
			throw new InvalidRequestException("Samarbejdspartneren arbejder ikke med borgeren.");
		}
		var unit = cases.actingParty(staff, loaded);
		return new InvolvingPartner(partner, null,
				active.stream().filter(other -> !other.equals(unit) && !other.equals(partner)).toList());
	}

	private List<Recipient> activeParties(CaseSupport.Case loaded) {
		return loaded.facts()
			.involvements()
			.stream()
			.filter(involvement -> involvement.activeOn(cases.today()))
			.map(Involvement::party)
			.distinct()
			.toList();
	}

}
