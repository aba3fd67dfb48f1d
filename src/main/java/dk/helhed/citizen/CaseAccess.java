package dk.helhed.citizen;

import java.util.List;
import java.util.UUID;

import dk.helhed.identity.StaffMember;

/**
 * The one access gate for case work (security.md items 1-5, 7): every module that shows or changes anything about a
 * citizen (plan, referral, monitoring) asks here what this staff member may see, and on which ground, and copies no
 * access rule of its own. One call loads the citizen's case once, decides once, and writes one audit row: the read
 * or change in the caller's transaction (so a rolled-back change leaves no row), a refusal in a transaction of its
 * own. A citizen the staff member may not see is "not found", so that the answer does not tell whether the
 * municipality knows the person.
 */
public interface CaseAccess {

	/**
	 * Opens the citizen's case for one use. A use that {@linkplain CaseUse#changes() changes} something needs an own
	 * case (the staff member's unit or organisation is involved).
	 *
	 * @throws dk.helhed.platform.NotFoundException the citizen is unknown, anonymised, or not visible to the staff
	 *         member (404, with a refusal in the audit log)
	 * @throws org.springframework.security.access.AccessDeniedException the staff member has no case-work role, or
	 *         wants to change a case their unit is not involved in (403, with a refusal in the audit log)
	 */
	CaseView open(StaffMember staff, UUID citizenId, CaseUse use);

	/**
	 * The open cases the staff member's unit or organisation is involved in, for an overview of one's own citizens
	 * (e.g. "Mine borgere"); one audit row (a search) for the list.
	 *
	 * @throws org.springframework.security.access.AccessDeniedException the staff member has no case-work role
	 */
	List<CaseRecords.Citizen> ownCases(StaffMember staff, CaseResource resource);

	/**
	 * The same list as {@link #ownCases}, each with the staff member's units (or organisation) that are involved in
	 * it. A case is one's own only where one of the staff member's own units is involved: a unit's membership does not
	 * reach the cases of the units under it (a member of a centre does not see its treatment unit's cases), as
	 * {@link #open} decides. One audit row (a search) for the list.
	 *
	 * @throws org.springframework.security.access.AccessDeniedException the staff member has no case-work role
	 */
	List<OwnCase> ownCasesWithUnits(StaffMember staff, CaseResource resource);

	/**
	 * Records in the audit log, in a transaction of its own, that a use was refused for a reason the calling module
	 * decided (e.g. a move a referral's transition table does not allow this side to make): one refusal row, nothing
	 * else. The caller then throws its own exception.
	 */
	void refuse(StaffMember staff, UUID citizenId, CaseUse use);

	/**
	 * The categories of the citizen's information a consent or a recorded legal basis lets this unit or organisation
	 * see now, decided by the same policy as {@link #open}: what a sender may share in a referral. Call it after
	 * {@link #open} in the same request; it writes no audit row of its own.
	 */
	java.util.Set<InformationCategory> coveredFor(UUID municipalityId, UUID citizenId, CaseRecords.Recipient recipient);

	/**
	 * The notes of the case that the view (which {@link #open} decided and logged in this request) lets its staff
	 * member see, with the ground for each: e.g. what a live referral passes on to its receiver. It writes no audit
	 * row of its own.
	 */
	List<SeenNote> notes(CaseView view);

	/** A note and the ground it may be seen on. */
	record SeenNote(CaseRecords.Note note, CaseView.Ground ground) {
	}

}
