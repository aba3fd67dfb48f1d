package dk.helhed.identity;

import java.util.Map;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.nimbusds.jose.JOSEObjectType;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A municipality's identity provider for a test: a real OpenID Connect provider (mock-oauth2-server) on a free port
 * of this machine, registered in the application as {@code kommune} with Spring Boot's ordinary properties.
 * <p>
 * Its login is not interactive: it answers an authorization request at once with a code, and the ID token for that
 * code carries the claims the test chose with {@link #willLogIn(Map)}.
 */
final class IdentityProvider implements AutoCloseable {

	static final String ISSUER = "kommune-idp";

	private final MockOAuth2Server server = new MockOAuth2Server();

	IdentityProvider() {
		server.start();
	}

	/** Registers the provider the way an operator would configure it. */
	void register(DynamicPropertyRegistry properties) {
		properties.add("spring.security.oauth2.client.provider.kommune.issuer-uri", () -> issuer());
		properties.add("spring.security.oauth2.client.registration.kommune.client-id", () -> "helhed");
		properties.add("spring.security.oauth2.client.registration.kommune.client-secret", () -> "hemmelighed");
		properties.add("spring.security.oauth2.client.registration.kommune.scope", () -> "openid,profile,email");
	}

	String issuer() {
		return server.issuerUrl(ISSUER).toString();
	}

	/** The scheme, host and port the provider answers on. */
	String origin() {
		return "http://localhost:" + server.baseUrl().port();
	}

	/** The next login at the provider is of a person with these claims (and a subject of their own). */
	void willLogIn(Map<String, Object> claims) {
		server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "sub-" + UUID.randomUUID(),
				JOSEObjectType.JWT.getType(), null, claims, 3600));
	}

	@Override
	public void close() {
		server.shutdown();
	}
}
