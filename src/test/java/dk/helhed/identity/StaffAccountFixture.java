package dk.helhed.identity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import dk.helhed.municipality.Municipalities;

/**
 * A staff account written straight into the identity module's tables, as an administrator would have set it up: by
 * default in Aabenraa, open, without a password (it logs in through the identity provider only) and without roles.
 */
final class StaffAccountFixture {

	private final String username;
	private String displayName;
	private String municipality = "aabenraa";
	private String email;
	private String passwordHash;
	private boolean enabled = true;
	private final Set<Role> roles = EnumSet.noneOf(Role.class);
	private final List<String> units = new ArrayList<>();

	private StaffAccountFixture(String username) {
		this.username = username;
		this.displayName = "Test " + username;
	}

	static StaffAccountFixture account(String username) {
		return new StaffAccountFixture(username);
	}

	StaffAccountFixture named(String displayName) {
		this.displayName = displayName;
		return this;
	}

	StaffAccountFixture in(String municipalitySlug) {
		this.municipality = municipalitySlug;
		return this;
	}

	StaffAccountFixture withEmail(String email) {
		this.email = email;
		return this;
	}

	StaffAccountFixture withPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
		return this;
	}

	StaffAccountFixture closed() {
		this.enabled = false;
		return this;
	}

	StaffAccountFixture withRoles(Role... roles) {
		this.roles.addAll(List.of(roles));
		return this;
	}

	StaffAccountFixture inUnits(String... unitKeys) {
		this.units.addAll(List.of(unitKeys));
		return this;
	}

	/** Writes the account, or leaves it when one with the user name exists (a context is shared by its tests). */
	UUID create(JdbcClient jdbc, Municipalities municipalities) {
		var existing = jdbc.sql("select id from staff_user where username = ?").param(username).query(UUID.class)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		var municipalityId = municipalities.getBySlug(municipality).id();
		var id = UUID.randomUUID();
		// user names are unique across the country through login_name (docs/scale.md)
		jdbc.sql("insert into login_name (username, municipality_id, staff_id) values (?, ?, ?)")
			.params(username, municipalityId, id)
			.update();
		jdbc.sql("""
				insert into staff_user (id, municipality_id, username, display_name, email, password_hash, enabled,
				                        failed_logins, created_at)
				values (?, ?, ?, ?, ?, ?, ?, 0, ?)""")
			.params(id, municipalityId, username, displayName, email, passwordHash, enabled, OffsetDateTime.now())
			.update();
		for (var role : roles) {
			jdbc.sql("insert into staff_role (user_id, municipality_id, role) values (?, ?, ?)")
				.params(id, municipalityId, role.name())
				.update();
		}
		for (var key : units) {
			var unitId = municipalities.unitsOf(municipalityId)
				.stream()
				.filter(unit -> unit.key().equals(key))
				.findFirst()
				.orElseThrow()
				.id();
			jdbc.sql("insert into staff_unit (user_id, municipality_id, unit_id) values (?, ?, ?)")
				.params(id, municipalityId, unitId)
				.update();
		}
		return id;
	}
}
