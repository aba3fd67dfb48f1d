package dk.helhed.citizen.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.audit.AuditEvent.Action;
import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.citizen.CaseRecords.Citizen;
import dk.helhed.citizen.CaseRecords.Consent;
import dk.helhed.citizen.CaseRecords.EmergencyAccess;
import dk.helhed.citizen.CaseRecords.Involvement;
import dk.helhed.citizen.CaseRecords.LegalBasis;
import dk.helhed.citizen.CaseRecords.Note;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.identity.StaffMember;

/**
 * Opening a citizen: the record, who is involved, the consents and legal bases, and the notes the staff member may
 * see, decided by {@link AccessPolicy} from the case read once, with one audit row (security.md items 1-3).
 */
@Component
@Transactional
public class CaseReading {

	/**
	 * Everything about one citizen a staff member may see, after the access decision. A reader outside the case sees
	 * only the consents and legal bases that name their own unit (or organisation), and not who else is involved:
	 * the name of a unit (an addiction centre) can itself be information no consent gave them (security.md item 2).
	 *
	 * @param actingParty the unit or organisation the staff member acts for in this case
	 * @param notices what the acting party has been told about the case (a consent withdrawn, a unit joined)
	 */
	public record CitizenPage(Citizen citizen, boolean ownCase, Set<InformationCategory> sharedCategories,
			List<Involvement> involvements, List<Consent> consents, List<LegalBasis> legalBases, List<Note> notes,
			EmergencyAccess emergency, Recipient actingParty, List<CaseNotice> notices,
			Map<UUID, List<NoteReader>> readers) {

		/** Who may read the note, and on which ground (for a reader outside the case: only their own ground). */
		public List<NoteReader> readersOf(Note note) {
			return readers.getOrDefault(note.id(), List.of());
		}
	}

	/**
	 * Who may read a note and on which ground, as the access policy decides it (issue 10, visible sharing).
	 *
	 * @param party the unit or organisation (for an emergency access: the staff member's unit)
	 * @param basis own case, consent, legal basis or emergency access
	 * @param reference the consent's id, the legal basis' code, the emergency access' id
	 * @param emergencyStaffId for an emergency access, the staff member who has it
	 */
	public record NoteReader(Recipient party, Basis basis, String reference, UUID emergencyStaffId) {
	}

	/** A notice to a unit about a case it works with. */
	public record CaseNotice(String kind, UUID subjectId, UUID aboutUnitId, Instant at) {
	}

	private final CaseSupport cases;
	private final CitizenStore store;

	private final CaseNoteStore noteStore;
	private final AccessPolicy policy;

	CaseReading(CaseSupport cases, CitizenStore store, CaseNoteStore noteStore, AccessPolicy policy) {
		this.cases = cases;
		this.store = store;
		this.noteStore = noteStore;
		this.policy = policy;
	}

	/** The citizen's page: the record, who is involved, consents, and the notes the staff member may see. */
	public CitizenPage open(StaffMember staff, UUID citizenId) {
		var loaded = cases.visible(staff, citizenId, Action.READ, "citizen");
		var row = loaded.row();
		var facts = loaded.facts();
		var grants = loaded.grants();
		var notes = noteStore.notes(row.municipalityId(), row.id())
			.stream()
			.filter(note -> policy.noteGround(staff, grants, note) != null)
			.toList();
		Set<InformationCategory> shown = notes.stream()
			.map(Note::category)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(InformationCategory.class)));
		cases.allowed(staff, row.id(), grants.emergency() != null && !grants.ownCase() ? Action.EMERGENCY_ACCESS
				: Action.READ, CaseSupport.categories(shown), grants.recordGround(), "citizen");
		var today = cases.today();
		var party = policy.actingParty(staff, facts, today);
		Map<UUID, List<NoteReader>> readers = new HashMap<>();
		for (var note : notes) {
			if (grants.seesWholeRecord()) {
				readers.put(note.id(), policy.readersOf(note, facts, today, cases.now())
					.stream()
					.map(reader -> new NoteReader(reader.party(), reader.ground().basis(), reader.ground().reference(),
							reader.emergencyStaffId()))
					.toList());
			}
			else {
				var own = policy.noteGround(staff, grants, note);
				readers.put(note.id(), List.of(new NoteReader(party, own.basis(), own.reference(), null)));
			}
		}
		if (grants.seesWholeRecord()) {
			var notices = party == null ? List.<CaseNotice>of()
					: noteStore.notices(staff.municipalityId(), row.id())
						.stream()
						.filter(notice -> notice.party().equals(party))
						.map(notice -> new CaseNotice(notice.kind(), notice.subjectId(), notice.aboutUnitId(),
								notice.createdAt()))
						.toList();
			return new CitizenPage(cases.citizen(row), grants.ownCase(), grants.categories().keySet(),
					facts.involvements(), facts.consents(), facts.legalBases(), notes, grants.emergency(), party,
					notices, Map.copyOf(readers));
		}
		var ownConsents = facts.consents()
			.stream()
			.filter(consent -> consent.activeOn(today)
					&& consent.recipients().stream().anyMatch(recipient -> AccessPolicy.covers(staff, recipient)))
			.toList();
		var ownBases = facts.legalBases()
			.stream()
			.filter(basis -> basis.activeOn(today) && AccessPolicy.covers(staff, basis.recipient()))
			.toList();
		return new CitizenPage(cases.citizen(row), false, grants.categories().keySet(), List.of(), ownConsents,
				ownBases, notes, null, party, List.of(), Map.copyOf(readers));
	}

}
