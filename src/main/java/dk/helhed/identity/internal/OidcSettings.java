package dk.helhed.identity.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a person who logs in through the municipality's identity provider (OpenID Connect) is matched to a staff
 * account. The provider itself is configured with Spring Boot's {@code spring.security.oauth2.client.*} properties;
 * without a registration there, none of this is used.
 *
 * @param usernameClaim the claim of the ID token (or user info) that names the person, e.g. {@code preferred_username}
 *        or {@code email}
 * @param matchBy which column of the staff account the claim's value is compared with (ignoring case)
 * @param municipalities for each registration id, the municipality (by slug) whose staff the provider may log in;
 *        needed when several providers are configured, so that one municipality's provider cannot vouch for another
 *        municipality's staff
 */
@ConfigurationProperties("helhed.oidc")
record OidcSettings(@DefaultValue("preferred_username") String usernameClaim, @DefaultValue("USERNAME") MatchBy matchBy,
		@DefaultValue Map<String, String> municipalities) {

	enum MatchBy {
		/** The claim holds Helhed's user name. */
		USERNAME,
		/** The claim holds the e-mail address recorded on the staff account. */
		EMAIL
	}
}
