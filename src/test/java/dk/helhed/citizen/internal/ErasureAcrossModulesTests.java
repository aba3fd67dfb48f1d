package dk.helhed.citizen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import dk.helhed.support.StaffFixture;
import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditLog;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.LegalBasisCode;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseUse;
import dk.helhed.citizen.CitizenRecordErased;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.citizen.internal.SharingBases.NewConsent;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.plan.internal.Assessments;
import dk.helhed.plan.internal.Assessments.NewAssessment;
import dk.helhed.plan.internal.Assessments.RatingInput;
import dk.helhed.plan.internal.PlanResource;
import dk.helhed.plan.internal.Plans;
import dk.helhed.plan.internal.Plans.Basics;
import dk.helhed.plan.internal.Plans.GoalType;
import dk.helhed.plan.internal.Plans.Offer;
import dk.helhed.plan.internal.Plans.Outcome;
import dk.helhed.plan.internal.Plans.Participation;
import dk.helhed.referral.internal.Decisions;
import dk.helhed.referral.internal.Decisions.NewDecision;
import dk.helhed.referral.internal.PlaceStore.Urgency;
import dk.helhed.referral.internal.PlaceWork;
import dk.helhed.referral.internal.ReferralMoves.Move;
import dk.helhed.referral.internal.ReferralWork;
import dk.helhed.referral.internal.ReferralWork.NewReferral;
import dk.helhed.support.SyntheticCpr;

/**
 * Erasing a citizen's record is all or nothing across the modules (security.md item 11). A citizen is given data in
 * every module through the services staff use; after the erasure no table the database catalog shows with a column
 * for a citizen (a {@code citizen_id}, a {@code ..._citizen_id}, or a foreign key to {@code citizen}) has a row left
 * for them, so a module added later that forgets to listen for {@link CitizenRecordErased} fails here. Only the audit
 * log keeps the citizen's id, for its own period (item 9), and the citizen's row stays, anonymised. A module that fails
 * to erase rolls the whole erasure back. Runs on H2 and on PostgreSQL. All citizens are synthetic.
 */
@Import(ErasureAcrossModulesTests.FailingModule.class)
abstract class ErasureAcrossModulesTests {

	/** Tables that keep the citizen's id after the erasure, and why. */
	static final Map<String, String> KEPT = Map.of("audit_event", "the audit log is kept for its own period",
			"audit_search_hit", "part of the audit log", "unattributed_audit_event",
			"the audit rows no municipality owns (failed logins), which never name a citizen", "citizen",
			"the anonymised row itself, checked on its own");

	@Autowired
	StaffFixture demo;

	@Autowired
	Registration registration;

	@Autowired
	NoteWriting noteWriting;

	@Autowired
	SharingBases sharing;

	@Autowired
	EmergencyWork emergencyWork;

	@Autowired
	Closing closing;

	@Autowired
	CaseAccess gate;

	@Autowired
	Assessments assessments;

	@Autowired
	Plans plans;

	@Autowired
	ReferralWork referrals;

	@Autowired
	Decisions decisions;

	@Autowired
	PlaceWork places;

	@Autowired
	Retention retention;

	@Autowired
	Catalogs catalogs;

	@Autowired
	Municipalities municipalities;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;



