package dk.helhed.referral;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dk.helhed.support.OnPostgres;
import dk.helhed.support.PostgresDatabase;

@SpringBootTest
@OnPostgres
class ReferralScenarioOnPostgresTests extends ReferralScenarioTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.registerWithApplicationRole(registry);
	}
}
