package dk.helhed.catalog.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.convention.TestBean;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.CatalogEditing.Conflict;
import dk.helhed.catalog.internal.CatalogEditing.Proposed;
import dk.helhed.catalog.internal.CatalogEditing.Saved;
import dk.helhed.catalog.internal.CatalogEditing.Unchanged;
import dk.helhed.catalog.internal.CatalogEditing;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.catalog.internal.ChangeRequests;
import dk.helhed.catalog.internal.ServiceHistory.Action;
import dk.helhed.catalog.internal.ServiceHistory;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.platform.RuleViolation;
import dk.helhed.support.StaffFixture;

/**
 * Editors keep the catalog true: direct edits, proposals from unit editors, decisions, verification, free places,
 * and two editors saving the same service. Runs on H2 and on PostgreSQL.
 */
abstract class CatalogEditingTests {

	@Autowired
	StaffFixture demo;

	/** Mid February 2027: the catalog edition of July 2026 is due for its six-monthly review. */
	static final Instant NOW = Instant.parse("2027-02-15T09:00:00Z");

	@TestBean(name = "clock", methodName = "dk.helhed.catalog.editing.CatalogEditingTests#februaryClock")
	Clock clock;

	static Clock februaryClock() {
		return Clock.fixed(NOW, ZoneId.of("Europe/Copenhagen"));
	}

	@Autowired
	CatalogEditing editing;

	@Autowired
	Catalogs catalogs;

	@Autowired
	ServiceHistory history;

	@Autowired
	ChangeRequests changeRequests;

	Service service(String key) {
		return catalogs.of("aabenraa").service(key).orElseThrow();
	}

	@Test
	void catalogEditorSavesDirectlyAndEveryFieldIsInTheHistory() {
		var editor = demo.staff("redaktoer");
		var before = service("fuldtraefferen");

		var outcome = editing.edit(editor, before.id(), before.version(),
				ServiceContent.of(before).summary("Varm mad og fællesskab i Aabenraa.").scheduleNote("Lukket i juli.").build());

		assertThat(outcome).isInstanceOf(Saved.class);
		var after = service("fuldtraefferen");
		assertThat(after.summary()).isEqualTo("Varm mad og fællesskab i Aabenraa.");
		assertThat(after.version()).isGreaterThan(before.version());
		var rows = history.of(editor.municipalityId(), before.id());
		assertThat(rows).extracting(ServiceHistory.Entry::fieldName).contains("summary", "schedule_note");
		assertThat(rows).filteredOn(row -> "summary".equals(row.fieldName()))
			.singleElement()
			.satisfies(row -> {
				assertThat(row.previousValue()).isEqualTo(before.summary());
				assertThat(row.replacementValue()).isEqualTo("Varm mad og fællesskab i Aabenraa.");
				assertThat(row.changedByName()).isEqualTo("Demo Katalogredaktør");
				assertThat(row.action()).isEqualTo(Action.UPDATED);
			});
	}

	@Test
	void savingWithoutChangesChangesNothing() {
		var before = service("socialtandpleje");
		assertThat(editing.edit(demo.staff("redaktoer"), before.id(), before.version(), before.content()))
			.isInstanceOf(Unchanged.class);
		assertThat(service("socialtandpleje").version()).isEqualTo(before.version());
	}

	@Test
	void aUnitEditorsChangeWaitsForApproval() {
		var unitEditor = demo.staff("visitation");
		var before = service("overgangsbolig");

		var outcome = editing.edit(unitEditor, before.id(), before.version(),
				ServiceContent.of(before).scheduleNote("Ring før kl. 12.").firstStep("Ring til Team Borgerindgang.").build());

		assertThat(outcome).isInstanceOf(Proposed.class);
		assertThat(service("overgangsbolig").scheduleNote()).isEqualTo(before.scheduleNote());
		var request = ((Proposed) outcome).request();
		assertThat(request.summary()).contains("first_step", "schedule_note");

		var approved = editing.approve(demo.staff("redaktoer"), request.id());

		assertThat(approved).isInstanceOf(Saved.class);
		assertThat(service("overgangsbolig").scheduleNote()).isEqualTo("Ring før kl. 12.");
		assertThat(history.of(unitEditor.municipalityId(), before.id()))
			.filteredOn(row -> request.id().equals(row.changeRequestId()))
			.hasSize(2)
			.allSatisfy(row -> assertThat(row.changedByName()).contains("Visitation", "godkendt af Demo Katalogredaktør"));
	}

