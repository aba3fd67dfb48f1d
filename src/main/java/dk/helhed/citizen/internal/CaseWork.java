package dk.helhed.citizen.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditEvent.Action;
import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.audit.AuditEvent.Outcome;
import dk.helhed.audit.AuditLog;
import dk.helhed.catalog.ServiceStatus;
import dk.helhed.catalog.Services;
import dk.helhed.citizen.CaseRecords.Citizen;
import dk.helhed.citizen.CaseRecords.Consent;
import dk.helhed.citizen.CaseRecords.EmergencyAccess;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.Involvement;
import dk.helhed.citizen.CaseRecords.InvolvementBasis;
import dk.helhed.citizen.CaseRecords.Kind;
import dk.helhed.citizen.CaseRecords.LegalBasis;
import dk.helhed.citizen.CaseRecords.LegalBasisCode;
import dk.helhed.citizen.CaseRecords.Note;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseRecords.Status;
import dk.helhed.citizen.CprNumber;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.AccessPolicy.Facts;
import dk.helhed.citizen.internal.AccessPolicy.Grants;
import dk.helhed.citizen.internal.AccessPolicy.Ground;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.KeyedHash;
import dk.helhed.platform.NotFoundException;

/**
 * Case work with citizens. Every method decides access on the server ({@link AccessPolicy}), does its work, and
 * writes exactly one audit row: in the same transaction when allowed, in a transaction of its own when refused
 * (security.md items 1-7). A citizen the staff member may not see is "not found", so that the answer does not
 * reveal that the municipality knows the person.
 */
@Component
@Transactional
public class CaseWork {

	/** Everything about one citizen a staff member may see, after the access decision. */
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

	/** A consent as the citizen gave it. */
	public record NewConsent(String purpose, Set<InformationCategory> categories, List<Recipient> recipients,
			LocalDate givenOn, LocalDate expiresOn, GivenHow givenHow, String signedReference) {

		public NewConsent(String purpose, Set<InformationCategory> categories, List<Recipient> recipients,
				LocalDate givenOn, LocalDate expiresOn, GivenHow givenHow) {
			this(purpose, categories, recipients, givenOn, expiresOn, givenHow, null);
		}
	}

	/** Nobody could review the staff member's emergency access, so there is none (security.md item 4). */
	public static final class NoEmergencyReviewer extends AccessDeniedException {

		NoEmergencyReviewer() {
			super("Ingen teamleder kan gennemgå en nødadgang fra din enhed. Bed en administrator om at give enheden "
					+ "en teamleder, eller kontakt en enhed, der arbejder med borgeren.");
		}
	}

