package dk.helhed.plan.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.catalog.ServiceStatus;
import dk.helhed.catalog.Services;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseView;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.plan.internal.FfbTerms.Theme;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one shared plan per citizen (handleplan, SEL § 141), across units: the citizen's own goal in their words, the
 * four contents the law requires, whether the plan was offered and accepted, how the citizen took part, goals tied
 * to FFB sub-themes, actions with the unit or organisation responsible and the catalog's service, and follow-ups.
 * Every change writes a new version of the whole plan with who made it; earlier versions are never changed.
 * <p>
 * Every method takes the gate's {@link CaseView} of the request. What a unit sees: the general part (the citizen's
 * goal, the § 141 contents, follow-ups) as {@link InformationCategory#NOTES} held by the unit that wrote it; a goal
 * where the view covers its sub-theme's category for the unit that wrote it; an action where its goal is seen, and
 * always where the unit is the one responsible for it.
 */
@Component
@Transactional
public class Plans {

	static final InformationCategory GENERAL_PART = InformationCategory.NOTES;

	public enum Offer {
		OFFERED, ACCEPTED, DECLINED
	}

	public enum Participation {
		PRESENT, WROTE_OWN_PART, NOT_TAKING_PART
	}

	public enum GoalType {
		DEVELOP, MAINTAIN, LIMIT_LOSS
	}

	public enum Outcome {
		CONTINUE, END, END_AND_REFER
	}

	public enum ChangeKind {
		BASICS, GOAL, ACTION, FOLLOW_UP, READY
	}

	public record Basics(String citizenGoal, String purpose, String neededEffort, String expectedDuration,
			String otherMatters, Offer offer, String declineReason, Participation participation,
			String participationReason, String participants, LocalDate firstFollowUp) {
	}

	public record Goal(UUID id, UUID theme, UUID targetLevel, GoalType type, String what, LocalDate byWhen,
			String howWeKnow, Recipient recordedBy) {
	}

	public record Action(UUID id, UUID goalId, Recipient responsible, UUID serviceId, String description,
			LocalDate start, LocalDate end, Recipient recordedBy) {
	}

	public record FollowUp(UUID id, LocalDate heldOn, Outcome outcome, String evaluation, LocalDate next,
			Recipient recordedBy) {
	}

	/** The whole plan as one version holds it. */
	public record Content(Basics basics, Recipient basicsBy, boolean ready, List<Goal> goals, List<Action> actions,
			List<FollowUp> followUps) {

		static Content empty() {
			return new Content(null, null, false, List.of(), List.of(), List.of());
		}

		Optional<Goal> goal(UUID id) {
			return goals.stream().filter(goal -> goal.id().equals(id)).findFirst();
		}

		/** The next follow-up: the one the latest follow-up set, or the plan's first. */
		LocalDate nextFollowUp() {
			if (!followUps.isEmpty()) {
				return followUps.getLast().next();
			}
			return basics == null ? null : basics.firstFollowUp();
		}

		/** The four contents SEL § 141, stk. 3 requires, and which of them are missing. */
		public List<String> missingForReady() {
			List<String> missing = new ArrayList<>();
			if (basics == null || basics.purpose() == null) {
				missing.add("formålet med indsatsen");
			}
			if (basics == null || basics.neededEffort() == null) {
				missing.add("hvilken indsats der er nødvendig");
			}
			if (basics == null || basics.expectedDuration() == null) {
				missing.add("den forventede varighed");
			}
			if (basics == null || basics.otherMatters() == null) {
				missing.add("andre særlige forhold (skriv „ingen“, hvis der ikke er nogen)");
			}
			if (basics == null || basics.offer() != Offer.ACCEPTED) {
				missing.add("at borgeren har sagt ja til planen");
			}
			return missing;
		}
	}

	/** A goal as the viewer sees it, with its sub-theme. */
	public record VisibleGoal(Goal goal, Theme theme, List<VisibleAction> actions) {
	}

	/**
	 * An action as the viewer sees it; the goal is null when the viewer sees the action (their own) but not its goal.
	 */
	public record VisibleAction(Action action, Goal goal, String serviceName, boolean own) {
	}

	/** The plan as one staff member may see one version of it. */
	public record PlanView(UUID planId, int number, int currentNumber, boolean generalVisible, Basics basics,
			boolean ready, List<VisibleGoal> goals, List<VisibleAction> ownActionsWithoutGoal, List<FollowUp> followUps,
			int hiddenGoals, List<String> missingForReady, LocalDate nextFollowUp, List<Version> versions) {
	}

	/** One version in the plan's history, as the viewer may see what it changed. */
	public record Version(int number, ChangeKind kind, String item, UUID changedBy, Recipient party,
			Instant changedAt) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final FfbTerms terms;
	private final Services services;
	private final Municipalities municipalities;
	private final Clock clock;

	Plans(JdbcClient jdbc, JsonMapper json, FfbTerms terms, Services services, Municipalities municipalities,
			Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.terms = terms;
		this.services = services;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	// Changes

	public void saveBasics(CaseView view, StaffMember staff, Basics basics) {
		if (basics.offer() == Offer.DECLINED && basics.declineReason() == null) {
			throw new InvalidRequestException("Skriv, hvorfor borgeren har sagt nej til planen.");
		}
		if (basics.participation() == Participation.NOT_TAKING_PART && basics.participationReason() == null) {
			throw new InvalidRequestException("Skriv, hvorfor borgeren ikke ville være med.");
		}
		change(view, staff, ChangeKind.BASICS, null, content -> new Content(basics, view.party(),
				content.ready() && new Content(basics, view.party(), false, List.of(), List.of(), List.of())
					.missingForReady()
					.isEmpty(),
				content.goals(), content.actions(), content.followUps()));
	}

	public UUID addGoal(CaseView view, StaffMember staff, UUID theme, UUID targetLevel, GoalType type, String what,
			LocalDate byWhen, String howWeKnow) {
		var version = terms.currentVersion();
		var chosen = terms.theme(version, theme)
			.filter(candidate -> candidate.isSubTheme() && candidate.rated())
			.orElseThrow(() -> new InvalidRequestException(
					"Vælg et undertema under aktivitet og deltagelse: et indsatsmål hører til ét af dem (FFB)."));
		if (!view.sees(chosen.category(), view.party())) {
			throw new InvalidRequestException("Du kan ikke sætte mål for det tema.");
		}
		if (terms.level(version, targetLevel).filter(level -> level.score() != null).isEmpty()) {
			throw new InvalidRequestException("Vælg det funktionsevneniveau, målet sigter mod.");
		}
		var id = UUID.randomUUID();
		var goal = new Goal(id, theme, targetLevel, type, what, byWhen, howWeKnow, view.party());
		change(view, staff, ChangeKind.GOAL, id, content -> new Content(content.basics(), content.basicsBy(),
				content.ready(), append(content.goals(), goal), content.actions(), content.followUps()));
		return id;
	}

	public UUID addAction(CaseView view, StaffMember staff, UUID goalId, UUID responsible, UUID serviceId,
			String description, LocalDate start, LocalDate end) {
		var party = party(view.municipalityId(), responsible);
		if (serviceId != null) {
			services.find(view.municipalityId(), serviceId)
				.filter(service -> service.status() == ServiceStatus.ACTIVE)
				.orElseThrow(() -> new InvalidRequestException("Vælg en af kommunens aktive indsatser fra listen."));
		}
		if (start != null && end != null && end.isBefore(start)) {
			throw new InvalidRequestException("Slutdatoen skal ligge efter startdatoen.");
		}
		var id = UUID.randomUUID();
		var action = new Action(id, goalId, party, serviceId, description, start, end, view.party());
		change(view, staff, ChangeKind.ACTION, id, content -> {
			var goal = content.goal(goalId).orElseThrow(() -> new InvalidRequestException("Vælg et mål fra listen."));
			if (!sees(view, goal)) {
				throw new InvalidRequestException("Vælg et mål fra listen.");
			}
			return new Content(content.basics(), content.basicsBy(), content.ready(), content.goals(),
					append(content.actions(), action), content.followUps());
		});
		return id;
	}

	public UUID addFollowUp(CaseView view, StaffMember staff, LocalDate heldOn, Outcome outcome, String evaluation,
			LocalDate next) {
		if (outcome == Outcome.CONTINUE && next == null) {
			throw new InvalidRequestException("Skriv datoen for næste opfølgning, når indsatsen fortsætter.");
		}
		if (next != null && !next.isAfter(heldOn)) {
			throw new InvalidRequestException("Næste opfølgning skal ligge efter denne.");
		}
		var id = UUID.randomUUID();
		var followUp = new FollowUp(id, heldOn, outcome, evaluation, next, view.party());
		change(view, staff, ChangeKind.FOLLOW_UP, id, content -> new Content(content.basics(), content.basicsBy(),
				content.ready(), content.goals(), content.actions(), append(content.followUps(), followUp)));
		return id;
	}

	/** Marks the plan ready, which SEL § 141, stk. 3 allows only when its four contents are filled in. */
	public void markReady(CaseView view, StaffMember staff) {
		change(view, staff, ChangeKind.READY, null, content -> {
			var missing = content.missingForReady();
			if (!missing.isEmpty()) {
				throw new InvalidRequestException("Planen kan ikke gøres klar. Der mangler: " + String.join(", ", missing)
						+ ".");
			}
			if (content.ready()) {
				throw new InvalidRequestException("Planen er allerede klar.");
			}
			return new Content(content.basics(), content.basicsBy(), true, content.goals(), content.actions(),
					content.followUps());
		});
	}

	private Recipient party(UUID municipalityId, UUID id) {
		if (id != null) {
			if (municipalities.unitsOf(municipalityId).stream().anyMatch(unit -> unit.id().equals(id))) {
				return new Recipient(id, null);
			}
			if (municipalities.partnersOf(municipalityId).stream().anyMatch(partner -> partner.id().equals(id))) {
				return new Recipient(null, id);
			}
		}
		throw new InvalidRequestException("Vælg den enhed eller organisation, der har ansvaret, fra listen.");
	}

	private void change(CaseView view, StaffMember staff, ChangeKind kind, UUID item, UnaryOperator<Content> change) {
		if (!view.ownCase()) {
			throw new AccessDeniedException("Only a unit in the citizen's case may change the plan");
		}
		var head = head(view);
		UUID planId;
		int number;
		Content content;
		if (head == null) {
			planId = UUID.randomUUID();
			number = 0;
			content = Content.empty();
		}
		else {
			planId = head.id();
			number = head.currentVersion();
			content = read(view, planId, number);
		}
		var changed = change.apply(content);
		var now = OffsetDateTime.now(clock);
		if (head == null) {
			jdbc.sql("""
					insert into shared_plan (municipality_id, id, citizen_id, current_version, next_follow_up, created_at)
					values (?, ?, ?, 1, ?, ?)""")
				.params(view.municipalityId(), planId, view.citizenId(), changed.nextFollowUp(), now)
				.update();
		}
		else {
			int updated = jdbc.sql("""
					update shared_plan set current_version = ?, next_follow_up = ?
					where municipality_id = ? and id = ? and current_version = ?""")
				.params(number + 1, changed.nextFollowUp(), view.municipalityId(), planId, number)
				.update();
			if (updated != 1) {
				throw new InvalidRequestException("En anden har ændret planen imens. Se den nye udgave, og prøv igen.");
			}
		}
		var party = view.party();
		jdbc.sql("""
				insert into shared_plan_version (municipality_id, plan_id, number, content, change_kind, change_item,
				                                 changed_by, unit_id, partner_id, changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(view.municipalityId(), planId, number + 1, json.writeValueAsString(changed), kind.name(), item,
					staff.id(), party == null ? null : party.unitId(), party == null ? null : party.partnerId(), now)
			.update();
	}

	private static <T> List<T> append(List<T> list, T item) {
		List<T> longer = new ArrayList<>(list);
		longer.add(item);
		return List.copyOf(longer);
	}

	// Reading

	private record Head(UUID id, int currentVersion) {
	}

	private Head head(CaseView view) {
		return jdbc.sql("select id, current_version from shared_plan where municipality_id = ? and citizen_id = ?")
			.params(view.municipalityId(), view.citizenId())
			.query(Head.class)
			.optional()
			.orElse(null);
	}

	private Content read(CaseView view, UUID planId, int number) {
		var text = jdbc.sql("select content from shared_plan_version where municipality_id = ? and plan_id = ? and number = ?")
			.params(view.municipalityId(), planId, number)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Den udgave af planen findes ikke."));
		return json.readValue(text, Content.class);
	}

	/** The plan as it stands now, or an earlier version of it, as far as the view lets the staff member see it. */
	@Transactional(readOnly = true)
	public Optional<PlanView> find(CaseView view, Integer number) {
		var head = head(view);
		if (head == null) {
			if (number != null) {
				throw new NotFoundException("Den udgave af planen findes ikke.");
			}
			return Optional.empty();
		}
		int shown = number == null ? head.currentVersion() : number;
		if (shown < 1 || shown > head.currentVersion()) {
			throw new NotFoundException("Den udgave af planen findes ikke.");
		}
		var content = read(view, head.id(), shown);
		return Optional.of(visible(view, head, shown, content));
	}

	/**
	 * The next follow-up of each of these citizens' plans, for the overview of a unit's own citizens (which the gate
	 * has listed and logged).
	 */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, LocalDate> nextFollowUps(UUID municipalityId, java.util.Collection<UUID> citizens) {
		java.util.Map<UUID, LocalDate> next = new java.util.HashMap<>();
		if (citizens.isEmpty()) {
			return next;
		}
		var placeholders = String.join(", ", java.util.Collections.nCopies(citizens.size(), "?"));
		List<Object> params = new ArrayList<>();
		params.add(municipalityId);
		params.addAll(citizens);
		jdbc.sql("select citizen_id, next_follow_up from shared_plan where municipality_id = ? and citizen_id in ("
				+ placeholders + ") and next_follow_up is not null")
			.params(params)
			.query((rs, n) -> java.util.Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)))
			.list()
			.forEach(entry -> next.put(entry.getKey(), entry.getValue()));
		return next;
	}

	private boolean sees(CaseView view, Goal goal) {
		var theme = terms.theme(terms.currentVersion(), goal.theme()).orElse(null);
		return theme != null && view.sees(theme.category(), goal.recordedBy());
	}

	private PlanView visible(CaseView view, Head head, int number, Content content) {
		var version = terms.currentVersion();
		boolean general = content.basicsBy() == null || view.sees(GENERAL_PART, content.basicsBy());
		List<VisibleGoal> goals = new ArrayList<>();
		int hidden = 0;
		for (var goal : content.goals()) {
			var theme = terms.theme(version, goal.theme()).orElse(null);
			if (theme == null || !view.sees(theme.category(), goal.recordedBy())) {
				hidden++;
				continue;
			}
			goals.add(new VisibleGoal(goal, theme, new ArrayList<>()));
		}
		List<VisibleAction> orphans = new ArrayList<>();
		for (var action : content.actions()) {
			boolean own = view.isOwn(action.responsible());
			var goal = goals.stream().filter(candidate -> candidate.goal().id().equals(action.goalId())).findFirst();
			var name = action.serviceId() == null ? null
					: services.find(view.municipalityId(), action.serviceId()).map(Services.Summary::name).orElse(null);
			if (goal.isPresent()) {
				goal.get().actions().add(new VisibleAction(action, goal.get().goal(), name, own));
			}
			else if (own) {
				orphans.add(new VisibleAction(action, null, name, true));
			}
		}
		List<FollowUp> followUps = content.followUps()
			.stream()
			.filter(followUp -> view.sees(GENERAL_PART, followUp.recordedBy()))
			.toList();
		return new PlanView(head.id(), number, head.currentVersion(), general, general ? content.basics() : null,
				content.ready(), List.copyOf(goals), List.copyOf(orphans), followUps, hidden,
				general ? content.missingForReady() : List.of(), general ? content.nextFollowUp() : null,
				versions(view, head.id(), content));
	}

	private record VersionRow(int number, String changeKind, UUID changeItem, UUID changedBy, UUID unitId,
			UUID partnerId, OffsetDateTime changedAt) {
	}

	private List<Version> versions(CaseView view, UUID planId, Content shown) {
		var latest = read(view, planId, head(view).currentVersion());
		return jdbc.sql("""
				select number, change_kind, change_item, changed_by, unit_id, partner_id, changed_at
				from shared_plan_version where municipality_id = ? and plan_id = ? order by number desc""")
			.params(view.municipalityId(), planId)
			.query(VersionRow.class)
			.list()
			.stream()
			.map(row -> new Version(row.number(), ChangeKind.valueOf(row.changeKind()),
					describe(view, latest, ChangeKind.valueOf(row.changeKind()), row.changeItem()), row.changedBy(),
					new Recipient(row.unitId(), row.partnerId()), row.changedAt().toInstant()))
			.toList();
	}

	/** What a version changed, named only as far as the viewer may see the item. */
	private String describe(CaseView view, Content latest, ChangeKind kind, UUID item) {
		return switch (kind) {
			case BASICS -> "Borgerens mål, formål og rammer";
			case READY -> "Planen er gjort klar";
			case FOLLOW_UP -> "Opfølgning";
			case GOAL -> latest.goal(item)
				.filter(goal -> sees(view, goal))
				.flatMap(goal -> terms.theme(terms.currentVersion(), goal.theme()))
				.map(theme -> "Mål: " + theme.name())
				.orElse("Mål (skjult for dig)");
			case ACTION -> latest.actions()
				.stream()
				.filter(action -> action.id().equals(item))
				.findFirst()
				.filter(action -> view.isOwn(action.responsible())
						|| latest.goal(action.goalId()).filter(goal -> sees(view, goal)).isPresent())
				.map(action -> "Indsats: " + action.description())
				.orElse("Indsats (skjult for dig)");
		};
	}

	/**
	 * Deletes the citizen's shared plan with every version of it (goals, actions, follow-ups are in the versions),
	 * when the citizen's record is erased (see {@link PlanErasure}).
	 *
	 * @return how many plans were deleted (0 or 1)
	 */
	int deleteAllOf(UUID municipalityId, UUID citizenId) {
		jdbc.sql("""
				delete from shared_plan_version where municipality_id = ? and plan_id in
				    (select p.id from shared_plan p where p.municipality_id = ? and p.citizen_id = ?)""")
			.params(municipalityId, municipalityId, citizenId)
			.update();
		return jdbc.sql("delete from shared_plan where municipality_id = ? and citizen_id = ?")
			.params(municipalityId, citizenId)
			.update();
	}
}
