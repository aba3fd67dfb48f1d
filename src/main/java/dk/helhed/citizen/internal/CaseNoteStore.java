package dk.helhed.citizen.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.helhed.citizen.CaseRecords.Note;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.InformationCategory;

/**
 * A case's notes and the notices to its parties: the rows written and read beside the citizen's record, through the
 * use cases that have already asked the gate.
 */
@org.springframework.stereotype.Component
class CaseNoteStore {

	private final JdbcClient jdbc;

	CaseNoteStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Notices to the units of a case

	/** A notice to one party of the citizen's case. */
	record Notice(UUID id, UUID citizenId, Recipient party, String kind, UUID subjectId, UUID aboutUnitId,
			Instant createdAt) {
	}

	void notice(UUID municipalityId, UUID citizenId, Recipient party, String kind, UUID subjectId, UUID aboutUnitId,
			Instant at) {
		jdbc.sql("""
				insert into case_notice (municipality_id, id, citizen_id, unit_id, partner_id, kind, subject_id,
				                         about_unit_id, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(municipalityId, UUID.randomUUID(), citizenId, party.unitId(), party.partnerId(), kind, subjectId,
					aboutUnitId, CitizenStore.utc(at))
			.update();
	}

	List<Notice> notices(UUID municipalityId, UUID citizenId) {
		return jdbc.sql("""
				select id, citizen_id, unit_id, partner_id, kind, subject_id, about_unit_id, created_at from case_notice
				where municipality_id = ? and citizen_id = ? order by created_at desc""")
			.params(municipalityId, citizenId)
			.query((rs, n) -> new Notice(rs.getObject("id", UUID.class), rs.getObject("citizen_id", UUID.class),
					new Recipient(rs.getObject("unit_id", UUID.class), rs.getObject("partner_id", UUID.class)),
					rs.getString("kind"), rs.getObject("subject_id", UUID.class),
					rs.getObject("about_unit_id", UUID.class), CitizenStore.instant(rs, "created_at")))
			.list();
	}

	// Notes

	UUID insertNote(UUID municipalityId, UUID citizenId, Recipient author, UUID serviceId,
			InformationCategory category, String text, UUID by, String byName, Instant at) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into case_note (id, municipality_id, citizen_id, unit_id, partner_id, service_id, category, text,
				                       written_by, written_by_name, written_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, municipalityId, citizenId, author.unitId(), author.partnerId(), serviceId, category.name(), text,
					by, byName, CitizenStore.utc(at))
			.update();
		return id;
	}

	List<Note> notes(UUID municipalityId, UUID citizenId) {
		return jdbc.sql("""
				select id, unit_id, partner_id, service_id, category, text, written_by, written_by_name, written_at
				from case_note where municipality_id = ? and citizen_id = ? order by written_at desc""")
			.params(municipalityId, citizenId)
			.query((rs, n) -> new Note(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
					rs.getObject("partner_id", UUID.class), rs.getObject("service_id", UUID.class),
					InformationCategory.valueOf(rs.getString("category")), rs.getString("text"),
					rs.getObject("written_by", UUID.class), rs.getString("written_by_name"),
					CitizenStore.instant(rs, "written_at")))
			.list();
	}
}
