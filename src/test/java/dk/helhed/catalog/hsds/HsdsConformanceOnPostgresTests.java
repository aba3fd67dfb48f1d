package dk.helhed.catalog.hsds;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dk.helhed.support.OnPostgres;
import dk.helhed.support.PostgresDatabase;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OnPostgres
class HsdsConformanceOnPostgresTests extends HsdsConformanceTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}
}
