package dk.helhed.citizen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.convention.TestBean;

import dk.helhed.support.StaffFixture;
import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditLog;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.identity.StaffMember;
import dk.helhed.support.MutableClock;

/**
 * A closed record loses each category of information when that category's retention period ends, and its identity
 * when all have ended, unless a hold is recorded. Time is moved by hand.
 */
@SpringBootTest(properties = "helhed.retention.default-months=24")
class RetentionTests {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"),
			ZoneId.of("Europe/Copenhagen"));

	@TestBean(name = "clock", methodName = "dk.helhed.citizen.internal.RetentionTests#clock")
	Clock clock;

	static Clock clock() {
		return CLOCK;
	}

	@Autowired
	StaffFixture demo;

	@Autowired
	Registration registration;

	@Autowired
	NoteWriting noteWriting;

	@Autowired
	Closing closing;

	@Autowired
	Finding finding;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Retention retention;


	int notes(UUID citizen, String category) {
		return jdbc.sql("select count(*) from case_note where citizen_id = ? and category = ?")
			.params(citizen, category)
			.query(Integer.class)
			.single();
	}

	int run() {
		return retention.run().notesDeleted();
	}

	@Test
	void informationGoesCategoryByCategoryAndThenTheIdentity() {
		var jobCentre = demo.staff("jobcenter");
		var cpr = "150362-3017";
		var citizen = registration.registerIdentified(jobCentre, new NewCitizen(cpr, "Testborger Slet (syntetisk)", null,
				null, null, null));
		var held = registration.registerIdentified(jobCentre, new NewCitizen("160362-3018", "Testborger Hold (syntetisk)",
				null, null, null, null));
		noteWriting.writeNote(jobCentre, citizen.id(), InformationCategory.HOUSING, "Boligsag.", null);
		noteWriting.writeNote(jobCentre, citizen.id(), InformationCategory.EMPLOYMENT, "Jobsag.", null);
		noteWriting.writeNote(jobCentre, held.id(), InformationCategory.HOUSING, "Boligsag.", null);
		jdbc.sql("insert into retention_rule (municipality_id, category, months) values (?, 'HOUSING', 12)")
			.param(jobCentre.municipalityId())
			.update();
		jdbc.sql("""
				insert into retention_hold (id, municipality_id, citizen_id, reason_code, until, recorded_by, recorded_at)
				values (?, ?, ?, 'KLAGESAG', null, ?, ?)""")
			.params(UUID.randomUUID(), jobCentre.municipalityId(), held.id(), jobCentre.id(),
					java.time.OffsetDateTime.now())
			.update();
		closing.endOurCase(jobCentre, citizen.id());
		closing.endOurCase(jobCentre, held.id());

		CLOCK.advance(Duration.ofDays(200));
		run();
		assertThat(notes(citizen.id(), "HOUSING")).as("not yet").isEqualTo(1);

		CLOCK.advance(Duration.ofDays(200));
		run();
		assertThat(notes(citizen.id(), "HOUSING")).isZero();
		assertThat(notes(citizen.id(), "EMPLOYMENT")).as("its period is 24 months").isEqualTo(1);
		assertThat(notes(held.id(), "HOUSING")).as("a hold keeps everything").isEqualTo(1);

		CLOCK.advance(Duration.ofDays(400));
		run();
		assertThat(notes(citizen.id(), "EMPLOYMENT")).isZero();
		var row = jdbc.sql("select status, cpr_hash, name from citizen where id = ?")
			.param(citizen.id())
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
			.single();
		assertThat(row).isEqualTo("ANONYMISED|null|null");
		assertThat(finding.findByCpr(jobCentre, cpr)).isEmpty();
		assertThat(auditLog.search(new AuditLog.Query(jobCentre.municipalityId(), citizen.id(), null,
				AuditEvent.Action.DELETE, null, null, 10)))
			.extracting(AuditEvent::resource)
			.contains("notes deleted: 1", "citizen anonymised");
	}
}
