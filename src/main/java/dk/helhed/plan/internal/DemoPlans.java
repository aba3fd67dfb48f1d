package dk.helhed.plan.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import dk.helhed.catalog.Services;
import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseUse;
import dk.helhed.citizen.DemoCitizensCreated;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.plan.internal.Assessments.NewAssessment;
import dk.helhed.plan.internal.Assessments.RatingInput;
import dk.helhed.plan.internal.Plans.Basics;
import dk.helhed.plan.internal.Plans.GoalType;
import dk.helhed.plan.internal.Plans.Offer;
import dk.helhed.plan.internal.Plans.Outcome;
import dk.helhed.plan.internal.Plans.Participation;

/**
 * Demo data for the whole picture and the plan: Mads (synthetic) gets two assessments by the job centre half a year
 * apart, and a shared plan with his own goal, a housing goal with an action for Visitation & Understøttelse and a
 * job goal with an action for the job centre (a catalog service each), and a follow-up. Made through the gate, as a
 * caseworker would, when the citizen module has created its demo citizens.
 */
@Component
class DemoPlans {

	static final UUID HOUSING = UUID.fromString("fd4b8dd3-5c4b-4257-8c13-ea045617d2f6");
	static final UUID WORK = UUID.fromString("685e8517-2f5c-4ef8-a7c4-fa2d008fdd9d");
	static final UUID DRUGS = UUID.fromString("c8f4475a-8de3-4920-ad0c-eea78c49a68d");
	static final UUID NETWORK = UUID.fromString("4c082610-b122-4019-96f2-1061e287445e");
	static final UUID MILD = UUID.fromString("8328ce4a-6238-4f73-bf1a-74aadb68eff8");
	static final UUID MODERATE = UUID.fromString("5bdde847-2837-416b-ab63-bbff8b7aa531");
	static final UUID SEVERE = UUID.fromString("cae545f5-2813-4d79-98fc-0a7d770af3cd");

	private final CaseAccess gate;
	private final Assessments assessments;
	private final Plans plans;
	private final Services services;
	private final Municipalities municipalities;
	private final UserDetailsService accounts;
	private final Clock clock;

	DemoPlans(CaseAccess gate, Assessments assessments, Plans plans, Services services, Municipalities municipalities,
			UserDetailsService accounts, Clock clock) {
		this.gate = gate;
		this.assessments = assessments;
		this.plans = plans;
		this.services = services;
		this.municipalities = municipalities;
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener
	void on(DemoCitizensCreated created) {
		var mads = created.citizens().get("mads");
		if (mads == null) {
			return;
		}
		var jobcenter = staff("jobcenter");
		var today = LocalDate.now(clock);
		assess(jobcenter, mads, today.minusMonths(6), SEVERE, MODERATE, SEVERE,
				"Jeg sover hos en ven. Jeg vil have mit eget sted.");
		assess(jobcenter, mads, today.minusDays(7), MODERATE, MODERATE, MODERATE,
				"Jeg har fået en plads på listen. Nu vil jeg i gang med noget arbejde.");

		var municipalityId = created.municipalityId();
		var visitation = unit(municipalityId, "visitation");
		var jobCentre = unit(municipalityId, "jobcenteret");
		var view = gate.open(jobcenter, mads, CaseUse.update(PlanResource.PLAN, null));
		plans.saveBasics(view, jobcenter, new Basics("Jeg vil have mit eget sted og et arbejde, jeg kan klare.",
				"Mads får sin egen bolig og kommer i gang med arbejde.",
				"Hjælp til at søge bolig (Visitation & Understøttelse) og en praktik (Jobcenteret).", "Et år",
				"Mads går til samtaler i Rusmiddelcenteret; det er hans egen aftale.", Offer.ACCEPTED, null,
				Participation.PRESENT, null, "Mads, hans søster og sagsbehandleren fra Jobcenteret", today.plusMonths(1)));
		var housing = plans.addGoal(view, jobcenter, HOUSING, MILD, GoalType.DEVELOP,
				"Mads har sin egen bolig med en lejekontrakt.", today.plusMonths(9), "Mads har en lejekontrakt.");
		var work = plans.addGoal(view, jobcenter, WORK, MILD, GoalType.DEVELOP, "Mads er i praktik 15 timer om ugen.",
				today.plusMonths(6), "Mads møder op tre dage om ugen i fire uger i træk.");
		plans.addAction(view, jobcenter, housing, visitation, service(municipalityId, visitation),
				"Hjælp til at søge bolig og til at flytte ind.", today, today.plusMonths(9));
		plans.addAction(view, jobcenter, work, jobCentre, service(municipalityId, jobCentre),
				"Praktik i et værksted med en mentor.", today, today.plusMonths(6));
		plans.addFollowUp(view, jobcenter, today.minusDays(1), Outcome.CONTINUE,
				"Mads er godt i gang. Boligsøgningen fortsætter.", today.plusMonths(2));
		plans.markReady(view, jobcenter);
	}

	private void assess(StaffMember staff, UUID citizen, LocalDate day, UUID housing, UUID work, UUID network,
			String words) {
		var view = gate.open(staff, citizen, CaseUse.create(PlanResource.ASSESSMENT));
		assessments.record(view, staff, new NewAssessment(day, Map.of(
				HOUSING, new RatingInput(housing, "Har ingen fast bolig og sover hos en ven. (syntetisk)",
						"Jeg vil have mit eget sted."),
				WORK, new RatingInput(work, "Har ikke arbejdet i to år, men er god med hænderne. (syntetisk)",
						"Jeg vil gerne arbejde med noget praktisk."),
				NETWORK, new RatingInput(network, "Har kontakt med sin søster. (syntetisk)", null),
				DRUGS, new RatingInput(null, "Drikker det meste af ugen. (syntetisk)", "Jeg drikker for meget.")),
				words, "En bolig", "Er god med hænderne og hjælpsom", "Søster i Sønderborg"));
	}

	private UUID unit(UUID municipalityId, String key) {
		return municipalities.unitsOf(municipalityId)
			.stream()
			.filter(unit -> unit.key().equals(key))
			.findFirst()
			.orElseThrow()
			.id();
	}

	/** A service the unit owns in the catalog, or none. */
	private UUID service(UUID municipalityId, UUID unit) {
		return services.activeOf(municipalityId)
			.stream()
			.filter(service -> unit.equals(service.owningUnitId()))
			.findFirst()
			.map(Services.Summary::id)
			.orElse(null);
	}

	private StaffMember staff(String username) {
		var account = accounts.loadUserByUsername(username);
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null,
				account.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return CurrentStaff.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
