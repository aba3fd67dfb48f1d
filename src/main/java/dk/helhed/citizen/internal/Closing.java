package dk.helhed.citizen.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.audit.AuditEvent.Action;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseRecords.Status;
import dk.helhed.citizen.internal.AccessPolicy.Ground;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.InvalidRequestException;

/**
 * A unit ending its own case ("Afslut vores sag"), and a team lead closing the whole record; the record closes, and
 * its retention begins, only when no unit is involved any longer (security.md item 3a).
 */
@Component
@Transactional
public class Closing {

	/** What ending a unit's case leads to: whether the record closes with it, and who else still works with it. */
	public record EndingOurCase(boolean recordCloses, List<Recipient> othersInvolved) {
	}

	private final CaseSupport cases;
	private final CitizenStore store;

	Closing(CaseSupport cases, CitizenStore store) {
		this.cases = cases;
		this.store = store;
	}

	/**
	 * Refuses (with an audit row) a staff member whose unit is not in the citizen's case, and writes nothing when it
	 * is: for a form sent with mistakes, so that whether the sender may work with the citizen is decided before the
	 * mistakes are shown, and the page shown with them writes the request's one audit row.
	 */
	@Transactional(readOnly = true)
	public void requireOwnCase(StaffMember staff, UUID citizenId, String resource) {
		cases.ownCase(staff, citizenId, resource);
	}

	/** What "Afslut vores sag" will do, for the confirmation page; reading it is a read of the record. */
	public EndingOurCase whatEndingOurCaseDoes(StaffMember staff, UUID citizenId) {
		var loaded = cases.ownCase(staff, citizenId, "end involvement");
		cases.allowed(staff, citizenId, Action.READ, null, Ground.OWN_CASE, "involvement");
		var party = cases.actingParty(staff, loaded);
		var others = loaded.facts()
			.involvements()
			.stream()
			.filter(involvement -> involvement.activeOn(cases.today()))
			.map(involvement -> involvement.party())
			.filter(other -> !other.equals(party))
			.distinct()
			.toList();
		return new EndingOurCase(others.isEmpty(), others);
	}

	/**
	 * "Afslut vores sag": the staff member's unit (or organisation) ends its own work with the citizen. The record
	 * itself closes, and its retention begins, only when no unit is involved any longer (security.md item 3a).
	 *
	 * @return whether the record closed with it
	 */
	public boolean endOurCase(StaffMember staff, UUID citizenId) {
		var loaded = cases.ownCase(staff, citizenId, "end involvement");
		if (loaded.row().status() != Status.OPEN) {
			throw new InvalidRequestException("Borgerens sag er allerede lukket.");
		}
		var party = cases.actingParty(staff, loaded);
		store.endInvolvement(staff.municipalityId(), citizenId, party, cases.today());
		boolean nobodyLeft = store.involvements(staff.municipalityId(), citizenId)
			.stream()
			.noneMatch(involvement -> involvement.activeOn(cases.today()));
		if (nobodyLeft) {
			closeRow(loaded.row());
		}
		cases.allowed(staff, citizenId, Action.UPDATE, null, Ground.OWN_CASE,
				nobodyLeft ? "involvement ended, citizen closed" : "involvement ended");
		return nobodyLeft;
	}

	/**
	 * A team lead of a unit in the case closes the whole record, with a reason: every unit's involvement ends and the
	 * retention begins. A unit that was involved reopens it by registering the citizen again.
	 */
	public void closeRecord(StaffMember staff, UUID citizenId, String reason) {
		if (!staff.has(Role.TEAM_LEAD)) {
			cases.refuse(staff, citizenId, Action.UPDATE, "close");
			throw new AccessDeniedException("Only a team lead closes a citizen's record for every unit");
		}
		var row = cases.ownCase(staff, citizenId, "close").row();
		var written = closeReason(reason);
		if (row.status() != Status.OPEN) {
			throw new InvalidRequestException("Borgerens sag er allerede lukket.");
		}
		store.endInvolvements(staff.municipalityId(), citizenId, cases.today());
		closeRow(row);
		store.closeReason(staff.municipalityId(), citizenId, written);
		cases.allowed(staff, citizenId, Action.UPDATE, null, Ground.OWN_CASE, "citizen closed by lead");
	}

	/** The reason a lead gives for closing a record: checked before anything else is shown. */
	public static String closeReason(String reason) {
		return CaseSupport.oneLineReason(reason, 10, 300,
				"Skriv i mindst 10 og højst 300 tegn på én linje, hvorfor sagen lukkes for alle.");
	}

	private void closeRow(CitizenStore.Row row) {
		if (!store.update(new CitizenStore.Row(row.id(), row.municipalityId(), row.kind(), row.cprEncrypted(),
				row.cprHash(), row.name(), row.pseudonym(), row.birthYear(), row.phone(), row.email(), row.address(),
				row.preferredLanguage(), Status.CLOSED, cases.today(), row.joinedInto(), row.synthetic(),
				row.version()))) {
			throw new InvalidRequestException("Borgerens sag er ændret af en anden. Prøv igen.");
		}
	}

}
