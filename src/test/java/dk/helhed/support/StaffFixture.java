package dk.helhed.support;

import java.util.UUID;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import dk.helhed.identity.StaffMember;
import dk.helhed.identity.internal.StaffPrincipal;
import dk.helhed.municipality.Municipalities;

/**
 * The demo staff and units the seed municipalities ship with (synthetic people, see {@code identity/internal/DemoStaff}
 * and the seed files), as tests need them: a demo user's login or staff member by user name, and a unit's id by its
 * key. One fixture, so the tests do not each write their own {@code staff(username)} and {@code unit(key)}. It is a
 * bean of every test's context ({@code @Autowired StaffFixture demo}); it reads, and never writes.
 */
@Component
public class StaffFixture {

	private static final String DEFAULT_MUNICIPALITY = "aabenraa";

	private final UserDetailsService accounts;
	private final Municipalities municipalities;

	StaffFixture(UserDetailsService accounts, Municipalities municipalities) {
		this.accounts = accounts;
		this.municipalities = municipalities;
	}

	/** The demo user's login, for {@code with(user(demo.login("redaktoer")))}. */
	public UserDetails login(String username) {
		return accounts.loadUserByUsername(username);
	}

	/** The demo user as the modules see a staff member. */
	public StaffMember staff(String username) {
		return ((StaffPrincipal) login(username)).member();
	}

	/** The id of one of Aabenraa's units, by its key (e.g. {@code "visitation"}). */
	public UUID unit(String key) {
		return unit(DEFAULT_MUNICIPALITY, key);
	}

	/** The id of a municipality's unit, by the municipality's slug and the unit's key. */
	public UUID unit(String municipalitySlug, String key) {
		return municipalities.unitsOf(municipalities.getBySlug(municipalitySlug).id())
			.stream()
			.filter(unit -> unit.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No unit " + key + " in " + municipalitySlug))
			.id();
	}
}
