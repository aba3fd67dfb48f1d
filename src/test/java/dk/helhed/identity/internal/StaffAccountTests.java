package dk.helhed.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.identity.internal.StaffAdministration.Details;
import dk.helhed.identity.internal.StaffAdministration.Fields;
import dk.helhed.platform.RuleViolation;

/**
 * The staff account aggregate on its own, without Spring or a database (security.md item 5a): nobody changes their
 * own roles, units or partner organisation or closes their own account; the roles that work with citizens' data wait
 * for a second administrator, who is neither the one who asked nor the account's owner; a closed account cannot log
 * in. The people and units are synthetic.
 */
class StaffAccountTests {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	private final UUID municipality = UUID.randomUUID();
	private final UUID jobCentre = UUID.randomUUID();
	private final UUID addictionCentre = UUID.randomUUID();

	private final StaffMember admin = administrator();
	private final StaffMember secondAdmin = administrator();

	@Test
	void aNewAccountGetsTheOrdinaryRolesAtOnceAndTheSensitiveOnesWaitForASecondAdministrator() {
		var opened = StaffAccount.open(municipality, "syntetisk.ny", details(Set.of(Role.CATALOG_EDITOR,
				Role.CASEWORKER, Role.CRIMINAL_MATTERS), Set.of(jobCentre)), "{bcrypt}hash", NOW);

		assertThat(opened.account().roles()).containsExactly(Role.CATALOG_EDITOR);
		assertThat(opened.account().unitIds()).containsExactly(jobCentre);
		assertThat(opened.awaitingApproval()).containsExactlyInAnyOrder(Role.CASEWORKER, Role.CRIMINAL_MATTERS);
		assertThat(opened.account().mayLogIn()).isTrue();
	}

	@Test
	void everyRoleThatWorksWithCitizensDataNeedsASecondAdministrator() {
		for (var role : Set.of(Role.CRIMINAL_MATTERS, Role.DATA_PROTECTION_OFFICER, Role.CASEWORKER,
				Role.OUTREACH_WORKER, Role.TEAM_LEAD)) {
			var account = account(Set.of(Role.CATALOG_EDITOR), Set.of(jobCentre));

			var changes = account.change(admin, details(Set.of(Role.CATALOG_EDITOR, role), Set.of(jobCentre)));

			assertThat(changes.awaitingApproval()).as("%s", role).containsExactly(role);
			assertThat(account.roles()).as("%s", role).containsExactly(Role.CATALOG_EDITOR);
			assertThat(changes.fields()).as("nothing else changed").isEmpty();
		}
	}

	@Test
	void aRoleTheAccountHasAlreadyStaysWithoutASecondApproval() {
		var account = account(Set.of(Role.CASEWORKER), Set.of(jobCentre));

		var changes = account.change(admin, details(Set.of(Role.CASEWORKER, Role.ADMINISTRATOR), Set.of(jobCentre)));

		assertThat(changes.awaitingApproval()).isEmpty();
		assertThat(account.roles()).containsExactlyInAnyOrder(Role.CASEWORKER, Role.ADMINISTRATOR);
		assertThat(changes.access()).isTrue();
		assertThat(changes.fields()).extracting(StaffAdministration.FieldChange::field).containsExactly(Fields.ROLES);
	}

	@Test
	void nobodyChangesTheirOwnRolesUnitsOrPartnerOrganisation() {
		var own = account(admin.id(), Set.of(Role.ADMINISTRATOR), Set.of());

		for (var requested : new Details[] { details(Set.of(Role.CASEWORKER), Set.of()),
				details(Set.of(Role.ADMINISTRATOR), Set.of(addictionCentre)),
				new Details("Syntetisk Administrator", null, Set.of(Role.ADMINISTRATOR), Set.of(), UUID.randomUUID()) }) {
			assertThatThrownBy(() -> own.change(admin, requested)).isInstanceOf(RuleViolation.class)
				.hasMessage("Du kan ikke ændre dine egne roller, enheder eller samarbejdspartner. "
						+ "Bed en anden administrator om det.");
		}
		assertThat(own.roles()).containsExactly(Role.ADMINISTRATOR);
		assertThat(own.unitIds()).isEmpty();
	}

	@Test
	void anAdministratorMayChangeTheirOwnNameAndEmail() {
		var own = account(admin.id(), Set.of(Role.ADMINISTRATOR), Set.of());

		var changes = own.change(admin, new Details("Syntetisk Nyt Navn", "ny@example.org",
				Set.of(Role.ADMINISTRATOR), Set.of(), null));

		assertThat(changes.fields()).extracting(StaffAdministration.FieldChange::field)
			.containsExactly(Fields.DISPLAY_NAME, Fields.EMAIL);
		assertThat(changes.access()).isFalse();
		assertThat(own.member().displayName()).isEqualTo("Syntetisk Nyt Navn");
	}

