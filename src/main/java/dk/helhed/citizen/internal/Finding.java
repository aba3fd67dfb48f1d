package dk.helhed.citizen.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.audit.AuditEvent.Action;
import dk.helhed.citizen.CaseRecords.Citizen;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.KeyedHash;

/** Finding a citizen by CPR number or by name: only those the staff member may see; the search itself is audited. */
@Component
@Transactional
public class Finding {

	private final CaseSupport cases;
	private final CitizenStore store;
	private final KeyedHash hashes;

	Finding(CaseSupport cases, CitizenStore store, KeyedHash hashes) {
		this.cases = cases;
		this.store = store;
		this.hashes = hashes;
	}

	/** Citizens with this CPR number that the staff member may see (at most one). The search itself is audited. */
	public List<Citizen> findByCpr(StaffMember staff, String cprText) {
		var hash = cases.vault.hash(CaseSupport.cpr(cprText));
		var visible = store.findByCprHash(staff.municipalityId(), hash)
			.map(row -> cases.load(staff, row))
			.filter(loaded -> loaded.grants().seesRecord());
		var found = visible.map(loaded -> cases.citizen(loaded.row())).stream().toList();
		cases.allowed(staff, found.isEmpty() ? null : found.getFirst().id(), Action.SEARCH, null,
				visible.map(loaded -> loaded.grants().recordGround()).orElse(null), "citizen search",
				CaseSupport.cprReference(hash));
		return found;
	}

	/**
	 * Citizens whose name (or pseudonym) contains the text and whom the staff member may see. The database returns
	 * only the matches the staff member has a ground for (an involvement, a consent or legal basis naming their unit
	 * or organisation, their own emergency access); {@link AccessPolicy} then decides each of those as it does when
	 * the citizen is opened.
	 */
	public List<Citizen> findByName(StaffMember staff, String text) {
		var cleaned = text == null ? "" : text.strip();
		if (cleaned.length() < 2 || cleaned.length() > 100 || CaseSupport.hasControlCharacters(cleaned)) {
			throw new InvalidRequestException("Skriv mindst 2 og højst 100 tegn af navnet.");
		}
		var found = store.findByName(staff, cleaned, cases.today(), cases.now())
			.stream()
			.filter(row -> cases.load(staff, row).grants().seesRecord())
			.map(cases::citizen)
			.toList();
		// The searched text is kept as a keyed hash, as a CPR number is; each citizen shown gets a reference, so that
		// each finds the search in their access account (issue 8, finding 9).
		cases.audit.record(cases.event(staff, found.size() == 1 ? found.getFirst().id() : null, Action.SEARCH, null,
				null, "citizen search", hashes.reference("navn", cleaned.toLowerCase(Locale.ROOT)) + " ("
						+ found.size() + " fundet)", dk.helhed.audit.AuditEvent.Outcome.ALLOWED),
				found.stream().map(Citizen::id).toList());
		return found;
	}

}
