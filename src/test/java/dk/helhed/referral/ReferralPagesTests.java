package dk.helhed.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dk.helhed.support.StaffFixture;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.NoteWriting;
import dk.helhed.citizen.internal.Registration;
import dk.helhed.citizen.internal.SharingBases;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.citizen.internal.SharingBases.NewConsent;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;

/**
 * The referral pages over HTTP, as the new user would go through them: the job centre refers Mads (a
 * synthetic citizen) to Visitation & Understøttelse for Overgangsbolig, sharing housing and employment; Visitation
 * sees it in its queue and the navigation, sees the shared notes while the referral is live, accepts, starts and
 * completes it with an outcome; the job centre sees the outcome and closes the loop. A move the table forbids is
 * refused with its Danish message and a refusal in the audit log; a form with mistakes changes nothing.
 */
@AutoConfigureMockMvc
abstract class ReferralPagesTests {

	@Autowired
	StaffFixture demo;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Registration registration;

	@Autowired
	SharingBases sharing;

	@Autowired
	NoteWriting noteWriting;

	@Autowired
	Municipalities municipalities;

	@Autowired
	Catalogs catalogs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;



	MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user(accounts.loadUserByUsername(username))).with(csrf()))
			.andReturn()
			.getResponse();
	}

	org.springframework.test.web.servlet.MvcResult result(String username, MockHttpServletRequestBuilder request)
			throws Exception {
		return mvc.perform(request.with(user(accounts.loadUserByUsername(username))).with(csrf())).andReturn();
	}

	UUID mads() {
		var jobCentre = demo.staff("jobcenter");
		var today = LocalDate.now(clock);
		var serial = 1000 + (int) (Math.random() * 8999);
		var mads = registration.registerIdentified(jobCentre, new NewCitizen(String.format("%02d0375-%04d",
				1 + (int) (Math.random() * 28), serial), "Mads Henvisningsen (syntetisk)", null, null, null, "dansk"));
		sharing.recordConsent(jobCentre, mads.id(), new NewConsent("Koordineret hjælp til bolig og job",
				Set.of(InformationCategory.EMPLOYMENT, InformationCategory.HOUSING),
				List.of(new Recipient(demo.unit("visitation"), null)), today, today.plusYears(1), GivenHow.WRITTEN));
		noteWriting.writeNote(jobCentre, mads.id(), InformationCategory.HOUSING,
				"Sover hos en ven og søger egen bolig. (syntetisk)", null);
		noteWriting.writeNote(jobCentre, mads.id(), InformationCategory.HEALTH,
				"Har ondt i ryggen. (syntetisk)", null);
		return mads.id();
	}

	int referrals(UUID citizen) {
		return jdbc.sql("select count(*) from referral where citizen_id = ?").param(citizen).query(Integer.class).single();
	}

	int refusals(UUID citizen, StaffMember by) {
		return jdbc.sql("select count(*) from audit_event where citizen_id = ? and actor_id = ? and outcome = 'REFUSED'")
			.params(citizen, by.id())
			.query(Integer.class)
			.single();
	}

	@Test
	void theJobCentreRefersMadsVisitationCompletesAndTheJobCentreClosesTheLoop() throws Exception {
		var mads = mads();
		var flats = catalogs.of("aabenraa").service("overgangsbolig").orElseThrow();
		var visitation = demo.unit("visitation");

		// The form: the categories the consent covers for Visitation can be chosen; the others say why not.
		var form = as("jobcenter", get("/personale/borgere/" + mads + "/henvisninger/ny").param("indsats",
				flats.id().toString()));
		assertThat(form.getStatus()).isEqualTo(200);
		var page = form.getContentAsString();
		assertThat(page).contains("Visitation", "value=\"HOUSING\"", "value=\"EMPLOYMENT\"")
			.contains("Intet samtykke eller lovgrundlag dækker");
		assertThat(page).containsPattern("value=\"HEALTH\"[^>]*disabled");

		// Sharing what no consent covers is refused at the field, and nothing is stored.
		var refused = as("jobcenter", post("/personale/borgere/" + mads + "/henvisninger")
			.param("indsats", flats.id().toString()).param("enhed", "")
			.param("spoergsmaal", "Kan Mads få en overgangsbolig? (syntetisk)")
			.param("start", LocalDate.now(clock).plusDays(14).toString())
			.param("kategorier", "HOUSING", "HEALTH").param("handling", ""));
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("f-kategorier-error", "samtykke eller et lovgrundlag dækker");
		var noQuestion = as("jobcenter", post("/personale/borgere/" + mads + "/henvisninger")
			.param("indsats", flats.id().toString()).param("spoergsmaal", " ").param("kategorier", "HOUSING"));
		assertThat(noQuestion.getStatus()).isEqualTo(400);
		assertThat(noQuestion.getContentAsString()).contains("f-spoergsmaal-error", "Spørgsmålet til modtageren skal udfyldes.");
		assertThat(referrals(mads)).isZero();

		var sent = as("jobcenter", post("/personale/borgere/" + mads + "/henvisninger")
			.param("indsats", flats.id().toString()).param("enhed", "")
			.param("spoergsmaal", "Kan Mads få en overgangsbolig? (syntetisk)")
			.param("start", LocalDate.now(clock).plusDays(14).toString())
			.param("kategorier", "HOUSING", "EMPLOYMENT").param("handling", ""));
		assertThat(sent.getStatus()).isEqualTo(302);
		var address = sent.getRedirectedUrl();
		assertThat(address).startsWith("/personale/henvisninger/");
		var referral = UUID.fromString(address.substring(address.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("select receiver_unit_id from referral where id = ?").param(referral).query(UUID.class)
			.single()).isEqualTo(visitation);

		// Visitation: the navigation counts the new referral; the queue has it, oldest first, with the counts.
		var queue = as("boligsag", get("/personale/henvisninger"));
		assertThat(queue.getStatus()).isEqualTo(200);
		assertThat(queue.getContentAsString()).contains(address, "Venter på svar", "Løkken ikke lukket",
				"Tid til første svar");
		assertThat(queue.getContentAsString()).containsPattern("Henvisninger <span class=\"count\">[1-9]");
		var filtered = as("boligsag", get("/personale/henvisninger").param("status", "COMPLETED"));
		assertThat(filtered.getContentAsString()).doesNotContain(address);
		var badFilter = as("boligsag", get("/personale/henvisninger").param("status", "<script>"));
		assertThat(badFilter.getStatus()).isEqualTo(400);
		assertThat(badFilter.getContentAsString()).contains("Vælg en status fra listen.").doesNotContain("<script>");

		// Visitation sees the question and, while the referral is live, the shared housing note (not the health one).
		var received = as("boligsag", get(address)).getContentAsString();
		assertThat(received).contains("Kan Mads få en overgangsbolig?", "Sover hos en ven", "Accepter", "Afvis")
			.doesNotContain("Har ondt i ryggen", "Luk løkken");
		// The job centre sees its own referral, but no button the server would refuse it.
		var asSender = as("jobcenter", get(address)).getContentAsString();
		assertThat(asSender).contains("Annuller").doesNotContain(">Accepter<", "Afslut med resultat");

		// A move the table gives only the receiver is refused for the sender, with the message and an audit row.
		int before = refusals(mads, demo.staff("jobcenter"));
		var notYours = as("jobcenter", post(address + "/status").param("skridt", "ACCEPT").param("version", "0"));
		assertThat(notYours.getStatus()).isEqualTo(403);
		assertThat(notYours.getContentAsString()).contains("Du må ikke acceptere denne henvisning.");
		assertThat(refusals(mads, demo.staff("jobcenter"))).isEqualTo(before + 1);

		assertThat(as("boligsag", post(address + "/status").param("skridt", "ACCEPT").param("version", "0"))
			.getRedirectedUrl()).isEqualTo(address);
		assertThat(as("boligsag", post(address + "/status").param("skridt", "START").param("version", "1"))
			.getRedirectedUrl()).isEqualTo(address);
		// Completing needs an outcome; without one nothing changes.
		var noOutcome = as("boligsag", post(address + "/status").param("skridt", "COMPLETE").param("version", "2")
			.param("resultat", ""));
		assertThat(noOutcome.getStatus()).isEqualTo(400);
		assertThat(noOutcome.getContentAsString()).contains("f-resultat-COMPLETE-error");
		var completed = result("boligsag", post(address + "/status").param("skridt", "COMPLETE").param("version", "2")
			.param("resultat", "Mads flytter ind i Overgangsbolig 1. marts. (syntetisk)"));
		assertThat(completed.getResponse().getRedirectedUrl()).isEqualTo(address);
		assertThat((String) completed.getFlashMap().get("message")).startsWith("Kvittering: Henvisningen er nu „afsluttet med resultat“");

		// A move the table does not have from this state is refused with its Danish message and an audit row.
		int housingBefore = refusals(mads, demo.staff("boligsag"));
		var notInTable = as("boligsag", post(address + "/status").param("skridt", "START").param("version", "3"));
		assertThat(notInTable.getStatus()).isEqualTo(400);
		assertThat(notInTable.getContentAsString()).contains("En henvisning, der er &quot;afsluttet med resultat&quot;, kan ikke få handlingen &quot;start&quot;.", "id=\"f-skridt\"");
		assertThat(refusals(mads, demo.staff("boligsag"))).isEqualTo(housingBefore + 1);

		// The referral has ended: Visitation keeps the status and history, not the shared note.
		var ended = as("boligsag", get(address)).getContentAsString();
		assertThat(ended).contains("Afsluttet med resultat", "Mads flytter ind", "Historik")
			.doesNotContain("Sover hos en ven");

		// The job centre is told, sees the outcome, and closes the loop.
		assertThat(as("jobcenter", get("/personale/henvisninger")).getContentAsString())
			.containsPattern("Henvisninger <span class=\"count\">[1-9]");
		var outcome = as("jobcenter", get(address)).getContentAsString();
		assertThat(outcome).contains("Mads flytter ind i Overgangsbolig 1. marts.", "Luk løkken");
		assertThat(as("jobcenter", post(address + "/luk-loekken")).getRedirectedUrl()).isEqualTo(address);
		assertThat(as("jobcenter", get(address)).getContentAsString()).contains("løkken er lukket")
			.doesNotContain(">Luk løkken<");
		var twice = as("jobcenter", post(address + "/luk-loekken"));
		assertThat(twice.getStatus()).isEqualTo(400);
		assertThat(twice.getContentAsString()).contains("Løkken er allerede lukket.");
		// The history names every step.
		assertThat(jdbc.sql("select count(*) from referral_event where referral_id = ?").param(referral)
			.query(Integer.class).single()).isEqualTo(5);
	}

	@Test
	void rejectingAsksFirstAndGivesAReceipt() throws Exception {
		var mads = mads();
		var flats = catalogs.of("aabenraa").service("overgangsbolig").orElseThrow();
		var address = as("jobcenter", post("/personale/borgere/" + mads + "/henvisninger")
			.param("indsats", flats.id().toString()).param("spoergsmaal", "Overgangsbolig? (syntetisk)")
			.param("kategorier", "HOUSING")).getRedirectedUrl();

		var noReason = as("boligsag", post(address + "/status").param("skridt", "REJECT").param("version", "0"));
		assertThat(noReason.getStatus()).isEqualTo(400);
		assertThat(noReason.getContentAsString()).contains("f-aarsag-REJECT-error", "Vælg en årsag fra listen.");

		var confirm = as("boligsag", post(address + "/status").param("skridt", "REJECT").param("version", "0")
			.param("aarsag", "NO_FREE_PLACE"));
		assertThat(confirm.getStatus()).isEqualTo(200);
		assertThat(confirm.getContentAsString()).contains("Ja, afvis henvisningen", "Ingen ledig plads",
				"Borgeren kan komme på ventelisten");
		assertThat(jdbc.sql("select status from referral where municipality_id is not null and citizen_id = ?")
			.param(mads).query(String.class).single()).isEqualTo("REQUESTED");

		var done = result("boligsag", post(address + "/status").param("skridt", "REJECT").param("version", "0")
			.param("aarsag", "NO_FREE_PLACE").param("bekraeftet", "ja"));
		assertThat(done.getResponse().getRedirectedUrl()).isEqualTo(address);
		assertThat((String) done.getFlashMap().get("message")).contains("Kvittering", "afvist", "Ingen ledig plads");
		assertThat(jdbc.sql("select status from referral where citizen_id = ?").param(mads).query(String.class)
			.single()).isEqualTo("REJECTED");
	}

	@Test
	void bothSidesStillSeeAnEndedReferralsStatusAndHistoryButNothingElseOfTheCitizen() throws Exception {
		var mads = mads();
		var flats = catalogs.of("aabenraa").service("overgangsbolig").orElseThrow();
		var address = as("jobcenter", post("/personale/borgere/" + mads + "/henvisninger")
			.param("indsats", flats.id().toString()).param("spoergsmaal", "Overgangsbolig? (syntetisk)")
			.param("kategorier", "HOUSING")).getRedirectedUrl();
		assertThat(as("boligsag", post(address + "/status").param("skridt", "REJECT").param("version", "0")
			.param("aarsag", "NO_FREE_PLACE").param("bekraeftet", "ja")).getRedirectedUrl()).isEqualTo(address);
		// The citizen withdraws the consent: Visitation has no ground left to see anything of Mads.
		var consent = jdbc.sql("select id from consent where citizen_id = ?").param(mads).query(UUID.class).single();
		sharing.withdrawConsent(demo.staff("jobcenter"), mads, consent, "Jeg vil ikke dele mere. (syntetisk)");
		assertThat(as("boligsag", get("/personale/borgere/" + mads)).getStatus()).isEqualTo(404);

		var page = as("boligsag", get(address));
		assertThat(page.getStatus()).as("the receiver still sees the referral it answered").isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Afvist", "Ingen ledig plads")
			.doesNotContain("Sover hos en ven og søger egen bolig.");
		assertThat(jdbc.sql("""
				select basis from audit_event where citizen_id = ? and actor_id = ? and outcome = 'ALLOWED'
				order by occurred_at desc, id desc limit 1""")
			.params(mads, demo.staff("boligsag").id())
			.query(String.class)
			.single()).as("read on the referral itself").isEqualTo("REFERRAL");
		assertThat(as("boligsag", post(address + "/status").param("skridt", "ACCEPT").param("version", "1"))
			.getStatus()).as("an ended referral takes no more moves").isIn(400, 403, 409);
		assertThat(as("jobcenter", get(address)).getStatus()).isEqualTo(200);
	}

	@Test
	void someoneWhoIsNeitherSideFindsNoReferral() throws Exception {
		var mads = mads();
		var flats = catalogs.of("aabenraa").service("overgangsbolig").orElseThrow();
		var address = as("jobcenter", post("/personale/borgere/" + mads + "/henvisninger")
			.param("indsats", flats.id().toString()).param("spoergsmaal", "Overgangsbolig? (syntetisk)")
			.param("kategorier", "HOUSING")).getRedirectedUrl();
		int before = refusals(mads, demo.staff("udsatte"));

		assertThat(as("udsatte", get(address)).getStatus()).isEqualTo(404);
		assertThat(as("udsatte", post(address + "/status").param("skridt", "ACCEPT").param("version", "0"))
			.getStatus()).isEqualTo(404);
		assertThat(refusals(mads, demo.staff("udsatte"))).isEqualTo(before + 2);
	}

	@Autowired
	dk.helhed.citizen.CaseAccess caseAccess;

	@Autowired
	dk.helhed.plan.internal.Plans plans;

	@Test
	void anActionOfThePlanForAnotherUnitFillsInTheReferral() throws Exception {
		var mads = mads();
		var jobCentre = demo.staff("jobcenter");
		var today = LocalDate.now(clock);
		var flats = catalogs.of("aabenraa").service("overgangsbolig").orElseThrow();
		var view = caseAccess.open(jobCentre, mads, dk.helhed.citizen.CaseUse.update(
				dk.helhed.plan.internal.PlanResource.PLAN, null));
		plans.saveBasics(view, jobCentre, new dk.helhed.plan.internal.Plans.Basics("Jeg vil have mit eget sted.",
				"Egen bolig", "Boligsøgning", "Et år", "Ingen", dk.helhed.plan.internal.Plans.Offer.ACCEPTED, null,
				dk.helhed.plan.internal.Plans.Participation.PRESENT, null, "Borgeren", today.plusMonths(1)));
		var goal = plans.addGoal(view, jobCentre, UUID.fromString("fd4b8dd3-5c4b-4257-8c13-ea045617d2f6"),
				UUID.fromString("8328ce4a-6238-4f73-bf1a-74aadb68eff8"), dk.helhed.plan.internal.Plans.GoalType.DEVELOP,
				"Egen lejekontrakt", today.plusMonths(9), "Borgeren har en lejekontrakt");
		plans.addAction(view, jobCentre, goal, demo.unit("visitation"), flats.id(), "Hjælp til en overgangsbolig",
				today, today.plusMonths(9));

		var plan = as("jobcenter", get("/personale/borgere/" + mads + "/plan")).getContentAsString();
		var link = java.util.regex.Pattern.compile("href=\"(/personale/borgere/" + mads
				+ "/henvisninger/ny\\?handling=([0-9a-f-]{36}))\"").matcher(plan);
		assertThat(link.find()).as("a Henvis link on the action for Visitation").isTrue();
		var action = link.group(2);

		var form = as("jobcenter", get("/personale/borgere/" + mads + "/henvisninger/ny").param("handling", action))
			.getContentAsString();
		assertThat(form).contains("Hjælp til en overgangsbolig", "value=\"" + action + "\"")
			.containsPattern("value=\"" + flats.id() + "\"[^>]*selected");
		var sent = as("jobcenter", post("/personale/borgere/" + mads + "/henvisninger")
			.param("indsats", flats.id().toString()).param("enhed", demo.unit("visitation").toString())
			.param("spoergsmaal", "Hjælp til en overgangsbolig").param("kategorier", "HOUSING")
			.param("handling", action));
		assertThat(sent.getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("select plan_action_id from referral where citizen_id = ?").param(mads).query(UUID.class)
			.single()).isEqualTo(UUID.fromString(action));

		// An action that is not in the citizen's plan is refused at the field, and nothing is sent.
		var foreign = as("jobcenter", post("/personale/borgere/" + mads + "/henvisninger")
			.param("indsats", flats.id().toString()).param("spoergsmaal", "Noget andet")
			.param("kategorier", "HOUSING").param("handling", UUID.randomUUID().toString()));
		assertThat(foreign.getStatus()).isEqualTo(400);
		assertThat(foreign.getContentAsString()).contains("Indsatsen findes ikke i borgerens handleplan.");
		assertThat(referrals(mads)).isEqualTo(1);
	}
}
