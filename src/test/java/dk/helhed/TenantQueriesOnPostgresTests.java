package dk.helhed;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dk.helhed.support.OnPostgres;
import dk.helhed.support.PostgresDatabase;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TenantQueriesTests.Recording.class)
@OnPostgres
class TenantQueriesOnPostgresTests extends TenantQueriesTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		// One role for the application and Flyway: Flyway derives its own DataSource from the application's, which
		// it cannot do from the recording proxy.
		PostgresDatabase.register(registry);
	}
}
