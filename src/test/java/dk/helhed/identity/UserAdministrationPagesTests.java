package dk.helhed.identity;

import static dk.helhed.identity.StaffAccountFixture.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dk.helhed.identity.web.AccessRules;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.support.MutableClock;
import dk.helhed.support.StaffFixture;

/**
 * The user administration through HTTP: an administrator's list of the municipality's staff accounts, creating and
 * changing accounts with every change in the account's history, the limits on what an administrator may do (another
 * municipality's accounts are not found; their own administrator role and account they cannot take away), hostile
 * input refused with a Danish message and nothing stored, and re-authentication (security.md item 6): without a
 * confirmation of who they are within the window, no change is carried out. Time is moved by hand.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UserAdministrationPagesTests {

	@Autowired
	StaffFixture demo;

	static final String PASSWORD = "demo-Helhed-2026";

	static final MutableClock CLOCK = new MutableClock(Instant.now(), ZoneId.of("Europe/Copenhagen"));

	@TestBean(name = "clock", methodName = "dk.helhed.identity.UserAdministrationPagesTests#clock")
	Clock clock;

	static Clock clock() {
		return CLOCK;
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	/**
	 * The browser's session cookie (the sessions are Spring Session's, in the database, as in production); none at
	 * the start of every test, so that no confirmation carries over.
	 */
	Cookie session;

	UUID caseworker;
	UUID aarhusAccount;

	@BeforeEach
	void setUp() {
		session = null;
		caseworker = account("anne.admintest").named("Anne Testesen")
			.withRoles(Role.CASEWORKER)
			.inUnits("jobcenteret")
			.withPasswordHash(passwords.encode(PASSWORD))
			.create(jdbc, municipalities);
		aarhusAccount = account("aarhus.admintest").named("Aarhus Testesen")
			.in("aarhus")
			.withRoles(Role.CASEWORKER)
			.create(jdbc, municipalities);
		account("admin.aarhus.test").named("Aarhus Administrator")
			.in("aarhus")
			.withRoles(Role.ADMINISTRATOR)
			.withPasswordHash(passwords.encode(PASSWORD))
			.create(jdbc, municipalities);
	}

	// Helpers

	MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
		if (session != null) {
			request.cookie(session);
		}
		var response = mvc.perform(request.with(user(demo.login(username))).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as("never a server error").isLessThan(500);
		var cookie = response.getCookie("SESSION");
		if (cookie != null) {
			session = cookie.getMaxAge() == 0 ? null : cookie;
		}
		return response;
	}

	/** A new browser: no session. */
	void newSession() {
		session = null;
	}

	MockHttpServletResponse asAdmin(MockHttpServletRequestBuilder request) throws Exception {
		return as("admin", request);
	}

	/** The administrator confirms who they are with their password, as the confirmation page asks. */
	void confirm() throws Exception {
		var answer = asAdmin(post("/personale/bekraeft").param("password", PASSWORD).param("tilbage", "/personale/brugere"));
		assertThat(answer.getStatus()).isEqualTo(302);
		assertThat(answer.getRedirectedUrl()).isEqualTo("/personale/brugere");
	}

	UUID partner(String key) {
		return municipalities.partnersOf(municipalities.getBySlug("aabenraa").id())
			.stream()
			.filter(partner -> partner.key().equals(key))
			.findFirst()
			.orElseThrow()
			.id();
	}

	int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	/** Everything the administration can change, as one text, to compare before and after. */
	String snapshot() {
		var users = jdbc.sql("""
				select id, username, display_name, email, partner_id, password_hash, enabled, failed_logins, locked_until
				from staff_user order by id""").query().listOfRows();
		var roles = jdbc.sql("select user_id, role from staff_role order by user_id, role").query().listOfRows();
		var units = jdbc.sql("select user_id, unit_id from staff_unit order by user_id, unit_id").query().listOfRows();
		return users + "\n" + roles + "\n" + units + "\n" + count("staff_account_change");
	}

	static MockHttpServletRequestBuilder newAccount(String username) {
		return newAccount(Map.of("username", username));
	}

	/** A form for a new account that will do, with some of its fields replaced. */
	static MockHttpServletRequestBuilder newAccount(Map<String, String> replaced) {
		var fields = new LinkedHashMap<String, List<String>>();
		fields.put("username", List.of("bo.nybruger"));
		fields.put("displayName", List.of("Bo Nybruger"));
		fields.put("email", List.of("bo.nybruger@aabenraa.dk"));
		fields.put("roles", List.of("CASEWORKER", "TEAM_LEAD"));
		fields.put("partnerId", List.of(""));
		fields.put("login", List.of("password"));
		fields.put("password", List.of("Grøn-Cykel-Tårn-42"));
		fields.put("passwordRepeat", List.of("Grøn-Cykel-Tårn-42"));
		replaced.forEach((field, value) -> fields.put(field, List.of(value)));
		var request = post("/personale/brugere");
		fields.forEach((field, values) -> request.param(field, values.toArray(String[]::new)));
		return request;
	}

	String history(UUID account) throws Exception {
		var page = asAdmin(get("/personale/brugere/" + account)).getContentAsString();
		return page.substring(page.indexOf("id=\"history-title\""));
	}

	// The pages

	@Test
	void theListShowsTheMunicipalitysAccountsWithRolesInDanishAndFilters() throws Exception {
		var list = asAdmin(get("/personale/brugere"));

		assertThat(list.getStatus()).isEqualTo(200);
		assertThat(list.getContentAsString()).contains("Brugere", "Anne Testesen", "anne.admintest", "Sagsbehandler",
				"Jobcenteret", "Demo Administrator", "Administrator", "Blå Kors (samarbejdspartner)", "Åben",
				"Opret en bruger", "href=\"/personale/brugere/" + caseworker + "\"")
			.doesNotContain("Aarhus Testesen", "aarhus.admintest", "redaktoer-aarhus");

		var filtered = asAdmin(get("/personale/brugere").param("q", "anne jobcenter")).getContentAsString();
		assertThat(filtered).contains("Anne Testesen", "Viser 1 af").doesNotContain(">Demo Redaktør<", ">admin<");
		assertThat(asAdmin(get("/personale/brugere").param("q", "teamleder")).getContentAsString())
			.contains("Demo Teamleder").doesNotContain("Anne Testesen");
		var escaped = asAdmin(get("/personale/brugere").param("q", "<script>alert(1)</script>"));
		assertThat(escaped.getStatus()).isEqualTo(200);
		assertThat(escaped.getContentAsString()).contains("Ingen brugere passer").doesNotContain("<script>alert(1)</script>");

		assertThat(as("jobcenter", get("/personale/brugere")).getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/personale/brugere")).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/log-ind");
	}

	@Test
	void onlyAdministratorsHaveTheLinkToTheUsers() throws Exception {
		assertThat(asAdmin(get("/personale")).getContentAsString()).contains("href=\"/personale/brugere\"",
				"Gå til brugerne");
		assertThat(as("redaktoer", get("/personale")).getContentAsString()).doesNotContain("/personale/brugere");
		assertThat(as("jobcenter", get("/personale/borgere")).getContentAsString()).doesNotContain("/personale/brugere");
	}

	@Test
	void badFiltersAreRefusedWithADanishMessage() throws Exception {
		var huge = asAdmin(get("/personale/brugere").param("q", "x".repeat(100_000)));
		assertThat(huge.getStatus()).isEqualTo(400);
		assertThat(huge.getContentAsString()).contains("Søgeteksten må højst være 100 tegn.");
		assertThat(asAdmin(get("/personale/brugere").param("q", "a\u0000b")).getStatus()).isEqualTo(400);
		var status = asAdmin(get("/personale/brugere").param("status", "'; drop table staff_user; --"));
		assertThat(status.getStatus()).isEqualTo(400);
		assertThat(status.getContentAsString()).contains("Vælg en status fra listen.");
	}

	// Re-authentication

	@Test
	void withoutARecentConfirmationNothingChangesAndTheFormWaitsForTheAdministrator() throws Exception {
		var before = snapshot();

		var refused = asAdmin(newAccount("bo.nybruger"));

		assertThat(refused.getStatus()).isEqualTo(302);
		assertThat(refused.getRedirectedUrl()).isEqualTo("/personale/bekraeft?tilbage=/personale/brugere/ny");
		assertThat(snapshot()).as("nothing is created").isEqualTo(before);

		var confirmation = asAdmin(get("/personale/bekraeft").param("tilbage", "/personale/brugere/ny"));
		assertThat(confirmation.getContentAsString()).contains("Bekræft at det er dig", "Din adgangskode",
				"name=\"tilbage\" value=\"/personale/brugere/ny\"");

		var confirmed = asAdmin(post("/personale/bekraeft").param("password", PASSWORD)
			.param("tilbage", "/personale/brugere/ny"));
		assertThat(confirmed.getRedirectedUrl()).isEqualTo("/personale/brugere/ny");
		var form = asAdmin(get("/personale/brugere/ny")).getContentAsString();
		assertThat(form).as("the form is filled in with what was sent, but not the password")
			.contains("value=\"bo.nybruger\"", "value=\"Bo Nybruger\"", "value=\"bo.nybruger@aabenraa.dk\"",
					"skriv adgangskoden igen")
			.doesNotContain("Grøn-Cykel-Tårn-42");
		assertThat(form).containsPattern("value=\"TEAM_LEAD\"\\s+checked");

		var created = asAdmin(newAccount("bo.nybruger"));

		assertThat(created.getStatus()).isEqualTo(302);
		var id = jdbc.sql("select id from staff_user where username = 'bo.nybruger'").query(UUID.class).single();
		assertThat(created.getRedirectedUrl()).isEqualTo("/personale/brugere/" + id);
		var hash = jdbc.sql("select password_hash from staff_user where id = ?").param(id).query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}");
		assertThat(passwords.matches("Grøn-Cykel-Tårn-42", hash)).isTrue();
		assertThat(jdbc.sql("select role from staff_role where user_id = ? order by role").param(id)
			.query(String.class).list()).as("case-work roles wait for a second administrator (security.md item 5a)")
			.isEmpty();
		assertThat(jdbc.sql("select role from staff_role_request where account_id = ? and decided_at is null order by role")
			.param(id).query(String.class).list()).containsExactly("CASEWORKER", "TEAM_LEAD");
		assertThat(history(id)).contains("Oprettet", "Demo Administrator", "Brugernavn: bo.nybruger",
				"Login: med adgangskode");
	}

	@Test
	void aConfirmationLastsFiveMinutesAndIsThenNeededAgain() throws Exception {
		confirm();
		CLOCK.advance(Duration.ofMinutes(4));
		var edited = asAdmin(post("/personale/brugere/" + caseworker).param("displayName", "Anne Testesen")
			.param("email", "").param("roles", "CASEWORKER").param("unitIds", demo.unit("aabenraa", "visitation").toString())
			.param("partnerId", ""));
		assertThat(edited.getStatus()).isEqualTo(302);
		assertThat(edited.getRedirectedUrl()).isEqualTo("/personale/brugere/" + caseworker);
		assertThat(jdbc.sql("select unit_id from staff_unit where user_id = ?").param(caseworker).query(UUID.class)
			.list()).containsExactly(demo.unit("aabenraa", "visitation"));

		CLOCK.advance(Duration.ofMinutes(1).plusSeconds(1));
		var before = snapshot();
		var late = asAdmin(post("/personale/brugere/" + caseworker).param("displayName", "Anne Testesen")
			.param("email", "").param("roles", "CASEWORKER").param("unitIds", demo.unit("aabenraa", "jobcenteret").toString())
			.param("partnerId", ""));
		assertThat(late.getStatus()).isEqualTo(302);
		assertThat(late.getRedirectedUrl()).isEqualTo("/personale/bekraeft?tilbage=/personale/brugere/" + caseworker);
		assertThat(snapshot()).as("after the window, nothing changes").isEqualTo(before);

		var page = asAdmin(get("/personale/brugere/" + caseworker)).getContentAsString();
		assertThat(page).contains("Formularen er udfyldt med de ændringer, du sendte");
		confirm();
		assertThat(asAdmin(post("/personale/brugere/" + caseworker).param("displayName", "Anne Testesen")
			.param("email", "").param("roles", "CASEWORKER").param("unitIds", demo.unit("aabenraa", "jobcenteret").toString())
			.param("partnerId", "")).getRedirectedUrl()).isEqualTo("/personale/brugere/" + caseworker);
		assertThat(jdbc.sql("select unit_id from staff_unit where user_id = ?").param(caseworker).query(UUID.class)
			.list()).containsExactly(demo.unit("aabenraa", "jobcenteret"));
	}

	@Test
	void everyChangeAnAdministratorCanMakeNeedsARecentConfirmation() throws Exception {
		var closed = account("lukket.admintest").withRoles(Role.CASEWORKER).closed().create(jdbc, municipalities);
		var locked = account("laast.admintest").withRoles(Role.CASEWORKER).create(jdbc, municipalities);
		jdbc.sql("update staff_user set locked_until = ? where id = ?")
			.params(OffsetDateTime.ofInstant(CLOCK.instant().plus(Duration.ofMinutes(10)), ZoneOffset.UTC), locked)
			.update();
		Map<String, MockHttpServletRequestBuilder> valid = Map.of(
				"/personale/brugere", newAccount("uden.bekraeftelse"),
				"/personale/brugere/{id}", post("/personale/brugere/" + caseworker).param("displayName", "Anne Andet Navn")
					.param("roles", "CASEWORKER"),
				"/personale/brugere/{id}/luk", post("/personale/brugere/" + caseworker + "/luk").param("bekraeftet", "ja"),
				"/personale/brugere/{id}/genaabn", post("/personale/brugere/" + closed + "/genaabn"),
				"/personale/brugere/{id}/laas-op", post("/personale/brugere/" + locked + "/laas-op"),
				"/personale/brugere/{id}/adgangskode", post("/personale/brugere/" + caseworker + "/adgangskode")
					.param("password", "Blå-Hest-Under-Broen-9").param("passwordRepeat", "Blå-Hest-Under-Broen-9"),
				"/personale/brugere/{id}/rolleanmodninger/{requestId}", post("/personale/brugere/" + caseworker
						+ "/rolleanmodninger/" + roleRequest(caseworker)).param("svar", "godkend"));
		List<String> endpoints = new ArrayList<>();
		handlerMapping.getHandlerMethods().forEach((mapping, handler) -> {
			var rule = AccessRules.ruleOf(handler);
			if (AccessRules.isApplicationHandler(handler) && rule.value() == Audience.ADMINISTRATORS
					&& !mapping.getMethodsCondition().getMethods().isEmpty()
					&& mapping.getMethodsCondition().getMethods().stream().noneMatch(method -> method.name().equals("GET"))) {
				endpoints.addAll(mapping.getPatternValues());
			}
		});
		assertThat(endpoints).as("every state-changing administrator endpoint has a request here")
			.containsExactlyInAnyOrderElementsOf(valid.keySet());

		for (var endpoint : endpoints) {
			var before = snapshot();
			var answer = asAdmin(valid.get(endpoint));
			assertThat(answer.getStatus()).as(endpoint).isEqualTo(302);
			assertThat(answer.getRedirectedUrl()).as(endpoint).startsWith("/personale/bekraeft?tilbage=/personale/brugere");
			assertThat(snapshot()).as(endpoint + " changed something without a confirmation").isEqualTo(before);
		}
	}

	@Test
	void aWrongPasswordCountsTowardsTheLockAndTheFifthLogsTheAdministratorOut() throws Exception {
		account("laas.admin").named("Låse Administrator").withRoles(Role.ADMINISTRATOR)
			.withPasswordHash(passwords.encode(PASSWORD)).create(jdbc, municipalities);
		jdbc.sql("update staff_user set failed_logins = 0, locked_until = null where username = 'laas.admin'").update();
		var tried = as("laas.admin", post("/personale/brugere/" + caseworker + "/luk").param("bekraeftet", "ja"));
		assertThat(tried.getRedirectedUrl()).startsWith("/personale/bekraeft");
		var empty = as("laas.admin", post("/personale/bekraeft").param("password", ""));
		assertThat(empty.getStatus()).isEqualTo(400);
		assertThat(empty.getContentAsString()).contains("Skriv din adgangskode.");
		var lockedSession = session;
		assertThat(lockedSession).as("a session in the database").isNotNull();
		for (int attempt = 1; attempt <= 4; attempt++) {
			var wrong = as("laas.admin", post("/personale/bekraeft").param("password", "forkert-" + attempt));
			assertThat(wrong.getStatus()).isEqualTo(400);
			assertThat(wrong.getContentAsString()).contains("Adgangskoden er forkert.");
		}
		assertThat(jdbc.sql("select failed_logins from staff_user where username = 'laas.admin'").query(Integer.class)
			.single()).isEqualTo(4);

		var fifth = as("laas.admin", post("/personale/bekraeft").param("password", "forkert-5"));

		assertThat(fifth.getRedirectedUrl()).isEqualTo("/log-ind?fejl=helhed_locked");
		assertThat(new StoredSessions(jdbc).exists(lockedSession.getValue())).as("the session has ended").isFalse();
		assertThat(jdbc.sql("select locked_until from staff_user where username = 'laas.admin'")
			.query(OffsetDateTime.class).single()).isAfter(OffsetDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC));
		assertThat(mvc.perform(get("/log-ind").param("fejl", "helhed_locked")).andReturn().getResponse()
			.getContentAsString()).contains("Din konto er låst i 15 minutter");

		newSession();
		var stillLocked = as("laas.admin", post("/personale/bekraeft").param("password", PASSWORD));
		assertThat(stillLocked.getRedirectedUrl()).as("the right password does not open a locked account")
			.isEqualTo("/log-ind?fejl=helhed_locked");

		// Another administrator unlocks the account.
		newSession();
		confirm();
		var lockedId = jdbc.sql("select id from staff_user where username = 'laas.admin'").query(UUID.class).single();
		assertThat(asAdmin(get("/personale/brugere/" + lockedId)).getContentAsString()).contains("Låst til kl.",
				"Lås kontoen op");
		assertThat(asAdmin(post("/personale/brugere/" + lockedId + "/laas-op")).getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("select locked_until from staff_user where id = ?").param(lockedId)
			.query(OffsetDateTime.class).optional()).isEmpty();
		assertThat(history(lockedId)).contains("Låst op");
	}

	@Test
	void theConfirmationSendsBackOnlyToAPageOfTheStaffArea() throws Exception {
		for (var target : List.of("https://evil.example/personale", "//evil.example/personale", "/personale/../x",
				"/personale/brugere?x=1", "/personale\\brugere", "/log-ud", "javascript:alert(1)", "/personale//evil.example",
				"x".repeat(100_000))) {
			newSession();
			var answer = asAdmin(post("/personale/bekraeft").param("password", PASSWORD).param("tilbage", target));
			assertThat(answer.getRedirectedUrl()).as(target.length() > 50 ? "a long address" : target)
				.isEqualTo("/personale");
		}
		newSession();
		assertThat(asAdmin(post("/personale/bekraeft").param("password", PASSWORD)
			.param("tilbage", "/personale/brugere/" + caseworker)).getRedirectedUrl())
			.isEqualTo("/personale/brugere/" + caseworker);
		var page = asAdmin(get("/personale/bekraeft").param("tilbage", "https://evil.example")).getContentAsString();
		assertThat(page).contains("name=\"tilbage\" value=\"/personale\"").doesNotContain("evil.example");
	}

	@Test
	void aConfirmationCountsOnlyForTheStaffMemberWhoMadeIt() throws Exception {
		confirm();
		account("anden.admin").named("Anden Administrator").withRoles(Role.ADMINISTRATOR)
			.withPasswordHash(passwords.encode(PASSWORD)).create(jdbc, municipalities);
		var before = snapshot();
		var answer = as("anden.admin", post("/personale/brugere/" + caseworker + "/luk").param("bekraeftet", "ja"));
		assertThat(answer.getRedirectedUrl()).startsWith("/personale/bekraeft");
		assertThat(snapshot()).isEqualTo(before);
	}

	// What an administrator may do

	@Test
	void accountsOfAnotherMunicipalityAreNotFound() throws Exception {
		confirm();
		var before = snapshot();
		assertThat(asAdmin(get("/personale/brugere/" + aarhusAccount)).getStatus()).isEqualTo(404);
		for (var request : List.of(post("/personale/brugere/" + aarhusAccount).param("displayName", "Kapret")
			.param("roles", "ADMINISTRATOR"), post("/personale/brugere/" + aarhusAccount + "/luk").param("bekraeftet", "ja"),
				post("/personale/brugere/" + aarhusAccount + "/genaabn"),
				post("/personale/brugere/" + aarhusAccount + "/laas-op"),
				post("/personale/brugere/" + aarhusAccount + "/adgangskode").param("password", "Kapret-Konto-Nu-77")
					.param("passwordRepeat", "Kapret-Konto-Nu-77"))) {
			assertThat(asAdmin(request).getStatus()).isEqualTo(404);
		}
		assertThat(asAdmin(get("/personale/brugere/" + UUID.randomUUID())).getStatus()).isEqualTo(404);
		assertThat(asAdmin(get("/personale/brugere/ikke-et-id")).getStatus()).isEqualTo(400);
		assertThat(snapshot()).isEqualTo(before);

		assertThat(as("admin.aarhus.test", get("/personale/brugere/" + caseworker)).getStatus())
			.as("the other way round too").isEqualTo(404);
		assertThat(as("admin.aarhus.test", get("/personale/brugere")).getContentAsString()).contains("Aarhus Testesen")
			.doesNotContain("Anne Testesen");
	}

	@Test
	void anAdministratorCannotTakeTheirOwnAdministratorRoleOrCloseTheirOwnAccount() throws Exception {
		confirm();
		var adminId = jdbc.sql("select id from staff_user where username = 'admin'").query(UUID.class).single();
		var before = snapshot();

		var ownRole = asAdmin(post("/personale/brugere/" + adminId).param("displayName", "Demo Administrator")
			.param("roles", "CASEWORKER").param("unitIds", demo.unit("aabenraa", "jobcenteret").toString()));
		assertThat(ownRole.getStatus()).isEqualTo(400);
		assertThat(ownRole.getContentAsString()).contains("Du kan ikke ændre dine egne roller, enheder eller samarbejdspartner.");

		var ownAccount = asAdmin(post("/personale/brugere/" + adminId + "/luk").param("bekraeftet", "ja"));
		assertThat(ownAccount.getStatus()).isEqualTo(400);
		assertThat(ownAccount.getContentAsString()).contains("Du kan ikke lukke din egen konto.");
		assertThat(snapshot()).isEqualTo(before);

		var page = asAdmin(get("/personale/brugere/" + adminId)).getContentAsString();
		assertThat(page).contains("Det er din egen konto").doesNotContain("Luk kontoen</button>");
	}

	@Test
	void changesAreRecordedWithNewRolesUnitsAndPartnerButNeverAPassword() throws Exception {
		confirm();
		var id = account("historik.admintest").named("Hans Historik").withRoles(Role.CASEWORKER)
			.inUnits("jobcenteret").create(jdbc, municipalities);

		assertThat(asAdmin(post("/personale/brugere/" + id).param("displayName", "Hans Historiksen")
			.param("email", "hans@aabenraa.dk").param("roles", "CASEWORKER", "CRIMINAL_MATTERS")
			.param("unitIds", demo.unit("aabenraa", "jobcenteret").toString(), demo.unit("aabenraa", "rusmiddelcenter").toString())
			.param("partnerId", "")).getStatus()).isEqualTo(302);
		assertThat(asAdmin(post("/personale/brugere/" + id).param("displayName", "Hans Historiksen")
			.param("email", "hans@aabenraa.dk").param("roles", "CASEWORKER")
			.param("partnerId", partner("blaa-kors").toString())).getStatus()).isEqualTo(302);
		var unchanged = asAdmin(post("/personale/brugere/" + id).param("displayName", "Hans Historiksen")
			.param("email", "hans@aabenraa.dk").param("roles", "CASEWORKER")
			.param("partnerId", partner("blaa-kors").toString()));
		assertThat(unchanged.getStatus()).isEqualTo(302);
		assertThat(asAdmin(post("/personale/brugere/" + id + "/adgangskode").param("password", "Sort-Kat-Paa-Taget-3")
			.param("passwordRepeat", "Sort-Kat-Paa-Taget-3")).getStatus()).isEqualTo(302);
		assertThat(asAdmin(post("/personale/brugere/" + id + "/luk").param("bekraeftet", "ja")).getStatus()).isEqualTo(302);
		assertThat(asAdmin(post("/personale/brugere/" + id + "/genaabn")).getStatus()).isEqualTo(302);

		assertThat(jdbc.sql("select count(*) from staff_account_change where account_id = ?").param(id)
			.query(Integer.class).single()).as("the save without changes is not recorded").isEqualTo(5);
		var history = history(id);
		assertThat(history).contains("Ændret", "Navn ændret", "E-mailadresse ændret",
				"Enheder: Jobcenteret, Rusmiddelcenter Aabenraa",
				"Samarbejdspartner: Blå Kors", "Enheder: ingen", "Ny adgangskode sat", "Lukket", "Genåbnet",
				"Demo Administrator");
		assertThat(jdbc.sql("select count(*) from staff_account_change_field where new_value like '%Sort-Kat%' "
				+ "or new_value like '%bcrypt%'").query(Integer.class).single()).isZero();
		assertThat(history).doesNotContain("Sort-Kat-Paa-Taget-3");
		assertThat(jdbc.sql("select enabled from staff_user where id = ?").param(id).query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void aNewAccountWithoutAPasswordLogsInThroughTheProviderOnly() throws Exception {
		confirm();
		var answer = asAdmin(post("/personale/brugere").param("username", "  Kim.Udbyder@Aabenraa.dk ")
			.param("displayName", "Kim Udbyder").param("email", "").param("roles", "UNIT_EDITOR")
			.param("unitIds", demo.unit("aabenraa", "visitation").toString()).param("partnerId", "")
			.param("login", "provider").param("password", "").param("passwordRepeat", ""));
		assertThat(answer.getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("select password_hash from staff_user where username = 'kim.udbyder@aabenraa.dk'")
			.query(String.class).optional()).as("stored in lower case, without a password").isEmpty();
		var page = asAdmin(get(answer.getRedirectedUrl())).getContentAsString();
		assertThat(page).contains("Kun med kommunens login", "Login: kun kommunens login");

		var taken = asAdmin(newAccount("KIM.udbyder@aabenraa.dk"));
		assertThat(taken.getStatus()).isEqualTo(400);
		assertThat(taken.getContentAsString()).contains("Brugernavnet er allerede i brug.");
	}

	@Test
	void closingAnAccountStopsItsLogin() throws Exception {
		confirm();
		var id = account("lukkes.admintest").withRoles(Role.CASEWORKER).withPasswordHash(passwords.encode(PASSWORD))
			.create(jdbc, municipalities);
		assertThat(asAdmin(post("/personale/brugere/" + id + "/luk").param("bekraeftet", "ja")).getRedirectedUrl())
			.isEqualTo("/personale/brugere/" + id);
		assertThat(demo.login("lukkes.admintest").isEnabled()).isFalse();
		assertThat(asAdmin(get("/personale/brugere")).getContentAsString()).contains("Lukket");
		assertThat(asAdmin(get("/personale/brugere").param("status", "CLOSED")).getContentAsString())
			.contains("lukkes.admintest").doesNotContain("anne.admintest");
		var again = asAdmin(post("/personale/brugere/" + id + "/luk").param("bekraeftet", "ja"));
		assertThat(again.getStatus()).isEqualTo(400);
		assertThat(again.getContentAsString()).contains("Kontoen er allerede lukket.");
	}

	@Test
	void closingAnAccountFirstSaysWhatHappensAndToWhomThenGivesAReceipt() throws Exception {
		confirm();
		var id = account("bekraeft.lukning").named("Bente Bekræftsen").withRoles(Role.CASEWORKER)
			.withPasswordHash(passwords.encode(PASSWORD))
			.create(jdbc, municipalities);

		var confirmation = asAdmin(post("/personale/brugere/" + id + "/luk"));

		assertThat(confirmation.getStatus()).isEqualTo(200);
		assertThat(confirmation.getContentAsString()).contains("Bekræft: luk kontoen for Bente Bekræftsen",
				"Luk kontoen for <span>Bente Bekræftsen</span>?", "bekraeft.lukning", "Sagsbehandler",
				"kan ikke længere logge ind", "bliver vedkommende logget ud med det samme", "En administrator kan åbne den igen",
				"name=\"bekraeftet\" value=\"ja\"", "Ja, luk kontoen", "Nej, behold kontoen");
		assertThat(demo.login("bekraeft.lukning").isEnabled()).as("not closed yet").isTrue();

		var closed = asAdmin(post("/personale/brugere/" + id + "/luk").param("bekraeftet", "ja"));
		assertThat(closed.getRedirectedUrl()).isEqualTo("/personale/brugere/" + id);
		assertThat(demo.login("bekraeft.lukning").isEnabled()).isFalse();
		var receipt = asAdmin(get("/personale/brugere/" + id));
		assertThat(receipt.getContentAsString()).contains("Kvittering", "Kontoen for <span>Bente Bekræftsen</span>",
				"Lukket af", "Brugeren er logget ud");
	}

	// Hostile input

	static Stream<Arguments> hostileNewAccounts() {
		var huge = "x".repeat(100_000);
		var script = "<script>alert(1)</script>";
		return Stream.of(
				Arguments.of("username", script), Arguments.of("username", "bo'; drop table staff_user; --"),
				Arguments.of("username", huge), Arguments.of("username", "bo\u0000ny"), Arguments.of("username", "bo😀"),
				Arguments.of("username", ""), Arguments.of("username", "bø.nybruger"),
				Arguments.of("displayName", script), Arguments.of("displayName", "Robert'); DROP TABLE staff_user;--"),
				Arguments.of("displayName", huge), Arguments.of("displayName", "Bo\u0007Nybruger"),
				Arguments.of("displayName", "Bo 😀 Nybruger"), Arguments.of("displayName", "Bo \"Kongen\" Nybruger"),
				Arguments.of("displayName", "   "), Arguments.of("displayName", "Bo\nNybruger"),
				Arguments.of("email", "ikke en adresse"), Arguments.of("email", "bo@aabenraa.dk" + script),
				Arguments.of("email", huge + "@aabenraa.dk"), Arguments.of("email", "bo@aabenraa.dk\r\nBcc: x@y.dk"),
				Arguments.of("roles", "SUPERUSER"), Arguments.of("roles", script), Arguments.of("login", "magic"),
				Arguments.of("unitIds", "ikke-et-id"), Arguments.of("unitIds", UUID.randomUUID().toString()),
				Arguments.of("partnerId", UUID.randomUUID().toString()), Arguments.of("partnerId", script),
				Arguments.of("password", "kort"), Arguments.of("password", huge), Arguments.of("password", "password1234"),
				Arguments.of("password", "Sommer2026!!!"), Arguments.of("password", "aaaaaaaaaaaaaaaa"),
				Arguments.of("password", "Grøn\u0000Cykel-Tårn-42"), Arguments.of("password", "😀🙂😎🤖👻🎃😀🙂😎🤖👻🎃😀🙂😎🤖👻🎃"),
				Arguments.of("password", "123456789012345"), Arguments.of("passwordRepeat", "Grøn-Cykel-Tårn-43"));
	}

	@ParameterizedTest
	@MethodSource("hostileNewAccounts")
	void hostileInputForANewAccountIsRefusedWithADanishMessageAndStoresNothing(String field, String value)
			throws Exception {
		confirm();
		var replaced = new HashMap<String, String>();
		replaced.put("username", "fjendtlig.bruger");
		replaced.put(field, value);
		if (field.equals("password")) {
			replaced.put("passwordRepeat", value);
		}
		var request = newAccount(replaced);
		var before = snapshot();

		var response = asAdmin(request);

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("Det er ikke gemt")
			.containsAnyOf("Skriv", "må", "Vælg", "skal", "ikke ens", "let at gætte", "ensformig")
			.doesNotContain("<script>alert(1)</script>", "Grøn-Cykel-Tårn");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void hostileInputForAnAccountsDetailsAndPasswordIsRefusedAndStoresNothing() throws Exception {
		confirm();
		var script = "<script>alert(1)</script>";
		var huge = "x".repeat(100_000);
		var requests = List.of(
				post("/personale/brugere/" + caseworker).param("displayName", script).param("roles", "CASEWORKER"),
				post("/personale/brugere/" + caseworker).param("displayName", huge).param("roles", "CASEWORKER"),
				post("/personale/brugere/" + caseworker).param("displayName", "Anne").param("roles", "CASEWORKER")
					.param("email", "anne@" + script),
				post("/personale/brugere/" + caseworker).param("displayName", "Anne Testesen"),
				post("/personale/brugere/" + caseworker).param("displayName", "Anne Testesen").param("roles", "CASEWORKER")
					.param("unitIds", demo.unit("aarhus", "rusmiddelcenter-aarhus").toString()),
				post("/personale/brugere/" + caseworker).param("displayName", "Anne Testesen").param("roles", "CASEWORKER")
					.param("unitIds", demo.unit("aabenraa", "jobcenteret").toString())
					.param("partnerId", partner("blaa-kors").toString()),
				post("/personale/brugere/" + caseworker + "/adgangskode").param("password", huge)
					.param("passwordRepeat", huge),
				post("/personale/brugere/" + caseworker + "/adgangskode").param("password", "anne.admintest-2026!")
					.param("passwordRepeat", "anne.admintest-2026!"),
				post("/personale/brugere/" + caseworker + "/adgangskode").param("password", "Blå-Hest-Under-Broen-9")
					.param("passwordRepeat", "Blå-Hest-Under-Broen-8"),
				post("/personale/brugere/" + caseworker + "/adgangskode"));
		for (var request : requests) {
			var before = snapshot();
			var response = asAdmin(request);
			assertThat(response.getStatus()).isEqualTo(400);
			assertThat(response.getContentAsString()).contains("Det er ikke gemt")
				.containsAnyOf("Skriv", "må", "Vælg", "skal", "ikke ens", "let at gætte", "ensformig")
				.doesNotContain("<script>alert(1)</script>");
			assertThat(snapshot()).isEqualTo(before);
		}
	}

	@Test
	void aFormWithMoreRowsThanAnyPageSendsIsABadRequestNotAServerError() throws Exception {
		confirm();
		var before = snapshot();
		for (var request : List.of(
				post("/personale/brugere/" + caseworker).param("displayName", "Anne Testesen").param("roles[500]", "CASEWORKER"),
				post("/personale/brugere/" + caseworker).param("displayName", "Anne Testesen").param("roles", "CASEWORKER")
					.param("unitIds[99999999999]", demo.unit("aabenraa", "jobcenteret").toString()),
				post("/personale/brugere").param("username", "mange.raekker").param("roles[256]", "CASEWORKER"))) {
			var response = asAdmin(request);
			assertThat(response.getStatus()).isEqualTo(400);
			assertThat(response.getContentAsString()).contains("Formularen har flere rækker, end Helhed tager imod.");
		}
		assertThat(snapshot()).isEqualTo(before);
		assertThat(asAdmin(post("/personale/brugere/" + caseworker).param("displayName", "Anne Testesen")
			.param("roles[0]", "CASEWORKER").param("unitIds[1]", demo.unit("aabenraa", "jobcenteret").toString()))
			.getStatus()).as("indexes a form could send are bound as usual").isEqualTo(302);
	}

	/** A request, by the other demo administrator, to give the account the criminal-matters role. */
	UUID roleRequest(UUID account) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into staff_role_request (municipality_id, id, account_id, role, requested_by, requested_at)
				select municipality_id, ?, id, 'CRIMINAL_MATTERS', (select id from staff_user where username = 'admin2'),
				       current_timestamp
				from staff_user where id = ?""")
			.params(id, account)
			.update();
		return id;
	}
}
