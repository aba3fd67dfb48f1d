package dk.helhed.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.identity.internal.StaffAdministration.Account;
import dk.helhed.identity.internal.StaffAdministration.Details;
import dk.helhed.identity.internal.StaffAdministration.FieldChange;
import dk.helhed.identity.internal.StaffAdministration.Fields;
import dk.helhed.platform.RuleViolation;

/**
 * A staff account with its roles and units: the aggregate that guards what may be done to an account (security.md
 * item 5a), so that the rules are written here and nowhere else.
 * <ul>
 * <li>Nobody changes their own roles, units or partner organisation, nor closes their own account.</li>
 * <li>The roles that work with citizens' data ({@link #NEED_A_SECOND_ADMINISTRATOR}) are not given when they are asked
 * for: they wait for a second administrator, who may be neither the one who asked nor the account's owner.</li>
 * <li>A closed account cannot log in, with a password or through the identity provider.</li>
 * </ul>
 * A refused change throws {@link RuleViolation} with the Danish sentence the administrator reads. The login counters
 * (failed logins, lock, last login) are read with the account but written only by the login, in single atomic
 * statements (security.md item 14a), so saving an account never overwrites a count a login just made.
 */
@Table("staff_user")
public class StaffAccount {

	/**
	 * The roles a second administrator must approve (security.md item 5a): criminal-matters access, the
	 * data-protection officer's, and the roles that work with citizens.
	 */
	public static final Set<Role> NEED_A_SECOND_ADMINISTRATOR = Set.of(Role.CRIMINAL_MATTERS,
			Role.DATA_PROTECTION_OFFICER, Role.CASEWORKER, Role.OUTREACH_WORKER, Role.TEAM_LEAD);

	static final String OWN_ACCESS = "Du kan ikke ændre dine egne roller, enheder eller samarbejdspartner. "
			+ "Bed en anden administrator om det.";

	/** One of the account's roles. */
	@Table("staff_role")
	record RoleGrant(UUID municipalityId, Role role) {
	}

	/** One of the units the account belongs to. */
	@Table("staff_unit")
	record UnitMembership(UUID municipalityId, UUID unitId) {
	}

	/**
	 * What a change did: the fields of the history entry, the roles that now wait for a second administrator, and
	 * whether what the account may do changed (which ends its sessions).
	 */
	public record Changes(List<FieldChange> fields, Set<Role> awaitingApproval, boolean access) {

		public Changes {
			fields = List.copyOf(fields);
			awaitingApproval = Set.copyOf(awaitingApproval);
		}
	}

	@Id
	private final UUID id;
	private final UUID municipalityId;
	private final String username;
	private String displayName;
	private String email;
	private UUID partnerId;
	private String passwordHash;
	private boolean enabled;
	@ReadOnlyProperty
	private final int failedLogins;
	@ReadOnlyProperty
	private final Instant lockedUntil;
	@ReadOnlyProperty
	private final Instant lastLoginAt;
	private final Instant createdAt;
	@Version
	private Integer version;
	@MappedCollection(idColumn = "user_id")
	private Set<RoleGrant> roles;
	@MappedCollection(idColumn = "user_id")
	private Set<UnitMembership> units;

	@PersistenceCreator
	StaffAccount(UUID id, UUID municipalityId, String username, String displayName, String email, UUID partnerId,
			String passwordHash, boolean enabled, int failedLogins, Instant lockedUntil, Instant lastLoginAt,
			Instant createdAt, Integer version, Set<RoleGrant> roles, Set<UnitMembership> units) {
		this.id = id;
		this.municipalityId = municipalityId;
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.partnerId = partnerId;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.failedLogins = failedLogins;
		this.lockedUntil = lockedUntil;
		this.lastLoginAt = lastLoginAt;
		this.createdAt = createdAt;
		this.version = version;
		this.roles = new HashSet<>(roles == null ? Set.of() : roles);
		this.units = new HashSet<>(units == null ? Set.of() : units);
	}

	/** A new account, and the roles asked for that wait for a second administrator. */
	record Opened(StaffAccount account, Set<Role> awaitingApproval) {
	}

	/**
	 * A new, open account. The roles that need a second administrator are not given; they wait for one.
	 *
	 * @param passwordHash the encoded password of the local login, or null for a login through the identity provider
	 *        only
	 */
	static Opened open(UUID municipalityId, String username, Details requested, String passwordHash, Instant now) {
		var account = new StaffAccount(UUID.randomUUID(), municipalityId, username, requested.displayName(),
				requested.email(), requested.partnerId(), passwordHash, true, 0, null, null, now, null, Set.of(),
				Set.of());
		var held = heldBack(requested.roles(), Set.of());
		account.apply(requested, held);
		return new Opened(account, held);
	}

	// What may be done

	/**
	 * Refuses a change of the account's roles, units or partner organisation by its own owner; the name and e-mail
	 * address they may change.
	 */
	public void checkChange(StaffMember by, Details requested) {
		if (by.id().equals(id) && (!roles().equals(requested.roles()) || !unitIds().equals(requested.unitIds())
				|| !Objects.equals(partnerId, requested.partnerId()))) {
			throw new RuleViolation(OWN_ACCESS);
		}
	}

