package dk.helhed.platform;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dk.helhed.support.OnPostgres;
import dk.helhed.support.PostgresDatabase;

@SpringBootTest
@OnPostgres
class TenantSchemaOnPostgresTests extends TenantSchemaTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}
}
