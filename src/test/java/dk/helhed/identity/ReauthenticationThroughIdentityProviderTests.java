package dk.helhed.identity;

import static dk.helhed.identity.StaffAccountFixture.account;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import dk.helhed.municipality.Municipalities;

/**
 * Re-authentication for administrator actions (security.md item 6) when the administrator logged in through the
 * municipality's identity provider: they confirm who they are by logging in there again. The authorization request
 * asks the provider to make them log in again ({@code prompt=login}, {@code max_age=0}), and the confirmation counts
 * only if the ID token that comes back says they did ({@code auth_time}). Against a real provider inside the test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReauthenticationThroughIdentityProviderTests {

	static final IdentityProvider provider = new IdentityProvider();

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry properties) {
		provider.register(properties);
		properties.add("helhed.oidc.municipalities.kommune", () -> "aabenraa");
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	UUID colleague;

	@BeforeEach
	void accounts() {
		account("oidc.administrator").named("Olga fra Kommunens Login").withRoles(Role.ADMINISTRATOR)
			.create(jdbc, municipalities);
		colleague = account("oidc.kollega").named("Kollega Udbyder").withRoles(Role.CASEWORKER)
			.create(jdbc, municipalities);
		jdbc.sql("update staff_user set enabled = true where id = ?").param(colleague).update();
	}

	/** Logs the administrator in through the provider, as they did an hour ago. */
	Visitor loggedInAnHourAgo() {
		var visitor = new Visitor(port);
		provider.willLogIn(Map.of("preferred_username", "oidc.administrator", "auth_time",
				Instant.now().minus(Duration.ofHours(1)).getEpochSecond()));
		var steps = visitor.clickProviderButton();
		var toProvider = Visitor.stepTo(steps, "/oauth2/authorization/kommune");
		assertThat(query(toProvider.location())).as("an ordinary login does not force the provider's login")
			.doesNotContainKeys("prompt", "max_age");
		assertThat(steps.getLast().uri().getPath()).isEqualTo("/personale");
		return visitor;
	}

	@Test
	void theAdministratorLogsInAgainAtTheProviderAndThenTheChangeGoesThrough() {
		var admin = loggedInAnHourAgo();
		var accountPath = "/personale/brugere/" + colleague;
		var page = admin.get(accountPath);

		var refused = admin.post(accountPath + "/luk", Visitor.form(page, "bekraeftet", "ja"));
		assertThat(refused.location()).endsWith("/personale/bekraeft?tilbage=" + accountPath);
		assertThat(enabled(colleague)).isTrue();
		var confirmation = admin.follow(refused).getLast();
		assertThat(confirmation.body()).contains("Bekræft med kommunens login").doesNotContain("name=\"password\"");

		var toLogin = admin.follow(admin.get("/personale/bekraeft/kommunelogin?tilbage=" + accountPath));

		var toProvider = Visitor.stepTo(toLogin, "/oauth2/authorization/kommune");
		var parameters = query(toProvider.location());
		assertThat(parameters).containsEntry("prompt", "login").containsEntry("max_age", "0");
		var steps = logInAtTheProvider(admin, toLogin.getLast(), "oidc.administrator", Instant.now());
		var back = steps.getLast();
		assertThat(back.uri().getPath()).isEqualTo(accountPath);
		assertThat(back.body()).contains("Du har bekræftet, at det er dig", "Du har ikke gemt endnu");

		var closed = admin.post(accountPath + "/luk", Visitor.form(back, "bekraeftet", "ja"));
		assertThat(closed.location()).endsWith(accountPath);
		assertThat(enabled(colleague)).isFalse();
	}

	@Test
	void aProviderThatDoesNotMakeThemLogInAgainDoesNotCountAsAConfirmation() {
		var admin = loggedInAnHourAgo();
		var accountPath = "/personale/brugere/" + colleague;

		var toLogin = admin.follow(admin.get("/personale/bekraeft/kommunelogin?tilbage=" + accountPath));
		var steps = logInAtTheProvider(admin, toLogin.getLast(), "oidc.administrator",
				Instant.now().minus(Duration.ofHours(1)));

		var last = steps.getLast();
		assertThat(last.uri().getPath()).isEqualTo("/personale/bekraeft");
		assertThat(last.body()).contains("Kommunens login bekræftede ikke, at du loggede ind igen lige nu.");
		var refused = admin.post(accountPath + "/luk", Visitor.form(admin.get(accountPath), "bekraeftet", "ja"));
		assertThat(refused.location()).contains("/personale/bekraeft");
		assertThat(enabled(colleague)).isTrue();
	}

	@Test
	void anotherPersonLoggingInAtTheProviderDoesNotConfirmForTheAdministrator() {
		account("oidc.anden").named("En Anden").withRoles(Role.ADMINISTRATOR).create(jdbc, municipalities);
		var admin = loggedInAnHourAgo();
		var accountPath = "/personale/brugere/" + colleague;

		var toLogin = admin.follow(admin.get("/personale/bekraeft/kommunelogin?tilbage=" + accountPath));
		var steps = logInAtTheProvider(admin, toLogin.getLast(), "oidc.anden", Instant.now());

		assertThat(steps.getLast().body()).contains("En Anden");
		var refused = admin.post(accountPath + "/luk", Visitor.form(admin.get(accountPath), "bekraeftet", "ja"));
		assertThat(refused.location()).as("the other person is logged in now, and has confirmed nothing")
			.contains("/personale/bekraeft");
		assertThat(enabled(colleague)).isTrue();
	}

	/**
	 * Asked to log in again ({@code prompt=login}), the provider shows its login page; the person logs in there, and
	 * the ID token says when ({@code auth_time}: a provider that did not make them log in would send the old time).
	 */
	List<Visitor.Step> logInAtTheProvider(Visitor visitor, Visitor.Step loginPage, String username, Instant loggedInAt) {
		assertThat(loginPage.uri().getPath()).isEqualTo("/" + IdentityProvider.ISSUER + "/authorize");
		assertThat(loginPage.status()).isEqualTo(200);
		var claims = "{\"preferred_username\":\"" + username + "\",\"auth_time\":" + loggedInAt.getEpochSecond() + "}";
		return visitor.follow(visitor.post(loginPage.uri().toString(), Map.of("username", username, "claims", claims)));
	}

	boolean enabled(UUID account) {
		return jdbc.sql("select enabled from staff_user where id = ?").param(account).query(Boolean.class).single();
	}

	static Map<String, String> query(String url) {
		return UriComponentsBuilder.fromUriString(url).build().getQueryParams().toSingleValueMap();
	}
}