	@Test
	void aRejectedChangeCarriesTheReasonAndChangesNothing() {
		var unitEditor = demo.staff("visitation");
		var before = service("bopladsen");
		var request = ((Proposed) editing.edit(unitEditor, before.id(), before.version(),
				ServiceContent.of(before).name("Bopladsen – vandrehjem").build())).request();

		assertThatThrownBy(() -> editing.reject(demo.staff("redaktoer"), request.id(), "  "))
			.isInstanceOf(InvalidRequestException.class);
		editing.reject(demo.staff("redaktoer"), request.id(), "Navnet skal følge kataloget.");

		var decided = changeRequests.find(unitEditor.municipalityId(), request.id()).orElseThrow();
		assertThat(decided.status()).isEqualTo(ChangeRequests.Status.REJECTED);
		assertThat(decided.reason()).isEqualTo("Navnet skal følge kataloget.");
		assertThat(service("bopladsen").name()).isEqualTo(before.name());
		assertThatThrownBy(() -> editing.approve(demo.staff("redaktoer"), request.id()))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void unitEditorsMayOnlyProposeForTheirOwnUnitsServices() {
		var dental = service("socialtandpleje");
		assertThatThrownBy(() -> editing.edit(demo.staff("visitation"), dental.id(), dental.version(),
				ServiceContent.of(dental).name("Anden tandpleje").build()))
			.isInstanceOf(AccessDeniedException.class);
		var addiction = service("rusmiddelcenter-aabenraa");
		assertThat(editing.edit(demo.staff("socialpsykiatri"), addiction.id(), addiction.version(),
				ServiceContent.of(addiction).scheduleNote("Åben rådgivning hver tirsdag.").build()))
			.as("a sub-unit's service belongs to the centre's unit editor")
			.isInstanceOf(Proposed.class);
	}

	@Test
	void theSecondOfTwoEditorsSavingTheSameServiceSeesWhatChanged() {
		var editor = demo.staff("redaktoer");
		var opened = service("den-blaa-it-cafe");

		var first = editing.edit(editor, opened.id(), opened.version(),
				ServiceContent.of(opened).scheduleNote("Tirsdag og torsdag kl. 10-12.").build());
		var second = editing.edit(editor, opened.id(), opened.version(),
				ServiceContent.of(opened).summary("Hjælp til MitID og digital post.").build());

		assertThat(first).isInstanceOf(Saved.class);
		assertThat(second).isInstanceOfSatisfying(Conflict.class, conflict -> assertThat(conflict.changesSince())
			.extracting(ServiceHistory.Entry::fieldName, ServiceHistory.Entry::replacementValue)
			.contains(org.assertj.core.groups.Tuple.tuple("schedule_note", "Tirsdag og torsdag kl. 10-12.")));
		assertThat(service("den-blaa-it-cafe").summary()).isEqualTo(opened.summary());
		assertThat(service("den-blaa-it-cafe").scheduleNote()).isEqualTo("Tirsdag og torsdag kl. 10-12.");
	}

	@Test
	void verifyingIsOneStepAndCountsAsAReview() {
		var editor = demo.staff("visitation");
		var before = service("gratis-inventar");
		assertThat(editing.overdue(demo.staff("redaktoer"))).extracting(Service::key).contains("gratis-inventar");

		editing.verify(editor, before.id());

		assertThat(service("gratis-inventar").lastVerified()).isEqualTo(LocalDate.of(2027, 2, 15));
		assertThat(editing.overdue(demo.staff("redaktoer"))).extracting(Service::key).doesNotContain("gratis-inventar");
		assertThat(history.of(editor.municipalityId(), before.id())).extracting(ServiceHistory.Entry::action)
			.contains(Action.VERIFIED);
	}

	@Test
	void overdueServicesComeMostOverdueFirst() {
		var overdue = editing.overdue(demo.staff("redaktoer"));
		assertThat(overdue).isSortedAccordingTo(java.util.Comparator.comparing(Service::reviewDue));
	}

	@Test
	void freePlacesHelhedCountsAreNotReportedByHand() {
		var unitEditor = demo.staff("visitation");
		var flats = service("overgangsbolig");
		var capacity = flats.capacities().getFirst();
		assertThat(capacity.available()).as("counted from the places at start").isEqualTo(6);

		assertThatThrownBy(() -> editing.reportFreePlaces(unitEditor, flats.id(), capacity.id(), 2))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("tæller de ledige pladser");
		assertThat(service("overgangsbolig").capacities().getFirst().available()).isEqualTo(6);
	}

	@Test
	void reportedFreePlacesStayWithinTheCapacity() {
		var flats = service("overgangsbolig");
		var capacity = flats.capacities().getFirst();
		assertThat(flats.reportFreePlaces(capacity.id(), 2, java.time.Instant.now()).capacities().getFirst().available())
			.isEqualTo(2);
		assertThatThrownBy(() -> flats.reportFreePlaces(capacity.id(), 7, java.time.Instant.now()))
			.isInstanceOf(RuleViolation.class)
			.hasMessageContaining("mellem 0 og 6");
	}

	@Test
	void retiredServicesLeaveThePublicCatalogAndCanBeRestored() {
		var editor = demo.staff("redaktoer");
		var id = service("byens-rum").id();

		editing.retire(editor, id);
		assertThat(catalogs.of("aabenraa").service("byens-rum")).isEmpty();

		editing.restore(editor, id);
		assertThat(catalogs.of("aabenraa").service("byens-rum")).isPresent();
	}

	@Test
	void anotherMunicipalitysEditorCannotReachTheService() {
		var dental = service("socialtandpleje");
		assertThatThrownBy(() -> editing.edit(demo.staff("redaktoer-aarhus"), dental.id(), dental.version(),
				dental.content()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> editing.verify(demo.staff("redaktoer-aarhus"), dental.id()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void administratorsAreNotEditors() {
		var dental = service("socialtandpleje");
		assertThatThrownBy(() -> editing.retire(demo.staff("admin"), dental.id())).isInstanceOf(AccessDeniedException.class);
		assertThat(editing.editable(demo.staff("admin"))).isEmpty();
		assertThat(editing.editable(demo.staff("visitation"))).extracting(Service::key)
			.contains("overgangsbolig", "bopladsen")
			.doesNotContain("socialtandpleje");
	}

	@Test
	void anOwnerAnswersForTheReviewOfTheirService() {
		var editor = demo.staff("redaktoer");
		var owner = demo.staff("visitation");
		var advisor = service("borgerraadgiver");

		assertThatThrownBy(() -> editing.assignReview(owner, advisor.id(), owner.id(), 12))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> editing.assignReview(editor, advisor.id(), owner.id(), 0))
			.isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> editing.assignReview(editor, advisor.id(), demo.staff("redaktoer-aarhus").id(), 6))
			.as("staff of another municipality").isInstanceOf(InvalidRequestException.class);

		editing.assignReview(editor, advisor.id(), owner.id(), 12);

		var assigned = service("borgerraadgiver");
		assertThat(assigned.ownerId()).isEqualTo(owner.id());
		assertThat(assigned.reviewDue()).isEqualTo(assigned.lastVerified().plusMonths(12));
		assertThat(editing.editable(owner)).extracting(Service::key).contains("borgerraadgiver");
		editing.verify(owner, advisor.id());
		assertThat(history.of(editor.municipalityId(), advisor.id())).extracting(ServiceHistory.Entry::fieldName)
			.contains("owner", "review_interval", "last_verified");
	}

	static List<String> keys(List<Service> services) {
		return services.stream().map(Service::key).toList();
	}
}
