package dk.helhed.citizen.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditEvent.Action;
import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.audit.AuditEvent.Outcome;
import dk.helhed.audit.AuditLog;
import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseGrantSource;
import dk.helhed.citizen.CaseResource;
import dk.helhed.citizen.CaseRecords.Citizen;
import dk.helhed.citizen.CaseRecords.Status;
import dk.helhed.citizen.CaseUse;
import dk.helhed.citizen.CaseView;
import dk.helhed.citizen.CaseView.Ground;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.OwnCase;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.NotFoundException;

/**
 * The access gate other modules call ({@link CaseAccess}): loads the case once, lets {@link AccessPolicy} decide,
 * adds the grounds other modules hold ({@link CaseGrantSource}, e.g. a live referral), and writes one audit row.
 */
@Component
@Transactional
class CaseGate implements CaseAccess {

	private final CitizenStore store;

	private final CaseNoteStore noteStore;
	private final AccessPolicy policy;
	private final CaseSupport cases;
	private final AuditLog audit;
	private final List<CaseGrantSource> sources;
	private final Clock clock;

	CaseGate(CitizenStore store, CaseNoteStore noteStore,
			AccessPolicy policy, CaseSupport cases, AuditLog audit, List<CaseGrantSource> sources,
			Clock clock) {
		this.store = store;
		this.noteStore = noteStore;
		this.policy = policy;
		this.cases = cases;
		this.audit = audit;
		this.sources = List.copyOf(sources);
		this.clock = clock;
	}

	@Override
	public CaseView open(StaffMember staff, UUID citizenId, CaseUse use) {
		if (!staff.isCaseWorker()) {
			audit.recordRefusal(event(staff, null, use, null, null, Outcome.REFUSED));
			throw new AccessDeniedException("A case-work role is required");
		}
		var row = store.find(staff.municipalityId(), citizenId)
			.filter(candidate -> candidate.status() != Status.ANONYMISED)
			.orElse(null);
		if (row == null) {
			audit.recordRefusal(event(staff, null, use, null, null, Outcome.REFUSED));
			throw notFound();
		}
		var granted = grantsFor(staff, row);
		var view = decide(staff, row, granted);
		var recordOnly = view.ownCase() || !view.categories().isEmpty() ? null
				: granted.stream()
					.filter(grant -> grant.allowsRead(use) || grant.allowsChange(use))
					.findFirst()
					.orElse(null);
		boolean visible = view.ownCase() || !view.categories().isEmpty() || recordOnly != null;
		if (!visible) {
			audit.recordRefusal(event(staff, row.id(), use, null, null, Outcome.REFUSED));
			throw notFound();
		}
		if (use.changes() && !view.ownCase() && granted.stream().noneMatch(grant -> grant.allowsChange(use))) {
			audit.recordRefusal(event(staff, row.id(), use, null, null, Outcome.REFUSED));
			throw new AccessDeniedException("Only a unit in the citizen's case may change it");
		}
		var ground = view.ownCase() ? Ground.OWN_CASE
				: recordOnly != null ? new Ground(recordOnly.basis(), recordOnly.reference())
						: view.categories().values().iterator().next();
		audit.record(event(staff, row.id(), use, CaseSupport.categories(view.sharedCategories()), ground,
				Outcome.ALLOWED));
		return view;
	}

	@Override
	public List<Citizen> ownCases(StaffMember staff, CaseResource resource) {
		// Without each case's involvements: the list pages (e.g. the referral queue) need the citizens only.
		return ownCaseRows(staff, resource).stream().map(cases::citizen).toList();
	}

	@Override
	public List<OwnCase> ownCasesWithUnits(StaffMember staff, CaseResource resource) {
		var today = LocalDate.now(clock);
		return ownCaseRows(staff, resource).stream()
			.map(row -> new OwnCase(cases.citizen(row), store.involvements(row.municipalityId(), row.id())
				.stream()
				.filter(involvement -> involvement.activeOn(today)
						&& AccessPolicy.isStaffParty(staff, involvement.unitId(), involvement.partnerId()))
				.map(involvement -> new dk.helhed.citizen.CaseRecords.Recipient(involvement.unitId(),
						involvement.partnerId()))
				.distinct()
				.toList()))
			.toList();
	}

	/** The open cases the staff member's units (or organisation) are involved in today, with one audit row (a search). */
	private List<CitizenStore.Row> ownCaseRows(StaffMember staff, CaseResource resource) {
		var use = new CaseUse(Action.SEARCH, resource, null);
		if (!staff.isCaseWorker()) {
			audit.recordRefusal(event(staff, null, use, null, null, Outcome.REFUSED));
			throw new AccessDeniedException("A case-work role is required");
		}
		java.util.Set<UUID> parties = new java.util.HashSet<>(staff.unitIds());
		if (staff.partnerId() != null) {
			parties.add(staff.partnerId());
		}
		var found = store.casesOf(staff.municipalityId(), parties, LocalDate.now(clock));
		audit.record(event(staff, null, use, null, Ground.OWN_CASE, Outcome.ALLOWED));
		return found;
	}