	/**
	 * Changes the name, e-mail address, roles, units and partner organisation to these; the roles that need a
	 * second administrator, and that the account does not have, are held back to wait for one.
	 */
	public Changes change(StaffMember by, Details requested) {
		checkChange(by, requested);
		var held = heldBack(requested.roles(), roles());
		var target = withoutRoles(requested, held);
		List<FieldChange> fields = new ArrayList<>();
		if (!target.displayName().equals(displayName)) {
			fields.add(new FieldChange(Fields.DISPLAY_NAME, null));
		}
		if (!Objects.equals(target.email(), email)) {
			fields.add(new FieldChange(Fields.EMAIL, null));
		}
		boolean access = false;
		if (!target.roles().equals(roles())) {
			fields.add(new FieldChange(Fields.ROLES, names(target.roles())));
			access = true;
		}
		if (!target.unitIds().equals(unitIds())) {
			fields.add(new FieldChange(Fields.UNITS, ids(target.unitIds())));
			access = true;
		}
		if (!Objects.equals(target.partnerId(), partnerId)) {
			fields.add(new FieldChange(Fields.PARTNER, target.partnerId() == null ? "" : target.partnerId().toString()));
			access = true;
		}
		apply(requested, held);
		return new Changes(fields, held, access);
	}

	/**
	 * A second administrator decides a role another administrator asked for: nobody decides their own request, nor
	 * one for their own account. Returns whether the role was given now (approved, and not held already).
	 */
	public boolean decideRole(Role role, UUID requestedBy, StaffMember decider, boolean approve) {
		if (requestedBy.equals(decider.id())) {
			throw new RuleViolation("Du kan ikke selv godkende en rolle, du har bedt om. En anden "
					+ "administrator skal godkende den.");
		}
		if (decider.id().equals(id)) {
			throw new RuleViolation("Du kan ikke godkende roller til din egen konto. Bed en anden "
					+ "administrator om det.");
		}
		if (!approve || has(role)) {
			return false;
		}
		roles.add(new RoleGrant(municipalityId, role));
		return true;
	}

	/** Closes the account: it can no longer log in. Nobody closes their own. */
	public void close(StaffMember by) {
		if (by.id().equals(id)) {
			throw new RuleViolation("Du kan ikke lukke din egen konto. Bed en anden administrator om det.");
		}
		if (!enabled) {
			throw new RuleViolation("Kontoen er allerede lukket.");
		}
		enabled = false;
	}

	public void reopen() {
		if (enabled) {
			throw new RuleViolation("Kontoen er allerede åben.");
		}
		enabled = true;
	}

	/**
	 * Refuses to lift a lock that is not there. The lock itself and the count of failed logins are the login's to
	 * write (in one atomic statement), so the caller lifts them.
	 */
	public void checkUnlock(Instant now) {
		if (!lockedAt(now)) {
			throw new RuleViolation("Kontoen er ikke låst.");
		}
	}

	/** A new password for the local login, already encoded; whether it is strong enough the caller has checked. */
	void setPasswordHash(String encoded) {
		this.passwordHash = Objects.requireNonNull(encoded);
	}

	/** Whether the account may log in at all, with a password or through the identity provider: not when closed. */
	public boolean mayLogIn() {
		return enabled;
	}

	/** The principal of a login with the account's password, as it stands now. */
	StaffPrincipal principal(Instant now) {
		return new StaffPrincipal(member(), passwordHash, mayLogIn(), lockedUntil, now);
	}

	// What the account is

	public UUID id() {
		return id;
	}

	public UUID municipalityId() {
		return municipalityId;
	}

	public String username() {
		return username;
	}

	public boolean has(Role role) {
		return roles().contains(role);
	}

	public Set<Role> roles() {
		return roles.stream().map(RoleGrant::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	public Set<UUID> unitIds() {
		return units.stream().map(UnitMembership::unitId).collect(Collectors.toSet());
	}

	boolean hasPassword() {
		return passwordHash != null;
	}

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** The account as the modules see a logged-in staff member. */
	public StaffMember member() {
		return new StaffMember(id, municipalityId, username, displayName, roles(), unitIds(), partnerId);
	}

	/** The account as the administration pages show it: no password hash, only whether there is one. */
	Account view() {
		return new Account(id, municipalityId, username, displayName, email, roles(), unitIds(), partnerId, enabled,
				hasPassword(), failedLogins, lockedUntil, lastLoginAt, createdAt);
	}

	// Helpers

	private void apply(Details requested, Set<Role> held) {
		var target = withoutRoles(requested, held);
		displayName = target.displayName();
		email = target.email();
		partnerId = target.partnerId();
		roles = target.roles().stream().map(role -> new RoleGrant(municipalityId, role))
			.collect(Collectors.toCollection(HashSet::new));
		units = target.unitIds().stream().map(unit -> new UnitMembership(municipalityId, unit))
			.collect(Collectors.toCollection(HashSet::new));
	}

	/** The roles asked for that a second administrator must approve first, of those the account does not have. */
	private static Set<Role> heldBack(Set<Role> asked, Set<Role> has) {
		var held = EnumSet.noneOf(Role.class);
		asked.stream()
			.filter(role -> NEED_A_SECOND_ADMINISTRATOR.contains(role) && !has.contains(role))
			.forEach(held::add);
		return held;
	}

	private static Details withoutRoles(Details details, Set<Role> held) {
		var roles = EnumSet.noneOf(Role.class);
		details.roles().stream().filter(role -> !held.contains(role)).forEach(roles::add);
		return new Details(details.displayName(), details.email(), roles, details.unitIds(), details.partnerId());
	}

	static String names(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
	}

	static String ids(Set<UUID> ids) {
		return ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
	}
}
