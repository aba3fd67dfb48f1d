package dk.helhed.identity.internal;

import java.time.Instant;
import java.util.Collection;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import dk.helhed.identity.StaffMember;

/**
 * The security principal of a staff member who logged in with a local password.
 */
public final class StaffPrincipal implements UserDetails, CredentialsContainer, LoggedInStaff {

	/** Fixed at the value the class had before, so that sessions stored in the database stay readable. */
	private static final long serialVersionUID = -5689398245916935732L;

	private final StaffMember member;
	private String passwordHash;
	private final boolean enabled;
	private final Instant lockedUntil;
	private final Instant now;

	StaffPrincipal(StaffMember member, String passwordHash, boolean enabled, Instant lockedUntil, Instant now) {
		this.member = member;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.lockedUntil = lockedUntil;
		this.now = now;
	}

	@Override
	public StaffMember member() {
		return member;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return member.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return member.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return lockedUntil == null || !lockedUntil.isAfter(now);
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StaffPrincipal principal && principal.member.id().equals(member.id());
	}

	@Override
	public int hashCode() {
		return member.id().hashCode();
	}

	@Override
	public String toString() {
		return "StaffPrincipal[" + member.username() + "]";
	}

}
