package dk.helhed.citizen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.helhed.citizen.CaseRecords.Citizen;
import dk.helhed.citizen.CaseRecords.Kind;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseRecords.Status;
import dk.helhed.citizen.CaseView;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.TimelineEntry;
import dk.helhed.citizen.TimelineSource;
import dk.helhed.citizen.internal.CaseTimeline.Filter;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;

/**
 * The timeline puts every source's entries together newest first, filters and pages them, and leaves out criminal
 * matters for a viewer without that permission whichever source gave them. Synthetic data.
 */
class CaseTimelineTests {

	static final Instant START = Instant.parse("2026-11-01T08:00:00Z");
	static final Recipient JOB_CENTRE = new Recipient(UUID.randomUUID(), null);
	static final Recipient HOUSING = new Recipient(UUID.randomUUID(), null);

	final Citizen citizen = new Citizen(UUID.randomUUID(), UUID.randomUUID(), Kind.IDENTIFIED, "010190-xxxx",
			"Tidslinje Testesen (syntetisk)", null, null, null, null, null, null, Status.OPEN, null, null, true);
	final StaffMember viewer = new StaffMember(UUID.randomUUID(), citizen.municipalityId(), "test", "Test",
			Set.of(Role.CASEWORKER), Set.of(JOB_CENTRE.unitId()), null);

	CaseView view(boolean criminalMatters) {
		return new CaseView(citizen, true, JOB_CENTRE, Map.of(), List.of(), criminalMatters);
	}

	static TimelineEntry entry(int minutes, TimelineEntry.Kind kind, InformationCategory category, Recipient holder) {
		return new TimelineEntry(START.plusSeconds(60L * minutes), kind, category, holder, "Hændelse " + minutes, null,
				null);
	}

	/** 60 entries from two sources, interleaved in time: even minutes notes of the job centre, odd ones actions. */
	CaseTimeline timeline() {
		List<TimelineEntry> notes = new ArrayList<>();
		List<TimelineEntry> actions = new ArrayList<>();
		for (int minute = 0; minute < 60; minute++) {
			if (minute % 2 == 0) {
				notes.add(entry(minute, TimelineEntry.Kind.NOTE, InformationCategory.EMPLOYMENT, JOB_CENTRE));
			}
			else {
				actions.add(entry(minute, TimelineEntry.Kind.ACTION, InformationCategory.HOUSING, HOUSING));
			}
		}
		TimelineSource first = (view, staff) -> notes;
		TimelineSource second = (view, staff) -> actions;
		TimelineSource criminal = (view, staff) -> List
			.of(entry(100, TimelineEntry.Kind.NOTE, InformationCategory.CRIMINAL, JOB_CENTRE));
		return new CaseTimeline(List.of(first, second, criminal));
	}

	@Test
	void entriesFromEverySourceComeNewestFirstAPageAtATime() {
		var page = timeline().read(view(false), viewer, Filter.ALL, 1);
		assertThat(page.total()).isEqualTo(60);
		assertThat(page.pages()).isEqualTo(3);
		assertThat(page.entries()).hasSize(CaseTimeline.PAGE_SIZE);
		assertThat(page.entries().getFirst().title()).isEqualTo("Hændelse 59");
		assertThat(page.entries().get(1).title()).isEqualTo("Hændelse 58");
		assertThat(page.hasNewer()).isFalse();
		assertThat(page.hasOlder()).isTrue();

		var last = timeline().read(view(false), viewer, Filter.ALL, 3);
		assertThat(last.entries()).hasSize(10);
		assertThat(last.entries().getLast().title()).isEqualTo("Hændelse 0");
		assertThat(timeline().read(view(false), viewer, Filter.ALL, 99).page()).as("beyond the last page").isEqualTo(3);
	}

	@Test
	void theFilterKeepsOneUnitKindOrCategory() {
		var housing = timeline().read(view(false), viewer, new Filter(HOUSING, null, null), 1);
		assertThat(housing.total()).isEqualTo(30);
		assertThat(housing.entries()).allMatch(entry -> entry.holder().equals(HOUSING));
		assertThat(housing.holders()).as("the filter offers every unit of the viewer's entries")
			.containsExactly(HOUSING, JOB_CENTRE);

		var notes = timeline().read(view(false), viewer, new Filter(null, TimelineEntry.Kind.NOTE, null), 2);
		assertThat(notes.total()).isEqualTo(30);
		assertThat(notes.entries()).hasSize(5).allMatch(entry -> entry.kind() == TimelineEntry.Kind.NOTE);

		var employment = timeline().read(view(false), viewer, new Filter(null, null, InformationCategory.EMPLOYMENT), 1);
		assertThat(employment.total()).isEqualTo(30);
		assertThat(timeline().read(view(false), viewer, new Filter(JOB_CENTRE, null, InformationCategory.HOUSING), 1)
			.entries()).isEmpty();
	}

	@Test
	void criminalMattersNeedTheirOwnPermissionWhicheverSourceGivesThem() {
		assertThat(timeline().read(view(false), viewer, Filter.ALL, 1).categories())
			.doesNotContain(InformationCategory.CRIMINAL);
		var permitted = timeline().read(view(true), viewer, Filter.ALL, 1);
		assertThat(permitted.total()).isEqualTo(61);
		assertThat(permitted.entries().getFirst().category()).isEqualTo(InformationCategory.CRIMINAL);
	}
}
