package dk.helhed.citizen;

import java.util.List;

import dk.helhed.identity.StaffMember;

/**
 * Events of a citizen's case that a module holds (its notes, assessments, plan versions, referrals), for the case's
 * timeline. The timeline asks every source with the view the gate gave for the request, so the gate's one decision
 * (and its one audit row) covers the whole page; a source returns only what that view lets the viewer see (e.g.
 * {@link CaseView#sees}) and what its module's own rules show the viewer (a referral to its two sides), and writes
 * no audit rows.
 */
public interface TimelineSource {

	List<TimelineEntry> entriesFor(CaseView view, StaffMember viewer);
}
