package dk.helhed.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Component;

/**
 * The requests Helhed sends a member of staff to the municipality's identity provider with (OpenID Connect). An
 * ordinary login is Spring Security's default request. When the staff member is on their way to confirm who they are
 * before an administrator action (see {@link ReauthenticationController}), the request also asks the provider to
 * make them log in again, however recently they did: {@code prompt=login} and {@code max_age=0}. Whether the provider
 * did so, the {@code auth_time} of the ID token it sends back tells.
 * <p>
 * Spring Security's OAuth 2.0 login uses this bean for every authorization request; it is never called when no
 * provider is configured.
 */
@Component
class ProviderLoginRequests implements OAuth2AuthorizationRequestResolver {

	private final ObjectProvider<ClientRegistrationRepository> registrations;
	private final IdentityConfirmations confirmations;

	private volatile DefaultOAuth2AuthorizationRequestResolver ordinary;
	private volatile DefaultOAuth2AuthorizationRequestResolver loginAgain;

	ProviderLoginRequests(ObjectProvider<ClientRegistrationRepository> registrations,
			IdentityConfirmations confirmations) {
		this.registrations = registrations;
		this.confirmations = confirmations;
	}

	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		return resolver(request).resolve(request);
	}

	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
		return resolver(request).resolve(request, clientRegistrationId);
	}

	private DefaultOAuth2AuthorizationRequestResolver resolver(HttpServletRequest request) {
		if (ordinary == null) {
			var repository = registrations.getObject();
			var base = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI;
			var again = new DefaultOAuth2AuthorizationRequestResolver(repository, base);
			again.setAuthorizationRequestCustomizer(builder -> builder.additionalParameters(parameters -> {
				parameters.put("prompt", "login");
				parameters.put("max_age", "0");
			}));
			loginAgain = again;
			ordinary = new DefaultOAuth2AuthorizationRequestResolver(repository, base);
		}
		return confirmations.providerRequestPending(request) ? loginAgain : ordinary;
	}
}