	@Test
	void aSecondAdministratorGivesTheRoleButNeitherTheOneWhoAskedNorTheOwner() {
		var account = account(Set.of(Role.CATALOG_EDITOR), Set.of(jobCentre));

		assertThatThrownBy(() -> account.decideRole(Role.CRIMINAL_MATTERS, admin.id(), admin, true))
			.isInstanceOf(RuleViolation.class)
			.hasMessageStartingWith("Du kan ikke selv godkende en rolle, du har bedt om.");
		var owner = member(account.id(), Set.of(Role.ADMINISTRATOR));
		assertThatThrownBy(() -> account.decideRole(Role.CRIMINAL_MATTERS, admin.id(), owner, true))
			.isInstanceOf(RuleViolation.class)
			.hasMessageStartingWith("Du kan ikke godkende roller til din egen konto.");
		assertThat(account.roles()).containsExactly(Role.CATALOG_EDITOR);

		assertThat(account.decideRole(Role.CRIMINAL_MATTERS, admin.id(), secondAdmin, true)).isTrue();
		assertThat(account.roles()).containsExactlyInAnyOrder(Role.CATALOG_EDITOR, Role.CRIMINAL_MATTERS);
	}

	@Test
	void aRefusedRequestGivesNothingButIsStillNotTheAskersToDecide() {
		var account = account(Set.of(Role.CATALOG_EDITOR), Set.of(jobCentre));

		assertThat(account.decideRole(Role.CASEWORKER, admin.id(), secondAdmin, false)).isFalse();
		assertThat(account.roles()).containsExactly(Role.CATALOG_EDITOR);
		assertThatThrownBy(() -> account.decideRole(Role.CASEWORKER, admin.id(), admin, false))
			.isInstanceOf(RuleViolation.class);
	}

	@Test
	void aClosedAccountCannotLogInUntilItIsReopened() {
		var account = account(Set.of(Role.CASEWORKER), Set.of(jobCentre));

		account.close(admin);

		assertThat(account.mayLogIn()).isFalse();
		assertThat(account.principal(NOW).isEnabled()).isFalse();
		assertThat(account.view().status(NOW)).isEqualTo(StaffAdministration.Status.CLOSED);
		assertThatThrownBy(() -> account.close(admin)).isInstanceOf(RuleViolation.class)
			.hasMessage("Kontoen er allerede lukket.");

		account.reopen();

		assertThat(account.mayLogIn()).isTrue();
		assertThat(account.principal(NOW).isEnabled()).isTrue();
		assertThatThrownBy(account::reopen).isInstanceOf(RuleViolation.class).hasMessage("Kontoen er allerede åben.");
	}

	@Test
	void nobodyClosesTheirOwnAccount() {
		var own = account(admin.id(), Set.of(Role.ADMINISTRATOR), Set.of());

		assertThatThrownBy(() -> own.close(admin)).isInstanceOf(RuleViolation.class)
			.hasMessage("Du kan ikke lukke din egen konto. Bed en anden administrator om det.");
		assertThat(own.mayLogIn()).isTrue();
	}

	@Test
	void onlyALockedAccountIsUnlocked() {
		var locked = new StaffAccount(UUID.randomUUID(), municipality, "syntetisk.laast", "Syntetisk Låst", null, null,
				"{bcrypt}hash", true, 0, NOW.plus(Duration.ofMinutes(10)), null, NOW.minus(Duration.ofDays(3)), 0,
				Set.of(), Set.of());
		var open = account(Set.of(Role.CASEWORKER), Set.of(jobCentre));

		locked.checkUnlock(NOW);
		assertThat(locked.principal(NOW).isAccountNonLocked()).isFalse();
		assertThat(locked.principal(NOW.plus(Duration.ofMinutes(11))).isAccountNonLocked()).isTrue();
		assertThatThrownBy(() -> open.checkUnlock(NOW)).isInstanceOf(RuleViolation.class)
			.hasMessage("Kontoen er ikke låst.");
	}

	private StaffAccount account(Set<Role> roles, Set<UUID> units) {
		return account(UUID.randomUUID(), roles, units);
	}

	private StaffAccount account(UUID id, Set<Role> roles, Set<UUID> units) {
		return new StaffAccount(id, municipality, "syntetisk." + id, "Syntetisk Medarbejder", null, null,
				"{bcrypt}hash", true, 0, null, null, NOW.minus(Duration.ofDays(30)), 0,
				Set.copyOf(roles.stream().map(role -> new StaffAccount.RoleGrant(municipality, role)).toList()),
				Set.copyOf(units.stream().map(unit -> new StaffAccount.UnitMembership(municipality, unit)).toList()));
	}

	private Details details(Set<Role> roles, Set<UUID> units) {
		return new Details("Syntetisk Medarbejder", null, roles, units, null);
	}

	private StaffMember administrator() {
		return member(UUID.randomUUID(), Set.of(Role.ADMINISTRATOR));
	}

	private StaffMember member(UUID id, Set<Role> roles) {
		return new StaffMember(id, municipality, "syntetisk." + id, "Syntetisk Administrator", roles, Set.of(), null);
	}
}
