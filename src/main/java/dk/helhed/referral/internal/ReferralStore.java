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

	private static HistoryEntry historyEntry(java.sql.ResultSet rs) throws java.sql.SQLException {
		var from = rs.getString("from_status");
		return new HistoryEntry(rs.getInt("position"), rs.getString("move"),
				from == null ? null : ReferralStatus.valueOf(from), ReferralStatus.valueOf(rs.getString("to_status")),
				Actor.valueOf(rs.getString("actor")), rs.getObject("staff_id", UUID.class),
				rs.getObject("unit_id", UUID.class), rs.getString("reason_code"),
				rs.getObject("reason_version", Integer.class), instant(rs, "at"));
	}

	/** Where a page of a unit's closed referrals starts: after this referral, newest first. */
	public record After(Instant createdAt, UUID id) {

		/** As a link writes it: {@code <instant>_<referral id>}. */
		public String text() {
			return createdAt + "_" + id;
		}
	}

	/** How many of a unit's referrals (one side) wait for an answer, and how many have their loop still open. */
	record Counts(long waitingForAnswer, long loopNotClosed) {
	}

	private static String side(boolean incoming) {
		return incoming ? "receiver_unit_id" : "sender_unit_id";
	}

	/** The filters of the queue, in SQL: the unit's side, and optionally one state and one service. */
	private static String filters(boolean incoming, ReferralStatus status, UUID serviceId) {
		return " where municipality_id = :municipality and " + side(incoming) + " = :unit"
				+ (status == null ? "" : " and status = :status") + (serviceId == null ? "" : " and service_id = :service");
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UUID municipalityId, UUID unitId,
			ReferralStatus status, UUID serviceId) {
		spec = spec.param("municipality", municipalityId).param("unit", unitId);
		if (status != null) {
			spec = spec.param("status", status.name());
		}
		return serviceId == null ? spec : spec.param("service", serviceId);
	}

	/** One side's counts, in one statement over the unit's rows, whatever the filters. */
	Counts counts(UUID municipalityId, UUID unitId, boolean incoming) {
		return jdbc.sql("select coalesce(sum(case when status = 'REQUESTED' then 1 else 0 end), 0) as waiting,"
				+ " coalesce(sum(case when loop_closed_at is null then 1 else 0 end), 0) as open from referral"
				+ filters(incoming, null, null))
			.param("municipality", municipalityId)
			.param("unit", unitId)
			.query((rs, n) -> new Counts(rs.getLong("waiting"), rs.getLong("open")))
			.single();
	}

	/**
	 * A unit's incoming (as receiver) or outgoing (as sender) referrals whose loop is not closed (every live one, and
	 * the ended ones whose sender has not yet seen the result), oldest first: the referrals someone still has to act on.
	 */
	List<Referral> open(UUID municipalityId, UUID unitId, boolean incoming, ReferralStatus status, UUID serviceId) {
		return bind(jdbc.sql("select * from referral" + filters(incoming, status, serviceId)
				+ " and loop_closed_at is null order by created_at, id"), municipalityId, unitId, status, serviceId)
			.query((rs, n) -> referral(rs))
			.list();
	}

	/**
	 * A page of the unit's referrals whose loop is closed, newest first, after {@code after} (or from the newest);
	 * at most {@code limit} rows (keyset paging: the database stops after the page).
	 */
	List<Referral> closed(UUID municipalityId, UUID unitId, boolean incoming, ReferralStatus status, UUID serviceId,
			After after, int limit) {
		var sql = "select * from referral" + filters(incoming, status, serviceId) + " and loop_closed_at is not null"
				+ (after == null ? "" : " and (created_at < :afterAt or (created_at = :afterAt and id < :afterId))")
				+ " order by created_at desc, id desc fetch first " + limit + " rows only";
		var spec = bind(jdbc.sql(sql), municipalityId, unitId, status, serviceId);
		if (after != null) {
			spec = spec.param("afterAt", PlaceStore.utc(after.createdAt())).param("afterId", after.id());
		}
		return spec.query((rs, n) -> referral(rs)).list();
	}

	/** How many of the unit's referrals with a closed loop match the filters, older than {@code after} if given. */
	long closedCount(UUID municipalityId, UUID unitId, boolean incoming, ReferralStatus status, UUID serviceId,
			After after) {
		var sql = "select count(*) from referral" + filters(incoming, status, serviceId) + " and loop_closed_at is not null"
				+ (after == null ? "" : " and (created_at < :afterAt or (created_at = :afterAt and id < :afterId))");
		var spec = bind(jdbc.sql(sql), municipalityId, unitId, status, serviceId);
		if (after != null) {
			spec = spec.param("afterAt", PlaceStore.utc(after.createdAt())).param("afterId", after.id());
		}
		return spec.query(Long.class).single();
	}

	/** A median of the unit's incoming referrals and how many it is of; null when there are none. */
	record Median(java.time.Duration duration, int of) {
	}

	/**
	 * The median time from sending to {@code column} (first_answer_at or outcome_at, which the moves set from the
	 * same transitions the history records) of the unit's incoming referrals, computed in the database: the middle
	 * row (the upper one of an even count) by duration, and the count.
	 */
	Median median(UUID municipalityId, UUID unitId, String column) {
		if (!column.equals("first_answer_at") && !column.equals("outcome_at")) {
			throw new IllegalArgumentException(column);
		}
		return jdbc.sql("select created_at, " + column + " as answered_at, n from (select created_at, " + column
				+ ", row_number() over (order by " + column + " - created_at, id) as rn, count(*) over () as n"
				+ " from referral where municipality_id = ? and receiver_unit_id = ? and " + column
				+ " is not null) t where rn = n / 2 + 1")
			.params(municipalityId, unitId)
			.query((rs, n) -> new Median(java.time.Duration.between(instant(rs, "created_at"), instant(rs, "answered_at")),
					rs.getInt("n")))
			.optional()
			.orElse(new Median(null, 0));
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