	/** How long an emergency access lasts. */
	public static final Duration EMERGENCY_DURATION = Duration.ofHours(4);

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");
	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,30}");

	private final CitizenStore store;
	private final AccessPolicy policy;
	private final CprVault vault;
	private final AuditLog audit;
	private final Municipalities municipalities;
	private final Services services;
	private final Clock clock;
	private final EmergencyReviewers reviewers;
	private final KeyedHash hashes;

	CaseWork(CitizenStore store, AccessPolicy policy, CprVault vault, AuditLog audit, Municipalities municipalities,
			Services services, Clock clock, EmergencyReviewers reviewers, KeyedHash hashes) {
		this.reviewers = reviewers;
		this.hashes = hashes;
		this.store = store;
		this.policy = policy;
		this.vault = vault;
		this.audit = audit;
		this.municipalities = municipalities;
		this.services = services;
		this.clock = clock;
	}

	// Reading

	/** The citizen's page: the record, who is involved, consents, and the notes the staff member may see. */
	public CitizenPage open(StaffMember staff, UUID citizenId) {
		var row = visibleRow(staff, citizenId, Action.READ, "citizen");
		var facts = facts(row);
		var grants = grants(staff, facts.facts());
		var notes = facts.notes()
			.stream()
			.filter(note -> policy.noteGround(staff, grants, note) != null)
			.toList();
		Set<InformationCategory> shown = notes.stream()
			.map(Note::category)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(InformationCategory.class)));
		var ground = grants.recordGround();
		audit.record(event(staff, row.id(), grants.emergency() != null && !grants.ownCase() ? Action.EMERGENCY_ACCESS
				: Action.READ, categories(shown), ground, "citizen", null, Outcome.ALLOWED));
		var party = policy.actingParty(staff, facts.facts(), today());
		Map<UUID, List<NoteReader>> readers = new java.util.HashMap<>();
		for (var note : notes) {
			if (grants.seesWholeRecord()) {
				readers.put(note.id(), policy.readersOf(note, facts.facts(), today(), clock.instant())
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
					: store.notices(staff.municipalityId(), row.id())
						.stream()
						.filter(notice -> notice.party().equals(party))
						.map(notice -> new CaseNotice(notice.kind(), notice.subjectId(), notice.aboutUnitId(),
								notice.createdAt()))
						.toList();
			return new CitizenPage(citizen(row), grants.ownCase(), grants.categories().keySet(),
					facts.facts().involvements(), facts.facts().consents(), facts.facts().legalBases(), notes,
					grants.emergency(), party, notices, Map.copyOf(readers));
		}
		var ownConsents = facts.facts()
			.consents()
			.stream()
			.filter(consent -> consent.activeOn(today())
					&& consent.recipients().stream().anyMatch(recipient -> AccessPolicy.covers(staff, recipient)))
			.toList();
		var ownBases = facts.facts()
			.legalBases()
			.stream()
			.filter(basis -> basis.activeOn(today()) && AccessPolicy.covers(staff, basis.recipient()))
			.toList();
		return new CitizenPage(citizen(row), false, grants.categories().keySet(), List.of(), ownConsents, ownBases,
				notes, null, party, List.of(), Map.copyOf(readers));
	}

	/** Citizens with this CPR number that the staff member may see (at most one). The search itself is audited. */
	@Transactional
	public List<Citizen> findByCpr(StaffMember staff, String cprText) {
		var problem = CprNumber.problem(cprText);
		if (problem != null) {
			throw new InvalidRequestException(problem);
		}
		var cpr = CprNumber.parse(cprText).orElseThrow();
		var hash = vault.hash(cpr);
		var found = store.findByCprHash(staff.municipalityId(), hash)
			.filter(row -> grants(staff, facts(row).facts()).seesRecord())
			.map(this::citizen)
			.stream()
			.toList();
		var ground = store.findByCprHash(staff.municipalityId(), hash)
			.filter(row -> !found.isEmpty())
			.map(row -> grants(staff, facts(row).facts()).recordGround())
			.orElse(null);
		audit.record(event(staff, found.isEmpty() ? null : found.getFirst().id(), Action.SEARCH, null, ground,
				"citizen search", "cpr:" + hash.substring(0, 12), Outcome.ALLOWED));
		return found;
	}

	/** Citizens whose name (or pseudonym) contains the text and whom the staff member may see. */
	public List<Citizen> findByName(StaffMember staff, String text) {
		var cleaned = text == null ? "" : text.strip();
		if (cleaned.length() < 2 || cleaned.length() > 100 || hasControlCharacters(cleaned)) {
			throw new InvalidRequestException("Skriv mindst 2 og højst 100 tegn af navnet.");
		}
		var found = store.findByName(staff.municipalityId(), cleaned)
			.stream()
			.filter(row -> grants(staff, facts(row).facts()).seesRecord())
			.map(this::citizen)
			.toList();
		// The searched text is kept as a keyed hash, as a CPR number is; each citizen shown gets a reference, so that
		// each finds the search in their access account (issue 8, finding 9).
		audit.record(event(staff, found.size() == 1 ? found.getFirst().id() : null, Action.SEARCH, null, null,
				"citizen search", hashes.reference("navn", cleaned.toLowerCase(java.util.Locale.ROOT)) + " ("
						+ found.size() + " fundet)", Outcome.ALLOWED),
				found.stream().map(Citizen::id).toList());
		return found;
	}

	// Registering

	/**
	 * Registers an identified citizen for the staff member's unit. If the municipality already knows the person, the
	 * unit joins the existing record (it sees only its own notes there, and what consents give it).
	 */
	public Citizen registerIdentified(StaffMember staff, NewCitizen form) {
		requireCaseRole(staff);
		if (staff.partnerId() != null) {
			// Asked before the number is looked up, so the answer tells nothing about whether the municipality knows it.
			audit.recordRefusal(event(staff, null, Action.CREATE, null, null, "citizen", "samarbejdspartner",
					Outcome.REFUSED));
			throw new AccessDeniedException("A partner organisation does not register citizens by CPR number");
		}
		var problem = CprNumber.problem(form.cpr());
		if (problem != null) {
			throw new InvalidRequestException(problem);
		}
		var cpr = CprNumber.parse(form.cpr()).orElseThrow();
		var name = text(form.name(), 200, true, "Navnet");
		var phone = optionalText(form.phone(), 40, "Telefonnummeret");
		if (phone != null && !PHONE.matcher(phone).matches()) {
			throw new InvalidRequestException("Telefonnummeret må kun indeholde tal, mellemrum, + og bindestreg.");
		}
		var email = optionalText(form.email(), 200, "E-mailadressen");
		if (email != null && !EMAIL.matcher(email).matches()) {
			throw new InvalidRequestException("E-mailadressen ser ikke rigtig ud.");
		}
		var address = optionalText(form.address(), 300, "Adressen");
		var language = optionalText(form.preferredLanguage(), 40, "Sproget");
		var party = ownParty(staff);
		var now = clock.instant();
		var hash = vault.hash(cpr);
		var existing = store.findByCprHash(staff.municipalityId(), hash);
		UUID id;
		boolean joined = false;
		if (existing.isPresent()) {
			var known = existing.get();
			id = known.id();
			if (!sameName(known.name(), name) && !form.cprChecked()) {
				throw new KnownUnderAnotherName();
			}
			var involvements = store.involvements(staff.municipalityId(), id);
			boolean wasInvolved = involvements.stream()
				.anyMatch(involvement -> party.equals(new Recipient(involvement.unitId(), involvement.partnerId())));
			boolean involvedNow = involvements.stream()
				.anyMatch(involvement -> involvement.activeOn(today())
						&& party.equals(new Recipient(involvement.unitId(), involvement.partnerId())));
			if (!involvedNow) {
				joined = !wasInvolved;
				store.involve(staff.municipalityId(), id, party,
						joined ? InvolvementBasis.JOINED_BY_CPR : InvolvementBasis.OWN_CASE, null, today(), staff.id(), now);
				for (var other : involvements) {
					if (other.activeOn(today())) {
						store.notice(staff.municipalityId(), id, new Recipient(other.unitId(), other.partnerId()),
								"UNIT_JOINED", null, party.unitId(), now);
					}
				}
			}
			if (known.status() == Status.CLOSED) {
				reopen(known);
			}
			audit.record(event(staff, id, Action.UPDATE, null, Ground.OWN_CASE,
					joined ? "joined by cpr" : "involvement", "cpr:" + hash.substring(0, 12), Outcome.ALLOWED));
			return citizen(store.find(staff.municipalityId(), id).orElseThrow());
		}
		else {
			id = UUID.randomUUID();
			store.insert(new CitizenStore.Row(id, staff.municipalityId(), Kind.IDENTIFIED, vault.encrypt(cpr), hash,
					name, null, cpr.birthDate().getYear(), phone, email, address, language, Status.OPEN, null, null,
					false, 0), staff.id(), now);
		}
		store.involve(staff.municipalityId(), id, party, InvolvementBasis.OWN_CASE, null, today(), staff.id(), now);
		audit.record(event(staff, id, Action.CREATE, null, Ground.OWN_CASE, "citizen", null, Outcome.ALLOWED));
		return citizen(store.find(staff.municipalityId(), id).orElseThrow());
	}

	private void reopen(CitizenStore.Row row) {
		var current = store.find(row.municipalityId(), row.id()).orElseThrow();
		if (!store.update(new CitizenStore.Row(current.id(), current.municipalityId(), current.kind(),
				current.cprEncrypted(), current.cprHash(), current.name(), current.pseudonym(), current.birthYear(),
				current.phone(), current.email(), current.address(), current.preferredLanguage(), Status.OPEN, null,
				current.joinedInto(), current.synthetic(), current.version()))) {
			throw new InvalidRequestException("Borgerens sag er ændret af en anden. Prøv igen.");
		}
		store.closeReason(row.municipalityId(), row.id(), null);
	}

	/** Names compared as people write them: case, spaces and the "(syntetisk)" mark of test data aside. */
	private static boolean sameName(String stored, String given) {
		return normalisedName(stored).equals(normalisedName(given));
	}

	private static String normalisedName(String name) {
		return name == null ? "" : name.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip();
	}

	/** Registers an anonymous contact: a pseudonym and a year of birth, no CPR number. */
	public Citizen registerAnonymous(StaffMember staff, String pseudonym, Integer birthYear) {
		requireCaseRole(staff);
		var name = text(pseudonym, 80, true, "Kaldenavnet");
		if (birthYear != null && (birthYear < 1900 || birthYear > LocalDate.now(clock).getYear())) {
			throw new InvalidRequestException("Fødselsåret skal være mellem 1900 og i år.");
		}
		var party = ownParty(staff);
		var id = UUID.randomUUID();
		var now = clock.instant();
		store.insert(new CitizenStore.Row(id, staff.municipalityId(), Kind.ANONYMOUS, null, null, null, name, birthYear,
				null, null, null, null, Status.OPEN, null, null, false, 0), staff.id(), now);
		store.involve(staff.municipalityId(), id, party, InvolvementBasis.OWN_CASE, null, today(), staff.id(), now);
		audit.record(event(staff, id, Action.CREATE, null, Ground.OWN_CASE, "anonymous contact", null,
				Outcome.ALLOWED));
		return citizen(store.find(staff.municipalityId(), id).orElseThrow());
	}

	/**
	 * With the citizen's agreement, an anonymous contact becomes part of their identified record: its involvements
	 * and notes move over, and the anonymous record is closed as joined.
	 */
	public Citizen joinAnonymous(StaffMember staff, UUID anonymousId, UUID identifiedId) {
		var anonymous = ownCaseRow(staff, anonymousId, "join");
		var identified = ownCaseRow(staff, identifiedId, "join");
		if (anonymous.kind() != Kind.ANONYMOUS || identified.kind() != Kind.IDENTIFIED) {
			throw new InvalidRequestException("Kun en anonym kontakt kan lægges sammen med en identificeret borger.");
		}
		store.moveInvolvementsAndNotes(staff.municipalityId(), anonymous.id(), identified.id());
		if (!store.update(new CitizenStore.Row(anonymous.id(), anonymous.municipalityId(), anonymous.kind(), null, null,
				null, anonymous.pseudonym(), anonymous.birthYear(), null, null, null, null, Status.CLOSED, today(),
				identified.id(), anonymous.synthetic(), anonymous.version()))) {
			throw new InvalidRequestException("Den anonyme kontakt er ændret af en anden. Prøv igen.");
		}
		audit.record(event(staff, identified.id(), Action.UPDATE, null, Ground.OWN_CASE,
				"joined anonymous " + anonymous.id(), null, Outcome.ALLOWED));
		return citizen(store.find(staff.municipalityId(), identified.id()).orElseThrow());
	}

	/**
	 * Refuses (with an audit row) a staff member whose unit is not in the citizen's case, and writes nothing when it
	 * is: for a form sent with mistakes, so that whether the sender may work with the citizen is decided before the
	 * mistakes are shown, and the page shown with them writes the request's one audit row.
	 */
	@Transactional(readOnly = true)
	public void requireOwnCase(StaffMember staff, UUID citizenId, String resource) {
		ownCaseRow(staff, citizenId, resource);
	}

	/**
	 * Refuses (with an audit row) staff who may not involve partner organisations in this case, and writes nothing
	 * when they may: for a form sent with mistakes (see {@link #requireOwnCase}).
	 */
	@Transactional(readOnly = true)
	public void requirePartnerWork(StaffMember staff, UUID citizenId) {
		partnerWorkRow(staff, citizenId, "partner involvement");
	}

	/** What ending a unit's case leads to: whether the record closes with it, and who else still works with it. */
	public record EndingOurCase(boolean recordCloses, List<Recipient> othersInvolved) {
	}

	/** What "Afslut vores sag" will do, for the confirmation page; reading it is a read of the record. */
	public EndingOurCase whatEndingOurCaseDoes(StaffMember staff, UUID citizenId) {
		var row = ownCaseRow(staff, citizenId, "end involvement");
		audit.record(event(staff, citizenId, Action.READ, null, Ground.OWN_CASE, "involvement", null,
				Outcome.ALLOWED));
		var facts = facts(row).facts();
		var party = policy.actingParty(staff, facts, today());
		var others = facts.involvements()
			.stream()
			.filter(involvement -> involvement.activeOn(today()))
			.map(involvement -> new Recipient(involvement.unitId(), involvement.partnerId()))
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
		var row = ownCaseRow(staff, citizenId, "end involvement");
		if (row.status() != Status.OPEN) {
			throw new InvalidRequestException("Borgerens sag er allerede lukket.");
		}
		var facts = facts(row).facts();
		var party = policy.actingParty(staff, facts, today());
		store.endInvolvement(staff.municipalityId(), citizenId, party, today());
		boolean nobodyLeft = store.involvements(staff.municipalityId(), citizenId)
			.stream()
			.noneMatch(involvement -> involvement.activeOn(today()));
		if (nobodyLeft) {
			closeRow(row);
		}
		audit.record(event(staff, citizenId, Action.UPDATE, null, Ground.OWN_CASE,
				nobodyLeft ? "involvement ended, citizen closed" : "involvement ended", null, Outcome.ALLOWED));
		return nobodyLeft;
	}

	/**
	 * A team lead of a unit in the case closes the whole record, with a reason: every unit's involvement ends and the
	 * retention begins. A unit that was involved reopens it by registering the citizen again.
	 */
	public void closeRecord(StaffMember staff, UUID citizenId, String reason) {
		if (!staff.has(Role.TEAM_LEAD)) {
			refuse(staff, citizenId, Action.UPDATE, "close");
			throw new AccessDeniedException("Only a team lead closes a citizen's record for every unit");
		}
		var row = ownCaseRow(staff, citizenId, "close");
		var written = closeReason(reason);
		if (row.status() != Status.OPEN) {
			throw new InvalidRequestException("Borgerens sag er allerede lukket.");
		}
		store.endInvolvements(staff.municipalityId(), citizenId, today());
		closeRow(row);
		store.closeReason(staff.municipalityId(), citizenId, written);
		audit.record(event(staff, citizenId, Action.UPDATE, null, Ground.OWN_CASE, "citizen closed by lead", null,
				Outcome.ALLOWED));
	}

	// Partner organisations, involved by a unit of the case (issue 8: they do not join a record by CPR number)

	/**
	 * What involving a partner organisation will do, for the confirmation page: the organisation, checked (one of
	 * the municipality's, not in the case now), and the parties that will be told. Only municipal staff of a unit in
	 * the case may involve one; reading it is a read of the record (one audit row).
	 */
	public record InvolvingPartner(Recipient partner, String reason, List<Recipient> told) {
	}

	public InvolvingPartner whatInvolvingAPartnerDoes(StaffMember staff, UUID citizenId, UUID partnerId,
			String reason) {
		var row = partnerWorkRow(staff, citizenId, "partner involvement");
		var checked = partnerToInvolve(staff, row, partnerId, reason);
		audit.record(event(staff, citizenId, Action.READ, null, Ground.OWN_CASE, "partner involvement " + partnerId,
				null, Outcome.ALLOWED));
		return checked;
	}

	/**
	 * A unit of the case involves a partner organisation, with a short reason: the organisation then has its own
	 * case (its own notes, and only what a consent the holding unit recorded or confirmed passes on to it), and the
	 * other parties of the case are told that a new party joined.
	 */
	public void involvePartner(StaffMember staff, UUID citizenId, UUID partnerId, String reason) {
		var row = partnerWorkRow(staff, citizenId, "partner involvement");
		var involving = partnerToInvolve(staff, row, partnerId, reason);
		var unit = policy.actingParty(staff, facts(row).facts(), today());
		var now = clock.instant();
		store.involvePartner(staff.municipalityId(), citizenId, partnerId, unit.unitId(), involving.reason(), today(),
				staff.id(), now);
		for (var other : involving.told()) {
			store.notice(staff.municipalityId(), citizenId, other, "PARTNER_INVOLVED", partnerId, unit.unitId(), now);
		}
		audit.record(event(staff, citizenId, Action.UPDATE, null, Ground.OWN_CASE, "partner involved " + partnerId,
				null, Outcome.ALLOWED));
	}

	/** What ending a partner organisation's work will do, for the confirmation page; one audit row. */
	public InvolvingPartner whatEndingAPartnerDoes(StaffMember staff, UUID citizenId, UUID partnerId) {
		var row = partnerWorkRow(staff, citizenId, "partner involvement");
		var ending = partnerToEnd(staff, row, partnerId);
		audit.record(event(staff, citizenId, Action.READ, null, Ground.OWN_CASE, "partner involvement " + partnerId,
				null, Outcome.ALLOWED));
		return ending;
	}

	/**
	 * A unit of the case ends a partner organisation's work with the citizen: the organisation no longer sees the
	 * citizen; the other parties are told.
	 */
	public void endPartner(StaffMember staff, UUID citizenId, UUID partnerId) {
		var row = partnerWorkRow(staff, citizenId, "partner involvement");
		var ending = partnerToEnd(staff, row, partnerId);
		var unit = policy.actingParty(staff, facts(row).facts(), today());
		var now = clock.instant();
		store.endInvolvement(staff.municipalityId(), citizenId, ending.partner(), today());
		for (var other : ending.told()) {
			store.notice(staff.municipalityId(), citizenId, other, "PARTNER_ENDED", partnerId, unit.unitId(), now);
		}
		audit.record(event(staff, citizenId, Action.UPDATE, null, Ground.OWN_CASE,
				"partner involvement ended " + partnerId, null, Outcome.ALLOWED));
	}

	/** A unit's reason for involving a partner organisation: checked before anything else is shown. */
	public static String involvementReason(String reason) {
		var written = reason == null ? "" : reason.strip();
		if (written.length() < 10 || written.length() > 300 || hasControlCharacters(written) || written.contains("\n")) {
			throw new InvalidRequestException(
					"Skriv i mindst 10 og højst 300 tegn på én linje, hvorfor samarbejdspartneren skal med i sagen.");
		}
		return written;
	}

	/** The record, when the staff member is municipal staff of a unit in the (open) case; otherwise refused. */
	private CitizenStore.Row partnerWorkRow(StaffMember staff, UUID citizenId, String resource) {
		var row = ownCaseRow(staff, citizenId, resource);
		if (staff.partnerId() != null) {
			refuse(staff, citizenId, Action.UPDATE, resource);
			throw new AccessDeniedException("Only a municipal unit in the case involves a partner organisation");
		}
		if (row.status() != Status.OPEN) {
			throw new InvalidRequestException("Borgerens sag er lukket.");
		}
		return row;
	}

	private InvolvingPartner partnerToInvolve(StaffMember staff, CitizenStore.Row row, UUID partnerId, String reason) {
		if (partnerId == null) {
			throw new InvalidRequestException("Vælg en samarbejdspartner.");
		}
		var written = involvementReason(reason);
		requireKnownPartner(staff.municipalityId(), partnerId);
		var partner = new Recipient(null, partnerId);
		var active = activeParties(row);
		if (active.contains(partner)) {
			throw new InvalidRequestException("Samarbejdspartneren arbejder allerede med borgeren.");
		}
		var unit = policy.actingParty(staff, facts(row).facts(), today());
		return new InvolvingPartner(partner, written, active.stream().filter(other -> !other.equals(unit)).toList());
	}

	private InvolvingPartner partnerToEnd(StaffMember staff, CitizenStore.Row row, UUID partnerId) {
		var partner = new Recipient(null, partnerId);
		var active = activeParties(row);
		if (partnerId == null || !active.contains(partner)) {
			throw new InvalidRequestException("Samarbejdspartneren arbejder ikke med borgeren.");
		}
		var unit = policy.actingParty(staff, facts(row).facts(), today());
		return new InvolvingPartner(partner, null,
				active.stream().filter(other -> !other.equals(unit) && !other.equals(partner)).toList());
	}

	private List<Recipient> activeParties(CitizenStore.Row row) {
		return store.involvements(row.municipalityId(), row.id())
			.stream()
			.filter(involvement -> involvement.activeOn(today()))
			.map(Involvement::party)
			.distinct()
			.toList();
	}

	private void requireKnownPartner(UUID municipalityId, UUID partnerId) {
		if (municipalities.partnersOf(municipalityId).stream().noneMatch(partner -> partner.id().equals(partnerId))) {
			throw new InvalidRequestException("Samarbejdspartneren findes ikke i kommunen.");
		}
	}

	/** The reason a lead gives for closing a record: checked before anything else is shown. */
	public static String closeReason(String reason) {
		var written = reason == null ? "" : reason.strip();
		if (written.length() < 10 || written.length() > 300 || hasControlCharacters(written) || written.contains("\n")) {
			throw new InvalidRequestException("Skriv i mindst 10 og højst 300 tegn på én linje, hvorfor sagen lukkes for alle.");
		}
		return written;
	}

	private void closeRow(CitizenStore.Row row) {
		if (!store.update(new CitizenStore.Row(row.id(), row.municipalityId(), row.kind(), row.cprEncrypted(),
				row.cprHash(), row.name(), row.pseudonym(), row.birthYear(), row.phone(), row.email(), row.address(),
				row.preferredLanguage(), Status.CLOSED, today(), row.joinedInto(), row.synthetic(), row.version()))) {
			throw new InvalidRequestException("Borgerens sag er ændret af en anden. Prøv igen.");
		}
	}

	// Consent and legal basis

	/** Records a consent the citizen gave; only a unit in the citizen's case may record it. */
	public UUID recordConsent(StaffMember staff, UUID citizenId, NewConsent consent) {
		var row = ownCaseRow(staff, citizenId, "consent");
		var purpose = text(consent.purpose(), 300, true, "Formålet");
		if (consent.categories() == null || consent.categories().isEmpty()) {
			throw new InvalidRequestException("Vælg mindst én kategori af oplysninger.");
		}
		if (consent.recipients() == null || consent.recipients().isEmpty()) {
			throw new InvalidRequestException("Vælg mindst én modtager.");
		}
		requireKnownRecipients(staff.municipalityId(), consent.recipients());
		if (consent.givenOn() == null || consent.expiresOn() == null || consent.givenHow() == null) {
			throw new InvalidRequestException("Skriv hvornår samtykket er givet, hvornår det udløber, og hvordan.");
		}
		if (consent.expiresOn().isBefore(consent.givenOn()) || consent.givenOn().isAfter(today())
				|| consent.expiresOn().isAfter(consent.givenOn().plusYears(5))) {
			throw new InvalidRequestException(
					"Samtykket skal være givet senest i dag og udløbe efter det er givet og inden for fem år.");
		}
		var reference = text(consent.signedReference(), 100, false, "Henvisningen til den underskrevne erklæring");
		if (reference != null && !staff.has(Role.TEAM_LEAD)) {
			throw new InvalidRequestException("Kun en teamleder kan henvise til en underskrevet samtykkeerklæring. "
					+ "Lad feltet stå tomt: så deler samtykket det, din enhed har, og de andre enheder bekræfter selv.");
		}
		var recordedFor = policy.actingParty(staff, facts(row).facts(), today());
		var id = store.insertConsent(staff.municipalityId(), row.id(), purpose, EnumSet.copyOf(consent.categories()),
				List.copyOf(new LinkedHashSet<>(consent.recipients())), consent.givenOn(), consent.expiresOn(),
				consent.givenHow(), recordedFor, reference, staff.id(), clock.instant());
		audit.record(event(staff, citizenId, Action.CREATE, categories(consent.categories()), Ground.OWN_CASE,
				"consent " + id, null, Outcome.ALLOWED));
		return id;
	}

	/** A consent of the citizen that has not been withdrawn, for the withdrawal's confirmation page; one audit row. */
	public Consent consentToWithdraw(StaffMember staff, UUID citizenId, UUID consentId) {
		var consent = openConsent(staff, citizenId, consentId);
		audit.record(event(staff, citizenId, Action.READ, categories(consent.categories()), Ground.OWN_CASE,
				"consent " + consentId, null, Outcome.ALLOWED));
		return consent;
	}

	private Consent openConsent(StaffMember staff, UUID citizenId, UUID consentId) {
		var row = ownCaseRow(staff, citizenId, "consent");
		return facts(row).facts()
			.consents()
			.stream()
			.filter(consent -> consent.id().equals(consentId) && !consent.withdrawn())
			.findFirst()
			.orElseThrow(() -> {
				refuse(staff, citizenId, Action.UPDATE, "consent");
				return new NotFoundException("Samtykket findes ikke eller er allerede trukket tilbage.");
			});
	}

	/**
	 * The citizen withdrew the consent: it stops giving access at once. Any unit in the case may record it (a citizen
	 * may say it anywhere), with the citizen's own words; the units the consent concerned are told.
	 */
	public void withdrawConsent(StaffMember staff, UUID citizenId, UUID consentId, String citizensWords) {
		var consent = openConsent(staff, citizenId, consentId);
		var words = withdrawalWords(citizensWords);
		var now = clock.instant();
		if (!store.withdrawConsent(staff.municipalityId(), citizenId, consentId, words, staff.id(), now)) {
			refuse(staff, citizenId, Action.UPDATE, "consent");
			throw new NotFoundException("Samtykket findes ikke eller er allerede trukket tilbage.");
		}
		var facts = facts(store.find(staff.municipalityId(), citizenId).orElseThrow()).facts();
		var party = policy.actingParty(staff, facts, today());
		var concerned = new LinkedHashSet<Recipient>(consent.recipients());
		if (consent.recordedFor() != null) {
			concerned.add(consent.recordedFor());
		}
		concerned.addAll(consent.confirmedBy());
		concerned.remove(party);
		concerned.forEach(other -> store.notice(staff.municipalityId(), citizenId, other, "CONSENT_WITHDRAWN",
				consentId, party == null ? null : party.unitId(), now));
		audit.record(event(staff, citizenId, Action.UPDATE, null, Ground.OWN_CASE, "consent withdrawn " + consentId,
				null, Outcome.ALLOWED));
	}

	/** How the citizen said it, as the staff member writes it down: checked before anything else is shown. */
	public static String withdrawalWords(String words) {
		var written = words == null ? "" : words.strip().replace("\r\n", "\n");
		if (written.length() < 5 || written.length() > 500 || hasControlCharacters(written)) {
			throw new InvalidRequestException(
					"Skriv med mindst 5 og højst 500 tegn, hvad borgeren sagde, da samtykket blev trukket tilbage.");
		}
		return written;
	}

	/**
	 * The staff member's unit (or organisation), in the citizen's case, confirms that what it holds is passed on under
	 * the consent: the holding unit decides (security.md item 3a). Confirming twice changes nothing.
	 */
	public void confirmConsent(StaffMember staff, UUID citizenId, UUID consentId) {
		var consent = openConsent(staff, citizenId, consentId);
		var party = policy.actingParty(staff, facts(store.find(staff.municipalityId(), citizenId).orElseThrow()).facts(),
				today());
		if (!consent.sharesWhatIsHeldBy(party)) {
			store.confirmConsent(staff.municipalityId(), consentId, party, staff.id(), clock.instant());
		}
		audit.record(event(staff, citizenId, Action.UPDATE, categories(consent.categories()), Ground.OWN_CASE,
				"consent confirmed " + consentId, null, Outcome.ALLOWED));
	}

	/**
	 * Records a legal basis for sharing, chosen from the list, instead of a consent. Only a team lead of a unit in the
	 * citizen's case may.
	 */
	public UUID recordLegalBasis(StaffMember staff, UUID citizenId, LegalBasisCode code,
			Set<InformationCategory> categories, Recipient recipient, LocalDate validUntil) {
		if (!staff.has(Role.TEAM_LEAD)) {
			refuse(staff, citizenId, Action.CREATE, "legal basis");
			throw new AccessDeniedException("Only team leads record legal bases");
		}
		var row = ownCaseRow(staff, citizenId, "legal basis");
		if (code == null || categories == null || categories.isEmpty() || recipient == null || validUntil == null) {
			throw new InvalidRequestException("Vælg lovgrundlag, kategorier, modtager og hvor længe det gælder.");
		}
		if (validUntil.isBefore(today()) || validUntil.isAfter(today().plusYears(2))) {
			throw new InvalidRequestException("Lovgrundlaget skal gælde fra i dag og højst to år frem.");
		}
		requireKnownRecipients(staff.municipalityId(), List.of(recipient));
		var recordedFor = policy.actingParty(staff, facts(row).facts(), today());
		var id = store.insertLegalBasis(staff.municipalityId(), row.id(), code, EnumSet.copyOf(categories), recipient,
				validUntil, recordedFor == null ? null : recordedFor.unitId(), staff.id(), clock.instant());
		audit.record(event(staff, citizenId, Action.CREATE, categories(categories),
				new Ground(Basis.LEGAL_BASIS, code.name()), "legal basis " + id, null, Outcome.ALLOWED));
		return id;
	}

	/**
	 * "Breaking the glass": access to a citizen outside one's case, for {@link #EMERGENCY_DURATION}, with a written
	 * reason. Flagged in the audit log and shown to the staff member's unit lead.
	 */
	public EmergencyAccess emergencyAccess(StaffMember staff, UUID citizenId, String reason) {
		requireCaseRole(staff);
		requireMunicipalStaff(staff);
		var written = emergencyReason(reason);
		var reviewer = reviewerOf(staff);
		var row = store.find(staff.municipalityId(), citizenId)
			.filter(candidate -> candidate.status() != Status.ANONYMISED)
			.orElseThrow(() -> notFound(staff, citizenId, Action.EMERGENCY_ACCESS, "citizen"));
		var now = clock.instant();
		var id = store.insertEmergencyAccess(staff.municipalityId(), row.id(), staff.id(), reviewer.unitId(),
				reviewer.reviewerId(), written, now, now.plus(EMERGENCY_DURATION));
		audit.record(event(staff, citizenId, Action.EMERGENCY_ACCESS, null, new Ground(Basis.EMERGENCY, id.toString()),
				"emergency access", null, Outcome.ALLOWED));
		return store.emergencyAccesses(staff.municipalityId(), citizenId)
			.stream()
			.filter(access -> access.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Emergency access to the citizen with this CPR number, asked for from a search that found no visible citizen.
	 * The reason is checked before the number is looked up, so that whether the municipality knows the person is
	 * revealed only to a request with a written reason, which is itself flagged in the audit log. Staff without a
	 * unit or organisation are refused before the lookup: no lead would see their access, and it would give them
	 * nothing but that answer.
	 */
	public EmergencyAccess emergencyAccessByCpr(StaffMember staff, String cprText, String reason) {
		requireCaseRole(staff);
		requireMunicipalStaff(staff);
		emergencyReason(reason);
		reviewerOf(staff);
		var problem = CprNumber.problem(cprText);
		if (problem != null) {
			throw new InvalidRequestException(problem);
		}
		var row = store.findByCprHash(staff.municipalityId(), vault.hash(CprNumber.parse(cprText).orElseThrow()))
			.orElseThrow(() -> notFound(staff, null, Action.EMERGENCY_ACCESS, "citizen"));
		return emergencyAccess(staff, row.id(), reason);
	}

	/**
	 * Emergency access by the staff of the lead's units, newest first, with the written reasons: reading them is
	 * itself a read of personal data and writes one audit row.
	 */
	public List<EmergencyAccess> emergencyAccessesToReview(StaffMember lead) {
		var accesses = accessesToReview(lead);
		audit.record(event(lead, null, Action.READ, null, null, "emergency access review", null, Outcome.ALLOWED));
		return accesses;
	}

	/** The lead has seen an emergency access by the staff of their units; one audit row. */
	public void markEmergencyAccessSeen(StaffMember lead, UUID accessId) {
		var access = accessesToReview(lead).stream()
			.filter(candidate -> candidate.id().equals(accessId))
			.findFirst()
			.orElse(null);
		if (access == null) {
			audit.recordRefusal(event(lead, null, Action.UPDATE, null, null, "emergency access review", "ukendt id",
					Outcome.REFUSED));
			throw new NotFoundException("Nødadgangen findes ikke.");
		}
		store.markEmergencySeen(lead.municipalityId(), access.id(), lead.id(), clock.instant());
		audit.record(event(lead, access.citizenId(), Action.UPDATE, null, new Ground(Basis.EMERGENCY,
				access.id().toString()), "emergency access seen", null, Outcome.ALLOWED));
	}

	private List<EmergencyAccess> accessesToReview(StaffMember lead) {
		if (!lead.has(Role.TEAM_LEAD)) {
			audit.recordRefusal(event(lead, null, Action.READ, null, null, "emergency access review", null,
					Outcome.REFUSED));
			throw new AccessDeniedException("Team lead role required");
		}
		return store.emergencyAccessesToReview(lead.municipalityId(), lead.id(), lead.unitIds());
	}

	/**
	 * Emergency access is for the municipality's own staff, in a unit (security.md item 4): a partner organisation
	 * has no lead of the municipality to review it, and is refused before the number is looked up.
	 */
	private void requireMunicipalStaff(StaffMember staff) {
		if (staff.partnerId() != null || staff.unitIds().isEmpty()) {
			audit.recordRefusal(event(staff, null, Action.EMERGENCY_ACCESS, null, null, "citizen",
					staff.partnerId() != null ? "samarbejdspartner" : "ingen enhed", Outcome.REFUSED));
			throw new AccessDeniedException("Emergency access is for the municipality's own staff in a unit");
		}
	}

	/** The named lead who will review the staff member's emergency access; refused when there is none. */
	private EmergencyReviewers.Reviewer reviewerOf(StaffMember staff) {
		return reviewers.reviewerOf(staff).orElseThrow(() -> {
			audit.recordRefusal(event(staff, null, Action.EMERGENCY_ACCESS, null, null, "citizen", "ingen teamleder",
					Outcome.REFUSED));
			return new NoEmergencyReviewer();
		});
	}

	private static String emergencyReason(String reason) {
		var written = reason == null ? "" : reason.strip();
		if (written.length() < 20 || written.length() > 2000 || hasControlCharacters(written)) {
			throw new InvalidRequestException("Beskriv i mindst 20 og højst 2000 tegn, hvorfor du har brug for adgang nu.");
		}
		return written;
	}

	// The audit log, as the data-protection officer searches it (security.md item 7)

	/**
	 * @param cpr only this citizen's data (or blank)
	 * @param username only this staff member's accesses, by user name (or blank)
	 */
	/**
	 * @param citizenId the citizen of the page before, when the officer asks for the next page (the CPR number is not
	 *        sent again)
	 * @param after the token of the page before's last row, or null for the first page
	 */
	public record AuditSearch(LocalDate from, LocalDate to, Action action, String username, String cpr, UUID citizenId,
			String after) {
	}

	/**
	 * A page of the audit log, with the names of the citizens it concerns (the data-protection officer may read
	 * them), the citizen searched for, and the token of the next page (null on the last).
	 */
	public record AuditPage(List<AuditEvent> events, Map<UUID, String> citizenNames, UUID citizenId, String next) {
	}

	/** Rows per page of the audit log search. */
	public static final int AUDIT_PAGE_SIZE = 100;

	/**
	 * The municipality's audit log for the data-protection officer, a page at a time: the database filters by
	 * citizen, staff member, action and period. A citizen is given by CPR number and found through the keyed hash;
	 * the search itself is audited, with the number replaced by a reference.
	 */
	public AuditPage auditTrail(StaffMember staff, AuditSearch search) {
		if (!staff.has(Role.DATA_PROTECTION_OFFICER)) {
			audit.recordRefusal(event(staff, null, Action.SEARCH, null, null, "audit log", null, Outcome.REFUSED));
			throw new AccessDeniedException("Data-protection officer role required");
		}
		UUID citizenId = null;
		String hash = null;
		if (search.cpr() != null && !search.cpr().isBlank()) {
			var problem = CprNumber.problem(search.cpr());
			if (problem != null) {
				throw new InvalidRequestException(problem);
			}
			hash = vault.hash(CprNumber.parse(search.cpr()).orElseThrow());
			citizenId = store.findByCprHash(staff.municipalityId(), hash).map(CitizenStore.Row::id).orElse(null);
		}
		else if (search.citizenId() != null) {
			citizenId = store.find(staff.municipalityId(), search.citizenId()).map(CitizenStore.Row::id).orElse(null);
			if (citizenId == null) {
				throw new InvalidRequestException("Borgeren fra den forrige side findes ikke længere. Søg igen.");
			}
		}
		var username = search.username() == null ? "" : search.username().strip().toLowerCase(Locale.ROOT);
		if (username.length() > 80 || hasControlCharacters(username)) {
			throw new InvalidRequestException("Brugernavnet må højst være 80 tegn uden kontroltegn.");
		}
		AuditLog.PageKey after = null;
		if (search.after() != null && !search.after().isBlank()) {
			after = AuditLog.PageKey.parse(search.after())
				.orElseThrow(() -> new InvalidRequestException("Siden kan ikke vises. Søg igen fra første side."));
		}
		var zone = clock.getZone();
		var from = search.from() == null ? null : search.from().atStartOfDay(zone).toInstant();
		var to = search.to() == null ? null : search.to().plusDays(1).atStartOfDay(zone).toInstant();
		var page = hash != null && citizenId == null ? new AuditLog.Page(List.of(), null)
				: audit.page(new AuditLog.PageQuery(staff.municipalityId(), citizenId,
						username.isEmpty() ? null : username, search.action(), from, to, after, AUDIT_PAGE_SIZE));
		var criterion = (hash == null ? "" : "cpr:" + hash.substring(0, 12) + " ")
				+ (hash == null && citizenId != null ? "borger fra forrige side " : "")
				+ (username.isEmpty() ? "" : "bruger:" + username + " ")
				+ (search.action() == null ? "" : "handling:" + search.action() + " ")
				+ (from == null ? "" : "fra:" + search.from() + " ") + (to == null ? "" : "til:" + search.to() + " ")
				+ (after == null ? "" : "side 2+ ") + "(" + page.events().size() + " fundet)";
		audit.record(event(staff, citizenId, Action.SEARCH, null, null, "audit log", criterion, Outcome.ALLOWED));
		var shown = page.events()
			.stream()
			.map(AuditEvent::citizenId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		return new AuditPage(page.events(), store.names(staff.municipalityId(), shown), citizenId,
				page.next() == null ? null : page.next().token());
	}

	// The citizen's access account (GDPR art. 15; security.md item 10)

	/**
	 * One look at the citizen's data: when (the day, and the moment), which unit (or organisation), what kind of
	 * access, why, and which categories of information (as the audit log records them, e.g. "housing,employment").
	 */
	public record AccessLine(LocalDate date, String party, Action action, String purpose, Instant at,
			String category) {

		/** The data-protection officer's own check of the log (revision, access requests), not case work. */
		public boolean oversight() {
			return OVERSIGHT_PURPOSES.contains(purpose);
		}
	}

	/** The purposes (see {@link #purpose}) of looks that are checks of the log, not case work. */
	private static final Set<String> OVERSIGHT_PURPOSES = Set.of("revision", "aktindsigt", "tilsyn med nødadgang");

	/**
	 * Who has looked at a citizen's data: dates, units and purposes, not staff names. Produced by the
	 * data-protection officer for the citizen, found by CPR number; producing it is itself audited as an export.
	 */
	public List<AccessLine> accessAccount(StaffMember staff, String cprText) {
		if (!staff.has(Role.DATA_PROTECTION_OFFICER)) {
			audit.recordRefusal(event(staff, null, Action.EXPORT, null, null, "access account", null, Outcome.REFUSED));
			throw new AccessDeniedException("Data-protection officer role required");
		}
		var problem = CprNumber.problem(cprText);
		if (problem != null) {
			throw new InvalidRequestException(problem);
		}
		var hash = vault.hash(CprNumber.parse(cprText).orElseThrow());
		var row = store.findByCprHash(staff.municipalityId(), hash).orElse(null);
		if (row == null) {
			// The search found nothing; it is logged all the same, in a transaction the "not found" cannot undo.
			audit.recordRefusal(event(staff, null, Action.SEARCH, null, null, "access account",
					"cpr:" + hash.substring(0, 12) + " (0 fundet)", Outcome.ALLOWED));
			throw new NotFoundException("Kommunen har ingen oplysninger om en borger med det CPR-nummer.");
		}
		var units = new java.util.HashMap<UUID, String>();
		municipalities.unitsOf(staff.municipalityId()).forEach(unit -> units.put(unit.id(), unit.name()));
		var partners = new java.util.HashMap<UUID, String>();
		municipalities.partnersOf(staff.municipalityId()).forEach(partner -> partners.put(partner.id(), partner.name()));
		var lines = audit.search(new AuditLog.Query(staff.municipalityId(), row.id(), null, null, null, null, 10_000))
			.stream()
			.filter(event -> event.outcome() == Outcome.ALLOWED && event.action() != Action.EXPORT)
			.map(event -> new AccessLine(LocalDate.ofInstant(event.occurredAt(), clock.getZone()),
					event.partnerId() != null ? partners.getOrDefault(event.partnerId(), "Samarbejdspartner")
							: units.getOrDefault(event.actorUnitId(), "Kommunen"),
					event.action(), event.purpose(), event.occurredAt(), event.category()))
			.toList();
		audit.record(event(staff, row.id(), Action.EXPORT, null, new Ground(Basis.LEGAL_BASIS, "GDPR art. 15"),
				"access account", null, Outcome.ALLOWED));
		return lines;
	}

	// Notes

	/**
	 * A note by the staff member's unit in one information category. Only a unit in the citizen's case writes notes,
	 * criminal matters need their own permission, and the service a note names (if any) must be one the municipality
	 * offers now and whose advisers keep records: none may be written as part of a service that keeps none
	 * (security.md item 13).
	 */
	public UUID writeNote(StaffMember staff, UUID citizenId, InformationCategory category, String text,
			UUID serviceId) {
		var row = ownCaseRow(staff, citizenId, "note");
		if (category == null) {
			throw new InvalidRequestException("Vælg notatets kategori.");
		}
		if (category.needsOwnPermission() && !staff.has(Role.CRIMINAL_MATTERS)) {
			refuse(staff, citizenId, Action.CREATE, "note");
			throw new AccessDeniedException("Criminal matters need their own permission");
		}
		var body = text == null ? "" : text.strip().replace("\r\n", "\n");
		if (body.isEmpty() || body.length() > 8000 || hasControlCharacters(body)) {
			throw new InvalidRequestException("Notatet skal have 1 til 8000 tegn og må ikke indeholde kontroltegn.");
		}
		if (serviceId != null) {
			var service = services.find(staff.municipalityId(), serviceId)
				.orElseThrow(() -> new InvalidRequestException("Indsatsen findes ikke i kommunens katalog."));
			if (service.status() != ServiceStatus.ACTIVE) {
				throw new InvalidRequestException("„" + service.name()
						+ "“ er udfaset. Vælg en anden indsats, eller lad feltet stå tomt.");
			}
			if (service.keepsNoRecords()) {
				throw new InvalidRequestException("„" + service.name()
						+ "“ fører ikke optegnelser om de borgere, den hjælper. Der kan ikke skrives notater om en "
						+ "borger som en del af den.");
			}
		}
		var facts = facts(row);
		var author = policy.actingParty(staff, facts.facts(), today());
		var id = store.insertNote(staff.municipalityId(), row.id(), author, serviceId, category, body, staff.id(),
				staff.displayName(), clock.instant());
		audit.record(event(staff, citizenId, Action.CREATE, category.name().toLowerCase(), Ground.OWN_CASE,
				"note " + id, null, Outcome.ALLOWED));
		return id;
	}

	// Helpers

	private record Loaded(CitizenStore.Row row, Facts facts, List<Note> notes) {
	}

	private Loaded facts(CitizenStore.Row row) {
		var municipalityId = row.municipalityId();
		return new Loaded(row, new Facts(store.involvements(municipalityId, row.id()),
				store.consents(municipalityId, row.id()), store.legalBases(municipalityId, row.id()),
				store.emergencyAccesses(municipalityId, row.id())), store.notes(municipalityId, row.id()));
	}

	private Grants grants(StaffMember staff, Facts facts) {
		return policy.grants(staff, facts, today(), clock.instant());
	}

	/** The row, when the staff member may see the record at all; otherwise a logged refusal and "not found". */
	private CitizenStore.Row visibleRow(StaffMember staff, UUID citizenId, Action action, String resource) {
		var row = store.find(staff.municipalityId(), citizenId)
			.filter(candidate -> candidate.status() != Status.ANONYMISED)
			.orElseThrow(() -> notFound(staff, citizenId, action, resource));
		if (!grants(staff, facts(row).facts()).seesRecord()) {
			throw notFound(staff, citizenId, action, resource);
		}
		return row;
	}

	/** The row, when the staff member's unit is in the citizen's case; otherwise a logged refusal. */
	private CitizenStore.Row ownCaseRow(StaffMember staff, UUID citizenId, String resource) {
		requireCaseRole(staff);
		var row = visibleRow(staff, citizenId, Action.UPDATE, resource);
		if (!grants(staff, facts(row).facts()).ownCase()) {
			refuse(staff, citizenId, Action.UPDATE, resource);
			throw new AccessDeniedException("Only a unit in the citizen's case may do this");
		}
		return row;
	}

	private NotFoundException notFound(StaffMember staff, UUID citizenId, Action action, String resource) {
		refuse(staff, citizenId, action, resource);
		return new NotFoundException("Borgeren findes ikke, eller du har ikke adgang til borgeren.");
	}

	private void refuse(StaffMember staff, UUID citizenId, Action action, String resource) {
		var known = citizenId != null && store.find(staff.municipalityId(), citizenId).isPresent();
		audit.recordRefusal(event(staff, known ? citizenId : null, action, null, null, resource,
				known ? null : "ukendt id", Outcome.REFUSED));
	}

	private void requireCaseRole(StaffMember staff) {
		if (!staff.has(Role.CASEWORKER) && !staff.has(Role.OUTREACH_WORKER) && !staff.has(Role.TEAM_LEAD)) {
			audit.recordRefusal(event(staff, null, Action.READ, null, null, "case work", null, Outcome.REFUSED));
			throw new AccessDeniedException("A case-work role is required");
		}
	}

	private Recipient ownParty(StaffMember staff) {
		if (staff.partnerId() != null) {
			return new Recipient(null, staff.partnerId());
		}
		return staff.unitIds()
			.stream()
			.sorted()
			.findFirst()
			.map(unit -> new Recipient(unit, null))
			.orElseThrow(() -> {
				audit.recordRefusal(event(staff, null, Action.CREATE, null, null, "citizen", "ingen enhed",
						Outcome.REFUSED));
				return new AccessDeniedException("Staff without a unit or organisation cannot register citizens");
			});
	}

	private void requireKnownRecipients(UUID municipalityId, List<Recipient> recipients) {
		var units = municipalities.unitsOf(municipalityId).stream().map(unit -> unit.id()).collect(Collectors.toSet());
		var partners = municipalities.partnersOf(municipalityId)
			.stream()
			.map(partner -> partner.id())
			.collect(Collectors.toSet());
		for (var recipient : recipients) {
			boolean known = recipient != null && ((recipient.unitId() != null && recipient.partnerId() == null
					&& units.contains(recipient.unitId()))
					|| (recipient.partnerId() != null && recipient.unitId() == null
							&& partners.contains(recipient.partnerId())));
			if (!known) {
				throw new InvalidRequestException("En modtager findes ikke i kommunen.");
			}
		}
	}

	private Citizen citizen(CitizenStore.Row row) {
		var masked = row.cprEncrypted() == null ? null : vault.decrypt(row.cprEncrypted()).masked();
		return new Citizen(row.id(), row.municipalityId(), row.kind(), masked, row.name(), row.pseudonym(),
				row.birthYear(), row.phone(), row.email(), row.address(), row.preferredLanguage(), row.status(),
				row.closedOn(), row.joinedInto(), row.synthetic());
	}

	private AuditEvent event(StaffMember staff, UUID citizenId, Action action, String category, Ground ground,
			String resource, String criterion, Outcome outcome) {
		return new AuditEvent(staff.municipalityId(), clock.instant(), staff.id(), staff.username(),
				staff.unitIds().stream().sorted().findFirst().orElse(null), role(staff), staff.partnerId(), citizenId,
				action, category, ground == null ? Basis.NONE : ground.basis(), ground == null ? null : ground.reference(),
				purpose(resource), resource, criterion, outcome);
	}

	/**
	 * Why the access was made, as the audit log and the citizen's access account say it: the data-protection officer's
	 * audit search and access account, and a lead's review of emergency access, are not case work.
	 */
	private static String purpose(String resource) {
		return switch (resource) {
			case "audit log" -> "revision";
			case "access account" -> "aktindsigt";
			case "emergency access review", "emergency access seen" -> "tilsyn med nødadgang";
			default -> "sagsbehandling";
		};
	}

	static String role(StaffMember staff) {
		return dk.helhed.audit.ActingRole.of(staff);
	}

	static String categories(Set<InformationCategory> categories) {
		return categories.isEmpty() ? null
				: categories.stream().sorted().map(category -> category.name().toLowerCase()).collect(Collectors.joining(","));
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static String text(String value, int max, boolean required, String what) {
		var stripped = value == null ? "" : value.strip();
		if (stripped.isEmpty() && required) {
			throw new InvalidRequestException(what + " skal udfyldes.");
		}
		if (stripped.length() > max) {
			throw new InvalidRequestException(what + " må højst være " + max + " tegn.");
		}
		if (hasControlCharacters(stripped) || stripped.contains("\n")) {
			throw new InvalidRequestException(what + " må ikke indeholde kontroltegn eller linjeskift.");
		}
		return stripped.isEmpty() ? null : stripped;
	}

	private static String optionalText(String value, int max, String what) {
		return text(value, max, false, what);
	}

	private static boolean hasControlCharacters(String text) {
		return text.chars().anyMatch(c -> (Character.isISOControl(c) && c != '\n' && c != '\t')
				|| Character.getType(c) == Character.FORMAT);
	}

}
