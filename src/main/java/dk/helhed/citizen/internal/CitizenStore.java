package dk.helhed.citizen.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.helhed.citizen.CaseRecords.Involvement;
import dk.helhed.citizen.CaseRecords.InvolvementBasis;
import dk.helhed.citizen.CaseRecords.Kind;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseRecords.Status;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.identity.StaffMember;

/**
 * Reads and writes the citizen tables. Every query is scoped by municipality. No access decisions here: those are
 * the {@link AccessPolicy}'s, applied by {@link CaseSupport} and {@link CaseGate} before anything leaves the module.
 */
@Component
class CitizenStore {

	/** A citizen's row, with the encrypted CPR number and its keyed hash. */
	record Row(UUID id, UUID municipalityId, Kind kind, String cprEncrypted, String cprHash, String name,
			String pseudonym, Integer birthYear, String phone, String email, String address, String preferredLanguage,
			Status status, LocalDate closedOn, UUID joinedInto, boolean synthetic, int version) {
	}

	private final JdbcClient jdbc;
	private final GroundStore grounds;

	CitizenStore(JdbcClient jdbc, GroundStore grounds) {
		this.jdbc = jdbc;
		this.grounds = grounds;
	}

	void insert(Row row, UUID createdBy, Instant at) {
		jdbc.sql("""
				insert into citizen (id, municipality_id, kind, cpr_encrypted, cpr_hash, name, pseudonym, birth_year, phone,
				                     email, address, preferred_language, status, closed_on, joined_into, synthetic,
				                     created_at, created_by, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
			.params(row.id(), row.municipalityId(), row.kind().name(), row.cprEncrypted(), row.cprHash(), row.name(),
					row.pseudonym(), row.birthYear(), row.phone(), row.email(), row.address(), row.preferredLanguage(),
					row.status().name(), row.closedOn(), row.joinedInto(), row.synthetic(), utc(at), createdBy)
			.update();
	}

	/** Saves a changed row if nobody else changed it since it was read; false otherwise. */
	boolean update(Row row) {
		return jdbc.sql("""
				update citizen set name = ?, pseudonym = ?, birth_year = ?, phone = ?, email = ?, address = ?,
				                   preferred_language = ?, status = ?, closed_on = ?, joined_into = ?, cpr_encrypted = ?,
				                   cpr_hash = ?, version = version + 1
				where id = ? and municipality_id = ? and version = ?""")
			.params(row.name(), row.pseudonym(), row.birthYear(), row.phone(), row.email(), row.address(),
					row.preferredLanguage(), row.status().name(), row.closedOn(), row.joinedInto(), row.cprEncrypted(),
					row.cprHash(), row.id(), row.municipalityId(), row.version())
			.update() == 1;
	}

	Optional<Row> find(UUID municipalityId, UUID id) {
		return jdbc.sql(SELECT + " where municipality_id = ? and id = ?")
			.params(municipalityId, id)
			.query(this::row)
			.optional();
	}

	Optional<Row> findByCprHash(UUID municipalityId, String hash) {
		return jdbc.sql(SELECT + " where municipality_id = ? and cpr_hash = ?")
			.params(municipalityId, hash)
			.query(this::row)
			.optional();
	}

	/**
	 * The names the data-protection officer reads in the audit log: the name of an identified citizen, the pseudonym
	 * of an anonymous contact; an anonymised record has neither and is left out.
	 */
	Map<UUID, String> names(UUID municipalityId, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		var names = new HashMap<UUID, String>();
		jdbc.sql("select id, coalesce(name, pseudonym) as shown from citizen where municipality_id = :municipality "
				+ "and id in (:ids)")
			.param("municipality", municipalityId)
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> {
				var shown = rs.getString("shown");
				if (shown != null) {
					names.put(rs.getObject("id", UUID.class), shown);
				}
				return null;
			})
			.list();
		return names;
	}

	/**
	 * Citizens whose name or pseudonym contains the text (case-insensitive), at most 200, of those the staff member
	 * has a ground for today: their unit's (or organisation's) involvement, a consent naming it as recipient or
	 * recorded for it, a legal basis naming it, or their own emergency access. A prefilter: {@link AccessPolicy}
	 * decides each of them (e.g. a consent that passes on nothing, criminal matters only).
	 */
	List<Row> findByName(StaffMember staff, String text, LocalDate today, Instant now) {
		if (staff.partnerId() == null && staff.unitIds().isEmpty()) {
			return List.of();
		}
		var pattern = "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		boolean partner = staff.partnerId() != null;
		var party = partner ? "%s.partner_id = :partner" : "%s.unit_id in (:units)";
		var recordedFor = partner ? "k.recorded_partner_id = :partner" : "k.recorded_unit_id in (:units)";
		var sql = SELECT + " c " + """
				where c.municipality_id = :municipality and c.status <> 'ANONYMISED'
				  and (lower(c.name) like :pattern escape '\\' or lower(c.pseudonym) like :pattern escape '\\')
				  and (exists (select 1 from involvement i where i.municipality_id = c.municipality_id
				                 and i.citizen_id = c.id and i.since <= :today
				                 and (i.ended_on is null or i.ended_on > :today) and %1$s)
				    or exists (select 1 from consent k where k.municipality_id = c.municipality_id and k.citizen_id = c.id
				                 and k.withdrawn_at is null and k.given_on <= :today and k.expires_on >= :today
				                 and (%2$s or exists (select 1 from consent_recipient r
				                                        where r.municipality_id = k.municipality_id
				                                          and r.consent_id = k.id and %3$s)))
				    or exists (select 1 from legal_basis b where b.municipality_id = c.municipality_id
				                 and b.citizen_id = c.id and b.revoked_at is null and b.valid_until >= :today and %4$s)
				    or exists (select 1 from emergency_access e where e.municipality_id = c.municipality_id
				                 and e.citizen_id = c.id and e.staff_id = :staff and e.granted_at <= :now
				                 and e.expires_at > :now))
				order by c.name, c.pseudonym limit 200""".formatted(party.formatted("i"), recordedFor,
						party.formatted("r"), party.formatted("b"));
		var query = jdbc.sql(sql)
			.param("municipality", staff.municipalityId())
			.param("pattern", pattern)
			.param("today", today)
			.param("staff", staff.id())
			.param("now", utc(now));
		query = partner ? query.param("partner", staff.partnerId()) : query.param("units", List.copyOf(staff.unitIds()));
		return query.query(this::row).list();
	}

	List<Row> closedBefore(LocalDate day) {
		return jdbc.sql(SELECT + " where status = 'CLOSED' and closed_on < ?").param(day).query(this::row).list();
	}

	private static final String SELECT = """
			select id, municipality_id, kind, cpr_encrypted, cpr_hash, name, pseudonym, birth_year, phone, email, address,
			       preferred_language, status, closed_on, joined_into, synthetic, version
			from citizen""";

	private Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				Kind.valueOf(rs.getString("kind")), rs.getString("cpr_encrypted"), rs.getString("cpr_hash"),
				rs.getString("name"), rs.getString("pseudonym"), (Integer) rs.getObject("birth_year"),
				rs.getString("phone"), rs.getString("email"), rs.getString("address"),
				rs.getString("preferred_language"), Status.valueOf(rs.getString("status")),
				rs.getObject("closed_on", LocalDate.class), rs.getObject("joined_into", UUID.class),
				rs.getBoolean("synthetic"), rs.getInt("version"));
	}

	// Involvement

	void involve(UUID municipalityId, UUID citizenId, Recipient party, InvolvementBasis basis, String basisRef,
			LocalDate since, UUID by, Instant at) {
		jdbc.sql("""
				insert into involvement (id, municipality_id, citizen_id, unit_id, partner_id, basis, basis_ref, since,
				                         recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), municipalityId, citizenId, party.unitId(), party.partnerId(), basis.name(),
					basisRef, since, by, utc(at))
			.update();
	}

