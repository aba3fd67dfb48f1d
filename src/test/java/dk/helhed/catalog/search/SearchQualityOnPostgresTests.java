package dk.helhed.catalog.search;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dk.helhed.support.OnPostgres;
import dk.helhed.support.PostgresDatabase;

@SpringBootTest
@OnPostgres
class SearchQualityOnPostgresTests extends SearchQualityTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}
}