	@Override
	public void refuse(StaffMember staff, UUID citizenId, CaseUse use) {
		audit.recordRefusal(event(staff, citizenId, use, null, null, Outcome.REFUSED));
	}

	/**
	 * The grounds other modules hold ({@link CaseGrantSource}) that name the staff member's unit or organisation, read
	 * once a request: one with categories shares them ({@link #decide}); one without lets the staff member read (or
	 * change, e.g. answer the referral it names) the one record it names and nothing else, e.g. an ended referral's
	 * status and history for its two sides.
	 */
	private List<dk.helhed.citizen.CaseGrant> grantsFor(StaffMember staff, CitizenStore.Row row) {
		var today = LocalDate.now(clock);
		return sources.stream()
			.flatMap(source -> source.grantsFor(row.municipalityId(), row.id(), today).stream())
			.filter(grant -> AccessPolicy.covers(staff, grant.recipient()))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Set<InformationCategory> coveredFor(UUID municipalityId, UUID citizenId,
			dk.helhed.citizen.CaseRecords.Recipient recipient) {
		var row = store.find(municipalityId, citizenId).filter(candidate -> candidate.status() != Status.ANONYMISED);
		if (row.isEmpty() || recipient == null) {
			return java.util.Set.of();
		}
		var facts = store.facts(municipalityId, citizenId);
		var covered = java.util.EnumSet.noneOf(InformationCategory.class);
		covered.addAll(policy.coveredFor(recipient, facts, LocalDate.now(clock)).keySet());
		return covered;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SeenNote> notes(CaseView view) {
		return noteStore.notes(view.municipalityId(), view.citizenId())
			.stream()
			.flatMap(note -> view.groundFor(note.category(), new dk.helhed.citizen.CaseRecords.Recipient(note.unitId(),
					note.partnerId()))
				.map(ground -> new SeenNote(note, ground))
				.stream())
			.toList();
	}

	private CaseView decide(StaffMember staff, CitizenStore.Row row, List<dk.helhed.citizen.CaseGrant> granted) {
		var facts = store.facts(row.municipalityId(), row.id());
		var today = LocalDate.now(clock);
		var grants = policy.grants(staff, facts, today, clock.instant());
		Map<InformationCategory, Ground> categories = new EnumMap<>(InformationCategory.class);
		grants.categories()
			.forEach((category, ground) -> categories.put(category, new Ground(ground.basis(), ground.reference())));
		// Whose information each ground passes on (security.md item 3a): a consent or legal basis only what the
		// units that passed it on hold; an emergency access, and a ground another module holds, what its categories
		// cover.
		List<CaseView.Share> shares = new java.util.ArrayList<>();
		for (var share : grants.shares()) {
			if (share.writeBack()) {
				// What receiving units write back under a consent is decided note by note (its time), on the
				// citizen's page; other modules' records are not notes.
				continue;
			}
			shares.add(new CaseView.Share(new Ground(share.ground().basis(), share.ground().reference()),
					share.categories(), share.passesOnWhatIsHeldBy()));
		}
		if (grants.emergency() != null) {
			shares.add(new CaseView.Share(new Ground(Basis.EMERGENCY, grants.emergency().id().toString()),
					java.util.EnumSet.allOf(InformationCategory.class), holder -> true));
		}
		for (var grant : granted) {
			// a ground for one record only (no category) is weighed by open() for that record, not shared here
			if (!grant.categories().isEmpty()) {
				var ground = new Ground(grant.basis(), grant.reference());
				grant.categories().forEach(category -> categories.putIfAbsent(category, ground));
				shares.add(new CaseView.Share(ground, grant.categories(), holder -> true));
			}
		}
		if (!staff.has(Role.CRIMINAL_MATTERS)) {
			categories.remove(InformationCategory.CRIMINAL);
		}
		var party = grants.ownCase() || !categories.isEmpty() ? policy.actingParty(staff, facts, today) : null;
		return new CaseView(cases.citizen(row), grants.ownCase(), party, categories, shares,
				staff.has(Role.CRIMINAL_MATTERS));
	}

	private AuditEvent event(StaffMember staff, UUID citizenId, CaseUse use, String categories, Ground ground,
			Outcome outcome) {
		var resource = use.resource().auditName() + (use.resourceId() == null ? "" : " " + use.resourceId());
		return new AuditEvent(staff.municipalityId(), clock.instant(), staff.id(), staff.username(),
				staff.unitIds().stream().sorted().findFirst().orElse(null), dk.helhed.audit.ActingRole.of(staff), staff.partnerId(),
				citizenId, use.action(), categories, ground == null ? Basis.NONE : ground.basis(),
				ground == null ? null : ground.reference(), use.resource().purpose(), resource,
				citizenId == null && outcome == Outcome.REFUSED ? "ukendt id" : null, outcome);
	}

	private static NotFoundException notFound() {
		return new NotFoundException("Borgeren findes ikke, eller du har ikke adgang til borgeren.");
	}

}
