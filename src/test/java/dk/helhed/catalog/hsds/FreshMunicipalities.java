package dk.helhed.catalog.hsds;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.identity.internal.StaffPrincipal;
import dk.helhed.municipality.Municipalities;
import dk.helhed.municipality.Municipality;
import dk.helhed.municipality.Strategy.FocusArea;

/**
 * Test fixture: a new municipality with an empty catalog, made for one test so that what it imports cannot meet what
 * another test imports, and a catalog editor of it. It is a copy of a seed municipality's organisation and strategy
 * (its units, partner organisations and focus areas, with new ids), as the same municipality would look in another
 * installation of Helhed: the names and keys are the same, the ids are not.
 * <p>
 * Made here rather than through the application: Helhed has no way to create a municipality other than its seed
 * files, and needs none for importing.
 */
final class FreshMunicipalities {

	/** A fresh municipality and a catalog editor who belongs to it. */
	record Fresh(Municipality municipality, String editorName, StaffMember editor, UserDetails login) {
	}

	private final JdbcClient jdbc;
	private final Municipalities municipalities;
	private final UserDetailsService accounts;

	FreshMunicipalities(JdbcClient jdbc, Municipalities municipalities, UserDetailsService accounts) {
		this.jdbc = jdbc;
		this.municipalities = municipalities;
		this.accounts = accounts;
	}

	/**
	 * A copy of the seed municipality's organisation and strategy with an empty catalog. Its short name is the
	 * original's, so it lies in the same region (and its addresses are exported the same way).
	 */
	Fresh copyOf(String seedSlug) {
		var original = municipalities.getBySlug(seedSlug);
		var suffix = UUID.randomUUID().toString().substring(0, 8);
		var id = UUID.randomUUID();
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				insert into municipality (id, municipality_id, slug, name, short_name, address, website, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, id, seedSlug + "-" + suffix, original.name() + " (kopi " + suffix + ")", original.shortName(),
					original.address(), original.website(), now)
			.update();
		Map<UUID, UUID> units = new HashMap<>();
		var remaining = new java.util.ArrayList<>(municipalities.unitsOf(original.id()));
		int position = 0;
		while (!remaining.isEmpty()) {
			// Parents first, so that the reference to the parent holds.
			var unit = remaining.stream()
				.filter(candidate -> candidate.parentId() == null || units.containsKey(candidate.parentId()))
				.findFirst()
				.orElseThrow();
			remaining.remove(unit);
			var unitId = UUID.randomUUID();
			units.put(unit.id(), unitId);
			jdbc.sql("""
					insert into organisational_unit (id, municipality_id, unit_key, name, parent_id, description, position)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(unitId, id, unit.key(), unit.name(), unit.parentId() == null ? null : units.get(unit.parentId()),
						unit.description(), position++)
				.update();
		}
		position = 0;
		for (var partner : municipalities.partnersOf(original.id())) {
			jdbc.sql("""
					insert into partner_organisation (id, municipality_id, partner_key, name, kind, description, website,
					                                  position)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), id, partner.key(), partner.name(), partner.kind().name(),
						partner.description(), partner.website(), position++)
				.update();
		}
		municipalities.strategyOf(original.id()).ifPresent(strategy -> {
			var strategyId = UUID.randomUUID();
			jdbc.sql("""
					insert into strategy (id, municipality_id, title, adopted, focus_area_label)
					values (?, ?, ?, ?, ?)""")
				.params(strategyId, id, strategy.title(), strategy.adopted(), strategy.focusAreaLabel())
				.update();
			int[] areaPosition = { 0 };
			for (var area : strategy.focusAreas()) {
				insertArea(id, strategyId, null, area, areaPosition);
			}
		});
		return editorOf(municipalities.findById(id).orElseThrow(), Set.of(Role.CATALOG_EDITOR));
	}

	/** A member of staff of the municipality with the given roles, who can log in. */
	Fresh editorOf(Municipality municipality, Set<Role> roles) {
		var userId = UUID.randomUUID();
		var username = "test-" + userId.toString().substring(0, 12);
		var name = "Testredaktør " + username;
		// user names are unique across the country through login_name (docs/scale.md)
		jdbc.sql("insert into login_name (username, municipality_id, staff_id) values (?, ?, ?)")
			.params(username, municipality.id(), userId)
			.update();
		jdbc.sql("""
				insert into staff_user (id, municipality_id, username, display_name, password_hash, enabled,
				                        failed_logins, created_at)
				values (?, ?, ?, ?, ?, true, 0, ?)""")
			.params(userId, municipality.id(), username, name, "{noop}not-used", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		for (var role : roles) {
			jdbc.sql("insert into staff_role (user_id, municipality_id, role) values (?, ?, ?)")
				.params(userId, municipality.id(), role.name())
				.update();
		}
		var login = accounts.loadUserByUsername(username);
		return new Fresh(municipality, name, ((StaffPrincipal) login).member(), login);
	}

	private void insertArea(UUID municipalityId, UUID strategyId, UUID parentId, FocusArea area, int[] position) {
		var areaId = UUID.randomUUID();
		jdbc.sql("""
				insert into focus_area (id, municipality_id, strategy_id, parent_id, area_key, position, name, summary)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(areaId, municipalityId, strategyId, parentId, area.key(), position[0]++, area.name(), area.summary())
			.update();
		for (var track : area.tracks()) {
			insertArea(municipalityId, strategyId, areaId, track, position);
		}
	}
}
