package dk.helhed.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dk.helhed.identity.StaffDirectory;

@Component
class JdbcStaffDirectory implements StaffDirectory {

	private final JdbcClient jdbc;

	JdbcStaffDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Person> staffOf(UUID municipalityId) {
		return jdbc.sql("""
				select id, display_name from staff_user
				where municipality_id = ? and enabled = true order by display_name""")
			.param(municipalityId)
			.query(Person.class)
			.list();
	}

	@Override
	public Optional<Person> find(UUID municipalityId, UUID staffId) {
		return jdbc.sql("select id, display_name from staff_user where municipality_id = ? and id = ?")
			.params(municipalityId, staffId)
			.query(Person.class)
			.optional();
	}

	@Override
	public List<Person> teamLeadsOf(UUID municipalityId, UUID unitId) {
		return jdbc.sql("""
				select s.id, s.display_name from staff_user s
				join staff_unit u on u.user_id = s.id and u.municipality_id = s.municipality_id
				join staff_role r on r.user_id = s.id and r.municipality_id = s.municipality_id
				where s.municipality_id = ? and u.unit_id = ? and r.role = 'TEAM_LEAD' and s.enabled = true
				order by s.display_name, s.id""")
			.params(municipalityId, unitId)
			.query(Person.class)
			.list();
	}
}
