package dk.helhed.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import dk.helhed.municipality.Municipalities;

/**
 * The audit log keeps a row with the change it describes, survives a refused request's rollback, stores values
 * encoded, and forgets rows past the retention period. Runs on H2 and on PostgreSQL.
 */
abstract class AuditLogTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	UUID aabenraa;

	UUID citizen;

	@BeforeEach
	void setUp() {
		aabenraa = municipalities.getBySlug("aabenraa").id();
		citizen = UUID.randomUUID();
	}

	AuditEvent read(UUID citizenId, Instant when) {
		return new AuditEvent(aabenraa, when, null, "visitation", null, "CASEWORKER", null, citizenId,
				AuditEvent.Action.READ, "housing", AuditEvent.Basis.CONSENT, UUID.randomUUID().toString(),
				"sagsbehandling", "note", null, AuditEvent.Outcome.ALLOWED);
	}

	long rowsFor(UUID citizenId) {
		return auditLog.search(new AuditLog.Query(aabenraa, citizenId, null, null, null, null, 100)).size();
	}

	@Test
	void aRowIsWrittenInTheSameTransactionAsTheAccess() {
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			auditLog.record(read(citizen, Instant.now()));
			throw new IllegalStateException("the change failed");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(rowsFor(citizen)).as("rolled back with the change").isZero();

		transactions.executeWithoutResult(status -> auditLog.record(read(citizen, Instant.now())));
		assertThat(rowsFor(citizen)).isEqualTo(1);
	}

	@Test
	void aRefusalIsKeptEvenWhenTheRequestIsRolledBack() {
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			auditLog.recordRefusal(new AuditEvent(aabenraa, Instant.now(), null, "jobcenter", null, "CASEWORKER", null,
					citizen, AuditEvent.Action.READ, "addiction", AuditEvent.Basis.NONE, null, null, "note", null,
					AuditEvent.Outcome.REFUSED));
			throw new IllegalStateException("access denied");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(auditLog.search(new AuditLog.Query(aabenraa, citizen, null, null, null, null, 10)))
			.singleElement()
			.satisfies(row -> assertThat(row.outcome()).isEqualTo(AuditEvent.Outcome.REFUSED));
	}

	@Test
	void valuesAreStoredEncoded() {
		var forged = new AuditEvent(aabenraa, Instant.now(), null, "navn\nFAKE 2026 LOGIN OK", null,
				"CASEWORKER\u0000", null, citizen, AuditEvent.Action.SEARCH, null, AuditEvent.Basis.OWN_CASE, null,
				"x".repeat(500), null, "navn=\"Jens\r\nJensen\"", AuditEvent.Outcome.ALLOWED);
		transactions.executeWithoutResult(status -> auditLog.record(forged));

		var stored = auditLog.search(new AuditLog.Query(aabenraa, citizen, null, null, null, null, 1)).getFirst();
		assertThat(stored.actorName()).doesNotContain("\n").isEqualTo("navn FAKE 2026 LOGIN OK");
		assertThat(stored.actorRole()).isEqualTo("CASEWORKER");
		assertThat(stored.purpose()).hasSize(100);
		assertThat(stored.criterion()).doesNotContain("\r", "\n");
	}

	@Test
	void rowsPastTheRetentionPeriodArePurged() {
		var now = Instant.now();
		var old = UUID.randomUUID();
		var recent = UUID.randomUUID();
		jdbc.sql("delete from audit_retention where municipality_id = ?").param(aabenraa).update();
		jdbc.sql("insert into audit_retention (municipality_id, months) values (?, 12)").param(aabenraa).update();
		transactions.executeWithoutResult(status -> {
			auditLog.record(read(old, now.minus(400, ChronoUnit.DAYS)));
			auditLog.record(read(recent, now.minus(300, ChronoUnit.DAYS)));
		});

		var purged = auditLog.purge();

		assertThat(purged).isPositive();
		assertThat(rowsFor(old)).isZero();
		assertThat(rowsFor(recent)).isEqualTo(1);
	}

	@Test
	void failedLoginsAreLogged(@Autowired MockMvc mvc) throws Exception {
		mvc.perform(post("/log-ind").param("username", "visitation").param("password", "forkert").with(csrf()))
			.andExpect(redirectedUrl("/log-ind?fejl"));
		mvc.perform(post("/log-ind").param("username", "ukendt-bruger").param("password", "x").with(csrf()))
			.andExpect(redirectedUrl("/log-ind?fejl"));

		assertThat(auditLog.search(new AuditLog.Query(aabenraa, null, null, AuditEvent.Action.LOGIN_FAILED, null,
				null, 10)))
			.anySatisfy(row -> {
				assertThat(row.actorName()).isEqualTo("visitation");
				assertThat(row.outcome()).isEqualTo(AuditEvent.Outcome.REFUSED);
			});
		assertThat(jdbc.sql("select count(*) from audit_event where actor_name = 'ukendt-bruger' and municipality_id is null")
			.query(Integer.class)
			.single()).as("a name no account has is never kept in clear").isZero();
		assertThat(jdbc.sql("select count(*) from audit_event where actor_name like 'ukendt-bruger:%' and municipality_id is null")
			.query(Integer.class)
			.single()).as("a name no account has, as its keyed hash").isPositive();
		assertThat(auditLog.search(new AuditLog.Query(aabenraa, null, null, AuditEvent.Action.LOGIN_FAILED, null,
				null, 100)))
			.as("the municipality's data-protection officer sees it").anySatisfy(row -> assertThat(row.actorName())
				.startsWith("ukendt-bruger:"));
	}
}
