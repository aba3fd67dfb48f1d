package dk.helhed.citizen.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditEvent.Action;
import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.audit.AuditEvent.Outcome;
import dk.helhed.audit.AuditLog;
import dk.helhed.citizen.internal.AccessPolicy.Ground;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;

/**
 * The data-protection officer's work: the municipality's audit log searched a page at a time (security.md item 7),
 * and the citizen's access account (GDPR art. 15; security.md item 10). Both are themselves audited.
 */
@Component
@Transactional
public class DataProtection {

	private final CaseSupport cases;
	private final CitizenStore store;

	DataProtection(CaseSupport cases, CitizenStore store) {
		this.cases = cases;
		this.store = store;
	}

	// The audit log, as the data-protection officer searches it (security.md item 7)

	/**
	 * @param cpr only this citizen's data (or blank)
	 * @param username only this staff member's accesses, by user name (or blank)
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
			cases.audit.recordRefusal(cases.event(staff, null, Action.SEARCH, null, null, "audit log", null, Outcome.REFUSED));
			throw new AccessDeniedException("Data-protection officer role required");
		}
		UUID citizenId = null;
		String hash = null;
		if (search.cpr() != null && !search.cpr().isBlank()) {
			hash = cases.vault.hash(CaseSupport.cpr(search.cpr()));
			citizenId = store.findByCprHash(staff.municipalityId(), hash).map(CitizenStore.Row::id).orElse(null);
		}
		else if (search.citizenId() != null) {
			citizenId = store.find(staff.municipalityId(), search.citizenId()).map(CitizenStore.Row::id).orElse(null);
			if (citizenId == null) {
				throw new InvalidRequestException("Borgeren fra den forrige side findes ikke længere. Søg igen.");
			}
		}
		var username = search.username() == null ? "" : search.username().strip().toLowerCase(Locale.ROOT);
		if (username.length() > 80 || CaseSupport.hasControlCharacters(username)) {
			throw new InvalidRequestException("Brugernavnet må højst være 80 tegn uden kontroltegn.");
		}
		AuditLog.PageKey after = null;
		if (search.after() != null && !search.after().isBlank()) {
			after = AuditLog.PageKey.parse(search.after())
				.orElseThrow(() -> new InvalidRequestException("Siden kan ikke vises. Søg igen fra første side."));
		}
		var zone = cases.clock.getZone();
		var from = search.from() == null ? null : search.from().atStartOfDay(zone).toInstant();
		var to = search.to() == null ? null : search.to().plusDays(1).atStartOfDay(zone).toInstant();
		var page = hash != null && citizenId == null ? new AuditLog.Page(List.of(), null)
				: cases.audit.page(new AuditLog.PageQuery(staff.municipalityId(), citizenId,
						username.isEmpty() ? null : username, search.action(), from, to, after, AUDIT_PAGE_SIZE));
		var criterion = (hash == null ? "" : CaseSupport.cprReference(hash) + " ")
				+ (hash == null && citizenId != null ? "borger fra forrige side " : "")
				+ (username.isEmpty() ? "" : "bruger:" + username + " ")
				+ (search.action() == null ? "" : "handling:" + search.action() + " ")
				+ (from == null ? "" : "fra:" + search.from() + " ") + (to == null ? "" : "til:" + search.to() + " ")
				+ (after == null ? "" : "side 2+ ") + "(" + page.events().size() + " fundet)";
		cases.audit.record(cases.event(staff, citizenId, Action.SEARCH, null, null, "audit log", criterion, Outcome.ALLOWED));
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

	/** The purposes (see {@link CaseSupport#purpose}) of looks that are checks of the log, not case work. */
	private static final Set<String> OVERSIGHT_PURPOSES = Set.of("revision", "aktindsigt", "tilsyn med nødadgang");

	/**
	 * Who has looked at a citizen's data: dates, units and purposes, not staff names. Produced by the
	 * data-protection officer for the citizen, found by CPR number; producing it is itself audited as an export.
	 */
	public List<AccessLine> accessAccount(StaffMember staff, String cprText) {
		if (!staff.has(Role.DATA_PROTECTION_OFFICER)) {
			cases.audit.recordRefusal(cases.event(staff, null, Action.EXPORT, null, null, "access account", null, Outcome.REFUSED));
			throw new AccessDeniedException("Data-protection officer role required");
		}
		var hash = cases.vault.hash(CaseSupport.cpr(cprText));
		var row = store.findByCprHash(staff.municipalityId(), hash).orElse(null);
		if (row == null) {
			// The search found nothing; it is logged all the same, in a transaction the "not found" cannot undo.
			cases.audit.recordRefusal(cases.event(staff, null, Action.SEARCH, null, null, "access account",
					CaseSupport.cprReference(hash) + " (0 fundet)", Outcome.ALLOWED));
			throw new NotFoundException("Kommunen har ingen oplysninger om en borger med det CPR-nummer.");
		}
		var units = new HashMap<UUID, String>();
		cases.municipalities.unitsOf(staff.municipalityId()).forEach(unit -> units.put(unit.id(), unit.name()));
		var partners = new HashMap<UUID, String>();
		cases.municipalities.partnersOf(staff.municipalityId()).forEach(partner -> partners.put(partner.id(), partner.name()));
		var lines = cases.audit.search(new AuditLog.Query(staff.municipalityId(), row.id(), null, null, null, null, 10_000))
			.stream()
			.filter(event -> event.outcome() == Outcome.ALLOWED && event.action() != Action.EXPORT)
			.map(event -> new AccessLine(LocalDate.ofInstant(event.occurredAt(), cases.clock.getZone()),
					event.partnerId() != null ? partners.getOrDefault(event.partnerId(), "Samarbejdspartner")
							: units.getOrDefault(event.actorUnitId(), "Kommunen"),
					event.action(), event.purpose(), event.occurredAt(), event.category()))
			.toList();
		cases.audit.record(cases.event(staff, row.id(), Action.EXPORT, null, new Ground(Basis.LEGAL_BASIS, "GDPR art. 15"),
				"access account", null, Outcome.ALLOWED));
		return lines;
	}

}
