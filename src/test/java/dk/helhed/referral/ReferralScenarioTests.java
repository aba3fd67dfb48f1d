package dk.helhed.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditLog;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseGrant;
import dk.helhed.citizen.CaseGrantSource;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseUse;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.citizen.internal.SharingBases.NewConsent;
import dk.helhed.citizen.internal.Registration;
import dk.helhed.citizen.internal.SharingBases;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.referral.internal.Allocations;
import dk.helhed.referral.internal.Decisions.NewDecision;
import dk.helhed.referral.internal.Decisions;
import dk.helhed.referral.internal.PlaceWork;
import dk.helhed.referral.internal.ReferralMoves.Move;
import dk.helhed.referral.internal.ReferralWork.NewReferral;
import dk.helhed.referral.internal.ReferralWork;
import dk.helhed.support.StaffFixture;

/**
 * The scenario, as a new user would try it: the job centre refers a citizen to Visitation & Understøttelse
 * for Overgangsbolig, sharing housing and employment; Visitation sees the shared categories while the referral is
 * live, accepts, offers a free place, marks the referral completed with an outcome; the job centre sees the outcome
 * and closes the loop; the data-protection officer finds every step in the audit log. All citizens are synthetic.
 */
abstract class ReferralScenarioTests {

	@Autowired
	StaffFixture demo;

	@Autowired
	Registration registration;

	@Autowired
	SharingBases sharing;

	@Autowired
	CaseAccess caseAccess;

	@Autowired
	ReferralWork referrals;

	@Autowired
	PlaceWork places;

	@Autowired
	Allocations allocations;

	@Autowired
	Decisions decisions;

	@Autowired
	AuditLog auditLog;

	@Autowired
	Municipalities municipalities;

	@Autowired
	Catalogs catalogs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	static String syntheticCpr() {
		var serial = 1000 + (int) (Math.random() * 8999);
		var day = 1 + (int) (Math.random() * 28);
		return String.format("%02d0486-%04d", day, serial);
	}

