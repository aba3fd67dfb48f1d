package dk.helhed.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import dk.helhed.support.StaffFixture;
import dk.helhed.audit.AuditEvent.Action;
import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.internal.Registration;
import dk.helhed.citizen.internal.SharingBases;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.citizen.internal.SharingBases.NewConsent;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.NotFoundException;

/**
 * The access gate as other modules call it: one decision and one audit row per call, a change only in an own case,
 * and grounds held by other modules (a live referral) added to the decision. Synthetic citizens only.
 */
@SpringBootTest
class CaseAccessTests {

	enum TestResource implements CaseResource {
		PLAN;

		@Override
		public String auditName() {
			return "plan";
		}
	}

	/** Stands for a module that holds a ground of its own, e.g. a live referral to the job centre. */
	static final class ReferralGrants implements CaseGrantSource {

		volatile UUID citizenId;

		volatile Recipient recipient;

		@Override
		public List<CaseGrant> grantsFor(UUID municipalityId, UUID citizenId, LocalDate today) {
			return citizenId.equals(this.citizenId)
					? List.of(new CaseGrant(recipient, Set.of(InformationCategory.HOUSING), Basis.REFERRAL, "ref-1"))
					: List.of();
		}
	}

	@TestConfiguration
	static class Grants {

		@Bean
		ReferralGrants referralGrants() {
			return new ReferralGrants();
		}
	}

	@Autowired
	StaffFixture demo;

	@Autowired
	CaseAccess gate;

	@Autowired
	Registration registration;

	@Autowired
	SharingBases sharing;

	@Autowired
	ReferralGrants referrals;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;



	long auditRows(UUID citizenId) {
		return jdbc.sql("select count(*) from audit_event where citizen_id = ?").param(citizenId).query(Long.class).single();
	}

	Citizen registered() {
		var cpr = String.format("%02d0486-%04d", 1 + (int) (Math.random() * 28), 1000 + (int) (Math.random() * 8999));
		var citizen = registration.registerIdentified(demo.staff("jobcenter"),
				new NewCitizen(cpr, "Gatetest Hansen (syntetisk)", null, null, null, null));
		return new Citizen(citizen.id());
	}

	record Citizen(UUID id) {
	}

	@Test
	void anOwnCaseSeesItsOwnAndWritesOneRow() {
		var citizen = registered();
		var before = auditRows(citizen.id());

		var view = gate.open(demo.staff("jobcenter"), citizen.id(), CaseUse.read(TestResource.PLAN));

		assertThat(view.ownCase()).isTrue();
		assertThat(view.party()).isEqualTo(new Recipient(demo.unit("jobcenteret"), null));
		assertThat(view.sees(InformationCategory.EMPLOYMENT, view.party())).isTrue();
		assertThat(view.sees(InformationCategory.ADDICTION, new Recipient(demo.unit("rusmiddelcenter"), null))).isFalse();
		assertThat(auditRows(citizen.id())).isEqualTo(before + 1);
		var row = jdbc.sql("select action, resource, basis, outcome from audit_event where citizen_id = ? order by occurred_at desc")
			.param(citizen.id())
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list()
			.getFirst();
		assertThat(row).containsExactly("READ", "plan", "OWN_CASE", "ALLOWED");
	}

