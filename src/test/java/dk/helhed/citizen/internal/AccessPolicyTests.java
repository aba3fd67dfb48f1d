package dk.helhed.citizen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.citizen.CaseRecords.Consent;
import dk.helhed.citizen.CaseRecords.EmergencyAccess;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.Involvement;
import dk.helhed.citizen.CaseRecords.InvolvementBasis;
import dk.helhed.citizen.CaseRecords.LegalBasis;
import dk.helhed.citizen.CaseRecords.LegalBasisCode;
import dk.helhed.citizen.CaseRecords.Note;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;

/**
 * The access decision on its own, without Spring or a database (security.md items 1-5): every ground (own case,
 * consent, legal basis, emergency), every state of a consent (in force, not yet given, expired, withdrawn), whose
 * information a consent passes on, criminal matters behind their own permission, and nobody sees anything without a
 * unit or organisation. The units, staff and citizens are synthetic.
 */
class AccessPolicyTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	private final AccessPolicy policy = new AccessPolicy();

	private final UUID addictionCentre = UUID.randomUUID();
	private final UUID jobCentre = UUID.randomUUID();
	private final UUID housing = UUID.randomUUID();
	private final UUID partner = UUID.randomUUID();

	private final StaffMember addictionWorker = staff(Set.of(Role.CASEWORKER), Set.of(addictionCentre), null);
	private final StaffMember jobWorker = staff(Set.of(Role.CASEWORKER), Set.of(jobCentre), null);
	private final StaffMember partnerWorker = staff(Set.of(Role.CASEWORKER), Set.of(), partner);

	private final Involvement addictionCase = new Involvement(UUID.randomUUID(), addictionCentre, null,
			InvolvementBasis.OWN_CASE, null, TODAY.minusYears(1), null, null);

	private final Note addictionNote = note(addictionCentre, InformationCategory.ADDICTION);

	@Test
	void aStaffMemberWithoutAUnitOrOrganisationSeesNothingEvenInAnEmergency() {
		var nobody = staff(Set.of(Role.CASEWORKER, Role.CRIMINAL_MATTERS), Set.of(), null);
		var facts = facts(List.of(addictionCase), List.of(), List.of(), List.of(emergency(nobody, NOW)));

		var grants = policy.grants(nobody, facts, TODAY, NOW);

		assertThat(grants.seesRecord()).isFalse();
		assertThat(grants.categories()).isEmpty();
	}

	@Test
	void aUnitInTheCaseSeesTheWholeRecordAndItsOwnNotesOnTheGroundOwnCase() {
		var grants = policy.grants(addictionWorker, facts(List.of(addictionCase), List.of(), List.of(), List.of()),
				TODAY, NOW);

		assertThat(grants.seesRecord()).isTrue();
		assertThat(grants.seesWholeRecord()).isTrue();
		assertThat(grants.recordGround().basis()).isEqualTo(Basis.OWN_CASE);
		assertThat(policy.noteGround(addictionWorker, grants, addictionNote)).isEqualTo(AccessPolicy.Ground.OWN_CASE);
	}

	@Test
	void aUnitWhoseInvolvementHasEndedOrNotBegunIsNotInTheCase() {
		var ended = new Involvement(UUID.randomUUID(), addictionCentre, null, InvolvementBasis.OWN_CASE, null,
				TODAY.minusYears(1), TODAY, null);
		var notYet = new Involvement(UUID.randomUUID(), addictionCentre, null, InvolvementBasis.OWN_CASE, null,
				TODAY.plusDays(1), null, null);

		for (var involvement : List.of(ended, notYet)) {
			var grants = policy.grants(addictionWorker, facts(List.of(involvement), List.of(), List.of(), List.of()),
					TODAY, NOW);
			assertThat(grants.seesRecord()).as("involved %s to %s", involvement.since(), involvement.endedOn())
				.isFalse();
		}
	}

	@Test
	void anotherUnitSeesNothingWithoutAConsentOrALegalBasis() {
		var grants = policy.grants(jobWorker, facts(List.of(addictionCase), List.of(), List.of(), List.of()), TODAY,
				NOW);

		assertThat(grants.seesRecord()).isFalse();
		assertThat(policy.noteGround(jobWorker, grants, addictionNote)).isNull();
	}

	@Test
	void aConsentInForceGivesItsCategoriesOnlyAndNamesTheConsentAsTheGround() {
		var consent = consent(Set.of(InformationCategory.ADDICTION), jobCentre, addictionCentre, TODAY.minusDays(10),
				TODAY.plusYears(1), null);

		var grants = policy.grants(jobWorker, facts(List.of(addictionCase), List.of(consent), List.of(), List.of()),
				TODAY, NOW);

		assertThat(grants.seesRecord()).isTrue();
		assertThat(grants.seesWholeRecord()).as("only the case's own units see every consent").isFalse();
		assertThat(grants.categories()).containsOnlyKeys(InformationCategory.ADDICTION);
		assertThat(grants.recordGround()).isEqualTo(new AccessPolicy.Ground(Basis.CONSENT, consent.id().toString()));
		assertThat(policy.noteGround(jobWorker, grants, addictionNote)).isEqualTo(grants.recordGround());
		assertThat(policy.noteGround(jobWorker, grants, note(addictionCentre, InformationCategory.HEALTH)))
			.as("a category the consent does not cover")
			.isNull();
	}

	@Test
	void aConsentNotYetGivenExpiredOrWithdrawnGivesNothing() {
		var notYet = consent(Set.of(InformationCategory.ADDICTION), jobCentre, addictionCentre, TODAY.plusDays(1),
				TODAY.plusYears(1), null);
		var expired = consent(Set.of(InformationCategory.ADDICTION), jobCentre, addictionCentre, TODAY.minusYears(1),
				TODAY.minusDays(1), null);
		var withdrawn = consent(Set.of(InformationCategory.ADDICTION), jobCentre, addictionCentre,
				TODAY.minusDays(10), TODAY.plusYears(1), NOW.minus(1, ChronoUnit.MINUTES));

		for (var consent : List.of(notYet, expired, withdrawn)) {
			var grants = policy.grants(jobWorker, facts(List.of(addictionCase), List.of(consent), List.of(), List.of()),
					TODAY, NOW);
			assertThat(grants.seesRecord()).as("given %s, expires %s, withdrawn %s", consent.givenOn(),
					consent.expiresOn(), consent.withdrawnAt())
				.isFalse();
			assertThat(policy.noteGround(jobWorker, grants, addictionNote)).isNull();
		}
	}

	@Test
	void aConsentOnItsLastDayIsStillInForce() {
		var lastDay = consent(Set.of(InformationCategory.ADDICTION), jobCentre, addictionCentre, TODAY.minusYears(1),
				TODAY, null);

		var grants = policy.grants(jobWorker, facts(List.of(addictionCase), List.of(lastDay), List.of(), List.of()),
				TODAY, NOW);

		assertThat(grants.categories()).containsOnlyKeys(InformationCategory.ADDICTION);
	}

	@Test
	void aConsentAUnitRecordedForItselfDoesNotPassOnWhatAnotherUnitHolds() {
		// the job centre recorded it: it covers only what the job centre itself holds
		var selfRecorded = consent(Set.of(InformationCategory.ADDICTION), jobCentre, jobCentre, TODAY.minusDays(1),
				TODAY.plusYears(1), null);

		var grants = policy.grants(jobWorker,
				facts(List.of(addictionCase), List.of(selfRecorded), List.of(), List.of()), TODAY, NOW);

		assertThat(policy.noteGround(jobWorker, grants, addictionNote)).isNull();
		assertThat(policy.noteGround(jobWorker, grants, note(jobCentre, InformationCategory.ADDICTION)))
			.as("what the recording unit holds")
			.isNotNull();
	}

	@Test
	void aConsentTheHoldingUnitConfirmedOrWithASignedReferencePassesOnItsNotes() {
		var confirmed = withConfirmation(consent(Set.of(InformationCategory.ADDICTION), jobCentre, jobCentre,
				TODAY.minusDays(1), TODAY.plusYears(1), null), null, List.of(new Recipient(addictionCentre, null)));
		var signed = withConfirmation(consent(Set.of(InformationCategory.ADDICTION), jobCentre, jobCentre,
				TODAY.minusDays(1), TODAY.plusYears(1), null), "Syntetisk samtykke nr. 7", List.of());

		for (var consent : List.of(confirmed, signed)) {
			var grants = policy.grants(jobWorker, facts(List.of(addictionCase), List.of(consent), List.of(), List.of()),
					TODAY, NOW);
			assertThat(policy.noteGround(jobWorker, grants, addictionNote))
				.isEqualTo(new AccessPolicy.Ground(Basis.CONSENT, consent.id().toString()));
		}
	}

	@Test
	void aRecordedLegalBasisInForceGivesItsCategoriesOfWhatTheRecordingUnitHolds() {
		var basis = new LegalBasis(UUID.randomUUID(), LegalBasisCode.RETSPLEJELOVEN_115,
				Set.of(InformationCategory.ADDICTION, InformationCategory.HOUSING), new Recipient(jobCentre, null),
				TODAY.plusMonths(6), UUID.randomUUID(), NOW.minus(1, ChronoUnit.DAYS), null,
				new Recipient(addictionCentre, null));

		var grants = policy.grants(jobWorker, facts(List.of(addictionCase), List.of(), List.of(basis), List.of()),
				TODAY, NOW);

		var ground = new AccessPolicy.Ground(Basis.LEGAL_BASIS, "RETSPLEJELOVEN_115");
		assertThat(grants.categories()).containsOnlyKeys(InformationCategory.ADDICTION, InformationCategory.HOUSING);
		assertThat(grants.recordGround()).isEqualTo(ground);
		assertThat(policy.noteGround(jobWorker, grants, addictionNote)).isEqualTo(ground);
		assertThat(policy.noteGround(jobWorker, grants, note(housing, InformationCategory.HOUSING)))
			.as("held by a unit that did not record the legal basis")
			.isNull();
	}

	@Test
	void aRevokedOrLapsedLegalBasisGivesNothing() {
		var revoked = new LegalBasis(UUID.randomUUID(), LegalBasisCode.RETSSIKKERHEDSLOVEN_11B,
				Set.of(InformationCategory.ADDICTION), new Recipient(jobCentre, null), TODAY.plusMonths(6),
				UUID.randomUUID(), NOW.minus(2, ChronoUnit.DAYS), NOW.minus(1, ChronoUnit.DAYS),
				new Recipient(addictionCentre, null));
		var lapsed = new LegalBasis(UUID.randomUUID(), LegalBasisCode.RETSSIKKERHEDSLOVEN_11B,
				Set.of(InformationCategory.ADDICTION), new Recipient(jobCentre, null), TODAY.minusDays(1),
				UUID.randomUUID(), NOW.minus(30, ChronoUnit.DAYS), null, new Recipient(addictionCentre, null));

		for (var basis : List.of(revoked, lapsed)) {
			var grants = policy.grants(jobWorker, facts(List.of(addictionCase), List.of(), List.of(basis), List.of()),
					TODAY, NOW);
			assertThat(grants.seesRecord()).isFalse();
		}
	}

	@Test
	void anEmergencyAccessInForceGivesEverythingButCriminalMattersAndOnlyToTheOneWhoAskedForIt() {
		var access = emergency(jobWorker, NOW.minus(10, ChronoUnit.MINUTES));

		var grants = policy.grants(jobWorker, facts(List.of(addictionCase), List.of(), List.of(), List.of(access)),
				TODAY, NOW);
		var colleague = staff(Set.of(Role.CASEWORKER), Set.of(jobCentre), null);
		var colleagues = policy.grants(colleague, facts(List.of(addictionCase), List.of(), List.of(), List.of(access)),
				TODAY, NOW);

		var ground = new AccessPolicy.Ground(Basis.EMERGENCY, access.id().toString());
		assertThat(grants.seesWholeRecord()).isTrue();
		assertThat(grants.recordGround()).isEqualTo(ground);
		assertThat(grants.categories()).doesNotContainKey(InformationCategory.CRIMINAL)
			.hasSize(InformationCategory.values().length - 1);
		assertThat(policy.noteGround(jobWorker, grants, addictionNote)).isEqualTo(ground);
		assertThat(policy.noteGround(jobWorker, grants, note(addictionCentre, InformationCategory.CRIMINAL))).isNull();
		assertThat(colleagues.seesRecord()).isFalse();
	}

	@Test
	void anEmergencyAccessThatHasRunOutGivesNothing() {
		var access = new EmergencyAccess(UUID.randomUUID(), UUID.randomUUID(), jobWorker.id(), jobCentre,
				"Syntetisk begrundelse", NOW.minus(5, ChronoUnit.HOURS), NOW.minus(1, ChronoUnit.HOURS), null, null,
				null);

		var grants = policy.grants(jobWorker, facts(List.of(addictionCase), List.of(), List.of(), List.of(access)),
				TODAY, NOW);

		assertThat(grants.seesRecord()).isFalse();
	}

	@Test
	void criminalMattersNeedTheirOwnPermissionEvenInTheOwnCase() {
		var criminalNote = note(addictionCentre, InformationCategory.CRIMINAL);
		var consent = consent(Set.of(InformationCategory.CRIMINAL), jobCentre, addictionCentre, TODAY.minusDays(1),
				TODAY.plusYears(1), null);
		var permitted = staff(Set.of(Role.CASEWORKER, Role.CRIMINAL_MATTERS), Set.of(jobCentre), null);
		var facts = facts(List.of(addictionCase), List.of(consent), List.of(), List.of());

		var own = policy.grants(addictionWorker, facts, TODAY, NOW);
		var withoutPermission = policy.grants(jobWorker, facts, TODAY, NOW);
		var withPermission = policy.grants(permitted, facts, TODAY, NOW);

		assertThat(policy.noteGround(addictionWorker, own, criminalNote)).isNull();
		assertThat(withoutPermission.categories()).doesNotContainKey(InformationCategory.CRIMINAL);
		assertThat(policy.noteGround(jobWorker, withoutPermission, criminalNote)).isNull();
		assertThat(withPermission.categories()).containsKey(InformationCategory.CRIMINAL);
		assertThat(policy.noteGround(permitted, withPermission, criminalNote)).isNotNull();
	}

	@Test
	void aPartnerOrganisationIsCoveredOnlyWhenItIsNamedNotThroughAUnit() {
		var forPartner = consent(Set.of(InformationCategory.ADDICTION), null, addictionCentre, TODAY.minusDays(1),
				TODAY.plusYears(1), null, new Recipient(null, partner));
		var forUnit = consent(Set.of(InformationCategory.ADDICTION), jobCentre, addictionCentre, TODAY.minusDays(1),
				TODAY.plusYears(1), null);

		var named = policy.grants(partnerWorker,
				facts(List.of(addictionCase), List.of(forPartner), List.of(), List.of()), TODAY, NOW);
		var notNamed = policy.grants(partnerWorker,
				facts(List.of(addictionCase), List.of(forUnit), List.of(), List.of()), TODAY, NOW);

		assertThat(named.categories()).containsOnlyKeys(InformationCategory.ADDICTION);
		assertThat(policy.noteGround(partnerWorker, named, addictionNote)).isNotNull();
		assertThat(notNamed.seesRecord()).isFalse();
		assertThat(policy.actingParty(partnerWorker, facts(List.of(), List.of(), List.of(), List.of()), TODAY))
			.isEqualTo(new Recipient(null, partner));
	}

	@Test
	void theActingPartyIsTheUnitInTheCaseWhenTheStaffMemberHasSeveral() {
		var twoUnits = staff(Set.of(Role.CASEWORKER), Set.of(jobCentre, addictionCentre), null);

		assertThat(policy.actingParty(twoUnits, facts(List.of(addictionCase), List.of(), List.of(), List.of()), TODAY))
			.isEqualTo(new Recipient(addictionCentre, null));
		assertThat(policy.actingParty(staff(Set.of(), Set.of(), null), facts(List.of(), List.of(), List.of(),
				List.of()), TODAY)).isNull();
	}

	private static StaffMember staff(Set<Role> roles, Set<UUID> units, UUID partnerId) {
		return new StaffMember(UUID.randomUUID(), UUID.randomUUID(), "syntetisk." + UUID.randomUUID(),
				"Syntetisk medarbejder", roles, units, partnerId);
	}

	private static AccessPolicy.Facts facts(List<Involvement> involvements, List<Consent> consents,
			List<LegalBasis> legalBases, List<EmergencyAccess> emergencies) {
		return new AccessPolicy.Facts(involvements, consents, legalBases, emergencies);
	}

	private static Note note(UUID unitId, InformationCategory category) {
		return new Note(UUID.randomUUID(), unitId, null, null, category, "Syntetisk notat", UUID.randomUUID(),
				"Syntetisk medarbejder", NOW.minus(3, ChronoUnit.DAYS));
	}

	private Consent consent(Set<InformationCategory> categories, UUID recipientUnit, UUID recordedFor,
			LocalDate givenOn, LocalDate expiresOn, Instant withdrawnAt) {
		return consent(categories, recipientUnit, recordedFor, givenOn, expiresOn, withdrawnAt,
				new Recipient(recipientUnit, null));
	}

	private static Consent consent(Set<InformationCategory> categories, UUID recipientUnit, UUID recordedFor,
			LocalDate givenOn, LocalDate expiresOn, Instant withdrawnAt, Recipient recipient) {
		return new Consent(UUID.randomUUID(), "Syntetisk formål", categories, List.of(recipient), givenOn, expiresOn,
				GivenHow.WRITTEN, UUID.randomUUID(), NOW.minus(10, ChronoUnit.DAYS), withdrawnAt,
				new Recipient(recordedFor, null), null, List.of(), withdrawnAt == null ? null : UUID.randomUUID(),
				null);
	}

	private static Consent withConfirmation(Consent c, String signedReference, List<Recipient> confirmedBy) {
		return new Consent(c.id(), c.purpose(), c.categories(), c.recipients(), c.givenOn(), c.expiresOn(),
				c.givenHow(), c.recordedBy(), c.recordedAt(), c.withdrawnAt(), c.recordedFor(), signedReference,
				confirmedBy, c.withdrawnBy(), c.withdrawalWords());
	}

	private static EmergencyAccess emergency(StaffMember staff, Instant grantedAt) {
		var unit = staff.unitIds().stream().findFirst().orElse(null);
		return new EmergencyAccess(UUID.randomUUID(), UUID.randomUUID(), staff.id(), unit, "Syntetisk begrundelse",
				grantedAt, grantedAt.plus(4, ChronoUnit.HOURS), null, null, null);
	}
}
