package dk.helhed.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.identity.Role;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.DeterministicIds;

/**
 * Creates the demo staff accounts (see the README) when demo data is enabled and they are missing.
 */
@Component
@Order(50)
class DemoStaff implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

	/** A demo account: who, in which municipality, with which roles, in which units (by unit key). */
	record Account(String username, String displayName, String municipality, Set<Role> roles, List<String> units,
			String partner) {

		Account(String username, String displayName, String municipality, Set<Role> roles, List<String> units) {
			this(username, displayName, municipality, roles, units, null);
		}
	}

	static final List<Account> ACCOUNTS = List.of(
			new Account("redaktoer", "Demo Katalogredaktør", "aabenraa", Set.of(Role.CATALOG_EDITOR), List.of("social")),
			new Account("visitation", "Demo Enhedsredaktør, Visitation", "aabenraa", Set.of(Role.UNIT_EDITOR),
					List.of("visitation")),
			new Account("socialpsykiatri", "Demo Enhedsredaktør, Socialpsykiatri og Rusmiddel", "aabenraa",
					Set.of(Role.UNIT_EDITOR), List.of("csr")),
			new Account("admin", "Demo Administrator", "aabenraa", Set.of(Role.ADMINISTRATOR), List.of()),
			// The second administrator who approves the first one's grants of sensitive roles (security.md item 5a).
			new Account("admin2", "Demo Administrator 2", "aabenraa", Set.of(Role.ADMINISTRATOR), List.of()),
			new Account("redaktoer-aarhus", "Demo Katalogredaktør, Aarhus", "aarhus", Set.of(Role.CATALOG_EDITOR),
					List.of()),
			new Account("jobcenter", "Demo Sagsbehandler, Jobcenteret", "aabenraa", Set.of(Role.CASEWORKER),
					List.of("jobcenteret")),
			new Account("boligsag", "Demo Sagsbehandler, Visitation & Understøttelse", "aabenraa",
					Set.of(Role.CASEWORKER), List.of("visitation")),
			new Account("rusmiddel", "Demo Behandler, Rusmiddelcenter Aabenraa", "aabenraa",
					Set.of(Role.CASEWORKER, Role.CRIMINAL_MATTERS), List.of("rusmiddelcenter")),
			new Account("udsatte", "Demo Udsattekonsulent", "aabenraa", Set.of(Role.OUTREACH_WORKER), List.of("csr")),
			new Account("teamleder", "Demo Teamleder, Visitation & Understøttelse", "aabenraa",
					Set.of(Role.TEAM_LEAD, Role.CASEWORKER), List.of("visitation")),
			new Account("dpo", "Demo Databeskyttelsesrådgiver", "aabenraa", Set.of(Role.DATA_PROTECTION_OFFICER),
					List.of()),
			new Account("blaakors", "Demo Medarbejder, Blå Kors", "aabenraa", Set.of(Role.CASEWORKER), List.of(),
					"blaa-kors"),
			new Account("nyansat", "Demo Ny medarbejder", "aabenraa", Set.of(Role.CASEWORKER), List.of()),
			new Account("inddragelse", "Demo Koordinator for inddragelse", "aabenraa",
					Set.of(Role.PARTICIPATION_COORDINATOR), List.of("social")),
			new Account("sagsbehandler-aarhus", "Demo Sagsbehandler, Aarhus", "aarhus", Set.of(Role.CASEWORKER),
					List.of("rusmiddelcenter-aarhus")));

	private final DemoSettings settings;
	private final Municipalities municipalities;
	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final Clock clock;

	DemoStaff(DemoSettings settings, Municipalities municipalities, JdbcClient jdbc, PasswordEncoder passwords,
			Clock clock) {
		this.settings = settings;
		this.municipalities = municipalities;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!settings.enabled()) {
			return;
		}
		// One hash for all demo accounts: they share the password, and hashing is deliberately slow.
		var password = passwords.encode(settings.password());
		for (var account : ACCOUNTS) {
			var municipality = municipalities.findBySlug(account.municipality());
			boolean exists = jdbc.sql("select count(*) from login_name where username = ?")
				.param(account.username())
				.query(Integer.class)
				.single() > 0;
			if (municipality.isEmpty() || exists) {
				continue;
			}
			var municipalityId = municipality.get().id();
			var id = DeterministicIds.of(account.municipality(), "demo-staff", account.username());
			var partnerId = account.partner() == null ? null
					: municipalities.partnersOf(municipalityId)
						.stream()
						.filter(partner -> partner.key().equals(account.partner()))
						.findFirst()
						.orElseThrow()
						.id();
			jdbc.sql("insert into login_name (username, municipality_id, staff_id) values (?, ?, ?)")
				.params(account.username(), municipalityId, id)
				.update();
			jdbc.sql("""
					insert into staff_user (id, municipality_id, username, display_name, partner_id, password_hash,
					                        enabled, failed_logins, created_at)
					values (?, ?, ?, ?, ?, ?, true, 0, ?)""")
				.params(id, municipalityId, account.username(), account.displayName(), partnerId,
						password, OffsetDateTime.now(clock))
				.update();
			for (var role : account.roles()) {
				jdbc.sql("insert into staff_role (user_id, municipality_id, role) values (?, ?, ?)")
					.params(id, municipalityId, role.name())
					.update();
			}
			var units = municipalities.unitsOf(municipalityId);
			for (var key : account.units()) {
				UUID unitId = units.stream().filter(unit -> unit.key().equals(key)).findFirst().orElseThrow().id();
				jdbc.sql("insert into staff_unit (user_id, municipality_id, unit_id) values (?, ?, ?)")
					.params(id, municipalityId, unitId)
					.update();
			}
			log.info("Created demo account {} ({})", account.username(), account.municipality());
		}
	}
}
