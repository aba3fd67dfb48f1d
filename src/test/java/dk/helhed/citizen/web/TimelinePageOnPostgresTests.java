package dk.helhed.citizen.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dk.helhed.support.OnPostgres;
import dk.helhed.support.PostgresDatabase;

/** The timeline's HTTP tests on PostgreSQL, as the application's own (restricted) database role. */
@SpringBootTest
@OnPostgres
class TimelinePageOnPostgresTests extends TimelinePageTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.registerWithApplicationRole(registry);
	}
}
