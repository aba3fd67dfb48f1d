package dk.helhed.platform;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public catalog and its API are open to everyone, read-only; staff pages ({@code /personale/**}) need a login.
 * Strict browser security headers on every response, CSRF protection on every form, a new session id at login.
 * <p>
 * Staff log in with a local account (user name and password; the embedded default), through the municipality's
 * identity provider with OpenID Connect, or both. The provider is configured with Spring Boot's
 * {@code spring.security.oauth2.client.*} properties; without a registration there, only the local login exists.
 * {@code helhed.login.local-enabled=false} turns the local login off. Who a person from the provider is in Helhed,
 * the identity module decides (its {@code OAuth2UserService} bean).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action %s; frame-ancestors 'none'";

	/** The API documentation page uses inline styles of its own; it shows no personal data. */
	private static final String API_DOCS_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

	/** What an OAuth 2.0 error code looks like; only such a code is put in the login page's address. */
	private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,40}");

	@Bean
	@Order(1)
	SecurityFilterChain apiDocumentation(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/docs", "/api/docs/**", "/swagger-ui/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_DOCS_POLICY)))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	/**
	 * The operators' port ({@code management.server.port}): health and the Prometheus scrape, without a login, because
	 * the port is reachable only from where the operators say (localhost by default, {@code management.server.address}).
	 * The matcher matches only requests to the management port while it differs from the public one; on the public port
	 * the site's chain below refuses every {@code /actuator} address but health. Should someone set the management
	 * port to the public one, the metrics are refused there too: they are never public.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain operators(HttpSecurity http, Environment environment) throws Exception {
		boolean ownPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers(EndpointRequest.to("health")).permitAll();
				if (ownPort) {
					requests.requestMatchers(EndpointRequest.to("prometheus")).permitAll();
				}
				requests.anyRequest().denyAll();
			})
			.csrf(csrf -> csrf.disable())
			.sessionManagement(sessions -> sessions
				.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(10)
	SecurityFilterChain site(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
			ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> staffFromProvider,
			ObjectProvider<AuthenticationSuccessHandler> afterLogin, ObjectProvider<AccessDeniedHandler> refusals,
			@Value("${helhed.login.local-enabled:true}") boolean localLogin,
			@Value("${helhed.oidc.end-provider-session:true}") boolean endProviderSession) throws Exception {
		var providers = registrations.getIfAvailable();
		if (!localLogin && providers == null) {
			throw new IllegalStateException("helhed.login.local-enabled is false and no OpenID Connect registration "
					+ "is configured (spring.security.oauth2.client.registration.*): nobody could log in");
		}
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/actuator/**").denyAll()
			.requestMatchers("/personale", "/personale/**").authenticated()
			.anyRequest().permitAll());
		if (localLogin) {
			http.formLogin(form -> {
				form.loginPage("/log-ind")
					.loginProcessingUrl("/log-ind")
					.defaultSuccessUrl("/personale", false)
					// An address that must wait is told so; every other refusal says the same, whatever the reason.
					.failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath()
							+ ("helhed_wait".equals(exception.getMessage()) ? "/log-ind?fejl=helhed_wait" : "/log-ind?fejl")))
					.permitAll();
				afterLogin.ifAvailable(form::successHandler);
			});
		}
		if (providers != null) {
			// The same session rules as the local login: the session fixation protection below gives the session a
			// new id when the provider's answer has been checked, and logout ends the session.
			http.oauth2Login(login -> {
				login.loginPage("/log-ind")
					.defaultSuccessUrl("/personale", false)
					.failureHandler(SecurityConfiguration::providerLoginFailed)
					.authorizedClientRepository(new KeepNoTokens());
				afterLogin.ifAvailable(login::successHandler);
				staffFromProvider.ifAvailable(service -> login.userInfoEndpoint(info -> info.oidcUserService(service)));
			});
		}
		var formTargets = new LinkedHashSet<String>();
		formTargets.add("'self'");
		http.logout(logout -> {
			logout.logoutUrl("/log-ud")
				.logoutSuccessUrl("/log-ind?udlogget")
				.invalidateHttpSession(true)
				.deleteCookies("SESSION");
			if (providers != null && endProviderSession) {
				// Ends the session at the provider too (RP-initiated logout), when the provider offers it; otherwise
				// the next person at a shared computer could log in again without a password.
				var handler = new OidcClientInitiatedLogoutSuccessHandler(providers);
				handler.setPostLogoutRedirectUri("{baseUrl}/log-ind?udlogget");
				handler.setDefaultTargetUrl("/log-ind?udlogget");
				logout.logoutSuccessHandler(handler);
				// The logout form's POST is redirected to the provider; browsers check that redirect against
				// form-action.
				formTargets.addAll(endSessionOrigins(providers));
			}
		});
		var policy = CONTENT_SECURITY_POLICY.formatted(String.join(" ", formTargets));
		http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
		// Where a login leads, and what a refusal answers (a form sent after the session expired is kept, not lost),
		// the identity module decides.
		var refusal = refusals.getIfAvailable();
		if (refusal != null) {
			http.exceptionHandling(handling -> handling.accessDeniedHandler(refusal));
		}
		http.anonymous(anonymous -> {
		});
		return http.build();
	}

	/**
	 * Back to the login page with the OAuth 2.0 error code (Helhed's own when the person has no account here or it is
	 * closed, the provider's otherwise), so that the page can say what went wrong.
	 */
	private static void providerLoginFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		var code = exception instanceof OAuth2AuthenticationException refusal ? refusal.getError().getErrorCode() : "";
		if (code == null || !ERROR_CODE.matcher(code).matches()) {
			code = "login_failed";
		}
		response.sendRedirect(request.getContextPath() + "/log-ind?fejl=" + code);
	}

	private static LinkedHashSet<String> endSessionOrigins(ClientRegistrationRepository providers) {
		var origins = new LinkedHashSet<String>();
		if (providers instanceof Iterable<?> all) {
			for (var each : all) {
				var endpoint = ((ClientRegistration) each).getProviderDetails()
					.getConfigurationMetadata()
					.get("end_session_endpoint");
				if (endpoint != null) {
					var uri = URI.create(endpoint.toString());
					origins.add(uri.getScheme() + "://" + uri.getRawAuthority());
				}
			}
		}
		return origins;
	}

	/**
	 * Helhed calls no API with the provider's tokens, so it keeps none: no access or refresh token in the session
	 * store. (The ID token stays with the logged-in person, as the hint for logging out at the provider.)
	 */
	private static final class KeepNoTokens implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}
	}
}
