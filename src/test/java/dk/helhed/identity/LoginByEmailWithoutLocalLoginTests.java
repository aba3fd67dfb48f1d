package dk.helhed.identity;

import static dk.helhed.identity.StaffAccountFixture.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dk.helhed.Application;
import dk.helhed.municipality.Municipalities;

/**
 * An installation where everyone logs in through the municipality's identity provider: the local login is switched
 * off, and people are matched to their accounts by e-mail address. Against a real OpenID Connect provider running
 * inside the test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "helhed.login.local-enabled=false", "helhed.oidc.username-claim=email",
				"helhed.oidc.match-by=email" })
class LoginByEmailWithoutLocalLoginTests {

	static final IdentityProvider provider = new IdentityProvider();

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry properties) {
		provider.register(properties);
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

	@BeforeEach
	void accounts() {
		account("eva.email").named("Eva med E-mail")
			.withEmail("Eva.Email@Aabenraa.dk")
			.withRoles(Role.CATALOG_EDITOR)
			.create(jdbc, municipalities);
		account("delt.en").withEmail("faelles@aabenraa.dk").create(jdbc, municipalities);
		account("delt.to").withEmail("Faelles@Aabenraa.dk").create(jdbc, municipalities);
	}

	@Test
	void theLoginPageOffersTheMunicipalitysLoginOnly() {
		var page = new Visitor(port).get("/log-ind");

		assertThat(page.body()).contains("Log ind med kommunens login")
			.doesNotContain("name=\"password\"", "Log ind med brugernavn og adgangskode");
	}

	@Test
	void aStaffMemberIsMatchedByEmailAddressIgnoringCase() {
		var visitor = new Visitor(port);
		provider.willLogIn(Map.of("email", "eva.email@AABENRAA.DK", "email_verified", true));

		var overview = visitor.clickProviderButton().getLast();

		assertThat(overview.uri().getPath()).isEqualTo("/personale");
		assertThat(overview.body()).contains("Eva med E-mail");
		assertThat(new StoredSessions(jdbc).principalName(visitor.session())).contains("eva.email");
	}

	@Test
	void theLocalFormCannotBeUsedWhenItIsSwitchedOff() {
		var visitor = new Visitor(port);
		provider.willLogIn(Map.of("email", "eva.email@aabenraa.dk"));
		var overview = visitor.clickProviderButton().getLast();

		// A valid password of another account, posted with a valid CSRF token: nothing processes it.
		var answer = visitor.post("/log-ind",
				Visitor.form(overview, "username", "redaktoer", "password", LocalLoginSessionTests.PASSWORD));

		assertThat(answer.status()).isEqualTo(405);
		assertThat(new StoredSessions(jdbc).principalName(visitor.session())).contains("eva.email");
	}

	@Test
	void anAddressTheProviderHasNotVerifiedIsRefused() {
		var visitor = new Visitor(port);
		provider.willLogIn(Map.of("email", "eva.email@aabenraa.dk", "email_verified", false));

		var last = visitor.clickProviderButton().getLast();

		assertThat(last.uri().getQuery()).isEqualTo("fejl=helhed_no_account");
		assertThat(visitor.get("/personale").status()).isEqualTo(302);
	}

	@Test
	void anAddressOfSeveralAccountsIsRefused() {
		var visitor = new Visitor(port);
		provider.willLogIn(Map.of("email", "faelles@aabenraa.dk"));

		var last = visitor.clickProviderButton().getLast();

		assertThat(last.uri().getQuery()).isEqualTo("fejl=helhed_no_account");
		assertThat(visitor.get("/personale").status()).isEqualTo(302);
	}

	@Test
	void theLocalLoginCannotBeSwitchedOffWithoutAProvider() {
		var application = new SpringApplicationBuilder(Application.class);

		assertThatThrownBy(() -> application.run("--server.port=0", "--helhed.login.local-enabled=false").close())
			.rootCause()
			.hasMessageContaining("helhed.login.local-enabled is false and no OpenID Connect registration");
	}
}
