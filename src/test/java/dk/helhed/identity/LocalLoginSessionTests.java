package dk.helhed.identity;

import static dk.helhed.identity.StaffAccountFixture.account;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import dk.helhed.municipality.Municipalities;

/**
 * The session rules of security.md (item 6) for the local login, over real HTTP against the running application with
 * its sessions in the database: a new session id at login, logout ends the session, the session cookie's flags and
 * idle timeout, and no state-changing request without a CSRF token. With no identity provider configured, the login
 * page offers the form only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LocalLoginSessionTests {

	static final String PASSWORD = "demo-Helhed-2026";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	@Autowired
	PasswordEncoder passwords;

	StoredSessions sessions() {
		return new StoredSessions(jdbc);
	}

	/** Logs the visitor in with the login form and returns the answer to the form's POST. */
	Visitor.Step logIn(Visitor visitor, String username, String password) {
		var page = visitor.get("/log-ind");
		return visitor.post("/log-ind", Visitor.form(page, "username", username, "password", password));
	}

	@Test
	void theSessionGetsANewIdAtLogin() {
		var visitor = new Visitor(port);
		var page = visitor.get("/log-ind");
		var before = visitor.session();
		assertThat(before).as("the form's CSRF token lives in a session").isNotNull();

		var answer = visitor.post("/log-ind", Visitor.form(page, "username", "visitation", "password", PASSWORD));

		assertThat(answer.location()).endsWith("/personale");
		var after = visitor.session();
		assertThat(after).isNotNull().isNotEqualTo(before);
		assertThat(sessions().exists(before)).as("the session under the old id").isFalse();
		assertThat(visitor.getWithOnlySession("/personale", before).status()).isEqualTo(302);
		assertThat(visitor.getWithOnlySession("/personale", after).status()).isEqualTo(200);
		assertThat(sessions().principalName(after)).contains("visitation");
	}

	@Test
	void logoutEndsTheSession() {
		var visitor = new Visitor(port);
		logIn(visitor, "redaktoer", PASSWORD);
		var session = visitor.session();
		var staffPage = visitor.get("/personale");
		assertThat(staffPage.status()).isEqualTo(200);

		var answer = visitor.post("/log-ud", Visitor.form(staffPage));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/log-ind?udlogget");
		assertThat(sessions().exists(session)).as("the session is gone from the database").isFalse();
		var again = visitor.getWithOnlySession("/personale", session);
		assertThat(again.status()).as("the old cookie no longer lets anyone in").isEqualTo(302);
		assertThat(again.location()).endsWith("/log-ind");
		assertThat(visitor.follow(answer).getLast().body()).contains("Du er logget ud.");
	}

	@Test
	void theSessionCookieIsHiddenFromScriptsAndOtherSitesAndExpiresAfterThirtyIdleMinutes() {
		var visitor = new Visitor(port);
		var page = visitor.get("/log-ind");

		assertThat(page.header("Set-Cookie")).contains("SESSION=").containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax");
		assertThat(sessions().maxInactiveSeconds(visitor.session())).isEqualTo(30 * 60);
	}

	@Test
	void aPostWithoutCsrfTokenIsRefused() {
		var visitor = new Visitor(port);
		visitor.get("/log-ind");

		var login = visitor.post("/log-ind", java.util.Map.of("username", "visitation", "password", PASSWORD));
		assertThat(login.status()).isEqualTo(403);
		assertThat(visitor.get("/personale").status()).as("not logged in").isEqualTo(302);

		logIn(visitor, "visitation", PASSWORD);
		var logout = visitor.post("/log-ud", java.util.Map.of());
		assertThat(logout.status()).isEqualTo(403);
		assertThat(visitor.get("/personale").status()).as("still logged in").isEqualTo(200);

		var forged = visitor.post("/log-ud", java.util.Map.of("_csrf", "forged-token"));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(visitor.get("/personale").status()).as("still logged in").isEqualTo(200);
	}

	@Test
	void anAccountWithoutPasswordCannotLogInLocally() {
		account("kun.kommunelogin").withRoles(Role.UNIT_EDITOR).inUnits("visitation").create(jdbc, municipalities);
		var visitor = new Visitor(port);

		var answer = logIn(visitor, "kun.kommunelogin", "");
		assertThat(answer.location()).endsWith("/log-ind?fejl");
		assertThat(logIn(visitor, "kun.kommunelogin", "noget").location()).endsWith("/log-ind?fejl");
		assertThat(visitor.get("/personale").status()).isEqualTo(302);
	}

	@Test
	void aClosedAccountCannotLogInLocally() {
		account("lukket.lokal").withPasswordHash(passwords.encode(PASSWORD)).closed().create(jdbc, municipalities);
		var visitor = new Visitor(port);

		assertThat(logIn(visitor, "lukket.lokal", PASSWORD).location()).endsWith("/log-ind?fejl");
		assertThat(visitor.get("/personale").status()).isEqualTo(302);
	}

	@Test
	void withoutAnIdentityProviderTheLoginPageOffersTheFormOnly() {
		var page = new Visitor(port).get("/log-ind");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("name=\"password\"").doesNotContain("kommunens login", "/oauth2/");
		assertThat(page.header("Content-Security-Policy")).contains("form-action 'self';");
		assertThat(new Visitor(port).get("/oauth2/authorization/kommune").status())
			.as("no OpenID Connect endpoints").isNotIn(302, 303);
	}
}
