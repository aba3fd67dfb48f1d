package dk.helhed.plan.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseView;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.TimelineEntry;
import dk.helhed.citizen.TimelineEntry.Kind;
import dk.helhed.citizen.TimelineSource;
import dk.helhed.identity.StaffMember;
import dk.helhed.plan.internal.Plans.VisibleAction;
import dk.helhed.plan.web.PlanLabels;

/**
 * The plan module's part of the timeline: each assessment, and each version of the shared plan (its frame, a goal,
 * an action, a follow-up, the plan made ready). What is shown is what {@link Assessments#visible} and
 * {@link Plans#find} let the viewer see through the gate's view: an assessment names only the sub-themes the view
 * covers; a version of the plan appears only when the item it changed is one the viewer sees (an action always
 * where the viewer's unit is responsible for it).
 */
@Component
class PlanTimeline implements TimelineSource {

	private static final PlanLabels LABELS = new PlanLabels();

	private final Plans plans;
	private final Assessments assessments;
	private final JdbcClient jdbc;

	PlanTimeline(Plans plans, Assessments assessments, JdbcClient jdbc) {
		this.plans = plans;
		this.assessments = assessments;
		this.jdbc = jdbc;
	}

	private record VersionRow(int number, String changeKind, UUID changeItem, UUID unitId, UUID partnerId,
			OffsetDateTime changedAt) {
	}

	@Override
	public List<TimelineEntry> entriesFor(CaseView view, StaffMember viewer) {
		List<TimelineEntry> entries = new ArrayList<>();
		var base = "/personale/borgere/" + view.citizenId();
		for (var assessment : assessments.visible(view)) {
			var themes = assessment.ratings()
				.stream()
				.map(rating -> rating.theme().name() + (rating.level() == null ? "" : ": " + rating.level().name()))
				.collect(Collectors.joining("; "));
			entries.add(new TimelineEntry(assessment.madeAt(), Kind.ASSESSMENT, null, assessment.holder(),
					"Helhedsvurdering af " + LABELS.date(assessment.assessedOn()),
					themes.isEmpty() ? null : themes, base + "/helhedsvurdering/" + assessment.id()));
		}
		var plan = plans.find(view, null).orElse(null);
		if (plan == null) {
			return entries;
		}
		Map<UUID, Plans.VisibleGoal> goals = new HashMap<>();
		Map<UUID, VisibleAction> actions = new HashMap<>();
		for (var goal : plan.goals()) {
			goals.put(goal.goal().id(), goal);
			goal.actions().forEach(action -> actions.put(action.action().id(), action));
		}
		plan.ownActionsWithoutGoal().forEach(action -> actions.put(action.action().id(), action));
		Map<UUID, Plans.FollowUp> followUps = new HashMap<>();
		plan.followUps().forEach(followUp -> followUps.put(followUp.id(), followUp));
		var versions = jdbc.sql("""
				select number, change_kind, change_item, unit_id, partner_id, changed_at
				from shared_plan_version where municipality_id = ? and plan_id = ? order by number""")
			.params(view.municipalityId(), plan.planId())
			.query(VersionRow.class)
			.list();
		for (var version : versions) {
			var at = version.changedAt().toInstant();
			var party = new Recipient(version.unitId(), version.partnerId());
			var link = base + "/plan/versioner/" + version.number();
			var item = version.changeItem();
			switch (Plans.ChangeKind.valueOf(version.changeKind())) {
				case BASICS -> {
					if (plan.generalVisible()) {
						entries.add(new TimelineEntry(at, Kind.PLAN, Plans.GENERAL_PART, party,
								"Handleplanen: borgerens mål, formål og rammer (udgave " + version.number() + ")", null,
								link));
					}
				}
				case READY -> {
					if (plan.generalVisible()) {
						entries.add(new TimelineEntry(at, Kind.PLAN, Plans.GENERAL_PART, party,
								"Handleplanen er gjort klar (udgave " + version.number() + ")", null, link));
					}
				}
				case GOAL -> {
					var goal = goals.get(item);
					if (goal != null) {
						entries.add(new TimelineEntry(at, Kind.PLAN, goal.theme().category(), goal.goal().recordedBy(),
								"Mål i handleplanen: " + goal.theme().name(), goal.goal().what() + " Nået senest "
										+ LABELS.date(goal.goal().byWhen()) + ".",
								link));
					}
				}
				case ACTION -> {
					var action = actions.get(item);
					if (action != null) {
						var goal = action.goal() == null ? null : goals.get(action.goal().id());
						InformationCategory category = goal == null ? null : goal.theme().category();
						var when = "Fra " + LABELS.date(action.action().start())
								+ (action.action().end() == null ? "" : " til " + LABELS.date(action.action().end()));
						entries.add(new TimelineEntry(at, Kind.ACTION, category, action.action().responsible(),
								"Indsats: " + action.action().description(),
								(action.serviceName() == null ? "" : action.serviceName() + ". ") + when + ".", link));
					}
				}
				case FOLLOW_UP -> {
					var followUp = followUps.get(item);
					if (followUp != null) {
						entries.add(new TimelineEntry(at, Kind.FOLLOW_UP, Plans.GENERAL_PART, followUp.recordedBy(),
								"Opfølgning " + LABELS.date(followUp.heldOn()) + ": " + LABELS.of(followUp.outcome()),
								followUp.evaluation() + (followUp.next() == null ? ""
										: " Næste opfølgning " + LABELS.date(followUp.next()) + "."),
								link));
					}
				}
			}
		}
		return entries;
	}
}