	@Test
	void theJobCentreRefersVisitationOffersAPlaceAndTheLoopCloses() {
		var jobCentre = demo.staff("jobcenter");
		var housing = demo.staff("boligsag");
		var today = LocalDate.now(clock);
		var cpr = syntheticCpr();
		var citizen = registration.registerIdentified(jobCentre,
				new NewCitizen(cpr, "Henvist Hansen (syntetisk)", null, null, null, "dansk"));
		sharing.recordConsent(jobCentre, citizen.id(), new NewConsent("Bolig og job",
				Set.of(InformationCategory.EMPLOYMENT, InformationCategory.HOUSING),
				List.of(new Recipient(demo.unit("visitation"), null)), today, today.plusYears(1), GivenHow.WRITTEN));
		var flats = catalogs.of("aabenraa").service("overgangsbolig").orElseThrow();

		assertThatThrownBy(() -> referrals.send(jobCentre, new NewReferral(citizen.id(), flats.id(),
				demo.unit("visitation"), "Kan borgeren få en overgangsbolig?", today.plusDays(7),
				Set.of(InformationCategory.HEALTH), null)))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("samtykke");

		var referral = referrals.send(jobCentre, new NewReferral(citizen.id(), flats.id(), demo.unit("visitation"),
				"Kan borgeren få en overgangsbolig?", today.plusDays(7),
				Set.of(InformationCategory.HOUSING, InformationCategory.EMPLOYMENT), null));
		assertThat(referral.status()).isEqualTo(ReferralStatus.REQUESTED);

		var incoming = referrals.queue(housing, demo.unit("visitation"), true, null, null);
		assertThat(incoming.referrals()).extracting(ReferralStore_id()).contains(referral.id());
		assertThat(incoming.waitingForAnswer()).isPositive();

		var seen = referrals.read(housing, referral.id());
		assertThat(seen.moves()).extracting(row -> row.move()).contains(Move.ACCEPT, Move.REJECT);
		assertThatThrownBy(() -> referrals.move(jobCentre, referral.id(), Move.ACCEPT, null, null, 0))
			.isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("Du må ikke acceptere");

		var accepted = referrals.move(housing, referral.id(), Move.ACCEPT, null, null, 0);
		var started = referrals.move(housing, referral.id(), Move.START, null, null, accepted.version());
		assertThatThrownBy(() -> referrals.move(housing, referral.id(), Move.COMPLETE, null, "  ", started.version()))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("resultatet");

		// Visitation takes the citizen into its own case (by CPR) before it gives out a place
		registration.registerIdentified(housing, new NewCitizen(cpr, "Henvist Hansen (syntetisk)", null, null, null, null));
		int freeBefore = free(flats.id());
		var hold = places.offerPlace(housing, flats.id(), citizen.id());
		var occupancy = places.moveIn(housing, hold.id(), today.plusMonths(6));
		assertThat(free(flats.id())).isEqualTo(freeBefore - 1);

		var decision = decisions.decide(housing, new NewDecision(citizen.id(), flats.id(), referral.id(),
				Decisions.Outcome.GRANTED, "SEL-107", "En overgangsbolig i op til seks måneder med CTI-støtte.",
				"Du har ingen bolig og har brug for støtte for at finde en fast bolig."));
		assertThat(decision.complaintDeadline()).as("nothing to complain about when all is granted").isNull();
		var letter = decisions.letter(housing, decision.id());
		assertThat(letter.legalText()).contains("§ 107");
		var pdf = decisions.pdf(letter);
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		var completed = referrals.move(housing, referral.id(), Move.COMPLETE, null,
				"Borgeren er flyttet ind i en overgangsbolig.", started.version());
		assertThat(completed.status()).isEqualTo(ReferralStatus.COMPLETED);
		assertThat(completed.loopOpen()).isTrue();
		assertThat(referrals.queue(jobCentre, demo.unit("jobcenteret"), false, null, null).loopNotClosed()).isPositive();

		var seenBySender = referrals.read(jobCentre, referral.id());
		assertThat(seenBySender.referral().outcome()).isEqualTo("Borgeren er flyttet ind i en overgangsbolig.");
		var closed = referrals.closeLoop(jobCentre, referral.id());
		assertThat(closed.loopOpen()).isFalse();
		assertThat(referrals.read(jobCentre, referral.id()).history()).extracting(entry -> entry.move())
			.containsExactly("SEND", "ACCEPT", "START", "COMPLETE", "CLOSE_LOOP");
		var times = referrals.times(housing, demo.unit("visitation"));
		assertThat(times.answered()).isPositive();
		assertThat(times.toFirstAnswer()).isNotNull();

		// the ground the referral gave ends with it: another unit's staff in Visitation without their own case would
		// no longer see the shared categories through it
		assertThat(caseAccess.open(housing, citizen.id(), CaseUse.read(ReferralResource.REFERRAL)).ownCase()).isTrue();

		var log = auditLog.search(new AuditLog.Query(jobCentre.municipalityId(), citizen.id(), null, null, null, null,
				200));
		assertThat(log).extracting(AuditEvent::resource)
			.anyMatch(resource -> resource != null && resource.startsWith("afgørelse"))
			.anyMatch(resource -> resource != null && resource.startsWith("henvisning"))
			.anyMatch(resource -> resource != null && resource.startsWith("plads"));
		assertThat(log).filteredOn(event -> event.outcome() == AuditEvent.Outcome.REFUSED)
			.extracting(AuditEvent::actorName)
			.contains("jobcenter");
		assertThat(log).filteredOn(event -> "boligsag".equals(event.actorName()) && event.resource() != null
				&& event.resource().equals("henvisning " + referral.id()) && event.outcome() == AuditEvent.Outcome.ALLOWED)
			.extracting(AuditEvent::basis)
			.as("the receiver reads on the consent the referral was shared under (or the referral), then in its own case")
			.contains(AuditEvent.Basis.CONSENT)
			.allMatch(basis -> basis == AuditEvent.Basis.CONSENT || basis == AuditEvent.Basis.REFERRAL
					|| basis == AuditEvent.Basis.OWN_CASE);

		allocations.end(jobCentre.municipalityId(), occupancy.id(), "TEST_CLEANUP");
	}

	@Test
	void aRefusalHasReasonsAndTellsTheCitizenHowToComplainInPlainDanish() {
		var housing = demo.staff("boligsag");
		var citizen = registration.registerIdentified(housing,
				new NewCitizen(syntheticCpr(), "Afvist Andersen (syntetisk)", null, null, null, "dansk"));
		var flats = catalogs.of("aabenraa").service("overgangsbolig").orElseThrow();
		assertThatThrownBy(() -> decisions.decide(housing, new NewDecision(citizen.id(), flats.id(), null,
				Decisions.Outcome.REFUSED, "SEL-999", null, "Begrundelse.")))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("lovgrundlaget");
		assertThatThrownBy(() -> decisions.decide(demo.staff("jobcenter"), new NewDecision(citizen.id(), flats.id(), null,
				Decisions.Outcome.REFUSED, "SEL-107", null, "Begrundelse.")))
			.as("the gate comes first: the job centre does not see the citizen")
			.isInstanceOf(NotFoundException.class);
		var decision = decisions.decide(housing, new NewDecision(citizen.id(), flats.id(), null,
				Decisions.Outcome.REFUSED, "SEL-107", null, "Du har en lejebolig, som du kan bo i."));
		assertThat(decision.complaintDeadline()).isEqualTo(LocalDate.now(clock).plusWeeks(4));
		var letter = decisions.letter(housing, decision.id());
		assertThat(letter.complaintText()).contains("Ankestyrelsen").contains("4 uger");
		double lix = dk.helhed.support.Lix.of(letter.fixedText());
		System.out.printf("Decision letter (refusal), fixed text: LIX %.1f%n", lix);
		assertThat(lix).isLessThanOrEqualTo(45);
		assertThat(decisions.legalReferences(LocalDate.now(clock))).extracting(Decisions.LegalReference::paragraph)
			.contains("§ 85", "§ 85 a", "§ 101", "§ 107", "§ 108", "§ 110");
		assertThat(decisions.legalReferences(LocalDate.of(2025, 1, 1))).as("not in force before their valid-from date")
			.isEmpty();
	}

