package dk.helhed.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.helhed.support.SyntheticCpr;

/**
 * No lost work when a session expires (issue 10): a note sent after the session expired is kept in the new session,
 * the login page says so, and after the login the same caseworker sees the note filled in and sends it again; it is
 * saved only then. Someone else who logs in at the browser never sees it, a form that does not say whose it is (as a
 * forged one from another site) is not kept, passwords are never kept, and what was written is in no address. Staff
 * pages say when the session expires, and a button renews it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExpiredSessionTests {

	static final String PASSWORD = "demo-Helhed-2026";

	private static final Pattern OWNER = Pattern.compile("name=\"_afsender\"\\s+value=\"([0-9a-f-]{36})\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Visitor.Step logIn(Visitor visitor, String username) {
		var page = visitor.get("/log-ind");
		return visitor.post("/log-ind", Visitor.form(page, "username", username, "password", PASSWORD));
	}

	/** What happens to a session nobody used for longer than the timeout: it is gone from the store. */
	void expire(Visitor visitor) {
		var removed = jdbc.sql("delete from spring_session where session_id = ?")
			.param(StoredSessions.id(visitor.session()))
			.update();
		assertThat(removed).as("the session to expire").isEqualTo(1);
	}

	/** A citizen in the job centre's case, and the citizen's page as the job centre sees it. */
	Visitor.Step citizenPage(Visitor visitor) {
		var search = visitor.get("/personale/borgere");
		var registered = visitor.post("/personale/borgere", Visitor.form(search, "cpr", SyntheticCpr.random(), "name",
				"Udløbet Sessionsen (syntetisk)", "phone", "", "email", "", "address", "", "preferredLanguage", ""));
		assertThat(registered.status()).isEqualTo(302);
		assertThat(registered.location()).matches(".*/personale/borgere/[0-9a-f-]{36}");
		return visitor.get(registered.location());
	}

	/** The note form of a citizen's page, filled in, with every hidden field the page gave it. */
	static Map<String, String> noteForm(Visitor.Step page, String text) {
		var form = new LinkedHashMap<>(Visitor.form(page, "category", "HOUSING", "service", "", "text", text));
		var owner = OWNER.matcher(page.body());
		assertThat(owner.find()).as("the form names whose it is").isTrue();
		form.put("_afsender", owner.group(1));
		return form;
	}

	int notesWith(String text) {
		return jdbc.sql("select count(*) from case_note where text = ?").param(text).query(Integer.class).single();
	}

	@Test
	void aNoteSentAfterTheSessionExpiredIsKeptThroughTheLoginAndSavedWhenSentAgain() {
		var visitor = new Visitor(port);
		logIn(visitor, "jobcenter");
		var page = citizenPage(visitor);
		var citizenPath = page.uri().getPath();
		var text = "Skrevet, mens sessionen udløb: borgeren har fået en lejlighed. (syntetisk)";
		expire(visitor);

		var sent = visitor.post(citizenPath + "/notater", noteForm(page, text));

		assertThat(sent.status()).isEqualTo(303);
		assertThat(sent.location()).endsWith("/log-ind?udloebet=gemt");
		assertThat(notesWith(text)).as("nothing is saved without a login").isZero();
		assertThat(visitor.get(sent.location()).body()).contains("Det du sendte, er ikke gemt endnu");

		var login = logIn(visitor, "jobcenter");
		assertThat(login.location()).as("after the login, the kept note").endsWith("/personale/gendan");
		var restore = visitor.get("/personale/gendan");
		assertThat(restore.status()).isEqualTo(200);
		assertThat(restore.body()).contains("Det du skrev, er ikke gemt endnu", "et notat", text,
				"action=\"" + citizenPath + "/notater\"");
		assertThat(notesWith(text)).as("not sent on its own: a forged form would look the same").isZero();

		var again = visitor.post(citizenPath + "/notater", new LinkedHashMap<>(Map.of("_csrf",
				Visitor.csrfToken(restore), "category", "HOUSING", "service", "", "text", text)));

		assertThat(again.status()).isEqualTo(302);
		assertThat(again.location()).contains(citizenPath + "#");
		assertThat(notesWith(text)).isEqualTo(1);
		assertThat(visitor.get("/personale/gendan").location()).as("the kept copy is gone once it was saved")
			.endsWith("/personale");
		for (var address : java.util.List.of(sent.location(), login.location(), again.location())) {
			assertThat(address).doesNotContain("lejlighed").doesNotContain("syntetisk");
		}
	}

	@Test
	void someoneElseWhoLogsInAtTheBrowserNeverSeesTheKeptForm() {
		var visitor = new Visitor(port);
		logIn(visitor, "jobcenter");
		var page = citizenPage(visitor);
		var text = "Kun jobcentrets sagsbehandler må se dette. (syntetisk)";
		expire(visitor);
		visitor.post(page.uri().getPath() + "/notater", noteForm(page, text));

		var login = logIn(visitor, "boligsag");

		assertThat(login.location()).endsWith("/personale");
		assertThat(visitor.get("/personale/gendan").location()).endsWith("/personale");
		assertThat(visitor.get("/personale").body()).doesNotContain(text);
		assertThat(visitor.post("/log-ud", Visitor.form(visitor.get("/personale"))).status()).isEqualTo(302);
		assertThat(logIn(visitor, "jobcenter").location()).as("thrown away, not waiting for the next login")
			.endsWith("/personale");
	}

	@Test
	void aFormThatDoesNotSayWhoseItIsIsNotKept() {
		var visitor = new Visitor(port);
		logIn(visitor, "jobcenter");
		var page = citizenPage(visitor);
		expire(visitor);
		var form = noteForm(page, "Sendt uden afsender. (syntetisk)");
		form.remove("_afsender");

		var sent = visitor.post(page.uri().getPath() + "/notater", form);

		assertThat(sent.status()).isEqualTo(303);
		assertThat(sent.location()).endsWith("/log-ind?udloebet");
		assertThat(visitor.get(sent.location()).body()).contains("Du blev logget ud")
			.doesNotContain("ikke gemt endnu");
		assertThat(logIn(visitor, "jobcenter").location()).endsWith("/personale");
	}

	@Test
	void passwordsAreNeverKept() {
		var visitor = new Visitor(port);
		logIn(visitor, "admin");
		var users = visitor.get("/personale/brugere");
		var owner = OWNER.matcher(users.body());
		assertThat(owner.find()).isTrue();
		expire(visitor);

		var sent = visitor.post("/personale/bekraeft", Map.of("_csrf", Visitor.csrfToken(users), "_afsender",
				owner.group(1), "password", PASSWORD, "tilbage", "/personale/brugere"));

		assertThat(sent.location()).endsWith("/log-ind?udloebet");
		assertThat(logIn(visitor, "admin").location()).endsWith("/personale");
	}

	@Test
	void loggingOutAfterTheSessionExpiredSaysSo() {
		var visitor = new Visitor(port);
		logIn(visitor, "jobcenter");
		var page = visitor.get("/personale");
		expire(visitor);

		var logout = visitor.post("/log-ud", Visitor.form(page));

		assertThat(logout.location()).endsWith("/log-ind?udlogget");
	}

	@Test
	void staffPagesSayWhenTheSessionExpiresAndAButtonRenewsIt() {
		var visitor = new Visitor(port);
		logIn(visitor, "jobcenter");
		var page = visitor.get("/personale/borgere");
		assertThat(page.body()).containsPattern("Uden brug bliver du logget ud kl\\. <span class=\"session-time\">"
				+ "\\d\\d:\\d\\d</span>")
			.contains("data-seconds=\"1800\"", "data-warning-seconds=\"300\"", "Forbliv logget ind");
		assertThat(visitor.get("/").body()).as("not on the public pages").doesNotContain("Forbliv logget ind");

		var back = visitor.post("/personale/sessionen", Visitor.form(page, "tilbage", "/personale/borgere"));
		assertThat(back.status()).isEqualTo(302);
		assertThat(back.location()).endsWith("/personale/borgere");
		assertThat(visitor.get(back.location()).body()).contains("Du er stadig logget ind.");
		var elsewhere = visitor.post("/personale/sessionen", Visitor.form(page, "tilbage", "https://example.org/"));
		assertThat(elsewhere.location()).as("only back into the staff area").endsWith("/personale");
	}
}
