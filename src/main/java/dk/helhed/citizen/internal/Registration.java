package dk.helhed.citizen.internal;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.audit.AuditEvent.Action;
import dk.helhed.audit.AuditEvent.Outcome;
import dk.helhed.citizen.CaseRecords.Citizen;
import dk.helhed.citizen.CaseRecords.InvolvementBasis;
import dk.helhed.citizen.CaseRecords.Kind;
import dk.helhed.citizen.CaseRecords.Status;
import dk.helhed.citizen.internal.AccessPolicy.Ground;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.InvalidRequestException;

/**
 * Registering a citizen (identified by CPR number, or an anonymous contact), joining a known record by CPR number,
 * and joining an anonymous contact into an identified record.
 */
@Component
@Transactional
public class Registration {

	/** A new identified citizen, as the form gives it. */
	public record NewCitizen(String cpr, String name, String phone, String email, String address,
			String preferredLanguage, boolean cprChecked) {

		public NewCitizen(String cpr, String name, String phone, String email, String address,
				String preferredLanguage) {
			this(cpr, name, phone, email, address, preferredLanguage, false);
		}
	}

	/**
	 * The CPR number is known under another name: the caller checks the number (the stored name is not shown) and
	 * confirms it before the unit joins the record.
	 */
	public static final class KnownUnderAnotherName extends InvalidRequestException {

