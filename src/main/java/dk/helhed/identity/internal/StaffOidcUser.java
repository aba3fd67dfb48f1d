package dk.helhed.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import dk.helhed.identity.StaffMember;

/**
 * The security principal of a staff member who logged in through the municipality's identity provider (OpenID
 * Connect).
 * <p>
 * The identity provider proves who the person is; Helhed decides what they may do. So the authorities come from
 * Helhed's own roles of the matched account, never from groups, roles or scopes the provider sends. The ID token is
 * kept because logging out at the provider needs it as a hint; nothing else from the provider (no access token, no
 * user info) is kept in the session.
 */
public final class StaffOidcUser implements OidcUser, LoggedInStaff, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final StaffMember member;
	private final OidcIdToken idToken;

	StaffOidcUser(StaffMember member, OidcIdToken idToken) {
		this.member = member;
		this.idToken = idToken;
	}

	@Override
	public StaffMember member() {
		return member;
	}

	@Override
	public Map<String, Object> getClaims() {
		return idToken.getClaims();
	}

	@Override
	public OidcUserInfo getUserInfo() {
		return null;
	}

	@Override
	public OidcIdToken getIdToken() {
		return idToken;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return idToken.getClaims();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return member.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	/** Helhed's user name of the account, which is also the principal name the sessions are indexed by. */
	@Override
	public String getName() {
		return member.username();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StaffOidcUser user && user.member.id().equals(member.id());
	}

	@Override
	public int hashCode() {
		return member.id().hashCode();
	}

	@Override
	public String toString() {
		return "StaffOidcUser[" + member.username() + "]";
	}
}
