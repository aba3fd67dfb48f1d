package dk.helhed.citizen.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.audit.AuditEvent.Action;
import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.audit.AuditEvent.Outcome;
import dk.helhed.citizen.CaseRecords.EmergencyAccess;
import dk.helhed.citizen.CaseRecords.Status;
import dk.helhed.citizen.internal.AccessPolicy.Ground;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;

/**
 * "Breaking the glass": emergency access to a citizen outside one's case, flagged in the audit log, and its review
 * by the lead of the staff member's unit (security.md item 4).
 */
@Component
@Transactional
public class EmergencyWork {

	/** Nobody could review the staff member's emergency access, so there is none (security.md item 4). */
	public static final class NoEmergencyReviewer extends AccessDeniedException {

		NoEmergencyReviewer() {
			super("Ingen teamleder kan gennemgå en nødadgang fra din enhed. Bed en administrator om at give enheden "
					+ "en teamleder, eller kontakt en enhed, der arbejder med borgeren.");
		}
	}

	/** How long an emergency access lasts. */
	public static final Duration EMERGENCY_DURATION = Duration.ofHours(4);

	private static final String REVIEW = "emergency access review";

	private final CaseSupport cases;
	private final GroundStore grounds;
	private final EmergencyReviewers reviewers;

	EmergencyWork(CaseSupport cases, GroundStore grounds, EmergencyReviewers reviewers) {
		this.cases = cases;
		this.grounds = grounds;
		this.reviewers = reviewers;
	}

	/**
	 * Access to a citizen outside one's case, for {@link #EMERGENCY_DURATION}, with a written reason. Flagged in the
	 * audit log and shown to the staff member's unit lead.
	 */
	public EmergencyAccess emergencyAccess(StaffMember staff, UUID citizenId, String reason) {
		cases.requireCaseRole(staff);
		requireMunicipalStaff(staff);
		var written = emergencyReason(reason);
		var reviewer = reviewerOf(staff);
		var found = cases.store.find(staff.municipalityId(), citizenId);
		var row = found.filter(candidate -> candidate.status() != Status.ANONYMISED)
			.orElseThrow(() -> cases.notFound(staff, found.isPresent() ? citizenId : null, Action.EMERGENCY_ACCESS,
					"citizen"));
		var now = cases.now();
		var id = grounds.insertEmergencyAccess(staff.municipalityId(), row.id(), staff.id(), reviewer.unitId(),
				reviewer.reviewerId(), written, now, now.plus(EMERGENCY_DURATION));
		cases.allowed(staff, citizenId, Action.EMERGENCY_ACCESS, null, new Ground(Basis.EMERGENCY, id.toString()),
				"emergency access");
		return grounds.emergencyAccesses(staff.municipalityId(), citizenId)
			.stream()
			.filter(access -> access.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Emergency access to the citizen with this CPR number, asked for from a search that found no visible citizen.
	 * The reason is checked before the number is looked up, so that whether the municipality knows the person is
	 * revealed only to a request with a written reason, which is itself flagged in the audit log. Staff without a
	 * unit or organisation are refused before the lookup: no lead would see their access, and it would give them
	 * nothing but that answer.
	 */
	public EmergencyAccess emergencyAccessByCpr(StaffMember staff, String cprText, String reason) {
		cases.requireCaseRole(staff);
		requireMunicipalStaff(staff);
		emergencyReason(reason);
		reviewerOf(staff);
		var row = cases.store.findByCprHash(staff.municipalityId(), cases.vault.hash(CaseSupport.cpr(cprText)))
			.orElseThrow(() -> cases.notFound(staff, null, Action.EMERGENCY_ACCESS, "citizen"));
		return emergencyAccess(staff, row.id(), reason);
	}

	/**
	 * Emergency access by the staff of the lead's units, newest first, with the written reasons: reading them is
	 * itself a read of personal data and writes one audit row.
	 */
	public List<EmergencyAccess> emergencyAccessesToReview(StaffMember lead) {
		var accesses = accessesToReview(lead);
		cases.allowed(lead, null, Action.READ, null, null, REVIEW);
		return accesses;
	}

	/** The lead has seen an emergency access by the staff of their units; one audit row. */
	public void markEmergencyAccessSeen(StaffMember lead, UUID accessId) {
		var access = accessesToReview(lead).stream()
			.filter(candidate -> candidate.id().equals(accessId))
			.findFirst()
			.orElse(null);
		if (access == null) {
			cases.audit.recordRefusal(
					cases.event(lead, null, Action.UPDATE, null, null, REVIEW, "ukendt id", Outcome.REFUSED));
			throw new NotFoundException("Nødadgangen findes ikke.");
		}
		grounds.markEmergencySeen(lead.municipalityId(), access.id(), lead.id(), cases.now());
		cases.allowed(lead, access.citizenId(), Action.UPDATE, null,
				new Ground(Basis.EMERGENCY, access.id().toString()), "emergency access seen");
	}

	private List<EmergencyAccess> accessesToReview(StaffMember lead) {
		if (!lead.has(Role.TEAM_LEAD)) {
			cases.audit.recordRefusal(cases.event(lead, null, Action.READ, null, null, REVIEW, null, Outcome.REFUSED));
			throw new AccessDeniedException("Team lead role required");
		}
		return grounds.emergencyAccessesToReview(lead.municipalityId(), lead.id(), lead.unitIds());
	}

	/**
	 * Emergency access is for the municipality's own staff, in a unit (security.md item 4): a partner organisation
	 * has no lead of the municipality to review it, and is refused before the number is looked up.
	 */
	private void requireMunicipalStaff(StaffMember staff) {
		if (staff.partnerId() != null || staff.unitIds().isEmpty()) {
			cases.audit.recordRefusal(cases.event(staff, null, Action.EMERGENCY_ACCESS, null, null, "citizen",
					staff.partnerId() != null ? "samarbejdspartner" : "ingen enhed", Outcome.REFUSED));
			throw new AccessDeniedException("Emergency access is for the municipality's own staff in a unit");
		}
	}

	/** The named lead who will review the staff member's emergency access; refused when there is none. */
	private EmergencyReviewers.Reviewer reviewerOf(StaffMember staff) {
		return reviewers.reviewerOf(staff).orElseThrow(() -> {
			cases.audit.recordRefusal(cases.event(staff, null, Action.EMERGENCY_ACCESS, null, null, "citizen",
					"ingen teamleder", Outcome.REFUSED));
			return new NoEmergencyReviewer();
		});
	}

	private static String emergencyReason(String reason) {
		var written = reason == null ? "" : reason.strip();
		if (written.length() < 20 || written.length() > 2000 || CaseSupport.hasControlCharacters(written)) {
			throw new InvalidRequestException("Beskriv i mindst 20 og højst 2000 tegn, hvorfor du har brug for adgang nu.");
		}
		return written;
	}

}