		KnownUnderAnotherName() {
			super("Borgeren er kendt under et andet navn, kontrollér CPR-nummeret.");
		}
	}

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");
	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,30}");

	private final CaseSupport cases;
	private final CitizenStore store;

	private final CaseNoteStore noteStore;

	Registration(CaseSupport cases, CitizenStore store, CaseNoteStore noteStore) {
		this.cases = cases;
		this.store = store;
		this.noteStore = noteStore;
	}

	/**
	 * Registers an identified citizen for the staff member's unit. If the municipality already knows the person, the
	 * unit joins the existing record (it sees only its own notes there, and what consents give it).
	 */
	public Citizen registerIdentified(StaffMember staff, NewCitizen form) {
		cases.requireCaseRole(staff);
		if (staff.partnerId() != null) {
			// Asked before the number is looked up, so the answer tells nothing about whether the municipality knows it.
			cases.audit.recordRefusal(cases.event(staff, null, Action.CREATE, null, null, "citizen", "samarbejdspartner",
					Outcome.REFUSED));
			throw new AccessDeniedException("A partner organisation does not register citizens by CPR number");
		}
		var cpr = CaseSupport.cpr(form.cpr());
		var name = CaseSupport.text(form.name(), 200, true, "Navnet");
		var phone = CaseSupport.optionalText(form.phone(), 40, "Telefonnummeret");
		if (phone != null && !PHONE.matcher(phone).matches()) {
			throw new InvalidRequestException("Telefonnummeret må kun indeholde tal, mellemrum, + og bindestreg.");
		}
		var email = CaseSupport.optionalText(form.email(), 200, "E-mailadressen");
		if (email != null && !EMAIL.matcher(email).matches()) {
			throw new InvalidRequestException("E-mailadressen ser ikke rigtig ud.");
		}
		var address = CaseSupport.optionalText(form.address(), 300, "Adressen");
		var language = CaseSupport.optionalText(form.preferredLanguage(), 40, "Sproget");
		var party = cases.ownParty(staff);
		var now = cases.now();
		var today = cases.today();
		var hash = cases.vault.hash(cpr);
		var existing = store.findByCprHash(staff.municipalityId(), hash);
		if (existing.isEmpty()) {
			var id = UUID.randomUUID();
			store.insert(new CitizenStore.Row(id, staff.municipalityId(), Kind.IDENTIFIED, cases.vault.encrypt(cpr),
					hash, name, null, cpr.birthDate().getYear(), phone, email, address, language, Status.OPEN, null,
					null, false, 0), staff.id(), now);
			store.involve(staff.municipalityId(), id, party, InvolvementBasis.OWN_CASE, null, today, staff.id(), now);
			cases.allowed(staff, id, Action.CREATE, null, Ground.OWN_CASE, "citizen");
			return cases.citizen(store.find(staff.municipalityId(), id).orElseThrow());
		}
		var known = existing.get();
		var id = known.id();
		if (!sameName(known.name(), name) && !form.cprChecked()) {
			throw new KnownUnderAnotherName();
		}
		var involvements = store.involvements(staff.municipalityId(), id);
		boolean wasInvolved = involvements.stream().anyMatch(involvement -> party.equals(involvement.party()));
		boolean involvedNow = involvements.stream()
			.anyMatch(involvement -> involvement.activeOn(today) && party.equals(involvement.party()));
		boolean joined = false;
		if (!involvedNow) {
			joined = !wasInvolved;
			store.involve(staff.municipalityId(), id, party,
					joined ? InvolvementBasis.JOINED_BY_CPR : InvolvementBasis.OWN_CASE, null, today, staff.id(), now);
			for (var other : involvements) {
				if (other.activeOn(today)) {
					noteStore.notice(staff.municipalityId(), id, other.party(), "UNIT_JOINED", null, party.unitId(), now);
				}
			}
		}
		if (known.status() == Status.CLOSED) {
			reopen(known);
		}
		cases.allowed(staff, id, Action.UPDATE, null, Ground.OWN_CASE, joined ? "joined by cpr" : "involvement",
				CaseSupport.cprReference(hash));
		return cases.citizen(store.find(staff.municipalityId(), id).orElseThrow());
	}

	private void reopen(CitizenStore.Row current) {
		if (!store.update(new CitizenStore.Row(current.id(), current.municipalityId(), current.kind(),
				current.cprEncrypted(), current.cprHash(), current.name(), current.pseudonym(), current.birthYear(),
				current.phone(), current.email(), current.address(), current.preferredLanguage(), Status.OPEN, null,
				current.joinedInto(), current.synthetic(), current.version()))) {
			throw new InvalidRequestException("Borgerens sag er ændret af en anden. Prøv igen.");
		}
		store.closeReason(current.municipalityId(), current.id(), null);
	}

	/** Names compared as people write them: case, spaces and the "(syntetisk)" mark of test data aside. */
	private static boolean sameName(String stored, String given) {
		return normalisedName(stored).equals(normalisedName(given));
	}

	private static String normalisedName(String name) {
		return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
	}

	/** Registers an anonymous contact: a pseudonym and a year of birth, no CPR number. */
	public Citizen registerAnonymous(StaffMember staff, String pseudonym, Integer birthYear) {
		cases.requireCaseRole(staff);
		var name = CaseSupport.text(pseudonym, 80, true, "Kaldenavnet");
		if (birthYear != null && (birthYear < 1900 || birthYear > cases.today().getYear())) {
			throw new InvalidRequestException("Fødselsåret skal være mellem 1900 og i år.");
		}
		var party = cases.ownParty(staff);
		var id = UUID.randomUUID();
		var now = cases.now();
		store.insert(new CitizenStore.Row(id, staff.municipalityId(), Kind.ANONYMOUS, null, null, null, name, birthYear,
				null, null, null, null, Status.OPEN, null, null, false, 0), staff.id(), now);
		store.involve(staff.municipalityId(), id, party, InvolvementBasis.OWN_CASE, null, cases.today(), staff.id(),
				now);
		cases.allowed(staff, id, Action.CREATE, null, Ground.OWN_CASE, "anonymous contact");
		return cases.citizen(store.find(staff.municipalityId(), id).orElseThrow());
	}

	/**
	 * With the citizen's agreement, an anonymous contact becomes part of their identified record: its involvements
	 * and notes move over, and the anonymous record is closed as joined.
	 */
	public Citizen joinAnonymous(StaffMember staff, UUID anonymousId, UUID identifiedId) {
		var anonymous = cases.ownCase(staff, anonymousId, "join").row();
		var identified = cases.ownCase(staff, identifiedId, "join").row();
		if (anonymous.kind() != Kind.ANONYMOUS || identified.kind() != Kind.IDENTIFIED) {
			throw new InvalidRequestException("Kun en anonym kontakt kan lægges sammen med en identificeret borger.");
		}
		store.moveInvolvementsAndNotes(staff.municipalityId(), anonymous.id(), identified.id());
		if (!store.update(new CitizenStore.Row(anonymous.id(), anonymous.municipalityId(), anonymous.kind(), null, null,
				null, anonymous.pseudonym(), anonymous.birthYear(), null, null, null, null, Status.CLOSED,
				cases.today(), identified.id(), anonymous.synthetic(), anonymous.version()))) {
			throw new InvalidRequestException("Den anonyme kontakt er ændret af en anden. Prøv igen.");
		}
		cases.allowed(staff, identified.id(), Action.UPDATE, null, Ground.OWN_CASE,
				"joined anonymous " + anonymous.id());
		return cases.citizen(store.find(staff.municipalityId(), identified.id()).orElseThrow());
	}

}
