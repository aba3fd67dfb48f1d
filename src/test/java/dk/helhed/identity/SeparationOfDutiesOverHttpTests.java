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
import dk.helhed.support.StaffFixture;

/**
 * Finding 5 of the outside probe (issue 8), replayed over real HTTP: {@code admin} gave their own account
 * caseworker, criminal-matters and data-protection-officer rights and a unit, and read what those give. Now nobody
 * changes their own roles, units or organisation, and a sensitive role is given only when a second administrator
 * approves it, which the data-protection officer sees in the audit log (security.md item 5a).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SeparationOfDutiesOverHttpTests {

	@Autowired
	StaffFixture demo;

	static final String PASSWORD = "demo-Helhed-2026";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	@Autowired
	PasswordEncoder passwords;

	/** Logged in, and confirmed who they are, so that a refusal is the rule's and not the confirmation's. */
	Visitor confirmedAdministrator(String username) {
		var visitor = new Visitor(port);
		var login = visitor.get("/log-ind");
		assertThat(visitor.post("/log-ind", Visitor.form(login, "username", username, "password", PASSWORD))
			.location()).endsWith("/personale");
		var confirmation = visitor.get("/personale/bekraeft?tilbage=/personale/brugere");
		assertThat(visitor.post("/personale/bekraeft",
				Visitor.form(confirmation, "password", PASSWORD, "tilbage", "/personale/brugere")).location())
			.endsWith("/personale/brugere");
		return visitor;
	}

	UUID id(String username) {
		return jdbc.sql("select id from staff_user where username = ?").param(username).query(UUID.class).single();
	}

	int roles(UUID account, String role) {
		return jdbc.sql("select count(*) from staff_role where user_id = ? and role = ?")
			.params(account, role)
			.query(Integer.class)
			.single();
	}

	@Test
	void anAdministratorCannotGiveThemselvesAnythingAndASensitiveRoleNeedsASecondAdministrator() {
		var admin = confirmedAdministrator("admin");
		var own = id("admin");
		var ownPath = "/personale/brugere/" + own;
		for (var role : new String[] { "CASEWORKER", "CRIMINAL_MATTERS", "DATA_PROTECTION_OFFICER" }) {
			var page = admin.get(ownPath);
			var refused = admin.post(ownPath, Visitor.form(page, "displayName", "Demo Administrator", "email", "",
					"roles", role, "unitIds", demo.unit("rusmiddelcenter").toString(), "partnerId", ""));
			assertThat(refused.status()).as(role).isEqualTo(400);
			assertThat(refused.body()).contains("Du kan ikke ændre dine egne roller, enheder eller samarbejdspartner");
			assertThat(roles(own, role)).as(role).isZero();
		}
		var page = admin.get(ownPath);
		var units = admin.post(ownPath, Visitor.form(page, "displayName", "Demo Administrator", "email", "", "roles",
				"ADMINISTRATOR", "unitIds", demo.unit("rusmiddelcenter").toString(), "partnerId", ""));
		assertThat(units.status()).as("nor their own units").isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from staff_unit where user_id = ?").param(own).query(Integer.class)
			.single()).isZero();

		// A colleague: the request waits; its maker cannot approve it; a second administrator can.
		UUID colleague = account("kollega.strafbare").named("Kollega Strafbare")
			.withRoles(Role.CASEWORKER)
			.inUnits("rusmiddelcenter")
			.withPasswordHash(passwords.encode(PASSWORD))
			.create(jdbc, municipalities);
		var colleaguePath = "/personale/brugere/" + colleague;
		var colleaguePage = admin.get(colleaguePath);
		var asked = admin.post(colleaguePath, Visitor.form(colleaguePage, "displayName", "Kollega Strafbare", "email",
				"", "roles", "CRIMINAL_MATTERS", "unitIds", demo.unit("rusmiddelcenter").toString(), "partnerId", ""));
		assertThat(asked.status()).isEqualTo(302);
		assertThat(admin.follow(asked).getLast().body()).contains("gives først, når en anden administrator",
				"En anden administrator skal tage stilling");
		assertThat(roles(colleague, "CRIMINAL_MATTERS")).as("not before the approval").isZero();
		var request = jdbc.sql("select id from staff_role_request where account_id = ? and decided_at is null")
			.param(colleague)
			.query(UUID.class)
			.single();
		var ownApproval = admin.post(colleaguePath + "/rolleanmodninger/" + request,
				Visitor.form(admin.get(colleaguePath), "svar", "godkend"));
		assertThat(ownApproval.status()).isEqualTo(400);
		assertThat(ownApproval.body()).contains("Du kan ikke selv godkende en rolle, du har bedt om");
		assertThat(roles(colleague, "CRIMINAL_MATTERS")).isZero();

		var second = confirmedAdministrator("admin2");
		var approved = second.post(colleaguePath + "/rolleanmodninger/" + request,
				Visitor.form(second.get(colleaguePath), "svar", "godkend"));
		assertThat(approved.status()).isEqualTo(302);
		assertThat(roles(colleague, "CRIMINAL_MATTERS")).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from audit_event
				where resource = 'staff role granted' and actor_name = 'admin2' and criterion like ?""")
			.param("rolle:CRIMINAL_MATTERS konto:kollega.strafbare%")
			.query(Integer.class)
			.single()).as("the grant is in the audit log the officer searches").isEqualTo(1);
	}
}