	@Test
	void theReceiverSeesTheSharedCategoriesOnlyWhileTheReferralIsLive() {
		var jobCentre = demo.staff("jobcenter");
		var housing = demo.staff("boligsag");
		var today = LocalDate.now(clock);
		var citizen = registration.registerIdentified(jobCentre,
				new NewCitizen(syntheticCpr(), "Levende Larsen (syntetisk)", null, null, null, "dansk"));
		var flats = catalogs.of("aabenraa").service("overgangsbolig").orElseThrow();
		// a legal basis covers employment for Visitation; no consent
		sharing.recordConsent(jobCentre, citizen.id(), new NewConsent("Job",
				Set.of(InformationCategory.EMPLOYMENT), List.of(new Recipient(demo.unit("visitation"), null)), today,
				today.plusYears(1), GivenHow.WRITTEN));
		// the hook the plan uses: an action of the plan becomes a referral
		var planAction = UUID.randomUUID();
		var referralId = referrals.refer(jobCentre, new Referrals.Request(citizen.id(), flats.id(), demo.unit("visitation"),
				"Bolig?", null, Set.of(InformationCategory.EMPLOYMENT), planAction));
		var referral = referrals.read(jobCentre, referralId).referral();
		assertThat(referral.planActionId()).isEqualTo(planAction);
		var view = caseAccess.open(housing, citizen.id(), CaseUse.read(ReferralResource.REFERRAL));
		assertThat(view.sharedCategories()).contains(InformationCategory.EMPLOYMENT);
		assertThat(referralGrants(citizen.id(), referral.id()))
			.filteredOn(grant -> !grant.categories().isEmpty())
			.singleElement()
			.satisfies(grant -> {
			assertThat(grant.recipient()).isEqualTo(new Recipient(demo.unit("visitation"), null));
			assertThat(grant.categories()).containsExactly(InformationCategory.EMPLOYMENT);
			assertThat(grant.basis()).isEqualTo(AuditEvent.Basis.REFERRAL);
		});

		assertThatThrownBy(() -> referrals.move(housing, referral.id(), Move.REJECT, "NO_SUCH_REASON", null, 0))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("årsag");
		referrals.move(housing, referral.id(), Move.REJECT, "NOT_TARGET_GROUP", null, 0);
		assertThat(referralGrants(citizen.id(), referral.id())).as("no category once the referral has ended; both sides"
				+ " keep a ground for the referral itself (its status and history)")
			.allSatisfy(grant -> assertThat(grant.categories()).isEmpty())
			.extracting(CaseGrant::recipient)
			.containsExactlyInAnyOrder(new Recipient(demo.unit("visitation"), null),
					new Recipient(demo.unit("jobcenteret"), null));
		var after = caseAccess.open(housing, citizen.id(), CaseUse.read(ReferralResource.REFERRAL));
		assertThat(after.categories().values()).noneMatch(ground -> ground.basis() == AuditEvent.Basis.REFERRAL);
		assertThatThrownBy(() -> referrals.move(housing, referral.id(), Move.ACCEPT, null, null, 1))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("kan ikke få handlingen");
		assertThatThrownBy(() -> referrals.read(demo.staff("rusmiddel"), referral.id()))
			.isInstanceOf(NotFoundException.class);
	}

	private static java.util.function.Function<dk.helhed.referral.internal.ReferralStore.Referral, UUID> ReferralStore_id() {
		return dk.helhed.referral.internal.ReferralStore.Referral::id;
	}

	@Autowired
	List<CaseGrantSource> grantSources;

	private List<CaseGrant> referralGrants(UUID citizenId, UUID referralId) {
		return grantSources.stream()
			.flatMap(source -> source.grantsFor(municipalities.getBySlug("aabenraa").id(), citizenId,
					LocalDate.now(clock)).stream())
			.filter(grant -> referralId.toString().equals(grant.reference()))
			.toList();
	}

	private int free(UUID serviceId) {
		return (int) allocations.placesOf(municipalities.getBySlug("aabenraa").id(), serviceId)
			.stream()
			.filter(place -> place.state() == Allocations.State.FREE)
			.count();
	}
}
