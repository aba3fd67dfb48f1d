package dk.helhed.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dk.helhed.support.OnPostgres;
import dk.helhed.support.PostgresDatabase;

/**
 * On PostgreSQL, as in production, the application connects with a role of its own: it may insert and read audit
 * rows and nothing else (security.md item 8), and even the owner's changes are stopped by a trigger.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@OnPostgres
class AuditLogOnPostgresTests extends AuditLogTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.registerWithApplicationRole(registry);
	}

	@Value("${spring.datasource.url}")
	String databaseUrl;

	@Test
	void theApplicationCannotChangeOrDeleteAuditRows() {
		transactions.executeWithoutResult(status -> auditLog.record(read(citizen, Instant.now())));

		assertThatThrownBy(() -> jdbc.sql("update audit_event set purpose = 'ændret' where citizen_id = ?")
			.param(citizen)
			.update()).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event where citizen_id = ?").param(citizen).update())
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update()).rootCause()
			.hasMessageContaining("permission denied");
		assertThat(rowsFor(citizen)).isEqualTo(1);
	}

	@Test
	void evenTheOwnerCannotChangeAuditRows() throws Exception {
		transactions.executeWithoutResult(status -> auditLog.record(read(citizen, Instant.now())));
		try (var owner = PostgresDatabase.ownerConnection(databaseUrl); var statement = owner.createStatement()) {
			assertThatThrownBy(() -> statement.executeUpdate(
					"update audit_event set purpose = 'ændret' where citizen_id = '" + citizen + "'"))
				.hasMessageContaining("audit log cannot be changed");
			assertThatThrownBy(() -> statement.executeUpdate("delete from audit_event"))
				.hasMessageContaining("audit log cannot be changed");
		}
		assertThat(rowsFor(citizen)).isEqualTo(1);
	}

	@Test
	void thePurgeNeverRemovesRecentRowsWhateverItIsAsked() {
		var recent = UUID.randomUUID();
		var older = UUID.randomUUID();
		transactions.executeWithoutResult(status -> {
			auditLog.record(read(recent, Instant.now().minus(10, ChronoUnit.DAYS)));
			auditLog.record(read(older, Instant.now().minus(200, ChronoUnit.DAYS)));
		});

		jdbc.sql("select helhed_purge_audit(?, ?)")
			.params(municipalities.getBySlug("aabenraa").id(), java.time.OffsetDateTime.now().plusYears(1))
			.query(Integer.class)
			.single();

		assertThat(rowsFor(recent)).as("younger than six months: kept whatever the caller asks").isEqualTo(1);
		assertThat(rowsFor(older)).isZero();
	}
}
