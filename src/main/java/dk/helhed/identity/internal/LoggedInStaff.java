package dk.helhed.identity.internal;

import dk.helhed.identity.StaffMember;

/**
 * A security principal that stands for a member of staff, however they logged in.
 */
public sealed interface LoggedInStaff permits StaffPrincipal {

	StaffMember member();
}
