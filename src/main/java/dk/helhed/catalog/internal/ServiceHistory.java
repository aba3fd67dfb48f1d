package dk.helhed.catalog.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.ServiceFields.FieldChange;
import dk.helhed.identity.StaffMember;

/**
 * Every change to a service, field by field: who, when, the old and the new value. Written in the same transaction
 * as the change itself; never updated or deleted.
 */
@Component
public class ServiceHistory {

	/** What happened to a service. */
	public enum Action {
		CREATED, UPDATED, RETIRED, RESTORED, VERIFIED, FREE_PLACES, REVIEW_ASSIGNED, IMPORTED
	}

	/** One row of a service's history. */
	public record Entry(UUID id, UUID serviceId, int serviceVersion, Instant changedAt, UUID changedBy,
			String changedByName, Action action, String fieldName, String previousValue, String replacementValue,
			UUID changeRequestId) {
	}

	private final JdbcClient jdbc;

	ServiceHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(Service after, Action action, StaffMember by, List<FieldChange> changes, UUID changeRequestId,
			Instant at) {
		if (changes.isEmpty()) {
			insert(after, action, by, null, changeRequestId, at);
		}
		for (var change : changes) {
			insert(after, action, by, change, changeRequestId, at);
		}
	}

	private void insert(Service after, Action action, StaffMember by, FieldChange change, UUID changeRequestId,
			Instant at) {
		jdbc.sql("""
				insert into service_change (id, municipality_id, service_id, service_version, changed_at, changed_by,
				                            changed_by_name, action, field_name, previous_value, replacement_value,
				                            change_request_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), after.municipalityId(), after.id(), after.version(),
					OffsetDateTime.ofInstant(at, ZoneOffset.UTC), by == null ? null : by.id(),
					by == null ? "Helhed" : by.displayName(), action.name(), change == null ? null : change.field(),
					change == null ? null : clip(change.previous()), change == null ? null : clip(change.replacement()),
					changeRequestId)
			.update();
	}

	public List<Entry> of(UUID municipalityId, UUID serviceId) {
		return query("where municipality_id = ? and service_id = ? order by changed_at desc, field_name",
				municipalityId, serviceId);
	}

	/** The changes made after a given version: what someone else saved while an editor was editing. */
	public List<Entry> since(UUID municipalityId, UUID serviceId, int version) {
		return query("where municipality_id = ? and service_id = ? and service_version > ? order by changed_at",
				municipalityId, serviceId, version);
	}

	public List<Entry> ofMunicipality(UUID municipalityId) {
		return query("where municipality_id = ? order by changed_at", municipalityId);
	}

	private List<Entry> query(String where, Object... params) {
		return jdbc.sql("""
				select id, service_id, service_version, changed_at, changed_by, changed_by_name, action, field_name,
				       previous_value, replacement_value, change_request_id
				from service_change """ + " " + where)
			.params(params)
			.query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class),
					rs.getInt("service_version"), rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
					rs.getObject("changed_by", UUID.class), rs.getString("changed_by_name"),
					Action.valueOf(rs.getString("action")), rs.getString("field_name"), rs.getString("previous_value"),
					rs.getString("replacement_value"), rs.getObject("change_request_id", UUID.class)))
			.list();
	}

	private static String clip(String value) {
		return value == null || value.length() <= 8000 ? value : value.substring(0, 7999) + "…";
	}
}
