package dk.helhed.referral.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The referral module's tables of places, allocations and waiting lists; every query is scoped by municipality. */
@Component
public class PlaceStore {

	/** A place (a flat, a room) of one kind of a service's places. */
	public record Place(UUID municipalityId, UUID id, UUID serviceId, UUID capacityId, int number, Instant closedAt,
			int version) {
	}

	public enum Kind {
		HOLD, OCCUPANCY
	}

	public enum Status {
		ACTIVE, ENDED
	}

	public record Allocation(UUID municipalityId, UUID id, UUID placeId, UUID serviceId, UUID citizenId, Kind kind,
			Status status, Instant startedAt, Instant expiresAt, LocalDate plannedMoveOut, Instant endedAt,
			String endReason, UUID waitingEntryId, Integer ruleVersion, String ruleInputs) {
	}

	public enum Urgency {
		ACUTE, HIGH, NORMAL
	}

	public enum EntryStatus {
		WAITING, OFFERED, PLACED, REMOVED
	}

	public record Entry(UUID municipalityId, UUID id, UUID serviceId, UUID citizenId, UUID ownerUnitId, Urgency urgency,
			LocalDate requestedOn, int tieBreaker, EntryStatus status, Instant createdAt, String endReason,
			int version) {
	}

	/** A coded reason from the versioned list, with who decided and what follows. */
	public record Reason(String list, String code, int version, String label, String decidedBy, String consequence) {
	}

	private final JdbcClient jdbc;

	PlaceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static Place place(ResultSet rs, int n) throws SQLException {
		return new Place(rs.getObject("municipality_id", UUID.class), rs.getObject("id", UUID.class),
				rs.getObject("service_id", UUID.class), rs.getObject("capacity_id", UUID.class), rs.getInt("number"),
				instant(rs, "closed_at"), rs.getInt("version"));
	}

	private static Allocation allocation(ResultSet rs, int n) throws SQLException {
		var moveOut = rs.getObject("planned_move_out", LocalDate.class);
		var rule = rs.getObject("rule_version", Integer.class);
		return new Allocation(rs.getObject("municipality_id", UUID.class), rs.getObject("id", UUID.class),
				rs.getObject("place_id", UUID.class), rs.getObject("service_id", UUID.class),
				rs.getObject("citizen_id", UUID.class), Kind.valueOf(rs.getString("kind")),
				Status.valueOf(rs.getString("status")), instant(rs, "started_at"), instant(rs, "expires_at"), moveOut,
				instant(rs, "ended_at"), rs.getString("end_reason"), rs.getObject("waiting_entry_id", UUID.class), rule,
				rs.getString("rule_inputs"));
	}

