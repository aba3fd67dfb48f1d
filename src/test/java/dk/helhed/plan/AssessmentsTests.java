package dk.helhed.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import dk.helhed.support.StaffFixture;
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
import dk.helhed.platform.NotFoundException;
import dk.helhed.plan.internal.Assessments;
import dk.helhed.plan.internal.Assessments.NewAssessment;
import dk.helhed.plan.internal.Assessments.RatingInput;
import dk.helhed.plan.internal.FfbTerms;
import dk.helhed.plan.internal.PlanResource;

/**
 * The whole picture: the job centre assesses a citizen's situation with the citizen's own words; the housing unit,
 * with a consent for housing, sees the housing sub-themes and not the addiction theme, and nothing once the consent
 * is withdrawn; the citizen's words are never overwritten; the trend and the difference of two assessments. Every
 * look goes through the gate and writes one audit row. Synthetic citizens only.
 */
@SpringBootTest
class AssessmentsTests {

	// FFB codes (version 20240530)
	static final UUID HOUSING = UUID.fromString("fd4b8dd3-5c4b-4257-8c13-ea045617d2f6"); // Varetage bolig
	static final UUID WORK = UUID.fromString("685e8517-2f5c-4ef8-a7c4-fa2d008fdd9d"); // Varetage beskæftigelse
	static final UUID DRUGS = UUID.fromString("c8f4475a-8de3-4920-ad0c-eea78c49a68d"); // Rusmidler
	static final UUID SEVERE = UUID.fromString("cae545f5-2813-4d79-98fc-0a7d770af3cd");
	static final UUID MODERATE = UUID.fromString("5bdde847-2837-416b-ab63-bbff8b7aa531");
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
	Assessments assessments;

	@Autowired
	FfbTerms terms;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;



	UUID registered() {
		var cpr = String.format("%02d0583-%04d", 1 + (int) (Math.random() * 28), 1000 + (int) (Math.random() * 8999));
		return registration.registerIdentified(demo.staff("jobcenter"),
				new NewCitizen(cpr, "Helhed Vurdering (syntetisk)", null, null, null, null)).id();
	}

	long auditRows(UUID citizenId, String resource) {
		return jdbc.sql("select count(*) from audit_event where citizen_id = ? and resource = ?")
			.params(citizenId, resource)
			.query(Long.class)
			.single();
	}

	UUID assess(UUID citizen, LocalDate day, UUID housingLevel, UUID workLevel) {
		var jobcenter = demo.staff("jobcenter");
		var view = gate.open(jobcenter, citizen, CaseUse.create(PlanResource.ASSESSMENT));
		return assessments.record(view, jobcenter, new NewAssessment(day, Map.of(
				HOUSING, new RatingInput(housingLevel, "Sover hos venner og har ingen lejekontrakt.",
						"Jeg vil have mit eget sted."),
				WORK, new RatingInput(workLevel, "Har ikke arbejdet i to år.", null),
				DRUGS, new RatingInput(null, "Drikker dagligt.", "Jeg drikker for meget.")),
				"Jeg har brug for ro.", "En bolig", "Er god med hænderne", "Søster i Sønderborg"));
	}

	@Test
	void theThemesAreDataWithTheirCategoryAndWhetherTheyAreRated() {
		var version = terms.currentVersion();
		assertThat(version).isEqualTo("20240530");
		var housing = terms.theme(version, HOUSING).orElseThrow();
		assertThat(housing.rated()).isTrue();
		assertThat(housing.category()).isEqualTo(InformationCategory.HOUSING);
		var drugs = terms.theme(version, DRUGS).orElseThrow();
		assertThat(drugs.rated()).as("Funktioner og forhold carries no level").isFalse();
		assertThat(drugs.category()).isEqualTo(InformationCategory.ADDICTION);
		assertThat(terms.themes(version)).filteredOn(theme -> !theme.isSubTheme()).hasSize(11);
		assertThat(terms.levels(version)).hasSize(6);
		assertThat(jdbc.sql("select count(*) from ffb_theme where version = ?").param(version).query(Integer.class)
			.single()).isEqualTo(terms.themes(version).size());
	}

