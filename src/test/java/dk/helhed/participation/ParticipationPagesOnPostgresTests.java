package dk.helhed.participation;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dk.helhed.support.OnPostgres;
import dk.helhed.support.PostgresDatabase;

/** The same, on PostgreSQL, connected as the application's own role. */
@SpringBootTest(properties = { "helhed.participation.submissions-per-hour=3",
		"helhed.participation.reports-before-hiding=3" })
@AutoConfigureMockMvc
@OnPostgres
class ParticipationPagesOnPostgresTests extends ParticipationPagesTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.registerWithApplicationRole(registry);
	}
}
