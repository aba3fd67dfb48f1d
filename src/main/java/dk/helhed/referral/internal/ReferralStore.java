package dk.helhed.referral.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.helhed.citizen.InformationCategory;
import dk.helhed.referral.ReferralStatus;
import dk.helhed.referral.internal.ReferralMoves.Actor;

/** The referral tables; every query is scoped by municipality. */
@Component
public class ReferralStore {

	public record Referral(UUID municipalityId, UUID id, UUID citizenId, UUID serviceId, UUID senderUnitId,
			UUID senderPartnerId, UUID receiverUnitId, String question, LocalDate wishedStart, UUID planActionId,
			ReferralStatus status, String reasonCode, String outcome, Instant createdAt, UUID createdBy,
			Instant firstAnswerAt, Instant outcomeAt, Instant loopClosedAt, int version,
			Set<InformationCategory> shared) {

		/** The receiver has answered with an outcome (or the referral ended), but the sender has not seen it. */
		public boolean loopOpen() {
			return loopClosedAt == null;
		}
	}

	public record HistoryEntry(int position, String move, ReferralStatus from, ReferralStatus to, Actor actor,
			UUID staffId, UUID unitId, String reasonCode, Integer reasonVersion, Instant at) {
	}

	private final JdbcClient jdbc;

	ReferralStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private Referral referral(ResultSet rs) throws SQLException {
		var municipalityId = rs.getObject("municipality_id", UUID.class);
		var id = rs.getObject("id", UUID.class);
		return new Referral(municipalityId, id, rs.getObject("citizen_id", UUID.class),
				rs.getObject("service_id", UUID.class), rs.getObject("sender_unit_id", UUID.class),
				rs.getObject("sender_partner_id", UUID.class), rs.getObject("receiver_unit_id", UUID.class),
				rs.getString("question"), rs.getObject("wished_start", LocalDate.class),
				rs.getObject("plan_action_id", UUID.class), ReferralStatus.valueOf(rs.getString("status")),
				rs.getString("reason_code"), rs.getString("outcome"), instant(rs, "created_at"),
				rs.getObject("created_by", UUID.class), instant(rs, "first_answer_at"), instant(rs, "outcome_at"),
				instant(rs, "loop_closed_at"), rs.getInt("version"), Set.of());
	}

	private Referral withShared(Referral r) {
		var shared = EnumSet.noneOf(InformationCategory.class);
		jdbc.sql("select category from referral_shared_category where municipality_id = ? and referral_id = ?")
			.params(r.municipalityId(), r.id())
			.query(String.class)
			.list()
			.forEach(category -> shared.add(InformationCategory.valueOf(category)));
		return new Referral(r.municipalityId(), r.id(), r.citizenId(), r.serviceId(), r.senderUnitId(),
				r.senderPartnerId(), r.receiverUnitId(), r.question(), r.wishedStart(), r.planActionId(), r.status(),
				r.reasonCode(), r.outcome(), r.createdAt(), r.createdBy(), r.firstAnswerAt(), r.outcomeAt(),
				r.loopClosedAt(), r.version(), shared);
	}

	void insert(Referral r) {
		jdbc.sql("""
				insert into referral (municipality_id, id, citizen_id, service_id, sender_unit_id, sender_partner_id,
				    receiver_unit_id, question, wished_start, plan_action_id, status, created_at, created_by, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
				""")
			.params(r.municipalityId(), r.id(), r.citizenId(), r.serviceId(), r.senderUnitId(), r.senderPartnerId(),
					r.receiverUnitId(), r.question(), r.wishedStart(), r.planActionId(), r.status().name(),
					PlaceStore.utc(r.createdAt()), r.createdBy())
			.update();
		for (var category : r.shared()) {
			jdbc.sql("insert into referral_shared_category (municipality_id, referral_id, category) values (?, ?, ?)")
				.params(r.municipalityId(), r.id(), category.name())
				.update();
		}
	}

	Optional<Referral> find(UUID municipalityId, UUID id) {
		return jdbc.sql("select * from referral where municipality_id = ? and id = ?")
			.params(municipalityId, id)
			.query((rs, n) -> referral(rs))
			.optional()
			.map(this::withShared);
	}

	/** Saves a move; false if someone else moved the referral since it was read (optimistic lock). */
	boolean move(Referral r, ReferralStatus to, String reasonCode, String outcome, Instant at) {
		boolean firstAnswer = r.firstAnswerAt() == null && r.status() == ReferralStatus.REQUESTED;
		boolean ends = to.isFinal();
		return jdbc.sql("""
				update referral set status = :to, reason_code = coalesce(:reason, reason_code),
				    outcome = coalesce(:outcome, outcome),
				    first_answer_at = case when :firstAnswer then :at else first_answer_at end,
				    outcome_at = case when :ends then :at else outcome_at end,
				    version = version + 1
				where municipality_id = :municipality and id = :id and version = :version
				""")
			.param("to", to.name())
			.param("reason", reasonCode)
			.param("outcome", outcome)
			.param("firstAnswer", firstAnswer)
			.param("ends", ends)
			.param("at", PlaceStore.utc(at))
			.param("municipality", r.municipalityId())
			.param("id", r.id())
			.param("version", r.version())
			.update() == 1;
	}

