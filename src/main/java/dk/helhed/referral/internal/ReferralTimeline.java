package dk.helhed.referral.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.helhed.catalog.Services;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseView;
import dk.helhed.citizen.TimelineEntry;
import dk.helhed.citizen.TimelineEntry.Kind;
import dk.helhed.citizen.TimelineSource;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;

/**
 * The referral module's part of the timeline: every change of state of the citizen's referrals, and the decisions
 * made about the citizen. A referral is shown to its two sides only, as its own page is ({@link ReferralWork}); a
 * decision to the deciding unit and to the sides of the referral it answers. That a unit sent someone to an addiction
 * centre can itself be information no consent gave another unit.
 */
@Component
class ReferralTimeline implements TimelineSource {

	private static final Map<String, String> OUTCOMES = Map.of("GRANTED", "Bevilget", "PARTLY_GRANTED",
			"Delvist bevilget", "REFUSED", "Afslag");

	private final ReferralStore store;
	private final JdbcClient jdbc;
	private final Services services;
	private final Municipalities municipalities;

	ReferralTimeline(ReferralStore store, JdbcClient jdbc, Services services, Municipalities municipalities) {
		this.store = store;
		this.jdbc = jdbc;
		this.services = services;
		this.municipalities = municipalities;
	}

	private record DecisionRow(UUID id, UUID serviceId, UUID referralId, String outcome, UUID decidingUnitId,
			OffsetDateTime decidedAt, String paragraph, String plainTitle) {
	}

	@Override
	public List<TimelineEntry> entriesFor(CaseView view, StaffMember viewer) {
		var municipalityId = view.municipalityId();
		Map<UUID, String> units = new HashMap<>();
		municipalities.unitsOf(municipalityId).forEach(unit -> units.put(unit.id(), unit.name()));
		municipalities.partnersOf(municipalityId).forEach(partner -> units.put(partner.id(), partner.name()));
		List<TimelineEntry> entries = new ArrayList<>();
		Map<UUID, ReferralStore.Referral> seen = new HashMap<>();
		var ids = jdbc.sql("select id from referral where municipality_id = ? and citizen_id = ? order by created_at")
			.params(municipalityId, view.citizenId())
			.query(UUID.class)
			.list();
		for (var id : ids) {
			var referral = store.find(municipalityId, id).orElse(null);
			if (referral == null || ReferralWork.actors(viewer, referral).isEmpty()) {
				continue;
			}
			seen.put(id, referral);
			var service = serviceName(municipalityId, referral.serviceId());
			var sender = referral.senderUnitId() != null ? units.get(referral.senderUnitId())
					: units.get(referral.senderPartnerId());
			var detail = "Fra " + (sender == null ? "en enhed" : sender) + " til "
					+ units.getOrDefault(referral.receiverUnitId(), "en enhed") + ".";
			for (var event : store.history(municipalityId, id)) {
				var holder = event.unitId() != null ? new Recipient(event.unitId(), null)
						: new Recipient(referral.senderUnitId(), referral.senderPartnerId());
				entries.add(new TimelineEntry(event.at(), Kind.REFERRAL, null, holder,
						"Henvisning til " + service + ": " + event.to().label(), detail, "/personale/henvisninger/" + id));
			}
		}
		var decisions = jdbc.sql("""
				select d.id, d.service_id, d.referral_id, d.outcome, d.deciding_unit_id, d.decided_at, r.paragraph,
				       r.plain_title
				from decision d join legal_reference r on r.code = d.legal_code and r.version = d.legal_version
				where d.municipality_id = ? and d.citizen_id = ? order by d.decided_at""")
			.params(municipalityId, view.citizenId())
			.query(DecisionRow.class)
			.list();
		for (var decision : decisions) {
			boolean shown = viewer.belongsTo(decision.decidingUnitId())
					|| (decision.referralId() != null && seen.containsKey(decision.referralId()));
			if (shown) {
				entries.add(new TimelineEntry(decision.decidedAt().toInstant(), Kind.DECISION, null,
						new Recipient(decision.decidingUnitId(), null),
						"Afgørelse om " + serviceName(municipalityId, decision.serviceId()) + ": "
								+ OUTCOMES.getOrDefault(decision.outcome(), decision.outcome()),
						"Serviceloven " + decision.paragraph() + ": " + decision.plainTitle() + ".",
						viewer.belongsTo(decision.decidingUnitId())
								? "/personale/borgere/" + view.citizenId() + "/afgoerelser/" + decision.id() : null));
			}
		}
		return entries;
	}

	private String serviceName(UUID municipalityId, UUID serviceId) {
		return services.find(municipalityId, serviceId).map(Services.Summary::name).orElse("en indsats");
	}
}
