package dk.helhed.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.support.StaffFixture;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.citizen.internal.Registration;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.identity.StaffMember;
import dk.helhed.referral.internal.Allocations;
import dk.helhed.referral.internal.PlaceWork;

/**
 * The pages of places, waiting lists and decisions over HTTP, as Visitation's caseworker uses them: the last free
 * place of Overgangsbolig offered to Mads, a second offer for it refused at the form with nothing changed, a declined
 * offer passed to the next on the waiting list, a decision with its legal basis, its letter and its PDF; and the job
 * centre refused Visitation's places page. All citizens are synthetic; everything is rolled back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class PlacePagesHttpTests {

	@Autowired
	StaffFixture demo;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Catalogs catalogs;

	@Autowired
	Registration registration;

	@Autowired
	PlaceWork places;

	@Autowired
	Allocations allocations;

	@Autowired
	Clock clock;

	static final String MADS_CPR = "120375-1234";


	MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user(accounts.loadUserByUsername(username))).with(csrf()))
			.andReturn()
			.getResponse();
	}

	/** The receipt a form's redirect carries to the next page. */
	String receipt(String username, MockHttpServletRequestBuilder request) throws Exception {
		var result = mvc.perform(request.with(user(accounts.loadUserByUsername(username))).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
		return String.valueOf(result.getFlashMap().get("message"));
	}

	UUID mads() {
		return jdbc.sql("select id from citizen where name = 'Mads Testesen (syntetisk)'").query(UUID.class).single();
	}

	UUID flats() {
		return catalogs.of("aabenraa").service("overgangsbolig").orElseThrow().id();
	}

	int activeAllocations(UUID serviceId) {
		return jdbc.sql("select count(*) from place_allocation where service_id = ? and status = 'ACTIVE'")
			.param(serviceId)
			.query(Integer.class)
			.single();
	}

	UUID citizenOf(UUID serviceId, Allocations.State state) {
		return allocations.placesOf(demo.staff("boligsag").municipalityId(), serviceId)
			.stream()
			.filter(place -> place.state() == state)
			.map(place -> place.current().orElseThrow().citizenId())
			.findFirst()
			.orElseThrow();
	}

	UUID holdOf(UUID serviceId, UUID citizenId) {
		return allocations.placesOf(demo.staff("boligsag").municipalityId(), serviceId)
			.stream()
			.flatMap(place -> place.current().stream())
			.filter(allocation -> allocation.citizenId().equals(citizenId))
			.findFirst()
			.orElseThrow()
			.id();
	}

	static String syntheticCpr() {
		var serial = 1000 + (int) (Math.random() * 8999);
		var day = 1 + (int) (Math.random() * 28);
		return String.format("%02d0587-%04d", day, serial);
	}

	@Test
	void visitationOffersTheLastFreePlaceToMadsAndASecondOfferIsRefusedAtTheForm() throws Exception {
		var housing = demo.staff("boligsag");
		var flats = flats();
		var mads = mads();
		var today = LocalDate.now(clock);
		// Visitation takes Mads into its own case by his CPR number before it gives out a place
		var joined = as("boligsag", post("/personale/borgere").param("cpr", MADS_CPR)
			.param("name", "Mads Testesen (syntetisk)")
			.param("phone", "")
			.param("email", "")
			.param("address", "")
			.param("preferredLanguage", ""));
		assertThat(joined.getRedirectedUrl()).isEqualTo("/personale/borgere/" + mads);
		var anna = registration.registerIdentified(housing,
				new NewCitizen(syntheticCpr(), "Anna Ventesen (syntetisk)", null, null, null, null)).id();
		var bo = registration.registerIdentified(housing,
				new NewCitizen(syntheticCpr(), "Bo Ventesen (syntetisk)", null, null, null, null)).id();
		// every place but one is taken
		var free = allocations.placesOf(housing.municipalityId(), flats)
			.stream()
			.filter(place -> place.state() == Allocations.State.FREE)
			.count();
		for (int i = 1; i < free; i++) {
			var resident = registration.registerIdentified(housing,
					new NewCitizen(syntheticCpr(), "Beboer " + i + " (syntetisk)", null, null, null, null)).id();
			places.moveIn(housing, places.offerPlace(housing, flats, resident).id(), today.plusMonths(3));
		}

		var overview = as("boligsag", get("/personale/pladser"));
		assertThat(overview.getStatus()).isEqualTo(200);
		assertThat(overview.getContentAsString()).contains("Overgangsbolig", "/personale/pladser/" + flats);

		var page = as("boligsag", get("/personale/pladser/" + flats).param("borger", mads.toString()));
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("1 ledige", "Prioriteringsregel 1", "Mads Testesen (syntetisk)");

		assertThat(receipt("boligsag", post("/personale/pladser/" + flats + "/tilbud").param("borger", mads.toString())))
			.startsWith("Kvittering: plads");
		assertThat(citizenOf(flats, Allocations.State.HELD)).isEqualTo(mads);

		int before = activeAllocations(flats);
		var second = as("boligsag", post("/personale/pladser/" + flats + "/tilbud").param("borger", anna.toString()));
		assertThat(second.getStatus()).isEqualTo(400);
		assertThat(second.getContentAsString()).contains(PlaceNoLongerFree.MESSAGE, "f-tilbud-borger-error");
		assertThat(activeAllocations(flats)).as("nothing changed").isEqualTo(before);

		// Anna and Bo wait; Anna's case is more urgent
		for (var waiting : new Object[][] { { anna, "HIGH" }, { bo, "NORMAL" } }) {
			var added = as("boligsag", post("/personale/pladser/" + flats + "/venteliste")
				.param("borger", waiting[0].toString())
				.param("hastegrad", waiting[1].toString())
				.param("soegt", today.minusDays(3).toString()));
			assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(302);
		}
		var badDate = as("boligsag", post("/personale/pladser/" + flats + "/venteliste").param("borger", bo.toString())
			.param("hastegrad", "NORMAL")
			.param("soegt", "2026-02-30"));
		assertThat(badDate.getStatus()).isEqualTo(400);
		assertThat(badDate.getContentAsString()).contains("f-soegt-error", "gyldig dato");
		var listed = as("boligsag", get("/personale/pladser/" + flats)).getContentAsString();
		assertThat(listed).contains("Du er nummer 1 af 2 på ventelisten.",
				"En står før dig, fordi deres sag haster mere.");

		// Mads declines: the page asks first and shows the consequence, then the place passes to Anna
		var hold = holdOf(flats, mads);
		var asked = as("boligsag", post("/personale/pladser/" + flats + "/afslag").param("anvisning", hold.toString())
			.param("aarsag", "CITIZEN_DECLINED"));
		assertThat(asked.getStatus()).isEqualTo(200);
		assertThat(asked.getContentAsString()).contains("Mads Testesen (syntetisk) afslår plads",
				"Borgeren ønsker ikke boligen", "Ja, afslå tilbuddet");
		assertThat(citizenOf(flats, Allocations.State.HELD)).as("nothing changed yet").isEqualTo(mads);
		var noReason = as("boligsag", post("/personale/pladser/" + flats + "/afslag").param("anvisning", hold.toString())
			.param("aarsag", "BECAUSE").param("bekraeft", "ja"));
		assertThat(noReason.getStatus()).isEqualTo(400);
		assertThat(noReason.getContentAsString()).contains("Vælg en årsag fra listen.");
		assertThat(receipt("boligsag", post("/personale/pladser/" + flats + "/afslag").param("anvisning", hold.toString())
			.param("aarsag", "CITIZEN_DECLINED")
			.param("bekraeft", "ja"))).contains("afslået", "Borgeren ønsker ikke boligen");
		assertThat(citizenOf(flats, Allocations.State.HELD)).as("passed to the next on the waiting list").isEqualTo(anna);

		// Anna moves in, and the receipt names the planned move-out
		var annasHold = holdOf(flats, anna);
		assertThat(receipt("boligsag", post("/personale/pladser/" + flats + "/indflytning")
			.param("anvisning", annasHold.toString())
			.param("planlagt-fraflytning", today.plusMonths(6).toString())
			.param("bekraeft", "ja"))).contains("flyttet ind", "Planlagt fraflytning");
		assertThat(citizenOf(flats, Allocations.State.OCCUPIED)).isNotNull();
		assertThat(as("boligsag", get("/personale/pladser/" + flats)).getContentAsString())
			.contains("Anna Ventesen (syntetisk)", "Bo Ventesen (syntetisk)", "Du er nummer 1 af 1 på ventelisten.");
	}

	@Test
	void visitationRecordsADecisionWithItsLegalBasisAndTheLetterPrintsAsAPdf() throws Exception {
		var housing = demo.staff("boligsag");
		var flats = flats();
		var citizen = registration.registerIdentified(housing,
				new NewCitizen(syntheticCpr(), "Afgjort Andersen (syntetisk)", null, null, null, null)).id();
		var form = as("boligsag", get("/personale/borgere/" + citizen + "/afgoerelser/ny").param("ydelse",
				flats.toString()));
		assertThat(form.getStatus()).isEqualTo(200);
		assertThat(form.getContentAsString()).contains("§ 107", "Overgangsbolig", "Der er ingen afgørelser");

		var missing = as("boligsag", post("/personale/borgere/" + citizen + "/afgoerelser").param("ydelse",
				flats.toString()).param("udfald", "GRANTED").param("lovgrundlag", "SEL-999").param("bevilget", "")
			.param("begrundelse", ""));
		assertThat(missing.getStatus()).isEqualTo(400);
		assertThat(missing.getContentAsString()).contains("Vælg lovgrundlaget fra listen.", "Begrundelsen skal udfyldes.");

		var fields = new String[][] { { "ydelse", flats.toString() }, { "udfald", "PARTLY_GRANTED" },
				{ "lovgrundlag", "SEL-107" }, { "bevilget", "En overgangsbolig i tre måneder." },
				{ "begrundelse", "Du har brug for en bolig nu. Vi ser på sagen igen om tre måneder." } };
		var ask = post("/personale/borgere/" + citizen + "/afgoerelser");
		for (var field : fields) {
			ask.param(field[0], field[1]);
		}
		var asked = as("boligsag", ask);
		assertThat(asked.getStatus()).isEqualTo(200);
		assertThat(asked.getContentAsString()).contains("Ja, træf afgørelsen", "klagevejledning", "Ankestyrelsen");
		assertThat(jdbc.sql("select count(*) from decision where citizen_id = ?").param(citizen).query(Integer.class)
			.single()).as("nothing decided before it is confirmed").isZero();

		var confirm = post("/personale/borgere/" + citizen + "/afgoerelser").param("bekraeft", "ja");
		for (var field : fields) {
			confirm.param(field[0], field[1]);
		}
		var decided = as("boligsag", confirm);
		assertThat(decided.getStatus()).as(decided.getContentAsString()).isEqualTo(302);
		var decision = jdbc.sql("select id, legal_code, legal_version from decision where citizen_id = ?")
			.param(citizen)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();
		assertThat(decision[1]).isEqualTo("SEL-107");
		assertThat(decided.getRedirectedUrl()).isEqualTo("/personale/borgere/" + citizen + "/afgoerelser/" + decision[0]);

		var letter = as("boligsag", get(decided.getRedirectedUrl()));
		assertThat(letter.getStatus()).isEqualTo(200);
		assertThat(letter.getContentAsString()).contains("§ 107", "Du har brug for en bolig nu.", "Sådan klager du",
				"Hent brevet som PDF");
		var pdf = as("boligsag", get(decided.getRedirectedUrl() + ".pdf"));
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
			.isEqualTo("%PDF-");
		try (var document = Loader.loadPDF(pdf.getContentAsByteArray())) {
			assertThat(new PDFTextStripper().getText(document)).contains("Afgørelse om Overgangsbolig", "§ 107");
		}
		assertThat(as("boligsag", get("/personale/borgere/" + citizen + "/afgoerelser/ny")).getContentAsString())
			.contains("Overgangsbolig: Delvist bevilget");
		// a decision opened under another citizen's id is not found
		var other = registration.registerIdentified(housing,
				new NewCitizen(syntheticCpr(), "Anden Andersen (syntetisk)", null, null, null, null)).id();
		assertThat(as("boligsag", get("/personale/borgere/" + other + "/afgoerelser/" + decision[0])).getStatus())
			.isEqualTo(404);
	}

	@Test
	void theStaffMenuCountsPlacesThatAreFreeWhileSomeoneWaits() throws Exception {
		var housing = demo.staff("boligsag");
		var bjerggade = catalogs.of("aabenraa").service("botilbud-bjerggade").orElseThrow().id();
		int before = places.freeWhileWaiting(housing);
		var waiting = registration.registerIdentified(housing,
				new NewCitizen(syntheticCpr(), "Venter Vennesen (syntetisk)", null, null, null, null)).id();
		places.putOnWaitingList(housing, bjerggade, waiting, dk.helhed.referral.internal.PlaceStore.Urgency.NORMAL,
				LocalDate.now(clock));
		assertThat(places.freeWhileWaiting(housing)).isEqualTo(before + 1);
		var page = as("boligsag", get("/personale/pladser")).getContentAsString();
		assertThat(page).contains("<span class=\"nav-count\">" + (before + 1) + "</span>", "mens nogen venter");
		assertThat(as("jobcenter", get("/personale/pladser")).getContentAsString()).doesNotContain("nav-count");
	}

	@Test
	void theJobCentreCannotOpenVisitationsPlacesPage() throws Exception {
		var flats = flats();
		int refusals = jdbc.sql("select count(*) from audit_event where outcome = 'REFUSED'").query(Integer.class).single();
		var page = as("jobcenter", get("/personale/pladser/" + flats));
		assertThat(page.getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from audit_event where outcome = 'REFUSED'").query(Integer.class).single())
			.as("the refusal is in the audit log")
			.isEqualTo(refusals + 1);
		var offer = as("jobcenter", post("/personale/pladser/" + flats + "/tilbud").param("borger", mads().toString()));
		assertThat(offer.getStatus()).isEqualTo(403);
		assertThat(as("jobcenter", get("/personale/pladser")).getContentAsString())
			.contains("Din enhed giver ikke pladser på nogen indsats.");
	}
}
