package dk.helhed.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The public catalog and its API are open to everyone, read-only; staff pages ({@code /personale/**}) need a login.
 * Strict browser security headers on every response, CSRF protection on every form, a new session id at login.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** The API documentation page uses inline styles of its own; it shows no personal data. */
	private static final String API_DOCS_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain apiDocumentation(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/docs", "/api/docs/**", "/swagger-ui/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_DOCS_POLICY)))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(10)
	SecurityFilterChain site(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/actuator/**").denyAll()
			.requestMatchers("/personale", "/personale/**").authenticated()
			.anyRequest().permitAll())
			.formLogin(form -> form.loginPage("/log-ind")
				.loginProcessingUrl("/log-ind")
				.defaultSuccessUrl("/personale", false)
				.failureUrl("/log-ind?fejl")
				.permitAll())
			.logout(logout -> logout.logoutUrl("/log-ud")
				.logoutSuccessUrl("/log-ind?udlogget")
				.invalidateHttpSession(true)
				.deleteCookies("SESSION"))
			.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
			.anonymous(anonymous -> {
			});
		return http.build();
	}
}
