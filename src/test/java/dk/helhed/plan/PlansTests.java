package dk.helhed.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import dk.helhed.support.StaffFixture;
import dk.helhed.catalog.Services;
import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseUse;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.Registration;
import dk.helhed.citizen.internal.SharingBases;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.citizen.internal.SharingBases.NewConsent;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.plan.internal.PlanResource;
import dk.helhed.plan.internal.Plans;
import dk.helhed.plan.internal.Plans.Basics;
import dk.helhed.plan.internal.Plans.GoalType;
import dk.helhed.plan.internal.Plans.Offer;
import dk.helhed.plan.internal.Plans.Outcome;
import dk.helhed.plan.internal.Plans.Participation;

/**
 * The one shared plan, as the issue's scenario runs it: the job centre makes a plan with the citizen's goal, a
 * housing goal and a health goal, an action for Visitation & Understøttelse and one for itself (a catalog service
 * each), and a follow-up; the housing unit sees the housing goal and its own action but not the health goal, and
 * after the consent is withdrawn only its own action; the plan is ready only with the four contents of SEL § 141,
 * stk. 3; every change is a new version. Synthetic citizens only.
 */
@SpringBootTest
class PlansTests {

	static final UUID HOUSING = UUID.fromString("fd4b8dd3-5c4b-4257-8c13-ea045617d2f6"); // Varetage bolig
	static final UUID OWN_HEALTH = UUID.fromString("4a58417e-9a75-43f2-9763-66505050159f"); // Varetage egen sundhed
	static final UUID DRUGS = UUID.fromString("c8f4475a-8de3-4920-ad0c-eea78c49a68d"); // Rusmidler (not rated)
	static final UUID MILD = UUID.fromString("8328ce4a-6238-4f73-bf1a-74aadb68eff8");

	@Autowired
	StaffFixture demo;

	@Autowired
	CaseAccess gate;

	@Autowired
	Registration registration;

	@Autowired
	SharingBases sharing;

	@Autowired
	Plans plans;

	@Autowired
	Services services;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;


	UUID aabenraa() {
		return municipalities.getBySlug("aabenraa").id();
	}