	private static Entry entry(ResultSet rs, int n) throws SQLException {
		return new Entry(rs.getObject("municipality_id", UUID.class), rs.getObject("id", UUID.class),
				rs.getObject("service_id", UUID.class), rs.getObject("citizen_id", UUID.class),
				rs.getObject("owner_unit_id", UUID.class), Urgency.valueOf(rs.getString("urgency")),
				rs.getObject("requested_on", LocalDate.class), rs.getInt("tie_breaker"),
				EntryStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), rs.getString("end_reason"),
				rs.getInt("version"));
	}

	// Places

	List<Place> placesOfCapacity(UUID municipalityId, UUID capacityId) {
		return jdbc.sql("select * from place where municipality_id = ? and capacity_id = ? order by number")
			.params(municipalityId, capacityId)
			.query(PlaceStore::place)
			.list();
	}

	List<Place> placesOfService(UUID municipalityId, UUID serviceId) {
		return jdbc.sql("select * from place where municipality_id = ? and service_id = ? order by capacity_id, number")
			.params(municipalityId, serviceId)
			.query(PlaceStore::place)
			.list();
	}

	Optional<Place> place(UUID municipalityId, UUID placeId) {
		return jdbc.sql("select * from place where municipality_id = ? and id = ?")
			.params(municipalityId, placeId)
			.query(PlaceStore::place)
			.optional();
	}

	boolean keepsCapacity(UUID municipalityId, UUID capacityId) {
		return jdbc.sql("select count(*) from place where municipality_id = ? and capacity_id = ?")
			.params(municipalityId, capacityId)
			.query(Integer.class)
			.single() > 0;
	}

	void insertPlace(Place place) {
		jdbc.sql("""
				insert into place (municipality_id, id, service_id, capacity_id, number, closed_at, version)
				values (?, ?, ?, ?, ?, ?, 0)
				""")
			.params(place.municipalityId(), place.id(), place.serviceId(), place.capacityId(), place.number(),
					utc(place.closedAt()))
			.update();
	}

	void closePlace(UUID municipalityId, UUID placeId, Instant at, String reason) {
		jdbc.sql("update place set closed_at = ?, closed_reason = ?, version = version + 1 where municipality_id = ? and id = ?")
			.params(utc(at), reason, municipalityId, placeId)
			.update();
	}

	String closedReason(UUID municipalityId, UUID placeId) {
		return jdbc.sql("select closed_reason from place where municipality_id = ? and id = ?")
			.params(municipalityId, placeId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	void reopenPlace(UUID municipalityId, UUID placeId) {
		jdbc.sql("update place set closed_at = null, closed_reason = null, version = version + 1 where municipality_id = ? and id = ?")
			.params(municipalityId, placeId)
			.update();
	}

	/** Optimistic lock on the place: false if someone changed it since it was read. */
	boolean bumpVersion(Place place) {
		return jdbc.sql("update place set version = version + 1 where municipality_id = ? and id = ? and version = ?")
			.params(place.municipalityId(), place.id(), place.version())
			.update() == 1;
	}

	/** Places not closed and without an active allocation. */
	int freePlaces(UUID municipalityId, UUID capacityId) {
		return jdbc.sql("""
				select count(*) from place p
				where p.municipality_id = ? and p.capacity_id = ? and p.closed_at is null
				  and not exists (select 1 from place_allocation a
				                  where a.municipality_id = p.municipality_id and a.active_place_id = p.id)
				""")
			.params(municipalityId, capacityId)
			.query(Integer.class)
			.single();
	}

	// Allocations

	Optional<Allocation> activeAllocation(UUID municipalityId, UUID placeId) {
		return jdbc.sql("select * from place_allocation where municipality_id = ? and active_place_id = ?")
			.params(municipalityId, placeId)
			.query(PlaceStore::allocation)
			.optional();
	}

	/** The active allocations of the service's places, in one statement (as {@link #activeAllocation} for each). */
	List<Allocation> activeAllocationsOfServicePlaces(UUID municipalityId, UUID serviceId) {
		return jdbc.sql("""
				select a.* from place p
				join place_allocation a on a.municipality_id = p.municipality_id and a.active_place_id = p.id
				where p.municipality_id = ? and p.service_id = ?
				""")
			.params(municipalityId, serviceId)
			.query(PlaceStore::allocation)
			.list();
	}

	Optional<Allocation> allocation(UUID municipalityId, UUID allocationId) {
		return jdbc.sql("select * from place_allocation where municipality_id = ? and id = ?")
			.params(municipalityId, allocationId)
			.query(PlaceStore::allocation)
			.optional();
	}

	List<Allocation> activeAllocationsOfService(UUID municipalityId, UUID serviceId) {
		return jdbc.sql("select * from place_allocation where municipality_id = ? and service_id = ? and status = 'ACTIVE'")
			.params(municipalityId, serviceId)
			.query(PlaceStore::allocation)
			.list();
	}

	List<Allocation> expiredHolds(Instant now) {
		return jdbc.sql("select * from place_allocation where status = 'ACTIVE' and kind = 'HOLD' and expires_at <= ? order by expires_at")
			.params(utc(now))
			.query(PlaceStore::allocation)
			.list();
	}

	void insertAllocation(Allocation a, UUID createdBy) {
		var active = a.status() == Status.ACTIVE;
		jdbc.sql("""
				insert into place_allocation (municipality_id, id, place_id, service_id, citizen_id, kind, status,
				    started_at, expires_at, planned_move_out, created_by, waiting_entry_id, rule_version, rule_inputs,
				    active_place_id, active_offer_citizen_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(a.municipalityId(), a.id(), a.placeId(), a.serviceId(), a.citizenId(), a.kind().name(),
					a.status().name(), utc(a.startedAt()), utc(a.expiresAt()), a.plannedMoveOut(), createdBy,
					a.waitingEntryId(), a.ruleVersion(), a.ruleInputs(), active ? a.placeId() : null,
					active && a.kind() == Kind.HOLD ? a.citizenId() : null)
			.update();
	}

	/** Ends an active allocation; false if it was no longer active (someone else ended it first). */
	boolean endAllocation(UUID municipalityId, UUID allocationId, Instant at, String reason) {
		return jdbc.sql("""
				update place_allocation set status = 'ENDED', ended_at = ?, end_reason = ?, active_place_id = null,
				    active_offer_citizen_id = null
				where municipality_id = ? and id = ? and status = 'ACTIVE'
				""")
			.params(utc(at), reason, municipalityId, allocationId)
			.update() == 1;
	}

	void planMoveOut(UUID municipalityId, UUID allocationId, LocalDate date) {
		jdbc.sql("update place_allocation set planned_move_out = ? where municipality_id = ? and id = ?")
			.params(date, municipalityId, allocationId)
			.update();
	}

	// Waiting lists

	void insertEntry(Entry e, UUID createdBy) {
		jdbc.sql("""
				insert into waiting_list_entry (municipality_id, id, service_id, citizen_id, owner_unit_id, urgency,
				    requested_on, tie_breaker, status, active_citizen_id, created_at, created_by, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?, ?, ?, 0)
				""")
			.params(e.municipalityId(), e.id(), e.serviceId(), e.citizenId(), e.ownerUnitId(), e.urgency().name(),
					e.requestedOn(), e.tieBreaker(), e.citizenId(), utc(e.createdAt()), createdBy)
			.update();
	}

	Optional<Entry> entry(UUID municipalityId, UUID entryId) {
		return jdbc.sql("select * from waiting_list_entry where municipality_id = ? and id = ?")
			.params(municipalityId, entryId)
			.query(PlaceStore::entry)
			.optional();
	}

	Optional<Entry> activeEntry(UUID municipalityId, UUID serviceId, UUID citizenId) {
		return jdbc.sql("select * from waiting_list_entry where municipality_id = ? and service_id = ? and active_citizen_id = ?")
			.params(municipalityId, serviceId, citizenId)
			.query(PlaceStore::entry)
			.optional();
	}

	List<Entry> waiting(UUID municipalityId, UUID serviceId) {
		return jdbc.sql("select * from waiting_list_entry where municipality_id = ? and service_id = ? and status = 'WAITING'")
			.params(municipalityId, serviceId)
			.query(PlaceStore::entry)
			.list();
	}

	/** Moves an entry from one status to another; false if it was not in the expected status. */
	boolean moveEntry(UUID municipalityId, UUID entryId, EntryStatus from, EntryStatus to, Instant at, String reason) {
		var ends = to == EntryStatus.PLACED || to == EntryStatus.REMOVED;
		return jdbc.sql("""
				update waiting_list_entry set status = :to, version = version + 1,
				    active_citizen_id = case when :ends then null else citizen_id end,
				    ended_at = case when :ends then :at else null end,
				    end_reason = coalesce(:reason, end_reason)
				where municipality_id = :municipality and id = :id and status = :from
				""")
			.param("to", to.name())
			.param("ends", ends)
			.param("at", utc(at))
			.param("reason", reason)
			.param("municipality", municipalityId)
			.param("id", entryId)
			.param("from", from.name())
			.update() == 1;
	}

	// Reasons and rules

	/** The reason's newest version valid on the day. */
	Optional<Reason> reason(String list, String code, LocalDate on) {
		return jdbc.sql("""
				select list, code, version, label, decided_by, consequence from reason_code
				where list = ? and code = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
				order by version desc
				""")
			.params(list, code, on, on)
			.query((rs, n) -> new Reason(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.stream()
			.findFirst();
	}

	public List<Reason> reasons(String list, LocalDate on) {
		return jdbc.sql("""
				select r.list, r.code, r.version, r.label, r.decided_by, r.consequence from reason_code r
				where r.list = ? and r.valid_from <= ? and (r.valid_to is null or r.valid_to > ?)
				  and r.version = (select max(v.version) from reason_code v where v.list = r.list and v.code = r.code
				                   and v.valid_from <= ?)
				order by r.label
				""")
			.params(list, on, on, on)
			.query((rs, n) -> new Reason(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
	}

	public record Rule(int version, LocalDate validFrom, String title, String description) {
	}

	/** The priority rule in force on the day. */
	Rule rule(LocalDate on) {
		return jdbc.sql("select version, valid_from, title, description from priority_rule where valid_from <= ? order by valid_from desc, version desc")
			.params(on)
			.query((rs, n) -> new Rule(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					rs.getString(4)))
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No priority rule is in force on " + on));
	}

	// Notifications

	void notifyUnit(UUID municipalityId, UUID unitId, String kind, String text, String link, Instant at) {
		jdbc.sql("""
				insert into unit_notification (municipality_id, id, unit_id, kind, text, link, created_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(municipalityId, UUID.randomUUID(), unitId, kind, text, link, utc(at))
			.update();
	}

	public record Notification(UUID id, String kind, String text, String link, Instant createdAt, Instant readAt) {
	}

	List<Notification> notifications(UUID municipalityId, UUID unitId) {
		return jdbc.sql("select * from unit_notification where municipality_id = ? and unit_id = ? order by created_at desc")
			.params(municipalityId, unitId)
			.query((rs, n) -> new Notification(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getString("text"), rs.getString("link"), instant(rs, "created_at"), instant(rs, "read_at")))
			.list();
	}

	// Erasure of a citizen's record (see ReferralErasure)

	/** The citizen's holds and occupancies that are still active. */
	List<Allocation> activeAllocationsOfCitizen(UUID municipalityId, UUID citizenId) {
		return jdbc.sql("select * from place_allocation where municipality_id = ? and citizen_id = ? and status = 'ACTIVE'")
			.params(municipalityId, citizenId)
			.query(PlaceStore::allocation)
			.list();
	}

	void deleteNotificationsLinkingTo(UUID municipalityId, String link) {
		jdbc.sql("delete from unit_notification where municipality_id = ? and link = ?")
			.params(municipalityId, link)
			.update();
	}

	/**
	 * Erases the citizen from the places: their waiting-list entries and offers (holds) are deleted; an occupancy
	 * stays as the place's history, that the place was occupied from one moment to another, and keeps nothing else
	 * (no citizen, no waiting-list entry, no rule inputs, no planned move-out, no staff member). The caller has ended
	 * the active ones first.
	 */
	void eraseCitizen(UUID municipalityId, UUID citizenId) {
		jdbc.sql("delete from place_allocation where municipality_id = ? and citizen_id = ? and kind = 'HOLD'")
			.params(municipalityId, citizenId)
			.update();
		jdbc.sql("""
				update place_allocation set citizen_id = null, waiting_entry_id = null, rule_version = null,
				    rule_inputs = null, planned_move_out = null, created_by = null
				where municipality_id = ? and citizen_id = ?""")
			.params(municipalityId, citizenId)
			.update();
		jdbc.sql("delete from waiting_list_entry where municipality_id = ? and citizen_id = ?")
			.params(municipalityId, citizenId)
			.update();
	}

	long unread(UUID municipalityId, java.util.Set<UUID> unitIds, String kind) {
		if (unitIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("select count(*) from unit_notification where municipality_id = :municipality"
				+ " and unit_id in (:units) and kind = :kind and read_at is null")
			.param("municipality", municipalityId)
			.param("units", List.copyOf(unitIds))
			.param("kind", kind)
			.query(Long.class)
			.single();
	}

	void markRead(UUID municipalityId, java.util.Set<UUID> unitIds, String link, Instant at) {
		if (unitIds.isEmpty()) {
			return;
		}
		jdbc.sql("update unit_notification set read_at = :at where municipality_id = :municipality"
				+ " and unit_id in (:units) and link = :link and read_at is null")
			.param("at", utc(at))
			.param("municipality", municipalityId)
			.param("units", List.copyOf(unitIds))
			.param("link", link)
			.update();
	}
}