	/** A partner organisation involved by a unit of the case, with the unit's reason. */
	void involvePartner(UUID municipalityId, UUID citizenId, UUID partnerId, UUID byUnit, String reason,
			LocalDate since, UUID by, Instant at) {
		jdbc.sql("""
				insert into involvement (id, municipality_id, citizen_id, unit_id, partner_id, basis, basis_ref, since,
				                         recorded_by, recorded_at, reason)
				values (?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), municipalityId, citizenId, partnerId, InvolvementBasis.INVOLVED_BY_UNIT.name(),
					byUnit.toString(), since, by, utc(at), reason)
			.update();
	}

	/** Everything an access decision about one citizen is made from: involvements, consents, legal bases, emergency access. */
	AccessPolicy.Facts facts(UUID municipalityId, UUID citizenId) {
		return new AccessPolicy.Facts(involvements(municipalityId, citizenId), grounds.consents(municipalityId, citizenId),
				grounds.legalBases(municipalityId, citizenId), grounds.emergencyAccesses(municipalityId, citizenId));
	}

	List<Involvement> involvements(UUID municipalityId, UUID citizenId) {
		return jdbc.sql("""
				select id, unit_id, partner_id, basis, basis_ref, since, ended_on, reason from involvement
				where municipality_id = ? and citizen_id = ? order by since, recorded_at""")
			.params(municipalityId, citizenId)
			.query((rs, n) -> new Involvement(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
					rs.getObject("partner_id", UUID.class), InvolvementBasis.valueOf(rs.getString("basis")),
					rs.getString("basis_ref"), rs.getObject("since", LocalDate.class),
					rs.getObject("ended_on", LocalDate.class), rs.getString("reason")))
			.list();
	}

	/** The open cases a unit or organisation of the given ones is involved in on the day. */
	List<Row> casesOf(UUID municipalityId, Set<UUID> parties, LocalDate day) {
		if (parties.isEmpty()) {
			return List.of();
		}
		var placeholders = String.join(", ", java.util.Collections.nCopies(parties.size(), "?"));
		List<Object> params = new java.util.ArrayList<>();
		params.add(municipalityId);
		params.add(day);
		params.add(day);
		params.addAll(parties);
		params.addAll(parties);
		return jdbc.sql("""
				select * from citizen c where c.municipality_id = ? and c.status = 'OPEN' and exists (
				  select 1 from involvement i where i.municipality_id = c.municipality_id and i.citizen_id = c.id
				    and i.since <= ? and (i.ended_on is null or i.ended_on > ?)
				    and (i.unit_id in (%s) or i.partner_id in (%s)))
				order by c.name, c.pseudonym""".formatted(placeholders, placeholders))
			.params(params)
			.query(this::row)
			.list();
	}

	/** Ends one party's involvement; true when it had one. */
	boolean endInvolvement(UUID municipalityId, UUID citizenId, Recipient party, LocalDate day) {
		return jdbc.sql("""
				update involvement set ended_on = ?
				where municipality_id = ? and citizen_id = ? and ended_on is null
				  and (unit_id = ? or partner_id = ?)""")
			.params(day, municipalityId, citizenId, party.unitId(), party.partnerId())
			.update() > 0;
	}

	void closeReason(UUID municipalityId, UUID citizenId, String reason) {
		jdbc.sql("update citizen set closed_reason = ? where municipality_id = ? and id = ?")
			.params(reason, municipalityId, citizenId)
			.update();
	}

	void endInvolvements(UUID municipalityId, UUID citizenId, LocalDate day) {
		jdbc.sql("update involvement set ended_on = ? where municipality_id = ? and citizen_id = ? and ended_on is null")
			.params(day, municipalityId, citizenId)
			.update();
	}

	void moveInvolvementsAndNotes(UUID municipalityId, UUID from, UUID to) {
		jdbc.sql("update involvement set citizen_id = ? where municipality_id = ? and citizen_id = ?")
			.params(to, municipalityId, from)
			.update();
		jdbc.sql("update case_note set citizen_id = ? where municipality_id = ? and citizen_id = ?")
			.params(to, municipalityId, from)
			.update();
	}

	static Recipient party(UUID unitId, UUID partnerId) {
		return unitId == null && partnerId == null ? null : new Recipient(unitId, partnerId);
	}

	static Set<InformationCategory> categories(String text) {
		var set = EnumSet.noneOf(InformationCategory.class);
		if (text != null && !text.isBlank()) {
			Arrays.stream(text.split(",")).map(String::strip).map(InformationCategory::valueOf).forEach(set::add);
		}
		return set;
	}

	static String join(Set<InformationCategory> categories) {
		return categories.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
