package dk.helhed.citizen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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

/**
 * The timeline of the synthetic demo citizen Mads across units, through HTTP with the gate's real decisions: the job
 * centre (whose case it is) sees its notes, the assessments, the plan's versions, actions and follow-up, and its
 * referrals, but not the addiction centre's note; Visitation & Understøttelse, which sees Mads through his consent
 * and the referrals it received, sees the housing and job entries but not the addiction note or the addiction theme
 * of the assessments; the filters by unit, kind and category work; a filter value the page does not know is named
 * at its field; the page writes one audit row.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TimelinePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	UUID mads() {
		return jdbc.sql("select id from citizen where name = 'Mads Testesen (syntetisk)' and synthetic = true")
			.query(UUID.class)
			.single();
	}

	UUID unit(String key) {
		var aabenraa = municipalities.getBySlug("aabenraa").id();
		return municipalities.unitsOf(aabenraa).stream().filter(u -> u.key().equals(key)).findFirst().orElseThrow().id();
	}

	MockHttpServletResponse timeline(String username, String query) throws Exception {
		MockHttpServletRequestBuilder request = get("/personale/borgere/" + mads() + "/tidslinje" + query);
		var response = mvc.perform(request.with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
		assertThat(response.getStatus()).as("never a server error").isLessThan(500);
		return response;
	}

	@Test
	void theJobCentreSeesItsOwnCaseAcrossModulesButNotTheAddictionCentresNote() throws Exception {
		var response = timeline("jobcenter", "");
		assertThat(response.getStatus()).isEqualTo(200);
		var body = response.getContentAsString();
		System.out.println("Timeline of Mads as jobcenter: " + count(body) + " entries");
		assertThat(body).contains("kom med i sagen", "Samtykke givet: Koordineret hjælp til bolig og job",
				"Notat: Beskæftigelse", "Ønsker praktik i et værksted", "Notat: Bolig", "Helhedsvurdering af",
				"Mål i handleplanen: Varetage bolig", "Indsats: Praktik i et værksted med en mentor",
				"Opfølgning", "Fortsæt indsatsen", "Handleplanen er gjort klar", "Henvisning til", "Afvist");
		assertThat(body).doesNotContain("Kommer til samtale hver tirsdag");
		assertThat(body).as("an event with a day but no time of day shows the day only").doesNotContain("kl. 00:00");
		assertThat(body).as("the newest entry comes first")
			.containsSubsequence("Handleplanen er gjort klar", "Mål i handleplanen: Varetage bolig",
					"Samtykke givet");
		assertThat(body).contains("href=\"/personale/borgere/" + mads() + "/tidslinje\"");
	}

	@Test
	void theHousingUnitSeesTheHousingEntriesButNotTheAddictionNoteOrTheme() throws Exception {
		var body = timeline("boligsag", "").getContentAsString();
		System.out.println("Timeline of Mads as boligsag: " + count(body) + " entries");
		assertThat(body).contains("Sover hos en ven", "Mål i handleplanen: Varetage bolig",
				"Indsats: Hjælp til at søge bolig og til at flytte ind", "Helhedsvurdering af", "Varetage bolig: ",
				"Henvisning til");
		assertThat(body).doesNotContain("Kommer til samtale hver tirsdag", "Rusmidler", "Drikker",
				"Jeg drikker for meget");
	}

	@Test
	void theAddictionCentreSeesItsOwnNoteButNotTheJobCentresNotes() throws Exception {
		var body = timeline("rusmiddel", "").getContentAsString();
		assertThat(body).contains("Kommer til samtale hver tirsdag", "Notat: Rusmidler");
		assertThat(body).doesNotContain("Ønsker praktik i et værksted", "Sover hos en ven", "Henvisning til");
	}

	@Test
	void theFiltersByUnitKindAndCategoryWork() throws Exception {
		var notes = timeline("jobcenter", "?slags=NOTE").getContentAsString();
		assertThat(notes).contains("Notat: Beskæftigelse", "Notat: Bolig");
		assertThat(notes).doesNotContain("Helhedsvurdering af", "Mål i handleplanen", "Henvisning til");

		var housing = timeline("jobcenter", "?kategori=HOUSING").getContentAsString();
		assertThat(housing).contains("Notat: Bolig", "Mål i handleplanen: Varetage bolig");
		assertThat(housing).doesNotContain("Notat: Beskæftigelse", "Praktik i et værksted med en mentor");

		var visitation = timeline("jobcenter", "?enhed=" + unit("visitation")).getContentAsString();
		assertThat(visitation).contains("Indsats: Hjælp til at søge bolig og til at flytte ind");
		assertThat(visitation).doesNotContain("Notat: Bolig", "Indsats: Praktik i et værksted med en mentor");

		var nothing = timeline("jobcenter", "?kategori=ADDICTION").getContentAsString();
		assertThat(nothing).contains("Der er ingen hændelser, du har adgang til, med det filter.");
	}

	@Test
	void aFilterValueThePageDoesNotKnowIsNamedAtItsField() throws Exception {
		var response = timeline("jobcenter",
				"?enhed=%3Cscript%3Ealert(1)%3C%2Fscript%3E&slags=DROP%20TABLE&kategori=" + UUID.randomUUID()
						+ "&side=-1");
		assertThat(response.getStatus()).isEqualTo(400);
		var body = response.getContentAsString();
		assertThat(body).contains("field-error", "Vælg en enhed fra listen.", "Vælg en slags fra listen.",
				"Vælg en kategori fra listen.", "Sidetallet skal være et helt tal fra 1 og op.");
		assertThat(body).doesNotContain("<script>alert(1)</script>");
		assertThat(body).as("the timeline is shown without the filter").contains("Notat: Beskæftigelse");

		var unknownUnit = timeline("jobcenter", "?enhed=" + UUID.randomUUID());
		assertThat(unknownUnit.getStatus()).isEqualTo(400);
	}

	@Test
	void thePageIsOneAuditRowAndStaffOutsideTheCaseSeeNothing() throws Exception {
		var mads = mads();
		long before = jdbc.sql("select count(*) from audit_event where citizen_id = ?").param(mads).query(Long.class).single();
		long reads = timelineReads(mads);
		timeline("boligsag", "?slags=NOTE");
		assertThat(jdbc.sql("select count(*) from audit_event where citizen_id = ?").param(mads).query(Long.class).single())
			.isEqualTo(before + 1);
		assertThat(timelineReads(mads)).isEqualTo(reads + 1);

		assertThat(timeline("nyansat", "").getStatus()).isEqualTo(404);
		assertThat(timeline("blaakors", "").getStatus()).isEqualTo(404);
	}

	long timelineReads(UUID citizen) {
		return jdbc.sql("""
				select count(*) from audit_event
				where citizen_id = ? and resource = 'timeline' and action = 'READ' and outcome = 'ALLOWED'""")
			.param(citizen)
			.query(Long.class)
			.single();
	}

	private static int count(String body) {
		return body.split("class=\"timeline-entry\"", -1).length - 1;
	}
}
