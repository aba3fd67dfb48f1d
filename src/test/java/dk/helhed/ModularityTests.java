package dk.helhed;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep their boundaries (no cycles, no reaching into another module's internals), and their
 * documentation is written on every build (target/spring-modulith-docs).
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(Application.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
	}
}
