package dk.helhed.identity.internal;

import dk.helhed.identity.StaffMember;

/**
 * A security principal that stands for a member of staff, however they logged in: with a local password
 * ({@link StaffPrincipal}) or through the municipality's identity provider ({@link StaffOidcUser}).
 */
public sealed interface LoggedInStaff permits StaffPrincipal, StaffOidcUser {

	StaffMember member();
}
