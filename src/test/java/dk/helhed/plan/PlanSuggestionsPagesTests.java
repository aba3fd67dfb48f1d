package dk.helhed.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forslag til indsatser" on the demo citizen's plan: the page and the htmx fragment list the catalog's services for a
 * goal with the reasons each fits; one POST adds a suggestion to the plan as an action under the goal (a new version,
 * one audit row); a service that is not in the catalog, or a goal that is not there, changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class PlanSuggestionsPagesTests {

	static final Pattern GOAL = Pattern.compile("id=\"maal-([0-9a-f-]{36})\"");
	static final Pattern SUGGESTED = Pattern.compile("name=\"ydelse\" value=\"([0-9a-f-]{36})\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSuggestionsForAGoalComeWithTheirReasonsAsAPageAndAsAFragment() throws Exception {
		var mads = mads();
		var goal = firstGoal(mads);
		var page = mvc.perform(as("jobcenter", get(suggestions(mads, goal)))).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getHeader("Cache-Control")).contains("no-store");
		var body = page.getContentAsString();
		assertThat(body).contains("<h1>Forslag til indsatser</h1>", "Læg i planen", "Læg på udleveringsarket",
				"Derfor passer den", "Gratis");
		assertThat(SUGGESTED.matcher(body).results().count()).isBetween(1L, 8L);

		var fragment = mvc.perform(as("jobcenter", get(suggestions(mads, goal)).header("HX-Request", "true")))
			.andReturn()
			.getResponse();
		assertThat(fragment.getStatus()).isEqualTo(200);
		assertThat(fragment.getContentAsString()).doesNotContain("<html", "<h1>").contains("Læg i planen");
	}

	@Test
	void oneClickAddsASuggestionToThePlanAsAnActionUnderTheGoal() throws Exception {
		var mads = mads();
		var goal = firstGoal(mads);
		var page = mvc.perform(as("jobcenter", get(suggestions(mads, goal)))).andReturn().getResponse();
		var matcher = SUGGESTED.matcher(page.getContentAsString());
		assertThat(matcher.find()).isTrue();
		var service = matcher.group(1);
		int versions = versions(mads);
		long audit = audit(mads);

		var added = mvc.perform(as("jobcenter", post(suggestions(mads, goal)).with(csrf()).param("ydelse", service)))
			.andReturn()
			.getResponse();

		assertThat(added.getStatus()).isEqualTo(302);
		assertThat(added.getRedirectedUrl()).isEqualTo("/personale/borgere/" + mads + "/plan#maal-" + goal);
		assertThat(versions(mads)).isEqualTo(versions + 1);
		assertThat(audit(mads)).isEqualTo(audit + 1);
		var name = jdbc.sql("select name from service where id = ?").param(UUID.fromString(service))
			.query(String.class)
			.single();
		var plan = mvc.perform(as("jobcenter", get("/personale/borgere/" + mads + "/plan"))).andReturn().getResponse();
		assertThat(plan.getContentAsString()).contains("Indsats i kataloget: " + name);
	}

	@Test
	void anUnknownServiceOrAGoalThatIsNotThereChangesNothing() throws Exception {
		var mads = mads();
		var goal = firstGoal(mads);
		int versions = versions(mads);
		for (var value : new String[] { UUID.randomUUID().toString(), "", "<script>alert(1)</script>",
				"a".repeat(100_000) }) {
			var refused = mvc.perform(as("jobcenter", post(suggestions(mads, goal)).with(csrf()).param("ydelse", value)))
				.andReturn()
				.getResponse();
			assertThat(refused.getStatus()).isEqualTo(400);
			assertThat(refused.getContentAsString()).contains("Vælg en af de foreslåede indsatser fra kommunens katalog.")
				.doesNotContain("<script>alert(1)");
		}
		var unknownGoal = mvc.perform(as("jobcenter", get(suggestions(mads, UUID.randomUUID().toString()))))
			.andReturn()
			.getResponse();
		assertThat(unknownGoal.getStatus()).isEqualTo(404);
		assertThat(versions(mads)).isEqualTo(versions);
	}

	@Test
	void aUnitOutsideTheCaseCannotAddASuggestion() throws Exception {
		var mads = mads();
		var goal = firstGoal(mads);
		int versions = versions(mads);
		var refused = mvc.perform(as("nyansat", post(suggestions(mads, goal)).with(csrf())
			.param("ydelse", UUID.randomUUID().toString()))).andReturn().getResponse();
		assertThat(refused.getStatus()).isIn(403, 404);
		assertThat(versions(mads)).isEqualTo(versions);
	}

	private String suggestions(UUID citizen, String goal) {
		return "/personale/borgere/" + citizen + "/plan/maal/" + goal + "/forslag";
	}

	private String firstGoal(UUID citizen) throws Exception {
		var plan = mvc.perform(as("jobcenter", get("/personale/borgere/" + citizen + "/plan"))).andReturn().getResponse();
		var matcher = GOAL.matcher(plan.getContentAsString());
		assertThat(matcher.find()).as("a goal on the plan").isTrue();
		return matcher.group(1);
	}

	private UUID mads() {
		return jdbc.sql("select citizen_id from shared_plan").query(UUID.class).list().getFirst();
	}

	private int versions(UUID citizen) {
		return jdbc.sql("select current_version from shared_plan where citizen_id = ?").param(citizen)
			.query(Integer.class)
			.single();
	}

	private long audit(UUID citizen) {
		return jdbc.sql("select count(*) from audit_event where citizen_id = ?").param(citizen).query(Long.class).single();
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(accounts.loadUserByUsername(username)));
	}
}
