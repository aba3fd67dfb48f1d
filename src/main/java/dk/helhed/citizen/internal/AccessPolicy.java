package dk.helhed.citizen.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.citizen.CaseRecords.Consent;
import dk.helhed.citizen.CaseRecords.EmergencyAccess;
import dk.helhed.citizen.CaseRecords.Involvement;
import dk.helhed.citizen.CaseRecords.LegalBasis;
import dk.helhed.citizen.CaseRecords.Note;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;

/**
 * Decides, on the server, what a member of staff may see of one citizen (security.md items 1-5): deny by default;
 * a unit (or partner organisation) involved in the citizen's case sees the record and its own notes; another unit's
 * notes only in the categories a valid consent or recorded legal basis gives the staff member's unit (or
 * organisation), and only when the unit that holds them passed them on (security.md item 3a): it recorded or
 * confirmed the consent, or a team lead recorded it with a reference to the signed consent. So no unit gives itself
 * access by its own hand: a consent a unit records for itself covers only what it already holds. An emergency
 * access gives everything for a short time; criminal matters always need their own permission. A staff member with
 * no unit and no organisation sees nothing.
 */
@Component
class AccessPolicy {

	/** Why something may be seen: the basis and its reference (a consent's id, a legal basis' code). */
	record Ground(Basis basis, String reference) {

		static final Ground OWN_CASE = new Ground(Basis.OWN_CASE, null);
	}

	/**
	 * One consent or legal basis in force for the staff member: the categories it covers, and whose information it
	 * passes on.
	 */
	record Share(Ground ground, Set<InformationCategory> categories, Predicate<Recipient> passesOnWhatIsHeldBy) {
	}

	/**
	 * What one staff member may see of one citizen right now.
	 *
	 * @param ownCase the staff member's unit or organisation is involved in the citizen's case
	 * @param categories the categories of other parties' information the staff member may see, and on which ground
	 * @param shares the consents and legal bases in force for the staff member, with whose information each passes on
	 * @param emergency the emergency access in force, if any
	 */
	record Grants(boolean ownCase, Map<InformationCategory, Ground> categories, List<Share> shares,
			EmergencyAccess emergency) {

		boolean seesRecord() {
			return ownCase || !categories.isEmpty() || emergency != null;
		}

		/** The ground the record itself is seen on. */
		Ground recordGround() {
			if (ownCase) {
				return Ground.OWN_CASE;
			}
			if (emergency != null) {
				return new Ground(Basis.EMERGENCY, emergency.id().toString());
			}
			return categories.values().stream().findFirst().orElse(null);
		}

		/** Sees the whole record (who is involved, every consent): in the case, or through emergency access. */
		boolean seesWholeRecord() {
			return ownCase || emergency != null;
		}
	}

	/** Everything the decision is made from: the citizen's involvements, consents, legal bases, emergency access. */
	record Facts(List<Involvement> involvements, List<Consent> consents, List<LegalBasis> legalBases,
			List<EmergencyAccess> emergencies) {
	}

	Grants grants(StaffMember staff, Facts facts, LocalDate today, Instant now) {
		if (staff.unitIds().isEmpty() && staff.partnerId() == null) {
			return new Grants(false, Map.of(), List.of(), null);
		}
		boolean ownCase = facts.involvements()
			.stream()
			.anyMatch(involvement -> involvement.activeOn(today) && isStaffParty(staff, involvement.unitId(),
					involvement.partnerId()));
		boolean criminal = staff.has(Role.CRIMINAL_MATTERS);
		Map<InformationCategory, Ground> categories = new EnumMap<>(InformationCategory.class);
		List<Share> shares = new ArrayList<>();
		for (var basis : facts.legalBases()) {
			if (basis.activeOn(today) && covers(staff, basis.recipient())) {
				var ground = new Ground(Basis.LEGAL_BASIS, basis.code().name());
				shares.add(new Share(ground, basis.categories(),
						holder -> basis.recordedFor() != null && basis.recordedFor().equals(holder)));
				basis.categories().forEach(category -> categories.putIfAbsent(category, ground));
			}
		}
		for (var consent : facts.consents()) {
			if (consent.activeOn(today) && consent.recipients().stream().anyMatch(recipient -> covers(staff, recipient))) {
				var ground = new Ground(Basis.CONSENT, consent.id().toString());
				shares.add(new Share(ground, consent.categories(), consent::sharesWhatIsHeldBy));
				consent.categories().forEach(category -> categories.putIfAbsent(category, ground));
			}
		}
		var emergency = facts.emergencies()
			.stream()
			.filter(access -> access.staffId().equals(staff.id()) && access.activeAt(now))
			.findFirst()
			.orElse(null);
		if (emergency != null) {
			for (var category : InformationCategory.values()) {
				categories.putIfAbsent(category, new Ground(Basis.EMERGENCY, emergency.id().toString()));
			}
		}
		if (!criminal) {
			categories.remove(InformationCategory.CRIMINAL);
		}
		return new Grants(ownCase, Map.copyOf(categories), List.copyOf(shares), emergency);
	}

	/**
	 * The ground a note may be seen on, or null: a note of the staff member's own unit (or organisation) in an own
	 * case; a note in a category a consent or legal basis covers, when it passes on what the note's unit holds; or an
	 * emergency access. Criminal matters only with the permission.
	 */
	Ground noteGround(StaffMember staff, Grants grants, Note note) {
		if (note.category().needsOwnPermission() && !staff.has(Role.CRIMINAL_MATTERS)) {
			return null;
		}
		if (grants.ownCase() && isStaffParty(staff, note.unitId(), note.partnerId())) {
			return Ground.OWN_CASE;
		}
		var holder = new Recipient(note.unitId(), note.partnerId());
		for (var share : grants.shares()) {
			if (share.categories().contains(note.category()) && share.passesOnWhatIsHeldBy().test(holder)) {
				return share.ground();
			}
		}
		return grants.emergency() == null ? null : new Ground(Basis.EMERGENCY, grants.emergency().id().toString());
	}

	/** The party the staff member acts for: their organisation, or their (first) unit in the case. */
	Recipient actingParty(StaffMember staff, Facts facts, LocalDate today) {
		if (staff.partnerId() != null) {
			return new Recipient(null, staff.partnerId());
		}
		return facts.involvements()
			.stream()
			.filter(involvement -> involvement.activeOn(today) && involvement.unitId() != null
					&& staff.belongsTo(involvement.unitId()))
			.map(involvement -> new Recipient(involvement.unitId(), null))
			.findFirst()
			.orElseGet(() -> staff.unitIds().isEmpty() ? null
					: new Recipient(staff.unitIds().stream().sorted().findFirst().orElseThrow(), null));
	}

	/** Whether the consent or legal basis names the staff member's unit or organisation. */
	static boolean covers(StaffMember staff, Recipient recipient) {
		return isStaffParty(staff, recipient.unitId(), recipient.partnerId());
	}

	static boolean isStaffParty(StaffMember staff, UUID unitId, UUID partnerId) {
		if (staff.partnerId() != null) {
			return staff.partnerId().equals(partnerId);
		}
		return unitId != null && staff.belongsTo(unitId);
	}
}
