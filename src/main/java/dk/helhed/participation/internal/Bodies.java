package dk.helhed.participation.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.platform.NotFoundException;

/**
 * The participation bodies of each municipality, as loaded from its data files.
 */
@Component
@Transactional(readOnly = true)
public class Bodies {

	private final JdbcClient jdbc;

	Bodies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Body> of(UUID municipalityId) {
		return jdbc.sql("select * from participation_body where municipality_id = ? order by position")
			.param(municipalityId)
			.query((rs, n) -> rs.getObject("id", UUID.class))
			.list()
			.stream()
			.map(id -> find(municipalityId, id).orElseThrow())
			.toList();
	}

	public Optional<Body> byKey(UUID municipalityId, String key) {
		return jdbc.sql("select id from participation_body where municipality_id = ? and body_key = ?")
			.params(municipalityId, key)
			.query(UUID.class)
			.optional()
			.flatMap(id -> find(municipalityId, id));
	}

	public Body get(UUID municipalityId, String key) {
		return byKey(municipalityId, key).orElseThrow(() -> new NotFoundException("Forummet eller rådet findes ikke."));
	}

	public Optional<Body> find(UUID municipalityId, UUID id) {
		var members = jdbc.sql("""
				select role, represents, name, name_public from participation_member
				where municipality_id = ? and body_id = ? order by position""")
			.params(municipalityId, id)
			.query((rs, n) -> new Body.Member(Body.Member.Role.valueOf(rs.getString("role")), rs.getString("represents"),
					rs.getString("name"), rs.getBoolean("name_public")))
			.list();
		var areas = jdbc.sql("select area_key from participation_body_focus_area where municipality_id = ? and body_id = ? "
				+ "order by area_key")
			.params(municipalityId, id)
			.query(String.class)
			.list();
		var services = jdbc.sql("select service_key from participation_body_service where municipality_id = ? "
				+ "and body_id = ? order by service_key")
			.params(municipalityId, id)
			.query(String.class)
			.list();
		return jdbc.sql("select * from participation_body where municipality_id = ? and id = ?")
			.params(municipalityId, id)
			.query((rs, n) -> new Body(rs.getObject("id", UUID.class), municipalityId, rs.getString("body_key"),
					Body.Kind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("purpose"),
					rs.getString("meetings_note"), rs.getString("owning_unit_key"), rs.getString("contact_role"),
					rs.getString("contact_name"), rs.getString("url"), rs.getBoolean("accepts_proposals"), members,
					areas, services))
			.optional();
	}
}