	@Test
	void aConsentLetsAnotherUnitReadButNotChange() {
		var citizen = registered();
		var jobCentre = demo.staff("jobcenter");
		var consent = sharing.recordConsent(jobCentre, citizen.id(), new NewConsent("Hjælp til bolig (syntetisk)",
				Set.of(InformationCategory.HOUSING), List.of(new Recipient(demo.unit("visitation"), null)),
				LocalDate.now(clock), LocalDate.now(clock).plusYears(1), GivenHow.WRITTEN));
		var housing = demo.staff("boligsag");

		var view = gate.open(housing, citizen.id(), CaseUse.read(TestResource.PLAN));
		assertThat(view.ownCase()).isFalse();
		assertThat(view.groundFor(InformationCategory.HOUSING, new Recipient(demo.unit("jobcenteret"), null)))
			.contains(new CaseView.Ground(Basis.CONSENT, consent.toString()));
		assertThat(view.sees(InformationCategory.HEALTH, new Recipient(demo.unit("jobcenteret"), null))).isFalse();

		var before = auditRows(citizen.id());
		assertThatThrownBy(() -> gate.open(housing, citizen.id(), CaseUse.update(TestResource.PLAN, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(auditRows(citizen.id())).as("the refusal is logged").isEqualTo(before + 1);
	}

	@Test
	void aStrangerIsToldNothingAndTheRefusalIsLogged() {
		var citizen = registered();
		var before = auditRows(citizen.id());

		assertThatThrownBy(() -> gate.open(demo.staff("boligsag"), citizen.id(), CaseUse.read(TestResource.PLAN)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> gate.open(demo.staff("boligsag"), UUID.randomUUID(), CaseUse.read(TestResource.PLAN)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> gate.open(demo.staff("redaktoer"), citizen.id(), CaseUse.read(TestResource.PLAN)))
			.as("no case-work role")
			.isInstanceOf(AccessDeniedException.class);
		assertThat(auditRows(citizen.id())).isEqualTo(before + 1);
	}

	@Test
	void aGroundHeldByAnotherModuleCountsOnlyForItsRecipient() {
		var citizen = registered();
		referrals.citizenId = citizen.id();
		referrals.recipient = new Recipient(demo.unit("visitation"), null);
		try {
			var view = gate.open(demo.staff("boligsag"), citizen.id(), CaseUse.read(TestResource.PLAN));
			assertThat(view.groundFor(InformationCategory.HOUSING, new Recipient(demo.unit("jobcenteret"), null)))
				.contains(new CaseView.Ground(Basis.REFERRAL, "ref-1"));
			assertThat(view.sharedCategories()).containsOnly(InformationCategory.HOUSING);
			assertThatThrownBy(() -> gate.open(demo.staff("rusmiddel"), citizen.id(), CaseUse.read(TestResource.PLAN)))
				.isInstanceOf(NotFoundException.class);
		}
		finally {
			referrals.citizenId = null;
		}
	}

	@Test
	void theUseIsTyped() {
		assertThat(CaseUse.read(TestResource.PLAN).changes()).isFalse();
		assertThat(CaseUse.create(TestResource.PLAN).changes()).isTrue();
		assertThat(new CaseUse(Action.EXPORT, TestResource.PLAN, null).changes()).isFalse();
	}

	/**
	 * The recipient policy: what a consent or legal basis in force gives a unit or organisation, asked for the
	 * recipient itself (no staff member stands in for it); never criminal matters, which are each staff member's own
	 * permission; nothing after a withdrawal.
	 */
	@Test
	void whatARecipientIsCoveredForIsDecidedForTheRecipientItself() {
		var citizen = registered();
		var jobCentre = demo.staff("jobcenter");
		var municipality = jobCentre.municipalityId();
		var visitation = new Recipient(demo.unit("visitation"), null);
		var blaaKors = new Recipient(null, municipalities.partnersOf(municipality)
			.stream()
			.filter(partner -> partner.key().equals("blaa-kors"))
			.findFirst()
			.orElseThrow()
			.id());
		assertThat(gate.coveredFor(municipality, citizen.id(), visitation)).isEmpty();
		var consent = sharing.recordConsent(jobCentre, citizen.id(), new NewConsent("Bolig og økonomi (syntetisk)",
				Set.of(InformationCategory.HOUSING, InformationCategory.FINANCES, InformationCategory.CRIMINAL),
				List.of(visitation, blaaKors), LocalDate.now(clock), LocalDate.now(clock).plusYears(1),
				GivenHow.WRITTEN));
		var before = auditRows(citizen.id());

		assertThat(gate.coveredFor(municipality, citizen.id(), visitation))
			.containsExactlyInAnyOrder(InformationCategory.HOUSING, InformationCategory.FINANCES);
		assertThat(gate.coveredFor(municipality, citizen.id(), blaaKors))
			.containsExactlyInAnyOrder(InformationCategory.HOUSING, InformationCategory.FINANCES);
		assertThat(gate.coveredFor(municipality, citizen.id(), new Recipient(demo.unit("rusmiddelcenter"), null))).isEmpty();
		assertThat(gate.coveredFor(municipality, citizen.id(), new Recipient(demo.unit("jobcenteret"), null)))
			.as("the unit that recorded it is no recipient").isEmpty();
		assertThat(gate.coveredFor(municipality, UUID.randomUUID(), visitation)).isEmpty();
		assertThat(auditRows(citizen.id())).as("no audit row of its own").isEqualTo(before);

		sharing.withdrawConsent(jobCentre, citizen.id(), consent, "Borgeren vil ikke mere (syntetisk).");
		assertThat(gate.coveredFor(municipality, citizen.id(), visitation)).isEmpty();
	}
}
