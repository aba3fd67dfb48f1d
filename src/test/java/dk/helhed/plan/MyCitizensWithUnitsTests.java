package dk.helhed.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import dk.helhed.municipality.Municipalities;

/**
 * "Mine borgere" for a caseworker in two units and for a member of a centre with units under it, with the demo's
 * synthetic citizens: the gate decides what an own case is. A caseworker in Jobcenteret and Rusmiddelcenter Aabenraa
 * sees the cases of both, each with its unit(s), and can filter by unit; the outreach worker in Center for
 * Socialpsykiatri og Rusmiddel sees only the centre's own case, not those of Rusmiddelcenter Aabenraa under it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MyCitizensWithUnitsTests {

	static final String TWO_UNITS = "to-enheder-test";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	UUID aabenraa() {
		return municipalities.getBySlug("aabenraa").id();
	}

	UUID unit(String key) {
		return municipalities.unitsOf(aabenraa()).stream().filter(u -> u.key().equals(key)).findFirst().orElseThrow().id();
	}

	/** A synthetic test account in two units (the demo accounts each have one). */
	@BeforeEach
	void accountInTwoUnits() {
		boolean exists = jdbc.sql("select count(*) from staff_user where username = ?")
			.param(TWO_UNITS)
			.query(Integer.class)
			.single() > 0;
		if (exists) {
			return;
		}
		var id = UUID.randomUUID();
		// user names are unique across the country through login_name (docs/scale.md)
		jdbc.sql("insert into login_name (username, municipality_id, staff_id) values (?, ?, ?)")
			.params(TWO_UNITS, aabenraa(), id)
			.update();
		jdbc.sql("""
				insert into staff_user (id, municipality_id, username, display_name, partner_id, password_hash, enabled,
				                        failed_logins, created_at)
				values (?, ?, ?, 'Test, to enheder (syntetisk)', null, 'not-a-password', true, 0, ?)""")
			.params(id, aabenraa(), TWO_UNITS, OffsetDateTime.now())
			.update();
		jdbc.sql("insert into staff_role (user_id, municipality_id, role) values (?, ?, 'CASEWORKER')")
			.params(id, aabenraa())
			.update();
		for (var key : new String[] { "jobcenteret", "rusmiddelcenter" }) {
			jdbc.sql("insert into staff_unit (user_id, municipality_id, unit_id) values (?, ?, ?)")
				.params(id, aabenraa(), unit(key))
				.update();
		}
	}

	MockHttpServletResponse myCitizens(String username, String query) throws Exception {
		var response = mvc.perform(get("/personale/mine-borgere" + query)
			.with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse();
		assertThat(response.getStatus()).as("never a server error").isLessThan(500);
		return response;
	}

	long searches() {
		return jdbc.sql("select count(*) from audit_event where resource = 'my-citizens' and action = 'SEARCH'")
			.query(Long.class)
			.single();
	}

	@Test
	void aCaseworkerInTwoUnitsSeesTheCasesOfBothWithTheirUnitAndFiltersByUnit() throws Exception {
		long before = searches();
		var all = myCitizens(TWO_UNITS, "");
		assertThat(all.getStatus()).isEqualTo(200);
		var body = all.getContentAsString();
		assertThat(body).contains("Mads Testesen (syntetisk)", "Ali Eksempelsen (syntetisk)");
		assertThat(body).as("Mads's case is in both units").contains("<span>Jobcenteret</span>, <span>Rusmiddelcenter Aabenraa</span>");
		assertThat(body).as("a filter by unit, since there are two").contains("name=\"enhed\"",
				"Alle mine enheder");
		assertThat(body).doesNotContain("Sofie Prøvesen", "Kaptajnen");
		assertThat(searches()).as("one audit row for the list").isEqualTo(before + 1);

		var jobCentre = myCitizens(TWO_UNITS, "?enhed=" + unit("jobcenteret")).getContentAsString();
		assertThat(jobCentre).contains("Mads Testesen (syntetisk)").doesNotContain("Ali Eksempelsen");

		var wrong = myCitizens(TWO_UNITS, "?enhed=" + unit("visitation"));
		assertThat(wrong.getStatus()).as("a unit that is not the caseworker's").isEqualTo(400);
		assertThat(wrong.getContentAsString()).contains("field-error", "Vælg en af dine enheder fra listen.",
				"Mads Testesen (syntetisk)", "Ali Eksempelsen (syntetisk)");
		assertThat(myCitizens(TWO_UNITS, "?enhed=%3Cscript%3E").getStatus()).isEqualTo(400);
	}

	@Test
	void aCentresMemberDoesNotSeeTheCasesOfTheUnitsUnderIt() throws Exception {
		var body = myCitizens("udsatte", "").getContentAsString();
		assertThat(body).contains("Kaptajnen (syntetisk)", "Center for Socialpsykiatri og Rusmiddel");
		assertThat(body).as("Rusmiddelcenter Aabenraa's cases are not the centre's own")
			.doesNotContain("Mads Testesen", "Ali Eksempelsen");
		assertThat(body).as("no filter with one unit").doesNotContain("name=\"enhed\"");
	}
}
