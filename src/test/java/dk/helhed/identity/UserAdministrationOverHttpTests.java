package dk.helhed.identity;

import static dk.helhed.identity.StaffAccountFixture.account;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import dk.helhed.municipality.Municipalities;

/**
 * An administrator closes a colleague's account over real HTTP, with the sessions in the database as in production:
 * the first attempt sends them to confirm who they are, the confirmation (kept in their stored session) sends them
 * back, the second attempt closes the account, and the colleague, logged in elsewhere, is logged out at once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UserAdministrationOverHttpTests {

	static final String PASSWORD = "demo-Helhed-2026";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	@Autowired
	PasswordEncoder passwords;

	Visitor loggedIn(String username) {
		var visitor = new Visitor(port);
		var page = visitor.get("/log-ind");
		var answer = visitor.post("/log-ind", Visitor.form(page, "username", username, "password", PASSWORD));
		assertThat(answer.location()).endsWith("/personale");
		return visitor;
	}

	@Test
	void anAdministratorConfirmsWhoTheyAreAndClosesAColleaguesAccountWhoIsLoggedOutAtOnce() {
		UUID colleague = account("kollega.lukkes").named("Kollega Lukkes")
			.withRoles(Role.CASEWORKER)
			.inUnits("jobcenteret")
			.withPasswordHash(passwords.encode(PASSWORD))
			.create(jdbc, municipalities);
		var theColleague = loggedIn("kollega.lukkes");
		var colleaguesSession = theColleague.session();
		assertThat(theColleague.get("/personale").status()).isEqualTo(200);

		var admin = loggedIn("admin");
		var accountPath = "/personale/brugere/" + colleague;
		var page = admin.get(accountPath);
		assertThat(page.body()).contains("Kollega Lukkes", "Luk kontoen");

		var refused = admin.post(accountPath + "/luk", Visitor.form(page, "bekraeftet", "ja"));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.location()).endsWith("/personale/bekraeft?tilbage=" + accountPath);
		assertThat(enabled(colleague)).isTrue();

		var confirmation = admin.follow(refused).getLast();
		assertThat(confirmation.body()).contains("Bekræft at det er dig", "Ændringen er ikke gemt endnu");
		var confirmed = admin.post("/personale/bekraeft",
				Visitor.form(confirmation, "password", PASSWORD, "tilbage", accountPath));
		assertThat(confirmed.location()).endsWith(accountPath);
		var back = admin.follow(confirmed).getLast();
		assertThat(back.body()).contains("Du har bekræftet, at det er dig", "Du har ikke gemt endnu: tryk på knappen igen",
				"kan gemme ændringer indtil kl.");

		var closed = admin.post(accountPath + "/luk", Visitor.form(back, "bekraeftet", "ja"));
		assertThat(closed.location()).endsWith(accountPath);
		assertThat(admin.follow(closed).getLast().body()).contains("Kontoen er lukket.");
		assertThat(enabled(colleague)).isFalse();
		assertThat(new StoredSessions(jdbc).exists(colleaguesSession)).as("the colleague's session has ended").isFalse();
		assertThat(theColleague.get("/personale").location()).endsWith("/log-ind");
	}

	boolean enabled(UUID account) {
		return jdbc.sql("select enabled from staff_user where id = ?").param(account).query(Boolean.class).single();
	}
}
