package dk.helhed.identity;

import static dk.helhed.identity.StaffAccountFixture.account;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dk.helhed.identity.internal.LoggedInStaff;
import dk.helhed.municipality.Municipalities;

/**
 * Login through the municipality's identity provider (OpenID Connect), against a real provider running inside the
 * test (mock-oauth2-server): the whole authorization-code flow over HTTP, from the login page's button through the
 * provider and back, with the application's sessions in the database. The provider serves Aabenraa only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LoginThroughIdentityProviderTests {

	static final String ISSUER = IdentityProvider.ISSUER;

	/** Started before the application, which reads the provider's settings when it starts. */
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

	@TestConfiguration
	static class Events {

		@Bean
		LoginFailures loginFailures() {
			return new LoginFailures();
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	@Autowired
	LoginFailures failures;

	UUID closedAccount;

	@BeforeEach
	void accounts() {
		account("kim.kommune").named("Kim fra Kommunens Login")
			.withRoles(Role.UNIT_EDITOR)
			.inUnits("visitation")
			.create(jdbc, municipalities);
		closedAccount = account("lukket.konto").withRoles(Role.CATALOG_EDITOR).closed().create(jdbc, municipalities);
	}

	StoredSessions sessions() {
		return new StoredSessions(jdbc);
	}

	@Test
	void theLoginPageOffersTheMunicipalitysLoginNextToTheForm() {
		var page = new Visitor(port).get("/log-ind");

		assertThat(page.body()).contains("Log ind med kommunens login", "Log ind med brugernavn og adgangskode",
				"name=\"password\"");
		var providerOrigin = provider.origin();
		assertThat(page.header("Content-Security-Policy"))
			.as("the logout form is redirected to the provider")
			.contains("form-action 'self' " + providerOrigin + ";");
	}

	@Test
	void aStaffMemberLogsInThroughTheProviderWithANewSessionAndTheRolesHelhedGaveThem() {
		var visitor = new Visitor(port);
		// The provider's own roles and groups must not count: Helhed decides what a person may do.
		provider.willLogIn(Map.of("preferred_username", "Kim.Kommune", "name", "Kim K.", "roles", List.of("ADMINISTRATOR"),
				"groups", List.of("ROLE_ADMINISTRATOR", "ROLE_CATALOG_EDITOR")));

		var steps = visitor.clickProviderButton();

		var toProvider = Visitor.stepTo(steps, "/oauth2/authorization/kommune");
		assertThat(URI.create(toProvider.location()).getPath()).isEqualTo("/" + ISSUER + "/authorize");
		var callback = Visitor.stepTo(steps, "/login/oauth2/code/kommune");
		assertThat(callback.location()).endsWith("/personale");
		var before = toProvider.sessionAfter();
		var after = callback.sessionAfter();
		assertThat(before).as("the authorization request waits in a session").isNotNull();
		assertThat(after).as("a new session id at login").isNotNull().isNotEqualTo(before);
		assertThat(sessions().exists(before)).isFalse();

		var overview = steps.getLast();
		assertThat(overview.uri().getPath()).isEqualTo("/personale");
		assertThat(overview.status()).isEqualTo(200);
		assertThat(overview.body()).contains("Kim fra Kommunens Login");
		assertThat(visitor.getWithOnlySession("/personale", before).status()).isEqualTo(302);

		var authentication = sessions().authentication(after);
		assertThat(authentication.getName()).isEqualTo("kim.kommune");
		assertThat(authentication.getAuthorities()).extracting(Object::toString)
			.contains("ROLE_UNIT_EDITOR")
			.doesNotContain("ROLE_ADMINISTRATOR", "ROLE_CATALOG_EDITOR");
		var member = ((LoggedInStaff) authentication.getPrincipal()).member();
		assertThat(member.roles()).containsExactly(Role.UNIT_EDITOR);
		assertThat(member.unitIds()).hasSize(1);
		assertThat(member.municipalityId()).isEqualTo(municipalities.getBySlug("aabenraa").id());
		assertThat(sessions().maxInactiveSeconds(after)).isEqualTo(30 * 60);
		assertThat(jdbc.sql("select last_login_at from staff_user where username = 'kim.kommune'")
			.query(Object.class)
			.single()).isNotNull();
	}

	@Test
	void aPersonWithoutAnAccountIsRefusedAndTheRefusalIsPublished() {
		var visitor = new Visitor(port);
		provider.willLogIn(Map.of("preferred_username", "ukendt.person"));

		var steps = visitor.clickProviderButton();

		assertThat(Visitor.stepTo(steps, "/login/oauth2/code/kommune").location()).endsWith("/log-ind?fejl=helhed_no_account");
		assertThat(steps.getLast().body()).contains("Kommunens login kender dig, men du har ingen konto i Helhed.");
		assertThat(visitor.get("/personale").status()).isEqualTo(302);
		assertThat(failures.of("ukendt.person")).singleElement().satisfies(event -> {
			assertThat(event.reason()).isEqualTo(StaffLoginFailed.Reason.NO_ACCOUNT_FOR_PROVIDER_IDENTITY);
			assertThat(event.staffId()).isNull();
			assertThat(event.municipalityId()).as("the municipality the provider serves")
				.isEqualTo(municipalities.getBySlug("aabenraa").id());
		});
		assertThat(jdbc.sql("select count(*) from staff_user where lower(username) = 'ukendt.person'")
			.query(Integer.class)
			.single()).as("no account is created by logging in").isZero();
	}

	@Test
	void aClosedAccountIsRefused() {
		var visitor = new Visitor(port);
		provider.willLogIn(Map.of("preferred_username", "lukket.konto"));

		var steps = visitor.clickProviderButton();

		assertThat(steps.getLast().uri().getQuery()).isEqualTo("fejl=helhed_account_disabled");
		assertThat(steps.getLast().body()).contains("Din konto i Helhed er lukket.");
		assertThat(visitor.get("/personale").status()).isEqualTo(302);
		assertThat(failures.of("lukket.konto")).singleElement().satisfies(event -> {
			assertThat(event.reason()).isEqualTo(StaffLoginFailed.Reason.ACCOUNT_DISABLED);
			assertThat(event.staffId()).isEqualTo(closedAccount);
		});
	}

	@Test
	void theProviderOfOneMunicipalityCannotLogInAnotherMunicipalitysStaff() {
		var visitor = new Visitor(port);
		provider.willLogIn(Map.of("preferred_username", "redaktoer-aarhus"));

		var steps = visitor.clickProviderButton();

		assertThat(steps.getLast().uri().getQuery()).isEqualTo("fejl=helhed_no_account");
		assertThat(visitor.get("/personale").status()).isEqualTo(302);
		assertThat(failures.of("redaktoer-aarhus")).singleElement()
			.satisfies(event -> assertThat(event.staffId()).isNull());
	}

	@Test
	void aPersonTheProviderNamesWithoutTheClaimIsRefused() {
		var visitor = new Visitor(port);
		provider.willLogIn(Map.of("name", "Uden Brugernavn"));

		var steps = visitor.clickProviderButton();

		assertThat(steps.getLast().uri().getQuery()).isEqualTo("fejl=helhed_no_account");
		assertThat(visitor.get("/personale").status()).isEqualTo(302);
	}

	@Test
	void whenTheProviderAnswersWithAnErrorTheLoginPageSaysSo() {
		var visitor = new Visitor(port);
		visitor.get("/log-ind");
		var toProvider = visitor.get("/oauth2/authorization/kommune");
		var state = UriComponentsBuilder.fromUriString(toProvider.location()).build().getQueryParams()
			.getFirst("state");

		var steps = visitor.follow(visitor.get("/login/oauth2/code/kommune?error=access_denied&state=" + state));

		assertThat(steps.getFirst().location()).endsWith("/log-ind?fejl=access_denied");
		assertThat(steps.getLast().body()).contains("Det lykkedes ikke at logge ind med kommunens login.");
		assertThat(visitor.get("/personale").status()).isEqualTo(302);
	}

	@Test
	void logoutEndsTheSessionHereAndAtTheProvider() {
		var visitor = new Visitor(port);
		provider.willLogIn(Map.of("preferred_username", "kim.kommune"));
		var overview = visitor.clickProviderButton().getLast();
		var session = visitor.session();

		var logout = visitor.post("/log-ud", Visitor.form(overview));

		var endSession = URI.create(logout.location());
		assertThat(endSession.getPath()).isEqualTo("/" + ISSUER + "/endsession");
		var parameters = UriComponentsBuilder.fromUri(endSession).build().getQueryParams();
		assertThat(parameters.getFirst("id_token_hint")).isNotBlank();
		assertThat(parameters.getFirst("post_logout_redirect_uri"))
			.isEqualTo("http://localhost:" + port + "/log-ind?udlogget");
		assertThat(sessions().exists(session)).as("the session is gone from the database").isFalse();
		assertThat(visitor.getWithOnlySession("/personale", session).status())
			.as("the old cookie no longer lets anyone in").isEqualTo(302);

		var back = visitor.follow(logout).getLast();
		assertThat(back.uri().getPath()).isEqualTo("/log-ind");
		assertThat(back.body()).contains("Du er logget ud.");
		assertThat(visitor.get("/personale").status()).isEqualTo(302);
	}

	@Test
	void aPostWithoutCsrfTokenIsRefusedAfterALoginThroughTheProvider() {
		var visitor = new Visitor(port);
		provider.willLogIn(Map.of("preferred_username", "kim.kommune"));
		visitor.clickProviderButton();

		assertThat(visitor.post("/log-ud", Map.of()).status()).isEqualTo(403);
		assertThat(visitor.get("/personale").status()).as("still logged in").isEqualTo(200);
	}

	/**
	 * The same in Debian's headless Chromium, which also enforces the Content Security Policy: the logout form's POST
	 * is redirected to the provider and back, which {@code form-action} must allow.
	 */
	@Test
	void inABrowserTheButtonLogsInAndLogoutPassesThroughTheProvider() throws Exception {
		var chromium = Path.of("/usr/bin/chromium");
		var chromedriver = Path.of("/usr/bin/chromedriver");
		Assumptions.assumeTrue("true".equalsIgnoreCase(System.getenv("CI"))
				|| Files.isExecutable(chromium) && Files.isExecutable(chromedriver), "Chromium is not installed");
		var profile = Files.createTempDirectory("helhed-chromium-");
		var options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--no-first-run", "--disable-extensions", "--user-data-dir=" + profile);
		var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver.toString()))
			.usingAnyFreePort()
			.build();
		var driver = new ChromeDriver(service, options);
		try {
			var waiting = new WebDriverWait(driver, Duration.ofSeconds(10));
			provider.willLogIn(Map.of("preferred_username", "kim.kommune"));
			driver.get("http://localhost:" + port + "/log-ind");

			driver.findElement(By.linkText("Log ind med kommunens login")).click();
			waiting.until(browser -> browser.getCurrentUrl().endsWith("/personale"));
			assertThat(driver.findElement(By.tagName("body")).getText()).contains("Kim fra Kommunens Login");

			driver.findElement(By.cssSelector("form[action='/log-ud'] button")).click();
			waiting.until(browser -> browser.getCurrentUrl().endsWith("/log-ind?udlogget"));
			assertThat(driver.findElement(By.tagName("body")).getText()).contains("Du er logget ud.");
			driver.get("http://localhost:" + port + "/personale");
			assertThat(driver.getCurrentUrl()).endsWith("/log-ind");
		}
		finally {
			driver.quit();
		}
	}
}
