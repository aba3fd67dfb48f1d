package dk.helhed.catalog.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.helhed.catalog.Service;
import dk.helhed.identity.StaffMember;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes a unit editor proposed to a service, reviewed together by a catalog editor.
 */
@Component
public class ChangeRequests {

	/** Where a proposed change stands. */
	public enum Status {
		PENDING, APPROVED, REJECTED
	}

	/**
	 * A proposed change: the whole proposed content of the service, based on the version the proposer saw.
	 */
	public record ChangeRequest(UUID id, UUID municipalityId, UUID serviceId, int baseVersion, UUID proposedBy,
			String proposedByName, Instant proposedAt, Service.Content content, String summary, Status status,
			String decidedByName, Instant decidedAt, String reason, int version) {

		public boolean pending() {
			return status == Status.PENDING;
		}

		/** The names of the fields the proposal changes. */
		public List<String> summaryFields() {
			return summary.isBlank() ? List.of() : List.of(summary.split(",\\s*"));
		}
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	ChangeRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ChangeRequest propose(Service service, Service.Content content, String summary, StaffMember by, Instant at) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into change_request (id, municipality_id, service_id, base_version, proposed_by, proposed_by_name,
				                            proposed_at, content, summary, status, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0)""")
			.params(id, service.municipalityId(), service.id(), service.version(), by.id(), by.displayName(),
					OffsetDateTime.ofInstant(at, ZoneOffset.UTC), JSON.writeValueAsString(content), summary)
			.update();
		return find(service.municipalityId(), id).orElseThrow();
	}

	/**
	 * Records the decision, unless someone else decided first (then false, and nothing changes).
	 */
	boolean decide(ChangeRequest request, Status status, StaffMember by, String reason, Instant at) {
		return jdbc.sql("""
				update change_request
				set status = ?, decided_by = ?, decided_by_name = ?, decided_at = ?, reason = ?, version = version + 1
				where id = ? and municipality_id = ? and version = ? and status = 'PENDING'""")
			.params(status.name(), by.id(), by.displayName(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), reason,
					request.id(), request.municipalityId(), request.version())
			.update() == 1;
	}

	public Optional<ChangeRequest> find(UUID municipalityId, UUID id) {
		return query("where municipality_id = ? and id = ?", municipalityId, id).stream().findFirst();
	}

	public List<ChangeRequest> pending(UUID municipalityId) {
		return query("where municipality_id = ? and status = 'PENDING' order by proposed_at", municipalityId);
	}

	public List<ChangeRequest> pendingFor(UUID municipalityId, UUID serviceId) {
		return query("where municipality_id = ? and service_id = ? and status = 'PENDING' order by proposed_at",
				municipalityId, serviceId);
	}

	public List<ChangeRequest> proposedBy(UUID municipalityId, UUID staffId) {
		return query("where municipality_id = ? and proposed_by = ? order by proposed_at desc", municipalityId, staffId);
	}

	private List<ChangeRequest> query(String where, Object... params) {
		return jdbc.sql("""
				select id, municipality_id, service_id, base_version, proposed_by, proposed_by_name, proposed_at, content,
				       summary, status, decided_by_name, decided_at, reason, version
				from change_request """ + " " + where)
			.params(params)
			.query((rs, n) -> new ChangeRequest(rs.getObject("id", UUID.class),
					rs.getObject("municipality_id", UUID.class), rs.getObject("service_id", UUID.class),
					rs.getInt("base_version"), rs.getObject("proposed_by", UUID.class),
					rs.getString("proposed_by_name"), rs.getObject("proposed_at", OffsetDateTime.class).toInstant(),
					JSON.readValue(rs.getString("content"), Service.Content.class), rs.getString("summary"),
					Status.valueOf(rs.getString("status")), rs.getString("decided_by_name"),
					rs.getObject("decided_at", OffsetDateTime.class) == null ? null
							: rs.getObject("decided_at", OffsetDateTime.class).toInstant(),
					rs.getString("reason"), rs.getInt("version")))
			.list();
	}
}