	UUID service(String key) {
		return catalogs.of("aabenraa").service(key).orElseThrow().id();
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	@Test
	void anErasedCitizenLeavesNoRowInAnyModule() {
		var citizen = citizenWithDataInEveryModule("Slettes Sørensen (syntetisk)");
		var columns = citizenColumns();
		System.out.println("Tables that name a citizen: " + columns);
		assertThat(columns).as("the catalog shows the citizen columns of every module")
			.containsKeys("involvement", "case_note", "case_notice", "assessment", "shared_plan", "referral",
					"decision", "waiting_list_entry", "place_allocation");
		assertThat(columns.keySet()).as("participation holds nothing tied to a case record")
			.noneMatch(table -> table.startsWith("participation"));
		assertThat(rowsFor(citizen, columns)).as("the citizen has data in every table that can hold some")
			.allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
		var referralLinks = referralLinks(citizen);
		int freeBefore = free(service("overgangsbolig"));

		var outcome = retention.run();

		assertThat(outcome.failed()).isZero();
		assertThat(outcome.citizensAnonymised()).isPositive();
		assertThat(rowsFor(citizen, columns)).as("no row left for the erased citizen")
			.allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
		assertThat(jdbc.sql("""
				select status, cpr_hash, cpr_encrypted, name, phone, email, address, closed_reason from citizen
				where id = ?""")
			.param(citizen)
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
					+ "|" + rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getString(7) + "|" + rs.getString(8))
			.single()).isEqualTo("ANONYMISED|null|null|null|null|null|null|null");
		assertThat(referralLinks).isNotEmpty();
		assertThat(jdbc.sql("select count(*) from unit_notification where link in (:links)")
			.param("links", referralLinks)
			.query(Integer.class)
			.single()).as("no message points at a referral that is gone").isZero();
		assertThat(jdbc.sql("""
				select count(*) from place_allocation
				where citizen_id is null and kind = 'OCCUPANCY' and status = 'ENDED' and end_reason = 'RECORD_ERASED'
				  and started_at is not null and ended_at is not null and rule_inputs is null and created_by is null""")
			.query(Integer.class)
			.single()).as("the place's history keeps that it was occupied from–to, by nobody known").isPositive();
		assertThat(free(service("overgangsbolig"))).as("the occupancy ended at the erasure").isEqualTo(freeBefore + 1);
		assertThat(auditLog.search(new AuditLog.Query(demo.staff("jobcenter").municipalityId(), citizen, null,
				AuditEvent.Action.DELETE, null, null, 10)))
			.extracting(AuditEvent::resource)
			.contains("citizen anonymised");
	}

