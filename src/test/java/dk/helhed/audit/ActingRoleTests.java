package dk.helhed.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;

/** The role an audit row names: case work first, then the roles that reach personal data for other purposes. */
class ActingRoleTests {

	static StaffMember holding(Role... roles) {
		return new StaffMember(UUID.randomUUID(), UUID.randomUUID(), "syntetisk", "Syntetisk Medarbejder",
				Set.of(roles), Set.of(), null);
	}

	@Test
	void caseWorkComesBeforeAdministration() {
		assertThat(ActingRole.of(holding(Role.ADMINISTRATOR, Role.CASEWORKER))).isEqualTo("CASEWORKER");
		assertThat(ActingRole.of(holding(Role.TEAM_LEAD, Role.DATA_PROTECTION_OFFICER))).isEqualTo("TEAM_LEAD");
		assertThat(ActingRole.of(holding(Role.DATA_PROTECTION_OFFICER, Role.ADMINISTRATOR)))
			.isEqualTo("DATA_PROTECTION_OFFICER");
		assertThat(ActingRole.of(holding(Role.PARTICIPATION_COORDINATOR))).isEqualTo("PARTICIPATION_COORDINATOR");
	}

	@Test
	void aPermissionIsNotARoleAnyoneActsIn() {
		assertThat(ActingRole.of(holding(Role.CRIMINAL_MATTERS))).isNull();
		assertThat(ActingRole.of(holding(Role.CRIMINAL_MATTERS, Role.OUTREACH_WORKER))).isEqualTo("OUTREACH_WORKER");
		assertThat(ActingRole.of(holding())).isNull();
	}
}
