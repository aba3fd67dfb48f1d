package dk.helhed.identity;

import java.util.Optional;

import org.springframework.security.core.context.SecurityContextHolder;

import dk.helhed.identity.internal.StaffPrincipal;

/**
 * The staff member behind the current request.
 */
public final class CurrentStaff {

	private CurrentStaff() {
	}

	public static Optional<StaffMember> find() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
			return Optional.of(principal.member());
		}
		return Optional.empty();
	}

	/** The staff member; only call behind a login. */
	public static StaffMember get() {
		return find().orElseThrow(() -> new IllegalStateException("No staff member is logged in"));
	}
}
