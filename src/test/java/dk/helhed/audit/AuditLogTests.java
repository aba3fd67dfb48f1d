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
		assertThat(jdbc.sql("select count(*) from unattributed_audit_event where actor_name = 'ukendt-bruger'")
			.query(Integer.class)
			.single()).as("a name no account has is never kept in clear").isZero();
		assertThat(jdbc.sql("select count(*) from unattributed_audit_event where actor_name like 'ukendt-bruger:%'")
			.query(Integer.class)
			.single()).as("a name no account has, as its keyed hash").isPositive();
		assertThat(auditLog.search(new AuditLog.Query(aabenraa, null, null, AuditEvent.Action.LOGIN_FAILED, null,
				null, 100)))
			.as("the municipality's data-protection officer sees it").anySatisfy(row -> assertThat(row.actorName())
				.startsWith("ukendt-bruger:"));
	}

	AuditEvent readBy(String username, UUID citizenId, Instant when) {
		return new AuditEvent(aabenraa, when, null, username, null, "CASEWORKER", null, citizenId,
				AuditEvent.Action.READ, "housing", AuditEvent.Basis.OWN_CASE, null, "sagsbehandling", "note", null,
				AuditEvent.Outcome.ALLOWED);
	}

	@Test
	void theOfficersSearchPagesWithAKeyAndTheDatabaseFiltersByStaffMemberCitizenAndPeriod() {
		var start = Instant.parse("2026-03-02T08:00:00Z");
		var other = UUID.randomUUID();
		var username = "side." + UUID.randomUUID().toString().substring(0, 8);
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < 25; i++) {
				// Three rows at each moment: the key must order rows of the same moment too.
				var at = start.plus(i / 3, ChronoUnit.MINUTES);
				auditLog.record(readBy(username, citizen, at));
			}
			auditLog.record(readBy(username, other, start.plus(1, ChronoUnit.MINUTES)));
			auditLog.record(readBy("en.anden", citizen, start.plus(1, ChronoUnit.MINUTES)));
		});

		var seen = new java.util.ArrayList<AuditEvent>();
		AuditLog.PageKey after = null;
		int pages = 0;
		do {
			var page = auditLog.page(new AuditLog.PageQuery(aabenraa, citizen, username, null, null, null, after, 10));
			assertThat(page.events()).hasSizeLessThanOrEqualTo(10);
			seen.addAll(page.events());
			after = page.next() == null ? null
					: AuditLog.PageKey.parse(page.next().token()).orElseThrow();
			pages++;
		}
		while (after != null && pages < 10);

		assertThat(pages).isEqualTo(3);
		assertThat(seen).hasSize(25)
			.allSatisfy(event -> {
				assertThat(event.actorName()).isEqualTo(username);
				assertThat(event.citizenId()).isEqualTo(citizen);
			});
		assertThat(seen).extracting(AuditEvent::occurredAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());

		var period = auditLog.page(new AuditLog.PageQuery(aabenraa, null, username, null, start.plus(2, ChronoUnit.MINUTES),
				start.plus(4, ChronoUnit.MINUTES), null, 100));
		assertThat(period.events()).hasSize(6).allSatisfy(event -> assertThat(event.occurredAt())
			.isBetween(start.plus(2, ChronoUnit.MINUTES), start.plus(3, ChronoUnit.MINUTES)));
		assertThat(period.next()).isNull();
		assertThat(auditLog.page(new AuditLog.PageQuery(aabenraa, other, null, null, null, null, null, 100)).events())
			.hasSize(1);
	}

	@Test
	void aPageKeyIsReadOnlyFromItsOwnShape() {
		var key = new AuditLog.PageKey(Instant.parse("2026-03-02T08:00:00.123456Z"), UUID.randomUUID());
		assertThat(AuditLog.PageKey.parse(key.token())).contains(key);
		for (var bad : new String[] { "", "x", "1.2_3", "<script>", "1.2_" + UUID.randomUUID() + "'--",
				"99999999999999.1_" + UUID.randomUUID() }) {
			assertThat(AuditLog.PageKey.parse(bad)).as(bad).isEmpty();
		}
	}
}
