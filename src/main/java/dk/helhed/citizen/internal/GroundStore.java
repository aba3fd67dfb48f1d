package dk.helhed.citizen.internal;

import static dk.helhed.citizen.internal.CitizenStore.categories;
import static dk.helhed.citizen.internal.CitizenStore.instant;
import static dk.helhed.citizen.internal.CitizenStore.join;
import static dk.helhed.citizen.internal.CitizenStore.party;
import static dk.helhed.citizen.internal.CitizenStore.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.helhed.citizen.CaseRecords.Consent;
import dk.helhed.citizen.CaseRecords.EmergencyAccess;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.LegalBasis;
import dk.helhed.citizen.CaseRecords.LegalBasisCode;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.InformationCategory;

/**
 * Reads and writes the grounds for sharing and seeing a citizen's information outside one's case: consents (with
 * their recipients and confirmations), legal bases and emergency access. Every query is scoped by municipality. No
 * access decisions here: those are the {@link AccessPolicy}'s.
 */
@Component
class GroundStore {

	private final JdbcClient jdbc;

	GroundStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Consent

	UUID insertConsent(UUID municipalityId, UUID citizenId, String purpose, Set<InformationCategory> categories,
			List<Recipient> recipients, LocalDate givenOn, LocalDate expiresOn, GivenHow how, Recipient recordedFor,
			String signedReference, UUID by, Instant at) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into consent (id, municipality_id, citizen_id, purpose, categories, given_on, expires_on, given_how,
				                     recorded_unit_id, recorded_partner_id, signed_reference, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, municipalityId, citizenId, purpose, join(categories), givenOn, expiresOn, how.name(),
					recordedFor == null ? null : recordedFor.unitId(), recordedFor == null ? null : recordedFor.partnerId(),
					signedReference, by, utc(at))
			.update();
		for (int i = 0; i < recipients.size(); i++) {
			jdbc.sql("""
					insert into consent_recipient (consent_id, municipality_id, position, unit_id, partner_id)
					values (?, ?, ?, ?, ?)""")
				.params(id, municipalityId, i, recipients.get(i).unitId(), recipients.get(i).partnerId())
				.update();
		}
		return id;
	}

	boolean withdrawConsent(UUID municipalityId, UUID citizenId, UUID consentId, String words, UUID by, Instant at) {
		return jdbc.sql("""
				update consent set withdrawn_at = ?, withdrawn_by = ?, withdrawal_words = ?
				where municipality_id = ? and citizen_id = ? and id = ? and withdrawn_at is null""")
			.params(utc(at), by, words, municipalityId, citizenId, consentId)
			.update() == 1;
	}

	void confirmConsent(UUID municipalityId, UUID consentId, Recipient holder, UUID by, Instant at) {
		jdbc.sql("""
				insert into consent_confirmation (municipality_id, id, consent_id, unit_id, partner_id, confirmed_by,
				                                  confirmed_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(municipalityId, UUID.randomUUID(), consentId, holder.unitId(), holder.partnerId(), by, utc(at))
			.update();
	}

	List<Consent> consents(UUID municipalityId, UUID citizenId) {
		Map<UUID, List<Recipient>> recipients = new LinkedHashMap<>();
		jdbc.sql("""
				select r.consent_id, r.unit_id, r.partner_id from consent_recipient r join consent c on c.id = r.consent_id
				where c.municipality_id = ? and c.citizen_id = ? order by r.position""")
			.params(municipalityId, citizenId)
			.query((rs, n) -> {
				recipients.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
					.add(new Recipient(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)));
				return null;
			})
			.list();
		Map<UUID, List<Recipient>> confirmations = new LinkedHashMap<>();
		jdbc.sql("""
				select f.consent_id, f.unit_id, f.partner_id from consent_confirmation f
				join consent c on c.municipality_id = f.municipality_id and c.id = f.consent_id
				where c.municipality_id = ? and c.citizen_id = ? order by f.confirmed_at""")
			.params(municipalityId, citizenId)
			.query((rs, n) -> {
				confirmations.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
					.add(new Recipient(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)));
				return null;
			})
			.list();
		return jdbc.sql("""
				select id, purpose, categories, given_on, expires_on, given_how, recorded_by, recorded_at, withdrawn_at,
				       recorded_unit_id, recorded_partner_id, signed_reference, withdrawn_by, withdrawal_words
				from consent where municipality_id = ? and citizen_id = ? order by recorded_at""")
			.params(municipalityId, citizenId)
			.query((rs, n) -> new Consent(rs.getObject("id", UUID.class), rs.getString("purpose"),
					categories(rs.getString("categories")),
					List.copyOf(recipients.getOrDefault(rs.getObject("id", UUID.class), List.of())),
					rs.getObject("given_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class),
					GivenHow.valueOf(rs.getString("given_how")), rs.getObject("recorded_by", UUID.class),
					instant(rs, "recorded_at"), instant(rs, "withdrawn_at"),
					party(rs.getObject("recorded_unit_id", UUID.class), rs.getObject("recorded_partner_id", UUID.class)),
					rs.getString("signed_reference"),
					List.copyOf(confirmations.getOrDefault(rs.getObject("id", UUID.class), List.of())),
					rs.getObject("withdrawn_by", UUID.class), rs.getString("withdrawal_words")))
			.list();
	}

	// Legal basis

	UUID insertLegalBasis(UUID municipalityId, UUID citizenId, LegalBasisCode code,
			Set<InformationCategory> categories, Recipient recipient, LocalDate validUntil, UUID recordedForUnit, UUID by,
			Instant at) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into legal_basis (id, municipality_id, citizen_id, basis_code, categories, unit_id, partner_id,
				                         valid_until, recorded_unit_id, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, municipalityId, citizenId, code.name(), join(categories), recipient.unitId(),
					recipient.partnerId(), validUntil, recordedForUnit, by, utc(at))
			.update();
		return id;
	}

	List<LegalBasis> legalBases(UUID municipalityId, UUID citizenId) {
		return jdbc.sql("""
				select id, basis_code, categories, unit_id, partner_id, valid_until, recorded_by, recorded_at, revoked_at,
				       recorded_unit_id
				from legal_basis where municipality_id = ? and citizen_id = ? order by recorded_at""")
			.params(municipalityId, citizenId)
			.query((rs, n) -> new LegalBasis(rs.getObject("id", UUID.class),
					LegalBasisCode.valueOf(rs.getString("basis_code")), categories(rs.getString("categories")),
					new Recipient(rs.getObject("unit_id", UUID.class), rs.getObject("partner_id", UUID.class)),
					rs.getObject("valid_until", LocalDate.class), rs.getObject("recorded_by", UUID.class),
					instant(rs, "recorded_at"), instant(rs, "revoked_at"),
					party(rs.getObject("recorded_unit_id", UUID.class), null)))
			.list();
	}

	// Emergency access

	UUID insertEmergencyAccess(UUID municipalityId, UUID citizenId, UUID staffId, UUID unitId, UUID reviewerId,
			String reason, Instant grantedAt, Instant expiresAt) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into emergency_access (id, municipality_id, citizen_id, staff_id, unit_id, reviewer_id, reason,
				                              granted_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, municipalityId, citizenId, staffId, unitId, reviewerId, reason, utc(grantedAt),
					utc(expiresAt))
			.update();
		return id;
	}

	List<EmergencyAccess> emergencyAccesses(UUID municipalityId, UUID citizenId) {
		return emergencyQuery("where municipality_id = ? and citizen_id = ? order by granted_at desc", municipalityId,
				citizenId);
	}

	/**
	 * Emergency access by the staff of the given units, or naming the lead as its reviewer, newest first: what a lead
	 * must see.
	 */
	List<EmergencyAccess> emergencyAccessesToReview(UUID municipalityId, UUID leadId, Set<UUID> unitIds) {
		var params = new ArrayList<Object>();
		params.add(municipalityId);
		params.add(leadId);
		var byUnit = "";
		if (!unitIds.isEmpty()) {
			byUnit = " or unit_id in (" + unitIds.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")";
			params.addAll(unitIds);
		}
		return emergencyQuery("where municipality_id = ? and (reviewer_id = ?" + byUnit + ") order by granted_at desc",
				params.toArray());
	}

	void markEmergencySeen(UUID municipalityId, UUID id, UUID lead, Instant at) {
		jdbc.sql("""
				update emergency_access set seen_by_lead = ?, seen_at = ?
				where municipality_id = ? and id = ? and seen_by_lead is null""")
			.params(lead, utc(at), municipalityId, id)
			.update();
	}

	private List<EmergencyAccess> emergencyQuery(String where, Object... params) {
		return jdbc.sql("""
				select id, citizen_id, staff_id, unit_id, reason, granted_at, expires_at, seen_by_lead, seen_at, reviewer_id
				from emergency_access\s""" + where)
			.params(params)
			.query((rs, n) -> new EmergencyAccess(rs.getObject("id", UUID.class),
					rs.getObject("citizen_id", UUID.class), rs.getObject("staff_id", UUID.class),
					rs.getObject("unit_id", UUID.class), rs.getString("reason"), instant(rs, "granted_at"),
					instant(rs, "expires_at"), rs.getObject("seen_by_lead", UUID.class), instant(rs, "seen_at"),
					rs.getObject("reviewer_id", UUID.class)))
			.list();
	}

}