	boolean closeLoop(Referral r, Instant at) {
		return jdbc.sql("""
				update referral set loop_closed_at = ?, version = version + 1
				where municipality_id = ? and id = ? and version = ? and loop_closed_at is null
				""")
			.params(PlaceStore.utc(at), r.municipalityId(), r.id(), r.version())
			.update() == 1;
	}

	void record(Referral r, String move, ReferralStatus from, ReferralStatus to, Actor actor, UUID staffId,
			UUID unitId, PlaceStore.Reason reason, Instant at) {
		int position = jdbc.sql("select coalesce(max(position), 0) + 1 from referral_event where municipality_id = ? and referral_id = ?")
			.params(r.municipalityId(), r.id())
			.query(Integer.class)
			.single();
		jdbc.sql("""
				insert into referral_event (municipality_id, id, referral_id, position, move, from_status, to_status,
				    actor, staff_id, unit_id, reason_code, reason_version, at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(r.municipalityId(), UUID.randomUUID(), r.id(), position, move, from == null ? null : from.name(),
					to.name(), actor.name(), staffId, unitId, reason == null ? null : reason.code(),
					reason == null ? null : reason.version(), PlaceStore.utc(at))
			.update();
	}

	List<HistoryEntry> history(UUID municipalityId, UUID referralId) {
		return jdbc.sql("select * from referral_event where municipality_id = ? and referral_id = ? order by position")
			.params(municipalityId, referralId)
			.query((rs, n) -> historyEntry(rs))
			.list();
	}

	/**
	 * The history of every referral the unit has received, by referral, each in order: one statement for the unit's
	 * figures instead of one per referral (a unit of a large municipality has received thousands).
	 */
	java.util.Map<UUID, List<HistoryEntry>> historiesReceivedBy(UUID municipalityId, UUID unitId) {
		var histories = new java.util.LinkedHashMap<UUID, List<HistoryEntry>>();
		jdbc.sql("""
				select e.* from referral_event e
				join referral r on r.municipality_id = e.municipality_id and r.id = e.referral_id
				where r.municipality_id = ? and r.receiver_unit_id = ?
				order by e.referral_id, e.position""")
			.params(municipalityId, unitId)
			.query(rs -> {
				histories.computeIfAbsent(rs.getObject("referral_id", UUID.class), id -> new java.util.ArrayList<>())
					.add(historyEntry(rs));
			});
		return histories;
	}

	private static HistoryEntry historyEntry(java.sql.ResultSet rs) throws java.sql.SQLException {
		var from = rs.getString("from_status");
		return new HistoryEntry(rs.getInt("position"), rs.getString("move"),
				from == null ? null : ReferralStatus.valueOf(from), ReferralStatus.valueOf(rs.getString("to_status")),
				Actor.valueOf(rs.getString("actor")), rs.getObject("staff_id", UUID.class),
				rs.getObject("unit_id", UUID.class), rs.getString("reason_code"),
				rs.getObject("reason_version", Integer.class), instant(rs, "at"));
	}

	/** A unit's incoming (as receiver) or outgoing (as sender) referrals, oldest first. */
	List<Referral> queue(UUID municipalityId, UUID unitId, boolean incoming) {
		var column = incoming ? "receiver_unit_id" : "sender_unit_id";
		return jdbc.sql("select * from referral where municipality_id = ? and " + column + " = ? order by created_at, id")
			.params(municipalityId, unitId)
			.query((rs, n) -> referral(rs))
			.list();
	}

	/** Live referrals of the citizen, for the gate. */
	List<Referral> live(UUID municipalityId, UUID citizenId) {
		return jdbc.sql("select * from referral where municipality_id = ? and citizen_id = ? and status in ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')")
			.params(municipalityId, citizenId)
			.query((rs, n) -> referral(rs))
			.list()
			.stream()
			.map(this::withShared)
			.toList();
	}

	/** Every referral about the citizen, whatever its status, without the shared categories. */
	List<Referral> of(UUID municipalityId, UUID citizenId) {
		return jdbc.sql("select * from referral where municipality_id = ? and citizen_id = ?")
			.params(municipalityId, citizenId)
			.query((rs, n) -> referral(rs))
			.list();
	}

	/** The ids of every referral about the citizen, whatever its status. */
	List<UUID> idsOf(UUID municipalityId, UUID citizenId) {
		return jdbc.sql("select id from referral where municipality_id = ? and citizen_id = ?")
			.params(municipalityId, citizenId)
			.query(UUID.class)
			.list();
	}

	/**
	 * Deletes every referral about the citizen with its shared categories and its history, when the citizen's record
	 * is erased (see {@link ReferralErasure}; the decisions that name a referral go first).
	 *
	 * @return how many referrals were deleted
	 */
	int deleteAllOf(UUID municipalityId, UUID citizenId) {
		var mine = "(select r.id from referral r where r.municipality_id = ? and r.citizen_id = ?)";
		jdbc.sql("delete from referral_shared_category where municipality_id = ? and referral_id in " + mine)
			.params(municipalityId, municipalityId, citizenId)
			.update();
		jdbc.sql("delete from referral_event where municipality_id = ? and referral_id in " + mine)
			.params(municipalityId, municipalityId, citizenId)
			.update();
		return jdbc.sql("delete from referral where municipality_id = ? and citizen_id = ?")
			.params(municipalityId, citizenId)
			.update();
	}
}
