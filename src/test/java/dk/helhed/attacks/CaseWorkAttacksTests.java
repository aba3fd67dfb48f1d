package dk.helhed.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dk.helhed.municipality.Municipalities;
import dk.helhed.support.SyntheticCpr;

/**
 * The case-work findings of the outside probe (issue 8, findings 1 to 4), replayed through HTTP with the demo
 * logins: each test is the attacker's requests, and what they must get now. All citizens are synthetic.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseWorkAttacksTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(request.with(user(accounts.loadUserByUsername(username))).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as("never a server error").isLessThan(500);
		return response;
	}

	UUID register(String username, String cpr, String name) throws Exception {
		var response = as(username, registration(cpr, name));
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
		return UUID.fromString(response.getRedirectedUrl().substring("/personale/borgere/".length()));
	}

	static MockHttpServletRequestBuilder registration(String cpr, String name) {
		return post("/personale/borgere").param("cpr", cpr)
			.param("name", name)
			.param("phone", "")
			.param("email", "")
			.param("address", "")
			.param("preferredLanguage", "");
	}

	void note(String username, UUID citizen, String category, String text) throws Exception {
		assertThat(as(username, post("/personale/borgere/" + citizen + "/notater").param("category", category)
			.param("text", text)).getStatus()).isEqualTo(302);
	}

	UUID consent(String username, UUID citizen, String purpose, String categories, String recipient)
			throws Exception {
		var response = as(username, post("/personale/borgere/" + citizen + "/samtykker").param("purpose", purpose)
			.param("categories", categories.split(","))
			.param("recipients", recipient)
			.param("givenOn", LocalDate.now().toString())
			.param("expiresOn", LocalDate.now().plusMonths(6).toString())
			.param("givenHow", "WRITTEN"));
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
		return jdbc.sql("select id from consent where citizen_id = ? and purpose = ?")
			.params(citizen, purpose)
			.query(UUID.class)
			.single();
	}

	String page(String username, UUID citizen) throws Exception {
		var response = as(username, get("/personale/borgere/" + citizen));
		return response.getStatus() == 200 ? response.getContentAsString() : "status " + response.getStatus();
	}

	String unit(String key) {
		return "enhed:" + municipalities.unitsOf(municipalities.getBySlug("aabenraa").id())
			.stream()
			.filter(unit -> unit.key().equals(key))
			.findFirst()
			.orElseThrow()
			.id();
	}

	String partner(String key) {
		return "organisation:" + municipalities.partnersOf(municipalities.getBySlug("aabenraa").id())
			.stream()
			.filter(partner -> partner.key().equals(key))
			.findFirst()
			.orElseThrow()
			.id();
	}

	int refusals(String username) {
		return jdbc.sql("select count(*) from audit_event where actor_name = ? and outcome = 'REFUSED'")
			.param(username)
			.query(Integer.class)
			.single();
	}

	/** Finding 1: a CPR number opened the case, for a unit and for a partner organisation, in three requests. */
	@Test
	void aKnownCprNumberJoinsOnlyAsTheCallersOwnCaseAndASelfRecordedConsentOpensNothing() throws Exception {
		var cpr = SyntheticCpr.random();
		var citizen = register("rusmiddel", cpr, "Angreb Testesen (syntetisk)");
		note("rusmiddel", citizen, "ADDICTION", "Rusmiddelnotat der ikke må deles");
		note("rusmiddel", citizen, "HEALTH", "Helbredsnotat der ikke må deles");

		// The partner organisation cannot register a CPR number at all, so the answer tells it nothing.
		int before = refusals("blaakors");
		var partner = as("blaakors", registration(cpr, "Angreb Testesen (syntetisk)"));
		assertThat(partner.getStatus()).isEqualTo(403);
		assertThat(refusals("blaakors")).as("the refusal is in the audit log").isEqualTo(before + 1);
		var unknown = as("blaakors", registration(SyntheticCpr.random(), "Ukendt Testesen (syntetisk)"));
		assertThat(unknown.getStatus()).as("the same answer for an unknown number").isEqualTo(403);

		// Another name: the caller is asked to check the number; the stored name is not shown; nothing is joined.
		var otherName = as("jobcenter", registration(cpr, "Helt Andet Navn"));
		assertThat(otherName.getStatus()).isEqualTo(400);
		assertThat(otherName.getContentAsString()).contains("kendt under et andet navn, kontrollér CPR-nummeret")
			.doesNotContain("Angreb Testesen");
		assertThat(page("jobcenter", citizen)).isEqualTo("status 404");

		// The same name joins as the job centre's own case: audited as a join, shown to the addiction centre.
		assertThat(register("jobcenter", cpr, "Angreb Testesen (syntetisk)")).isEqualTo(citizen);
		assertThat(jdbc.sql("select count(*) from audit_event where citizen_id = ? and resource = 'joined by cpr'")
			.param(citizen)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(page("rusmiddel", citizen)).contains("Jobcenteret er kommet med i sagen ved at registrere");

		// A consent the job centre records for itself covers only what the job centre holds.
		consent("jobcenter", citizen, "Jobcentret giver sig selv adgang", "ADDICTION,HEALTH", unit("jobcenteret"));
		assertThat(page("jobcenter", citizen)).doesNotContain("Rusmiddelnotat der ikke må deles",
				"Helbredsnotat der ikke må deles");

		// Nor does a consent it records for the partner organisation: the addiction centre holds those notes.
		consent("jobcenter", citizen, "Jobcentret giver Blå Kors adgang", "ADDICTION,HEALTH", partner("blaa-kors"));
		assertThat(page("blaakors", citizen)).doesNotContain("Rusmiddelnotat der ikke må deles",
				"Helbredsnotat der ikke må deles");

		// When the holding unit confirms, the notes are shared: the holder decides.
		var consent = jdbc.sql("select id from consent where citizen_id = ? and purpose = 'Jobcentret giver Blå Kors adgang'")
			.param(citizen)
			.query(UUID.class)
			.single();
		assertThat(as("rusmiddel", post("/personale/borgere/" + citizen + "/samtykker/" + consent + "/bekraeft"))
			.getStatus()).isEqualTo(302);
		assertThat(page("blaakors", citizen)).contains("Rusmiddelnotat der ikke må deles");
	}

	/** A team lead's reference to the signed consent shares what every unit holds; others may not give one. */
	@Test
	void onlyATeamLeadsReferenceToTheSignedConsentSharesWhatEveryUnitHolds() throws Exception {
		var cpr = SyntheticCpr.random();
		var citizen = register("jobcenter", cpr, "Erklæring Testesen (syntetisk)");
		note("jobcenter", citizen, "EMPLOYMENT", "Jobcentrets beskæftigelsesnotat");
		assertThat(register("teamleder", cpr, "Erklæring Testesen (syntetisk)")).isEqualTo(citizen);

		var refused = as("boligsag", post("/personale/borgere/" + citizen + "/samtykker").param("purpose", "Forsøg")
			.param("categories", "EMPLOYMENT")
			.param("recipients", unit("visitation"))
			.param("givenOn", LocalDate.now().toString())
			.param("expiresOn", LocalDate.now().plusMonths(6).toString())
			.param("givenHow", "WRITTEN")
			.param("signedReference", "J.nr. 2026-1"));
		assertThat(refused.getStatus()).as("a caseworker of the case, not a lead").isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("Kun en teamleder kan henvise");

		var lead = as("teamleder", post("/personale/borgere/" + citizen + "/samtykker").param("purpose", "Underskrevet")
			.param("categories", "EMPLOYMENT")
			.param("recipients", unit("visitation"))
			.param("givenOn", LocalDate.now().toString())
			.param("expiresOn", LocalDate.now().plusMonths(6).toString())
			.param("givenHow", "WRITTEN")
			.param("signedReference", "J.nr. 2026-1"));
		assertThat(lead.getStatus()).as(lead.getContentAsString()).isEqualTo(302);
		assertThat(page("boligsag", citizen)).contains("Jobcentrets beskæftigelsesnotat");
		assertThat(page("jobcenter", citizen)).contains("J.nr. 2026-1");
	}

	/** Finding 2: any joined unit closed the case for everyone, and withdrew consents without a trace. */
	@Test
	void aUnitEndsOnlyItsOwnCaseAndAWithdrawalKeepsTheCitizensWords() throws Exception {
		var cpr = SyntheticCpr.random();
		var citizen = register("jobcenter", cpr, "Lukning Testesen (syntetisk)");
		note("jobcenter", citizen, "HOUSING", "Jobcentrets boligsnotat");
		assertThat(register("rusmiddel", cpr, "Lukning Testesen (syntetisk)")).isEqualTo(citizen);
		var consent = consent("jobcenter", citizen, "Bolig til Visitation", "HOUSING", unit("visitation"));
		assertThat(page("boligsag", citizen)).contains("Jobcentrets boligsnotat");

		// The confirmation page says what will happen and to whom.
		var confirmation = as("rusmiddel", get("/personale/borgere/" + citizen + "/afslut"));
		assertThat(confirmation.getStatus()).isEqualTo(200);
		assertThat(confirmation.getContentAsString()).contains("Afslut vores sag", "Jobcenteret",
				"Sagen er stadig åben hos de andre enheder");

		// A caseworker cannot close the record for everyone.
		assertThat(as("rusmiddel", post("/personale/borgere/" + citizen + "/luk").param("begrundelse",
				"Borgeren er flyttet fra kommunen")).getStatus()).isEqualTo(403);

		// A withdrawal without the citizen's words is refused and changes nothing.
		var noWords = as("rusmiddel", post("/personale/borgere/" + citizen + "/samtykker/" + consent + "/tilbagekald"));
		assertThat(noWords.getStatus()).isEqualTo(400);
		assertThat(noWords.getContentAsString()).contains("hvad borgeren sagde");
		assertThat(page("boligsag", citizen)).contains("Jobcentrets boligsnotat");

		// With the words, it is recorded who took it and what the citizen said; the units it concerned are told.
		assertThat(as("rusmiddel", post("/personale/borgere/" + citizen + "/samtykker/" + consent + "/tilbagekald")
			.param("ord", "Jeg vil ikke have, at Visitation ser mine notater")).getStatus()).isEqualTo(302);
		assertThat(page("boligsag", citizen)).isEqualTo("status 404");
		var jobcentre = page("jobcenter", citizen);
		assertThat(jobcentre).contains("Jeg vil ikke have, at Visitation ser mine notater",
				"Borgeren har trukket et samtykke tilbage");

		// The addiction centre ends its own case: the job centre works on; the record stays open.
		assertThat(as("rusmiddel", post("/personale/borgere/" + citizen + "/afslut")).getRedirectedUrl())
			.isEqualTo("/personale/borgere");
		assertThat(page("rusmiddel", citizen)).isEqualTo("status 404");
		assertThat(page("jobcenter", citizen)).contains("Åben");
		assertThat(jdbc.sql("select status from citizen where id = ?").param(citizen).query(String.class).single())
			.isEqualTo("OPEN");

		// The last unit ends its case: the record closes; a unit that was involved reopens it by registering again.
		as("jobcenter", post("/personale/borgere/" + citizen + "/afslut"));
		assertThat(jdbc.sql("select status from citizen where id = ?").param(citizen).query(String.class).single())
			.isEqualTo("CLOSED");
		assertThat(register("rusmiddel", cpr, "Lukning Testesen (syntetisk)")).isEqualTo(citizen);
		assertThat(jdbc.sql("select status from citizen where id = ?").param(citizen).query(String.class).single())
			.isEqualTo("OPEN");
	}

	/** A team lead closes the record for every unit, with a reason. */
	@Test
	void aTeamLeadClosesTheRecordForEveryUnitWithAReason() throws Exception {
		var cpr = SyntheticCpr.random();
		var citizen = register("teamleder", cpr, "Leder Testesen (syntetisk)");
		assertThat(register("jobcenter", cpr, "Leder Testesen (syntetisk)")).isEqualTo(citizen);
		var page = as("teamleder", get("/personale/borgere/" + citizen + "/luk"));
		assertThat(page.getContentAsString()).contains("Luk sagen for alle enheder", "Jobcenteret");
		var noReason = as("teamleder", post("/personale/borgere/" + citizen + "/luk").param("begrundelse", ""));
		assertThat(noReason.getStatus()).isEqualTo(400);
		assertThat(noReason.getContentAsString()).contains("hvorfor sagen lukkes for alle");
		assertThat(as("teamleder", post("/personale/borgere/" + citizen + "/luk").param("begrundelse",
				"Borgeren er flyttet til en anden kommune")).getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("select closed_reason from citizen where id = ?").param(citizen).query(String.class)
			.single()).isEqualTo("Borgeren er flyttet til en anden kommune");
		assertThat(page("jobcenter", citizen)).isEqualTo("status 404");
	}

	/** Finding 3: a partner organisation's emergency access was stored without a unit and never reviewed. */
	@Test
	void emergencyAccessIsForTheMunicipalitysOwnStaffAndReachesANamedReviewer() throws Exception {
		var cpr = SyntheticCpr.random();
		var citizen = register("rusmiddel", cpr, "Nødbrems Testesen (syntetisk)");
		var reason = "Borgeren er fundet bevidstløs, og vi skal kende aftalerne nu.";
		int before = refusals("blaakors");
		assertThat(as("blaakors", post("/personale/borgere/noedadgang").param("cpr", cpr).param("reason", reason))
			.getStatus()).isEqualTo(403);
		assertThat(refusals("blaakors")).isEqualTo(before + 1);
		assertThat(jdbc.sql("select count(*) from emergency_access where citizen_id = ?").param(citizen)
			.query(Integer.class).single()).isZero();

		var granted = as("boligsag", post("/personale/borgere/noedadgang").param("cpr", cpr).param("reason", reason));
		assertThat(granted.getStatus()).isEqualTo(302);
		var reviewer = jdbc.sql("""
				select s.username from emergency_access e join staff_user s on s.id = e.reviewer_id
				where e.citizen_id = ?""").param(citizen).query(String.class).single();
		assertThat(reviewer).isEqualTo("teamleder");
		assertThat(as("teamleder", get("/personale/noedadgang")).getContentAsString()).contains(reason);
	}

	/** Finding 4: a consent-only reader saw every unit involved and every consent's purpose. */
	@Test
	void aConsentOnlyReaderSeesTheirOwnConsentNotWhoElseIsInvolvedNorOtherPurposes() throws Exception {
		var cpr = SyntheticCpr.random();
		var citizen = register("jobcenter", cpr, "Læser Testesen (syntetisk)");
		note("jobcenter", citizen, "HOUSING", "Jobcentrets boligsnotat til Visitation");
		assertThat(register("rusmiddel", cpr, "Læser Testesen (syntetisk)")).isEqualTo(citizen);
		consent("jobcenter", citizen, "Bolig og job", "HOUSING,EMPLOYMENT", unit("visitation"));
		consent("rusmiddel", citizen, "Behandling for depression og alkohol", "HEALTH,ADDICTION",
				unit("jobcenteret"));

		var reader = page("boligsag", citizen);
		assertThat(reader).contains("Jobcentrets boligsnotat til Visitation", "Bolig og job")
			.doesNotContain("Rusmiddelcenter Aabenraa", "Behandling for depression og alkohol", "Hvem arbejder med");
		assertThat(page("jobcenter", citizen)).contains("Rusmiddelcenter Aabenraa",
				"Behandling for depression og alkohol");
	}

	/** Finding 9: a name search showing several citizens was in none of their access accounts, the name in clear. */
	@Test
	void aNameSearchIsInTheAccessAccountOfEveryCitizenItShowedAndTheNameIsNotKept() throws Exception {
		var token = "Søgbar" + UUID.randomUUID().toString().substring(0, 6);
		var firstCpr = SyntheticCpr.random();
		var secondCpr = SyntheticCpr.random();
		var first = register("jobcenter", firstCpr, token + " Første (syntetisk)");
		var second = register("jobcenter", secondCpr, token + " Anden (syntetisk)");
		var search = as("jobcenter", post("/personale/borgere/navn").param("navn", token));
		assertThat(search.getContentAsString()).contains("/personale/borgere/" + first, "/personale/borgere/" + second);

		assertThat(jdbc.sql("select count(*) from audit_event where lower(criterion) like ?")
			.param("%" + token.toLowerCase() + "%").query(Integer.class).single()).as("the name is not kept").isZero();
		for (var cpr : new String[] { firstCpr, secondCpr }) {
			var account = as("dpo", post("/personale/aktindsigt").param("cpr", cpr)).getContentAsString();
			assertThat(account).as("the access account of " + cpr.substring(0, 6)).contains("Søgte dig frem");
		}
	}
}