	@Test
	void aUnitWithConsentForHousingSeesTheHousingThemeButNotTheAddictionThemeAndNothingAfterWithdrawal() {
		var citizen = registered();
		var assessment = assess(citizen, LocalDate.now(clock), SEVERE, MODERATE);
		var consent = sharing.recordConsent(demo.staff("jobcenter"), citizen, new NewConsent("Bolig",
				EnumSet.of(InformationCategory.HOUSING), List.of(new Recipient(demo.unit("visitation"), null)),
				LocalDate.now(clock), LocalDate.now(clock).plusMonths(6), GivenHow.WRITTEN));

		var own = assessments.find(gate.open(demo.staff("jobcenter"), citizen, CaseUse.read(PlanResource.ASSESSMENT)),
				assessment).orElseThrow();
		assertThat(own.ratings()).extracting(rating -> rating.theme().code()).containsExactlyInAnyOrder(HOUSING, WORK,
				DRUGS);
		assertThat(own.currentOverallWords().text()).isEqualTo("Jeg har brug for ro.");

		long before = auditRows(citizen, "assessment");
		var housingView = gate.open(demo.staff("boligsag"), citizen, CaseUse.read(PlanResource.ASSESSMENT));
		assertThat(auditRows(citizen, "assessment")).isEqualTo(before + 1);
		var shared = assessments.visible(housingView);
		assertThat(shared).hasSize(1);
		assertThat(shared.getFirst().ratings()).extracting(rating -> rating.theme().code()).containsExactly(HOUSING);
		assertThat(shared.getFirst().hiddenThemes()).isEqualTo(2);
		assertThat(shared.getFirst().generalVisible()).as("the general part is not housing").isFalse();
		assertThat(shared.getFirst().whatMatters()).isNull();
		assertThat(shared.getFirst().currentOverallWords()).isNull();

		sharing.withdrawConsent(demo.staff("jobcenter"), citizen, consent, "Jeg vil ikke dele mere (syntetisk).");
		assertThatThrownBy(() -> gate.open(demo.staff("boligsag"), citizen, CaseUse.read(PlanResource.ASSESSMENT)))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void onlyAnOwnCaseRecordsAnAssessmentAndFfbsRatingRuleHolds() {
		var citizen = registered();
		sharing.recordConsent(demo.staff("jobcenter"), citizen, new NewConsent("Bolig",
				EnumSet.of(InformationCategory.HOUSING), List.of(new Recipient(demo.unit("visitation"), null)),
				LocalDate.now(clock), LocalDate.now(clock).plusMonths(6), GivenHow.WRITTEN));
		assertThatThrownBy(() -> gate.open(demo.staff("boligsag"), citizen, CaseUse.create(PlanResource.ASSESSMENT)))
			.isInstanceOf(AccessDeniedException.class);

		var jobcenter = demo.staff("jobcenter");
		var view = gate.open(jobcenter, citizen, CaseUse.create(PlanResource.ASSESSMENT));
		assertThatThrownBy(() -> assessments.record(view, jobcenter, new NewAssessment(LocalDate.now(clock),
				Map.of(DRUGS, new RatingInput(SEVERE, null, null)), null, null, null, null)))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("aktivitet og deltagelse");
		assertThat(assessments.visible(view)).isEmpty();
	}

	@Test
	void theCitizensWordsAreNeverOverwrittenOnlyRevisedWithWhoAndWhen() {
		var citizen = registered();
		var assessment = assess(citizen, LocalDate.now(clock), SEVERE, MODERATE);
		var jobcenter = demo.staff("jobcenter");

		var change = gate.open(jobcenter, citizen, CaseUse.update(PlanResource.CITIZEN_WORDS, assessment));
		assessments.changeWords(change, jobcenter, assessment, HOUSING.toString(), "Jeg vil bo tæt på min søster.");
		assertThatThrownBy(() -> assessments.changeWords(change, jobcenter, assessment, HOUSING.toString(),
				"Jeg vil bo tæt på min søster.")).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> assessments.changeWords(change, jobcenter, assessment, "ikke-et-tema", "x"))
			.isInstanceOf(InvalidRequestException.class);

		var housing = assessments.find(change, assessment).orElseThrow().rating(HOUSING).orElseThrow();
		assertThat(housing.words()).extracting(words -> words.text())
			.containsExactly("Jeg vil have mit eget sted.", "Jeg vil bo tæt på min søster.");
		assertThat(housing.words()).extracting(words -> words.recordedBy()).containsOnly(jobcenter.id());
		assertThat(housing.currentWords().revision()).isEqualTo(2);
		assertThat(housing.description()).as("the professional's description is apart")
			.isEqualTo("Sover hos venner og har ingen lejekontrakt.");
	}

	@Test
	void severalAssessmentsShowTheTrendPerSubThemeAndTheirDifference() {
		var citizen = registered();
		var today = LocalDate.now(clock);
		var first = assess(citizen, today.minusMonths(6), SEVERE, MODERATE);
		var second = assess(citizen, today, MILD, MODERATE);
		var view = gate.open(demo.staff("jobcenter"), citizen, CaseUse.read(PlanResource.ASSESSMENT));

		var visible = assessments.visible(view);
		assertThat(visible).extracting(a -> a.id()).containsExactly(first, second);
		var trend = assessments.trend(visible);
		assertThat(trend.rows()).extracting(row -> row.theme().code()).containsExactly(WORK, HOUSING);
		var housing = trend.rows().stream().filter(row -> row.theme().code().equals(HOUSING)).findFirst().orElseThrow();
		assertThat(housing.first()).isEqualTo(3);
		assertThat(housing.last()).isEqualTo(1);

		var differences = assessments.differences(visible.get(0), visible.get(1));
		assertThat(differences).extracting(d -> d.theme().code()).containsExactly(HOUSING);
		assertThat(differences.getFirst().direction()).isEqualTo("better");
	}
}
