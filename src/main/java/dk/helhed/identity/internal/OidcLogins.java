package dk.helhed.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import dk.helhed.identity.StaffLoginFailed;
import dk.helhed.identity.StaffLoginFailed.Reason;
import dk.helhed.municipality.Municipalities;
import dk.helhed.municipality.Municipality;

/**
 * Turns a person the municipality's identity provider has logged in (OpenID Connect) into a member of Helhed's staff.
 * <p>
 * The identity provider proves who the person is; Helhed decides what they may do. The person is matched to an
 * existing staff account by one claim (by default {@code preferred_username}, ignoring case), and their roles, units
 * and partner organisation come from that account, never from the provider's groups or roles. Nobody gets an account
 * by logging in: a person without one, or whose account is closed, is refused with a message on the login page, and
 * the refusal is published as {@link StaffLoginFailed} for the audit log.
 */
@Component
class OidcLogins implements OAuth2UserService<OidcUserRequest, OidcUser> {

	/** OAuth 2.0 error codes of a refusal; the login page shows a message for each. */
	static final String NO_ACCOUNT = "helhed_no_account";
	static final String ACCOUNT_DISABLED = "helhed_account_disabled";

	private static final Logger log = LoggerFactory.getLogger(OidcLogins.class);

	/** Fetches the user info and checks that it is about the person of the ID token. */
	private final OidcUserService provider = new OidcUserService();

	private final StaffAccounts accounts;
	private final OidcSettings settings;
	private final Municipalities municipalities;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	OidcLogins(StaffAccounts accounts, OidcSettings settings, Municipalities municipalities,
			ApplicationEventPublisher events, Clock clock, ObjectProvider<ClientRegistrationRepository> registrations) {
		this.accounts = accounts;
		this.settings = settings;
		this.municipalities = municipalities;
		this.events = events;
		this.clock = clock;
		checkMunicipalities(registrations.getIfAvailable());
	}

	/**
	 * Several providers on one installation each serve one municipality; without saying which, a provider could
	 * vouch for a user name of another municipality's staff.
	 */
	private void checkMunicipalities(ClientRegistrationRepository registrations) {
		var ids = new ArrayList<String>();
		if (registrations instanceof Iterable<?> all) {
			all.forEach(registration -> ids.add(((ClientRegistration) registration).getRegistrationId()));
		}
		for (var id : settings.municipalities().keySet()) {
			if (!ids.contains(id)) {
				throw new IllegalStateException("helhed.oidc.municipalities names the registration '" + id
						+ "', but spring.security.oauth2.client.registration has no such registration");
			}
		}
		if (ids.size() > 1 && !settings.municipalities().keySet().containsAll(ids)) {
			throw new IllegalStateException("Several OpenID Connect registrations " + ids
					+ ": set helhed.oidc.municipalities.<registration>=<municipality> for each, so that one "
					+ "municipality's identity provider cannot log in another municipality's staff");
		}
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		// Spring Security has checked the ID token before this: signed with the provider's key, issued by the
		// configured issuer to this client, not expired, and carrying the nonce of this very login.
		var person = provider.loadUser(request);
		var registrationId = request.getClientRegistration().getRegistrationId();
		var slug = settings.municipalities().get(registrationId);
		UUID servedMunicipality = null;
		if (slug != null) {
			servedMunicipality = municipalities.findBySlug(slug).map(Municipality::id).orElse(null);
			if (servedMunicipality == null) {
				log.error("helhed.oidc.municipalities.{} names '{}', which is no municipality; refusing its logins",
						registrationId, slug);
				throw refused(NO_ACCOUNT, "", null, null, Reason.NO_ACCOUNT_FOR_PROVIDER_IDENTITY);
			}
		}

		var claim = settings.usernameClaim();
		var name = person.getClaimAsString(claim);
		if (name == null || name.isBlank()) {
			log.warn("The identity provider '{}' sent no claim '{}', so no staff account can be matched; "
					+ "check helhed.oidc.username-claim and the scopes", registrationId, claim);
			throw refused(NO_ACCOUNT, "", null, servedMunicipality, Reason.NO_ACCOUNT_FOR_PROVIDER_IDENTITY);
		}
		if ("email".equals(claim) && Boolean.FALSE.equals(person.getEmailVerified())) {
			log.warn("The identity provider '{}' says the e-mail address is not verified; refusing the login",
					registrationId);
			throw refused(NO_ACCOUNT, name, null, servedMunicipality, Reason.NO_ACCOUNT_FOR_PROVIDER_IDENTITY);
		}

		var municipalityId = servedMunicipality;
		List<StaffAccounts.ProviderAccount> matches = accounts.findForProviderLogin(settings.matchBy(), name, municipalityId)
			.stream()
			.filter(account -> municipalityId == null || municipalityId.equals(account.member().municipalityId()))
			.toList();
		if (matches.size() > 1) {
			log.warn("{} staff accounts match the {} a person logged in with through '{}'; refusing the login",
					matches.size(), settings.matchBy().name().toLowerCase(Locale.ROOT), registrationId);
		}
		if (matches.size() != 1) {
			throw refused(NO_ACCOUNT, name, null, municipalityId, Reason.NO_ACCOUNT_FOR_PROVIDER_IDENTITY);
		}
		var account = matches.getFirst();
		var member = account.member();
		if (!account.mayLogIn()) {
			throw refused(ACCOUNT_DISABLED, name, member.id(), member.municipalityId(), Reason.ACCOUNT_DISABLED);
		}
		accounts.providerLoginSucceeded(member.municipalityId(), member.id());
		return new StaffOidcUser(member, person.getIdToken());
	}

	private OAuth2AuthenticationException refused(String code, String name, UUID staffId, UUID municipalityId,
			Reason reason) {
		events.publishEvent(new StaffLoginFailed(name.length() > 80 ? name.substring(0, 80) : name, staffId,
				municipalityId, false, clock.instant(), reason));
		return new OAuth2AuthenticationException(new OAuth2Error(code), "Refused a login through the identity provider: "
				+ reason);
	}
}
