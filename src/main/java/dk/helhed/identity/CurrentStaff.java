package dk.helhed.identity;

import java.util.Optional;

import org.springframework.security.core.context.SecurityContextHolder;

import dk.helhed.identity.internal.LoggedInStaff;

/**
 * The staff member behind the current request, whether they logged in with a local password or through the
 * municipality's identity provider.
 */
public final class CurrentStaff {

	private CurrentStaff() {
	}

	public static Optional<StaffMember> find() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof LoggedInStaff staff) {
			return Optional.of(staff.member());
		}
		return Optional.empty();
	}

	/** The staff member; only call behind a login. */
	public static StaffMember get() {
		return find().orElseThrow(() -> new IllegalStateException("No staff member is logged in"));
	}
}