	@Test
	void aModuleThatFailsToEraseRollsTheWholeErasureBack() {
		var citizen = citizenWithDataInEveryModule("Fejler Frederiksen (syntetisk)");
		var columns = citizenColumns();
		var before = rowsFor(citizen, columns);
		FailingModule.FAIL_FOR.add(citizen);
		try {
			var outcome = retention.run();
			assertThat(outcome.failed()).isEqualTo(1);
		}
		finally {
			FailingModule.FAIL_FOR.remove(citizen);
		}
		assertThat(FailingModule.SEEN.get(citizen)).as("the citizen module had anonymised the row when it failed")
			.isEqualTo("ANONYMISED");
		assertThat(rowsFor(citizen, columns)).as("every module's rows are back").isEqualTo(before);
		assertThat(jdbc.sql("select status, name from citizen where id = ?")
			.param(citizen)
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2))
			.single()).isEqualTo("CLOSED|Fejler Frederiksen (syntetisk)");
		assertThat(auditLog.search(new AuditLog.Query(demo.staff("jobcenter").municipalityId(), citizen, null,
				AuditEvent.Action.DELETE, null, null, 10)))
			.extracting(AuditEvent::resource)
			.doesNotContain("citizen anonymised");

		var again = retention.run();
		assertThat(again.failed()).as("tried again the next night, it succeeds").isZero();
		assertThat(rowsFor(citizen, columns)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
	}

	/**
	 * A citizen whose record closed long ago, with something in every module: the case (involvement, notes, consent,
	 * a legal basis, emergency access, a notice, an ended retention hold), the whole picture and the plan, a referral,
	 * a decision, a place offered and moved into, and a place on a waiting list.
	 */
	UUID citizenWithDataInEveryModule(String name) {
		var jobCentre = demo.staff("jobcenter");
		var housing = demo.staff("boligsag");
		var lead = demo.staff("teamleder");
		var today = today();
		var cpr = SyntheticCpr.random();
		var citizen = registration.registerIdentified(jobCentre, new NewCitizen(cpr, name, "12345678",
				"syntetisk@example.invalid", "Testvej 1 (syntetisk)", "dansk")).id();
		noteWriting.writeNote(jobCentre, citizen, InformationCategory.EMPLOYMENT, "Søger job (syntetisk).", null);
		sharing.recordConsent(jobCentre, citizen, new NewConsent("Bolig og job (syntetisk)",
				Set.of(InformationCategory.EMPLOYMENT, InformationCategory.HOUSING),
				List.of(new Recipient(demo.unit("visitation"), null)), today, today.plusYears(1), GivenHow.WRITTEN));

		var assessment = gate.open(jobCentre, citizen, CaseUse.create(PlanResource.ASSESSMENT));
		assessments.record(assessment, jobCentre, new NewAssessment(today, Map.of(DemoThemes.HOUSING,
				new RatingInput(DemoThemes.SEVERE, "Sover hos venner (syntetisk).", "Jeg vil have en bolig.")),
				"Jeg vil klare mig selv.", null, null, null));
		var plan = gate.open(jobCentre, citizen, CaseUse.update(PlanResource.PLAN, null));
		plans.saveBasics(plan, jobCentre, new Basics("Jeg vil have mit eget sted.", "Egen bolig", "Boligsøgning",
				"Et år", null, Offer.ACCEPTED, null, Participation.PRESENT, null, "Borgeren (syntetisk)",
				today.plusMonths(1)));
		var goal = plans.addGoal(plan, jobCentre, DemoThemes.HOUSING, DemoThemes.MILD, GoalType.DEVELOP,
				"Få en lejekontrakt", today.plusMonths(6), "Kontrakten er underskrevet");
		plans.addAction(plan, jobCentre, goal, demo.unit("jobcenteret"), null, "Boligsøgning med borgeren", today,
				today.plusMonths(3));
		plans.addFollowUp(plan, jobCentre, today, Outcome.CONTINUE, "Godt i gang (syntetisk).", today.plusMonths(2));

		var flats = service("overgangsbolig");
		var referral = referrals.send(jobCentre, new NewReferral(citizen, flats, demo.unit("visitation"),
				"Kan borgeren få en overgangsbolig? (syntetisk)", today.plusDays(7),
				Set.of(InformationCategory.HOUSING, InformationCategory.EMPLOYMENT), null));
		var accepted = referrals.move(housing, referral.id(), Move.ACCEPT, null, null, referral.version());
		referrals.move(housing, referral.id(), Move.START, null, null, accepted.version());
		emergencyWork.emergencyAccess(housing, citizen,
				"Borgeren er i akut krise, og vi skal kende boligsagen nu (syntetisk test).");
		// Visitation takes the citizen into its own case by CPR (a notice to the job centre), then gives a place
		registration.registerIdentified(housing, new NewCitizen(cpr, name, null, null, null, null));
		noteWriting.writeNote(housing, citizen, InformationCategory.HOUSING, "Husvild (syntetisk).", null);
		sharing.recordLegalBasis(lead, citizen, LegalBasisCode.RETSPLEJELOVEN_115,
				Set.of(InformationCategory.HOUSING), new Recipient(demo.unit("jobcenteret"), null), today.plusMonths(3));
		var hold = places.offerPlace(housing, flats, citizen);
		places.moveIn(housing, hold.id(), today.plusMonths(6));
		decisions.decide(housing, new NewDecision(citizen, flats, referral.id(), Decisions.Outcome.GRANTED, "SEL-107",
				"En overgangsbolig (syntetisk).", "Du har ingen bolig (syntetisk)."));
		places.putOnWaitingList(housing, service("botilbud-bjerggade"), citizen, Urgency.HIGH, today.minusDays(3));
		jdbc.sql("""
				insert into retention_hold (id, municipality_id, citizen_id, reason_code, until, recorded_by, recorded_at)
				values (?, ?, ?, 'KLAGESAG', ?, ?, ?)""")
			.params(UUID.randomUUID(), jobCentre.municipalityId(), citizen, today.minusDays(1), lead.id(),
					OffsetDateTime.now(clock))
			.update();

		closing.closeRecord(lead, citizen, "Borgeren er flyttet (syntetisk).");
		// the record closed so long ago that every retention period (at most 100 years) has ended
		jdbc.sql("update citizen set closed_on = ? where id = ?").params(today.minusYears(101), citizen).update();
		return citizen;
	}

	/**
	 * Every column of every table that names a citizen, read from the database catalog: columns called
	 * {@code citizen_id} or ending in {@code _citizen_id}, and columns of foreign keys to the {@code citizen} table.
	 */
	Map<String, Set<String>> citizenColumns() {
		Map<String, Set<String>> columns = new TreeMap<>();
		jdbc.sql("""
				select lower(table_name), lower(column_name) from information_schema.columns
				where lower(table_schema) = 'public'
				  and (lower(column_name) = 'citizen_id' or lower(column_name) like '%\\_citizen\\_id' escape '\\')""")
			.query((rs, n) -> columns.computeIfAbsent(rs.getString(1), table -> new TreeSet<>()).add(rs.getString(2)))
			.list();
		jdbc.sql("""
				select lower(k.table_name), lower(k.column_name)
				from information_schema.referential_constraints r
				join information_schema.table_constraints u
				  on u.constraint_schema = r.unique_constraint_schema and u.constraint_name = r.unique_constraint_name
				join information_schema.key_column_usage k
				  on k.constraint_schema = r.constraint_schema and k.constraint_name = r.constraint_name
				where lower(u.table_name) = 'citizen' and lower(k.column_name) <> 'municipality_id'
				  and lower(k.table_schema) = 'public'""")
			.query((rs, n) -> columns.computeIfAbsent(rs.getString(1), table -> new TreeSet<>()).add(rs.getString(2)))
			.list();
		KEPT.keySet().forEach(columns::remove);
		return columns;
	}

	/** For each table, its rows that name the citizen in any of its citizen columns. */
	Map<String, Integer> rowsFor(UUID citizen, Map<String, Set<String>> columns) {
		Map<String, Integer> rows = new TreeMap<>();
		columns.forEach((table, names) -> {
			var where = new ArrayList<String>();
			names.forEach(column -> where.add(column + " = :citizen"));
			rows.put(table, jdbc.sql("select count(*) from " + table + " where " + String.join(" or ", where))
				.param("citizen", citizen)
				.query(Integer.class)
				.single());
		});
		return rows;
	}

	List<String> referralLinks(UUID citizen) {
		return jdbc.sql("select id from referral where citizen_id = ?")
			.param(citizen)
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> "/personale/henvisninger/" + id)
			.toList();
	}

	int free(UUID serviceId) {
		return jdbc.sql("""
				select count(*) from place p where p.service_id = ? and p.closed_at is null
				  and not exists (select 1 from place_allocation a where a.active_place_id = p.id)""")
			.param(serviceId)
			.query(Integer.class)
			.single();
	}

	/** FFB codes the demo data uses (the same reference data as in {@code plan/internal/DemoPlans}). */
	static final class DemoThemes {

		static final UUID HOUSING = UUID.fromString("fd4b8dd3-5c4b-4257-8c13-ea045617d2f6");
		static final UUID MILD = UUID.fromString("8328ce4a-6238-4f73-bf1a-74aadb68eff8");
		static final UUID SEVERE = UUID.fromString("cae545f5-2813-4d79-98fc-0a7d770af3cd");

		private DemoThemes() {
		}
	}

	/**
	 * A module that cannot erase what it holds for the citizens the test names: it fails inside the erasure's
	 * transaction, after the citizen module has anonymised the row, and records what it saw.
	 */
	static class FailingModule {

		static final Set<UUID> FAIL_FOR = ConcurrentHashMap.newKeySet();
		static final Map<UUID, String> SEEN = new ConcurrentHashMap<>();

		private final JdbcClient jdbc;

		FailingModule(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@EventListener
		@Order(Ordered.LOWEST_PRECEDENCE)
		void on(CitizenRecordErased event) {
			if (!FAIL_FOR.contains(event.citizenId())) {
				return;
			}
			SEEN.put(event.citizenId(), jdbc.sql("select status from citizen where id = ?")
				.param(event.citizenId())
				.query(String.class)
				.single());
			throw new IllegalStateException("This module could not erase the citizen (test)");
		}
	}
}
