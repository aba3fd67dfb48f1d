package dk.helhed.citizen;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.citizen.CaseRecords.Citizen;
import dk.helhed.citizen.CaseRecords.Recipient;

/**
 * What one staff member may see of one citizen right now, as the gate decided it (and logged it).
 *
 * @param citizen the record, with the CPR number masked
 * @param ownCase the staff member's unit or organisation is involved in the citizen's case
 * @param party the unit or organisation the staff member acts for in this case (null only for staff without one)
 * @param categories the categories of information held by others that some ground lets the staff member see (for
 *        display: whose information each ground passes on is in {@code shares})
 * @param shares each ground in force, the categories it covers and whose information it passes on
 * @param criminalMatters the staff member has the permission for criminal matters (GDPR art. 10)
 */
public record CaseView(Citizen citizen, boolean ownCase, Recipient party, Map<InformationCategory, Ground> categories,
		List<Share> shares, boolean criminalMatters) {

	/** Why something may be seen: the basis and its reference (a consent's id, a legal basis' code). */
	public record Ground(Basis basis, String reference) {

		public static final Ground OWN_CASE = new Ground(Basis.OWN_CASE, null);
	}

	/**
	 * One ground in force: a consent, a legal basis, an emergency access or a ground another module holds, with the
	 * categories it covers and whose information it passes on (a consent passes on only what the units that recorded
	 * or confirmed it hold: no unit gives itself access by its own hand).
	 */
	public record Share(Ground ground, Set<InformationCategory> categories, Predicate<Recipient> passesOnWhatIsHeldBy) {

		public Share {
			categories = Set.copyOf(categories);
		}
	}

	public CaseView {
		categories = Map.copyOf(categories);
		shares = List.copyOf(shares);
	}

	public UUID citizenId() {
		return citizen.id();
	}

	public UUID municipalityId() {
		return citizen.municipalityId();
	}

	/**
	 * The ground on which information of this category, held (written, recorded) by this unit or organisation, may
	 * be seen, or empty: what the staff member's own party holds in an own case, otherwise a ground that covers the
	 * category and passes on what this holder holds; criminal matters only with the permission.
	 */
	public Optional<Ground> groundFor(InformationCategory category, Recipient holder) {
		if (category.needsOwnPermission() && !criminalMatters) {
			return Optional.empty();
		}
		if (ownCase && isOwn(holder)) {
			return Optional.of(Ground.OWN_CASE);
		}
		if (holder == null) {
			return Optional.empty();
		}
		return shares.stream()
			.filter(share -> share.categories().contains(category) && share.passesOnWhatIsHeldBy().test(holder))
			.map(Share::ground)
			.findFirst();
	}

	/** May see information of this category held by this party. */
	public boolean sees(InformationCategory category, Recipient holder) {
		return groundFor(category, holder).isPresent();
	}

	/** The categories held by others that the staff member may see. */
	public Set<InformationCategory> sharedCategories() {
		return categories.keySet();
	}

	/** The holder is the party the staff member acts for. */
	public boolean isOwn(Recipient holder) {
		return holder != null && party != null && holder.equals(party);
	}
}
