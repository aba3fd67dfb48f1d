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
 * access by its own hand: a consent a unit records for itself covers only what it already holds; what a receiving
 * party writes under a consent goes back to the party it was recorded for only once the receiving party confirmed it
 * ({@link #sharesFor}). The same rules answer for a staff member ({@link #grants}, {@link #noteGround}), for a unit or
 * organisation as such ({@link #coveredFor}, the recipient policy) and for the sharing shown on a note
 * ({@link #readersOf}). An emergency
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
	 * One consent or legal basis in force for a party: the categories it covers, whose information it passes on, and
	 * for a consent's write-back (see {@link #sharesFor}) from when the information was written; null for any time.
	 */
	record Share(Ground ground, Set<InformationCategory> categories, Predicate<Recipient> passesOnWhatIsHeldBy,
			Instant writtenFrom) {

		Share(Ground ground, Set<InformationCategory> categories, Predicate<Recipient> passesOnWhatIsHeldBy) {
			this(ground, categories, passesOnWhatIsHeldBy, null);
		}

		/** Gives what the consent's receiving parties write under it back to the party it was recorded for. */
		boolean writeBack() {
			return writtenFrom != null;
		}

		boolean passesOn(Note note) {
			return categories.contains(note.category())
					&& passesOnWhatIsHeldBy.test(new Recipient(note.unitId(), note.partnerId()))
					&& (writtenFrom == null || !note.writtenAt().isBefore(writtenFrom));
		}
	}

	/**
	 * A party that may read a note, and on which ground: a unit or organisation (own case, consent, legal basis), or
	 * the staff member of a unit with an emergency access ({@code emergencyStaffId}).
	 */
	record Reader(Recipient party, Ground ground, UUID emergencyStaffId) {
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
		Predicate<Recipient> isStaffParty = party -> covers(staff, party);
		boolean ownCase = involved(isStaffParty, facts, today);
		var shares = sharesFor(isStaffParty, facts, today);
		Map<InformationCategory, Ground> categories = categories(shares);
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
		if (!staff.has(Role.CRIMINAL_MATTERS)) {
			categories.remove(InformationCategory.CRIMINAL);
		}
		return new Grants(ownCase, Map.copyOf(categories), List.copyOf(shares), emergency);
	}

	/**
	 * The categories of the citizen's information a consent or a recorded legal basis in force names this unit or
	 * organisation for, with the ground (the recipient policy: what a referral's receiver may be sent, and the
	 * sharing shown on each note, both decided here). A unit or organisation as such has no permission for criminal
	 * matters (that is each staff member's own, GDPR art. 10), so they are never among them.
	 */
	Map<InformationCategory, Ground> coveredFor(Recipient recipient, Facts facts, LocalDate today) {
		if (recipient == null) {
			return Map.of();
		}
		var categories = categories(sharesFor(recipient::equals, facts, today));
		categories.remove(InformationCategory.CRIMINAL);
		return Map.copyOf(categories);
	}

	/**
	 * Who may read the note now, and on which ground, decided by the same rules as {@link #noteGround}: every unit or
	 * organisation in the case or named by a consent or legal basis in force (and the party a consent was recorded
	 * for) that may see the record and the note, and every staff member with an emergency access in force. Criminal
	 * matters are read, on these grounds, only by staff with the permission.
	 */
	List<Reader> readersOf(Note note, Facts facts, LocalDate today, Instant now) {
		Set<Recipient> parties = new java.util.LinkedHashSet<>();
		facts.involvements()
			.stream()
			.filter(involvement -> involvement.activeOn(today))
			.forEach(involvement -> parties.add(involvement.party()));
		for (var consent : facts.consents()) {
			if (consent.activeOn(today)) {
				parties.addAll(consent.recipients());
				if (consent.recordedFor() != null) {
					parties.add(consent.recordedFor());
				}
			}
		}
		facts.legalBases().stream().filter(basis -> basis.activeOn(today)).forEach(basis -> parties.add(basis.recipient()));
		List<Reader> readers = new ArrayList<>();
		for (var party : parties) {
			Predicate<Recipient> isParty = party::equals;
			boolean ownCase = involved(isParty, facts, today);
			var shares = sharesFor(isParty, facts, today);
			if (!ownCase && categories(shares).isEmpty()) {
				continue;
			}
			var ground = groundOf(note, ownCase, isParty, shares);
			if (ground != null) {
				readers.add(new Reader(party, ground, null));
			}
		}
		facts.emergencies()
			.stream()
			.filter(access -> access.activeAt(now))
			.forEach(access -> readers.add(new Reader(new Recipient(access.unitId(), null),
					new Ground(Basis.EMERGENCY, access.id().toString()), access.staffId())));
		return List.copyOf(readers);
	}

	/**
	 * The consents and legal bases in force for a party: those that name it as recipient (passing on what the
	 * holding units recorded or confirmed, security.md item 3a), and, for a consent recorded for the party, the
	 * write-back: what a receiving party writes under the consent, in its categories, from when it was recorded,
	 * once that receiving party confirmed the consent (or a team lead recorded it with a reference to the signed
	 * consent). So the unit that recorded a consent sees what the receiving units write back, and still no unit gives
	 * itself another's information by its own hand: the receiving unit decides, by confirming.
	 */
	List<Share> sharesFor(Predicate<Recipient> isParty, Facts facts, LocalDate today) {
		List<Share> shares = new ArrayList<>();
		for (var basis : facts.legalBases()) {
			if (basis.activeOn(today) && isParty.test(basis.recipient())) {
				shares.add(new Share(new Ground(Basis.LEGAL_BASIS, basis.code().name()), basis.categories(),
						holder -> basis.recordedFor() != null && basis.recordedFor().equals(holder)));
			}
		}
		for (var consent : facts.consents()) {
			if (consent.activeOn(today) && consent.recipients().stream().anyMatch(isParty)) {
				shares.add(new Share(new Ground(Basis.CONSENT, consent.id().toString()), consent.categories(),
						consent::sharesWhatIsHeldBy));
			}
		}
		for (var consent : facts.consents()) {
			if (consent.activeOn(today) && consent.recordedFor() != null && isParty.test(consent.recordedFor())) {
				shares.add(new Share(new Ground(Basis.CONSENT, consent.id().toString()), consent.categories(),
						holder -> !isParty.test(holder) && consent.recipients().contains(holder)
								&& (consent.signedReference() != null || consent.confirmedBy().contains(holder)),
						consent.recordedAt()));
			}
		}
		return shares;
	}

	/** The categories the shares give, each with its first ground; a write-back alone shows no record. */
	private static Map<InformationCategory, Ground> categories(List<Share> shares) {
		Map<InformationCategory, Ground> categories = new EnumMap<>(InformationCategory.class);
		for (var share : shares) {
			if (!share.writeBack()) {
				share.categories().forEach(category -> categories.putIfAbsent(category, share.ground()));
			}
		}
		return categories;
	}

	private static boolean involved(Predicate<Recipient> isParty, Facts facts, LocalDate today) {
		return facts.involvements()
			.stream()
			.anyMatch(involvement -> involvement.activeOn(today) && isParty.test(involvement.party()));
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
		var ground = groundOf(note, grants.ownCase(), party -> covers(staff, party), grants.shares());
		if (ground != null) {
			return ground;
		}
		return grants.emergency() == null ? null : new Ground(Basis.EMERGENCY, grants.emergency().id().toString());
	}

	/** The one rule for a note, for a staff member and for a party alike. */
	private static Ground groundOf(Note note, boolean ownCase, Predicate<Recipient> isParty, List<Share> shares) {
		if (ownCase && isParty.test(new Recipient(note.unitId(), note.partnerId()))) {
			return Ground.OWN_CASE;
		}
		return shares.stream().filter(share -> share.passesOn(note)).map(Share::ground).findFirst().orElse(null);
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
