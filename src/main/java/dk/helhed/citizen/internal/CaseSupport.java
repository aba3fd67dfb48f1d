package dk.helhed.citizen.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import dk.helhed.audit.ActingRole;
import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditEvent.Action;
import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.audit.AuditEvent.Outcome;
import dk.helhed.audit.AuditLog;
import dk.helhed.citizen.CaseRecords.Citizen;
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
import dk.helhed.platform.NotFoundException;

/**
 * What the case-work use cases ({@link Finding}, {@link Registration}, {@link CaseReading}, {@link NoteWriting},
 * {@link Closing}, {@link PartnerWork}, {@link SharingBases}, {@link EmergencyWork}, {@link DataProtection}) share:
 * the case read once per request and decided by {@link AccessPolicy}, the refusals and their audit rows, the acting
 * party, the mapping of a row to what leaves the module, and the text rules of their fields. Each rule is here once.
 */
@Component
class CaseSupport {

	/**
	 * One citizen's case as a request reads it, once: the row, the facts the decision is made from, and what the
	 * staff member may see.
	 */
	record Case(CitizenStore.Row row, Facts facts, Grants grants) {

		UUID id() {
			return row.id();
		}
	}

	final CitizenStore store;

	final CaseNoteStore noteStore;
	final AccessPolicy policy;
	final CprVault vault;
	final AuditLog audit;
	final Municipalities municipalities;
	final Clock clock;

