package dk.helhed.audit;

import java.util.List;

import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;

/**
 * The one rule for the role an audit row says a staff member acted in (security.md item 7): the case-work roles come
 * first, because an access to a citizen's data is case work when the staff member may do case work at all; then the
 * roles that reach personal data for another purpose; then the others. {@link Role#CRIMINAL_MATTERS} is a permission,
 * not a role anyone acts in. A scheduled job of the system acts as {@link #SYSTEM}.
 */
public final class ActingRole {

	/** The role of the system's own jobs (e.g. retention), which act for no staff member. */
	public static final String SYSTEM = "SYSTEM";

	private static final List<Role> PRECEDENCE = List.of(Role.CASEWORKER, Role.OUTREACH_WORKER, Role.TEAM_LEAD,
			Role.DATA_PROTECTION_OFFICER, Role.ADMINISTRATOR, Role.CATALOG_EDITOR, Role.UNIT_EDITOR,
			Role.PARTICIPATION_COORDINATOR);

	private ActingRole() {
	}

	/** The role the staff member acted in, or null if they hold none of the roles one acts in. */
	public static String of(StaffMember staff) {
		for (var role : PRECEDENCE) {
			if (staff.has(role)) {
				return role.name();
			}
		}
		return null;
	}
}