	UUID service(UUID owningUnit) {
		return services.activeOf(aabenraa())
			.stream()
			.filter(s -> owningUnit.equals(s.owningUnitId()))
			.findFirst()
			.orElseThrow()
			.id();
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	Basics basics(Offer offer) {
		return new Basics("Jeg vil have mit eget sted og et arbejde.", "Egen bolig og job", "Boligsøgning og praktik",
				"Et år", "Ingen", offer, null, Participation.PRESENT, null, "Borgeren og to sagsbehandlere",
				today().plusMonths(3));
	}

	@Test
	void theIssuesScenario() {
		var cpr = String.format("%02d0691-%04d", 1 + (int) (Math.random() * 28), 1000 + (int) (Math.random() * 8999));
		var jobcenter = demo.staff("jobcenter");
		var boligsag = demo.staff("boligsag");
		var citizen = registration.registerIdentified(jobcenter, new NewCitizen(cpr, "Plan Testesen (syntetisk)", null, null,
				null, null)).id();
		// Visitation joins the case by the CPR number (its own involvement); the consent lets it see housing.
		registration.registerIdentified(boligsag, new NewCitizen(cpr, "Plan Testesen (syntetisk)", null, null, null, null));
		var consent = sharing.recordConsent(jobcenter, citizen, new NewConsent("Bolig og job",
				EnumSet.of(InformationCategory.HOUSING, InformationCategory.EMPLOYMENT),
				List.of(new Recipient(demo.unit("visitation"), null)), today(), today().plusMonths(6), GivenHow.WRITTEN));

		var view = gate.open(jobcenter, citizen, CaseUse.update(PlanResource.PLAN, null));
		plans.saveBasics(view, jobcenter, basics(Offer.OFFERED));
		assertThatThrownBy(() -> plans.markReady(view, jobcenter)).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("sagt ja");
		assertThatThrownBy(() -> plans.addGoal(view, jobcenter, DRUGS, MILD, GoalType.DEVELOP, "Drikke mindre",
				today().plusMonths(6), "Færre dage med alkohol")).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("aktivitet og deltagelse");
		var housingGoal = plans.addGoal(view, jobcenter, HOUSING, MILD, GoalType.DEVELOP, "Få en lejekontrakt",
				today().plusMonths(9), "Borgeren har en lejekontrakt");
		var healthGoal = plans.addGoal(view, jobcenter, OWN_HEALTH, MILD, GoalType.DEVELOP, "Drikke mindre",
				today().plusMonths(6), "Færre dage med alkohol");
		plans.addAction(view, jobcenter, housingGoal, demo.unit("visitation"), service(demo.unit("visitation")),
				"Hjælp til at søge bolig", today(), today().plusMonths(6));
		plans.addAction(view, jobcenter, healthGoal, demo.unit("jobcenteret"), null, "Samtaler om alkohol og job", today(),
				null);
		assertThatThrownBy(() -> plans.addAction(view, jobcenter, housingGoal, UUID.randomUUID(), null, "x", today(),
				null)).isInstanceOf(InvalidRequestException.class);
		plans.addFollowUp(view, jobcenter, today(), Outcome.CONTINUE, "Godt i gang.", today().plusMonths(2));
		plans.saveBasics(view, jobcenter, basics(Offer.ACCEPTED));
		plans.markReady(view, jobcenter);

		var own = plans.find(gate.open(jobcenter, citizen, CaseUse.read(PlanResource.PLAN)), null).orElseThrow();
		assertThat(own.ready()).isTrue();
		assertThat(own.goals()).hasSize(2);
		assertThat(own.basics().citizenGoal()).isEqualTo("Jeg vil have mit eget sted og et arbejde.");
		assertThat(own.nextFollowUp()).isEqualTo(today().plusMonths(2));
		assertThat(own.versions()).hasSize(8);
		assertThat(own.versions().getLast().item()).isEqualTo("Borgerens mål, formål og rammer");

		var housing = plans.find(gate.open(boligsag, citizen, CaseUse.read(PlanResource.PLAN)), null).orElseThrow();
		assertThat(housing.goals()).extracting(goal -> goal.goal().id()).containsExactly(housingGoal);
		assertThat(housing.goals().getFirst().actions()).extracting(action -> action.action().description())
			.containsExactly("Hjælp til at søge bolig");
		assertThat(housing.goals().getFirst().actions().getFirst().own()).isTrue();
		assertThat(housing.hiddenGoals()).isEqualTo(1);
		assertThat(housing.generalVisible()).isFalse();
		assertThat(housing.versions()).extracting(version -> version.item()).contains("Mål (skjult for dig)");

		sharing.withdrawConsent(jobcenter, citizen, consent, "Jeg vil ikke dele mere (syntetisk).");
		var after = plans.find(gate.open(boligsag, citizen, CaseUse.read(PlanResource.PLAN)), null).orElseThrow();
		assertThat(after.goals()).isEmpty();
		assertThat(after.ownActionsWithoutGoal()).extracting(action -> action.action().description())
			.containsExactly("Hjælp til at søge bolig");

		// An earlier version reads as it was.
		var first = plans.find(gate.open(jobcenter, citizen, CaseUse.read(PlanResource.PLAN)), 1).orElseThrow();
		assertThat(first.goals()).isEmpty();
		assertThat(first.basics().offer()).isEqualTo(Offer.OFFERED);

		// The audit log has one row for every read and change of the plan.
		var rows = jdbc.sql("select count(*) from audit_event where citizen_id = ? and resource = 'plan'")
			.param(citizen)
			.query(Integer.class)
			.single();
		assertThat(rows).isEqualTo(5);

		// "Mine borgere": the citizen is in both units' lists, with the plan's next follow-up; the list is one search row.
		long searches = jdbc.sql("select count(*) from audit_event where resource = 'my-citizens'").query(Long.class).single();
		assertThat(gate.ownCases(boligsag, PlanResource.MY_CITIZENS)).extracting(c -> c.id()).contains(citizen);
		assertThat(gate.ownCases(jobcenter, PlanResource.MY_CITIZENS)).extracting(c -> c.id()).contains(citizen);
		assertThat(plans.nextFollowUps(aabenraa(), List.of(citizen))).containsEntry(citizen, today().plusMonths(2));
		assertThat(jdbc.sql("select count(*) from audit_event where resource = 'my-citizens'").query(Long.class).single())
			.isEqualTo(searches + 2);
		assertThat(gate.ownCases(demo.staff("blaakors"), PlanResource.MY_CITIZENS)).extracting(c -> c.id())
			.doesNotContain(citizen);
	}

	@Test
	void aUnitThatOnlySeesThroughConsentCannotChangeThePlan() {
		var cpr = String.format("%02d0792-%04d", 1 + (int) (Math.random() * 28), 1000 + (int) (Math.random() * 8999));
		var jobcenter = demo.staff("jobcenter");
		var citizen = registration.registerIdentified(jobcenter, new NewCitizen(cpr, "Plan Andersen (syntetisk)", null,
				null, null, null)).id();
		sharing.recordConsent(jobcenter, citizen, new NewConsent("Bolig", EnumSet.of(InformationCategory.HOUSING),
				List.of(new Recipient(demo.unit("visitation"), null)), today(), today().plusMonths(6), GivenHow.WRITTEN));
		assertThatThrownBy(() -> gate.open(demo.staff("boligsag"), citizen, CaseUse.update(PlanResource.PLAN, null)))
			.isInstanceOf(AccessDeniedException.class);
	}
}