	CaseSupport(CitizenStore store, CaseNoteStore noteStore,
			AccessPolicy policy, CprVault vault, AuditLog audit, Municipalities municipalities,
			Clock clock) {
		this.store = store;
		this.noteStore = noteStore;
		this.policy = policy;
		this.vault = vault;
		this.audit = audit;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	/** The facts of this row's case and the staff member's grants, read once. */
	Case load(StaffMember staff, CitizenStore.Row row) {
		var facts = store.facts(row.municipalityId(), row.id());
		return new Case(row, facts, policy.grants(staff, facts, today(), now()));
	}

	/** The case, when the staff member may see the record at all; otherwise a logged refusal and "not found". */
	Case visible(StaffMember staff, UUID citizenId, Action action, String resource) {
		var found = store.find(staff.municipalityId(), citizenId);
		var row = found.filter(candidate -> candidate.status() != Status.ANONYMISED).orElse(null);
		var loaded = row == null ? null : load(staff, row);
		if (loaded == null || !loaded.grants().seesRecord()) {
			throw notFound(staff, found.isPresent() ? citizenId : null, action, resource);
		}
		return loaded;
	}

	/** The case, when the staff member's unit is in it; otherwise a logged refusal. */
	Case ownCase(StaffMember staff, UUID citizenId, String resource) {
		requireCaseRole(staff);
		var loaded = visible(staff, citizenId, Action.UPDATE, resource);
		if (!loaded.grants().ownCase()) {
			refuseKnown(staff, citizenId, Action.UPDATE, resource);
			throw new AccessDeniedException("Only a unit in the citizen's case may do this");
		}
		return loaded;
	}

	/** The unit or organisation the staff member acts for in this case. */
	Recipient actingParty(StaffMember staff, Case loaded) {
		return policy.actingParty(staff, loaded.facts(), today());
	}

	/** A logged refusal for a citizen id that may or may not exist, and "not found". */
	NotFoundException notFound(StaffMember staff, UUID knownCitizenId, Action action, String resource) {
		audit.recordRefusal(event(staff, knownCitizenId, action, null, null, resource,
				knownCitizenId == null ? "ukendt id" : null, Outcome.REFUSED));
		return new NotFoundException("Borgeren findes ikke, eller du har ikke adgang til borgeren.");
	}

	/** A logged refusal for a citizen whose id is known to exist (the case has been read). */
	void refuseKnown(StaffMember staff, UUID citizenId, Action action, String resource) {
		audit.recordRefusal(event(staff, citizenId, action, null, null, resource, null, Outcome.REFUSED));
	}

	/** A logged refusal before the case is read: whether the id is a citizen's is looked up for the audit row. */
	void refuse(StaffMember staff, UUID citizenId, Action action, String resource) {
		var known = citizenId != null && store.find(staff.municipalityId(), citizenId).isPresent();
		audit.recordRefusal(event(staff, known ? citizenId : null, action, null, null, resource,
				known ? null : "ukendt id", Outcome.REFUSED));
	}

	void requireCaseRole(StaffMember staff) {
		if (!staff.has(Role.CASEWORKER) && !staff.has(Role.OUTREACH_WORKER) && !staff.has(Role.TEAM_LEAD)) {
			audit.recordRefusal(event(staff, null, Action.READ, null, null, "case work", null, Outcome.REFUSED));
			throw new AccessDeniedException("A case-work role is required");
		}
	}

	/** The unit (the first of the staff member's) or organisation a new record is registered for. */
	Recipient ownParty(StaffMember staff) {
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

	void requireKnownRecipients(UUID municipalityId, List<Recipient> recipients) {
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

	/** The CPR number as written, checked: a clear Danish message when it is not one. */
	static CprNumber cpr(String text) {
		var problem = CprNumber.problem(text);
		if (problem != null) {
			throw new InvalidRequestException(problem);
		}
		return CprNumber.parse(text).orElseThrow();
	}

	/** The reference to a CPR number's keyed hash an audit row's criterion carries instead of the number. */
	static String cprReference(String hash) {
		return "cpr:" + hash.substring(0, 12);
	}

	Citizen citizen(CitizenStore.Row row) {
		var masked = row.cprEncrypted() == null ? null : vault.decrypt(row.cprEncrypted()).masked();
		return new Citizen(row.id(), row.municipalityId(), row.kind(), masked, row.name(), row.pseudonym(),
				row.birthYear(), row.phone(), row.email(), row.address(), row.preferredLanguage(), row.status(),
				row.closedOn(), row.joinedInto(), row.synthetic());
	}

	AuditEvent event(StaffMember staff, UUID citizenId, Action action, String category, Ground ground,
			String resource, String criterion, Outcome outcome) {
		return new AuditEvent(staff.municipalityId(), now(), staff.id(), staff.username(),
				staff.unitIds().stream().sorted().findFirst().orElse(null), ActingRole.of(staff), staff.partnerId(),
				citizenId, action, category, ground == null ? Basis.NONE : ground.basis(),
				ground == null ? null : ground.reference(), purpose(resource), resource, criterion, outcome);
	}

	/** Writes the audit row of an allowed access, in the request's transaction. */
	void allowed(StaffMember staff, UUID citizenId, Action action, String category, Ground ground, String resource) {
		allowed(staff, citizenId, action, category, ground, resource, null);
	}

	void allowed(StaffMember staff, UUID citizenId, Action action, String category, Ground ground, String resource,
			String criterion) {
		audit.record(event(staff, citizenId, action, category, ground, resource, criterion, Outcome.ALLOWED));
	}

	/**
	 * Why the access was made, as the audit log and the citizen's access account say it: the data-protection officer's
	 * audit search and access account, and a lead's review of emergency access, are not case work.
	 */
	static String purpose(String resource) {
		return switch (resource) {
			case "audit log" -> "revision";
			case "access account" -> "aktindsigt";
			case "emergency access review", "emergency access seen" -> "tilsyn med nødadgang";
			default -> "sagsbehandling";
		};
	}

	static String categories(Set<InformationCategory> categories) {
		return categories.isEmpty() ? null
				: categories.stream().sorted().map(category -> category.name().toLowerCase()).collect(Collectors.joining(","));
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	Instant now() {
		return clock.instant();
	}

	/** A one-line text field: stripped, at most {@code max} characters, no control characters or line breaks. */
	static String text(String value, int max, boolean required, String what) {
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

	static String optionalText(String value, int max, String what) {
		return text(value, max, false, what);
	}

	/** A reason on one line of {@code min} to {@code max} characters, or the message. */
	static String oneLineReason(String reason, int min, int max, String message) {
		var written = reason == null ? "" : reason.strip();
		if (written.length() < min || written.length() > max || hasControlCharacters(written)
				|| written.contains("\n")) {
			throw new InvalidRequestException(message);
		}
		return written;
	}

	static boolean hasControlCharacters(String text) {
		return text.chars().anyMatch(c -> (Character.isISOControl(c) && c != '\n' && c != '\t')
				|| Character.getType(c) == Character.FORMAT);
	}

}
