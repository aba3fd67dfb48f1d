package dk.helhed.citizen.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseView;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.TimelineEntry;
import dk.helhed.citizen.TimelineEntry.Kind;
import dk.helhed.citizen.TimelineSource;
import dk.helhed.identity.StaffMember;

/**
 * The timeline of a citizen's case across units: the entries every {@link TimelineSource} (citizen, plan, referral)
 * gives for the gate's view of the request, newest first, filtered by unit, kind and category, a page at a time.
 * It reads through the view the caller opened, so the page's one audit row is the gate's.
 */
@Component
public class CaseTimeline {

	public static final int PAGE_SIZE = 25;

	/** What the viewer asked to see; a null part means every one. */
	public record Filter(Recipient holder, Kind kind, InformationCategory category) {

		public static final Filter ALL = new Filter(null, null, null);

		boolean admits(TimelineEntry entry) {
			return (holder == null || holder.equals(entry.holder())) && (kind == null || kind == entry.kind())
					&& (category == null || category == entry.category());
		}
	}

	/**
	 * One page of the timeline.
	 *
	 * @param page the page shown, from 1
	 * @param holders the units and organisations of the viewer's entries (for the filter), in order of appearance
	 * @param kinds the kinds of the viewer's entries
	 * @param categories the categories of the viewer's entries
	 */
	public record Page(List<TimelineEntry> entries, int page, int pages, int total, List<Recipient> holders,
			Set<Kind> kinds, Set<InformationCategory> categories) {

		public boolean hasNewer() {
			return page > 1;
		}

		public boolean hasOlder() {
			return page < pages;
		}
	}

	private final List<TimelineSource> sources;

	CaseTimeline(List<TimelineSource> sources) {
		this.sources = List.copyOf(sources);
	}

	/** The page of the timeline; a page beyond the last shows the last. */
	@Transactional(readOnly = true)
	public Page read(CaseView view, StaffMember viewer, Filter filter, int page) {
		List<TimelineEntry> all = new ArrayList<>();
		for (var source : sources) {
			for (var entry : source.entriesFor(view, viewer)) {
				// Criminal matters need their own permission (GDPR art. 10), whichever module holds them.
				if (entry.category() == null || !entry.category().needsOwnPermission() || view.criminalMatters()) {
					all.add(entry);
				}
			}
		}
		all.sort(Comparator.comparing(TimelineEntry::at).reversed().thenComparing(TimelineEntry::kind));
		Set<Recipient> holders = new LinkedHashSet<>();
		Set<Kind> kinds = EnumSet.noneOf(Kind.class);
		Set<InformationCategory> categories = EnumSet.noneOf(InformationCategory.class);
		for (var entry : all) {
			if (entry.holder() != null) {
				holders.add(entry.holder());
			}
			kinds.add(entry.kind());
			if (entry.category() != null) {
				categories.add(entry.category());
			}
		}
		var shown = all.stream().filter(filter::admits).toList();
		int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(1, page), pages);
		var entries = shown.subList((current - 1) * PAGE_SIZE, Math.min(shown.size(), current * PAGE_SIZE));
		return new Page(List.copyOf(entries), current, pages, shown.size(), List.copyOf(holders), kinds, categories);
	}
}
