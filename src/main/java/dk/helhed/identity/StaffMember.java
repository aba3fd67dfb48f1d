package dk.helhed.identity;

import java.util.Set;
import java.util.UUID;

/**
 * A logged-in member of staff, as other modules see them.
 *
 * @param partnerId the partner organisation the person works for, or null for municipal staff
 */
public record StaffMember(UUID id, UUID municipalityId, String username, String displayName, Set<Role> roles,
		Set<UUID> unitIds, UUID partnerId) implements java.io.Serializable {

	public StaffMember {
		roles = Set.copyOf(roles);
		unitIds = Set.copyOf(unitIds);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** Manages the municipality's staff accounts. */
	public boolean isAdministrator() {
		return has(Role.ADMINISTRATOR);
	}

	public boolean isCatalogEditor() {
		return has(Role.CATALOG_EDITOR);
	}

	/** Works with citizens: caseworker, outreach worker or team lead. */
	public boolean isCaseWorker() {
		return has(Role.CASEWORKER) || has(Role.OUTREACH_WORKER) || has(Role.TEAM_LEAD);
	}

	public boolean isTeamLead() {
		return has(Role.TEAM_LEAD);
	}

	public boolean isDataProtectionOfficer() {
		return has(Role.DATA_PROTECTION_OFFICER);
	}

	/** Plans participation meetings, answers and moderates citizens' proposals. */
	public boolean isParticipationCoordinator() {
		return has(Role.PARTICIPATION_COORDINATOR);
	}

	public boolean belongsTo(UUID unitId) {
		return unitId != null && unitIds.contains(unitId);
	}
}
