package dk.helhed.identity.internal;

import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.identity.StaffRoleGranted;
import dk.helhed.municipality.Municipalities;
import dk.helhed.municipality.OrganisationalUnit;
import dk.helhed.municipality.PartnerOrganisation;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.platform.RuleViolation;

/**
 * The staff accounts of a municipality as its administrators manage them: create an account, change its name, e-mail
 * address, roles, units or partner organisation, close and reopen it, unlock it, give it a new password.
 * <p>
 * An administrator reaches the accounts of their own municipality only; any other account is not found. What may be
 * done to an account (not to one's own roles, units or account; the sensitive roles only with a second administrator)
 * the {@link StaffAccount} aggregate decides, so that a municipality cannot lose its administrators by a slip and
 * nobody gives themselves access. Every change is recorded in the account's history (who, when, what), never a password.
 * A change to what an account may do (roles, units, partner organisation, status, password) ends the account's
 * sessions, so that it takes effect at once rather than at the next login.
 * <p>
 * Whether the administrator has recently confirmed who they are (security.md item 6) is the web layer's to decide,
 * before it calls any of this.
 */
@Service
public class StaffAdministration {

	/** How many of an account's changes its page shows. */
	public static final int HISTORY_SHOWN = 20;

	private static final Collator DANISH = Collator.getInstance(Locale.of("da"));

	/** A staff account as the administration pages see it: no password hash, only whether there is one. */
	public record Account(UUID id, UUID municipalityId, String username, String displayName, String email,
			Set<Role> roles, Set<UUID> unitIds, UUID partnerId, boolean enabled, boolean hasPassword,
			int failedLogins, Instant lockedUntil, Instant lastLoginAt, Instant createdAt) {

		public Account {
			roles = Set.copyOf(roles);
			unitIds = Set.copyOf(unitIds);
		}

		public boolean lockedAt(Instant now) {
			return lockedUntil != null && lockedUntil.isAfter(now);
		}

		public Status status(Instant now) {
			return !enabled ? Status.CLOSED : lockedAt(now) ? Status.LOCKED : Status.OPEN;
		}

		public boolean has(Role role) {
			return roles.contains(role);
		}
	}

	public enum Status {
		OPEN, CLOSED, LOCKED
	}

	/** What an administrator may set on an account after it is created. */
	public record Details(String displayName, String email, Set<Role> roles, Set<UUID> unitIds, UUID partnerId) {

		public Details {
			displayName = displayName == null ? "" : displayName.strip();
			email = email == null || email.isBlank() ? null : email.strip();
			roles = roles == null ? Set.of() : Set.copyOf(roles);
			unitIds = unitIds == null ? Set.of() : Set.copyOf(unitIds);
		}
	}

	/**
	 * A new account.
	 *
	 * @param password the initial password for the local login, or null for an account that logs in through the
	 *        municipality's identity provider only
	 */
	public record NewAccount(String username, Details details, String password) {

		public NewAccount {
			username = StaffAccountRules.normalisedUsername(username);
		}

		@Override
		public String toString() {
			return "NewAccount[" + username + "]";
		}
	}

	/** What was done to an account. */
	public enum Action {
		CREATED, EDITED, CLOSED, REOPENED, UNLOCKED, PASSWORD_SET
	}

	/** One field of a change: its name and, for roles, units and partner organisation, its new value. */
	public record FieldChange(String field, String newValue) {
	}

	/** One entry of an account's history. */
	public record Change(UUID id, Instant at, UUID changedBy, String changedByName, Action action,
			List<FieldChange> fields) {
	}

	/** The fields of a history entry. */
	public static final class Fields {

		public static final String USERNAME = "username";
		public static final String DISPLAY_NAME = "displayName";
		public static final String EMAIL = "email";
		public static final String ROLES = "roles";
		public static final String UNITS = "units";
		public static final String PARTNER = "partner";
		public static final String LOGIN = "login";

		private Fields() {
		}
	}

	/** A role asked for by one administrator, waiting for another's approval. */
	public record RoleRequest(UUID id, UUID accountId, Role role, UUID requestedBy, String requestedByName,
			Instant requestedAt) {
	}

	/** The login of an account created without a password: through the municipality's identity provider only. */
	public static final String PROVIDER_ONLY = "provider";

	/** The login of an account created with a password (it may also log in through the identity provider). */
	public static final String WITH_PASSWORD = "password";

	private final JdbcClient jdbc;
	private final StaffAccountRepository repository;
	private final Municipalities municipalities;
	private final PasswordEncoder passwords;
	private final AccountSessions sessions;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	StaffAdministration(JdbcClient jdbc, StaffAccountRepository repository, Municipalities municipalities,
			PasswordEncoder passwords, AccountSessions sessions, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.repository = repository;
		this.municipalities = municipalities;
		this.passwords = passwords;
		this.sessions = sessions;
		this.clock = clock;
	}

	// Reading

	/** Every account of the administrator's municipality, open or closed, by name. */
	@Transactional(readOnly = true)
	public List<Account> accounts(StaffMember administrator) {
		return repository.findByMunicipalityId(requireAdministrator(administrator))
			.stream()
			.map(StaffAccount::view)
			.sorted(Comparator.comparing(Account::displayName, DANISH).thenComparing(Account::username))
			.toList();
	}

	/** An account of the administrator's municipality; any other is not found. */
	@Transactional(readOnly = true)
	public Account account(StaffMember administrator, UUID id) {
		var municipalityId = requireAdministrator(administrator);
		return load(municipalityId, id).view();
	}

	/** The account's latest changes, newest first. */
	@Transactional(readOnly = true)
	public List<Change> history(StaffMember administrator, UUID id) {
		var account = account(administrator, id);
		record Row(UUID id, OffsetDateTime changedAt, UUID changedBy, String changedByName, String action) {
		}
		var rows = jdbc.sql("""
				select id, changed_at, changed_by, changed_by_name, action from staff_account_change
				where municipality_id = ? and account_id = ? order by changed_at desc, id limit ?""")
			.params(account.municipalityId(), id, HISTORY_SHOWN)
			.query(Row.class)
			.list();
		List<Change> changes = new ArrayList<>();
		for (var row : rows) {
			var fields = jdbc.sql("""
					select field, new_value from staff_account_change_field
					where municipality_id = ? and change_id = ? order by position""")
				.params(account.municipalityId(), row.id())
				.query(FieldChange.class)
				.list();
			changes.add(new Change(row.id(), row.changedAt().toInstant(), row.changedBy(), row.changedByName(),
					Action.valueOf(row.action()), fields));
		}
		return changes;
	}

	/**
	 * Whether any account, of any municipality, has the user name (user names are unique across Helhed: the reference
	 * table {@code login_name} holds them all, docs/scale.md).
	 */
	@Transactional(readOnly = true)
	public boolean usernameTaken(String username) {
		return jdbc.sql("select count(*) from login_name where username = ?")
			.param(StaffAccountRules.normalisedUsername(username))
			.query(Integer.class)
			.single() > 0;
	}

	/** The municipality's units in the order of its organisation: each unit followed by the units under it. */
	public List<OrganisationalUnit> units(StaffMember administrator) {
		return inTreeOrder(municipalities.unitsOf(requireAdministrator(administrator)));
	}

	public List<PartnerOrganisation> partners(StaffMember administrator) {
		return municipalities.partnersOf(requireAdministrator(administrator));
	}

	// Checking

	/**
	 * What is wrong with these details for the account (null for a new one), by field: {@code displayName},
	 * {@code email}, {@code roles}, {@code unitIds}, {@code partnerId}. Empty when they will do.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> problems(StaffMember administrator, UUID accountId, Details details) {
		var municipalityId = requireAdministrator(administrator);
		Map<String, String> problems = new LinkedHashMap<>();
		put(problems, "displayName", StaffAccountRules.displayNameProblem(details.displayName()));
		put(problems, "email", StaffAccountRules.emailProblem(details.email()));
		if (details.roles().isEmpty()) {
			problems.put("roles", "Vælg mindst én rolle.");
		}
		else if (accountId != null) {
			try {
				load(municipalityId, accountId).checkChange(administrator, details);
			}
			catch (RuleViolation violation) {
				problems.put("roles", violation.getMessage());
			}
		}
		var units = municipalities.unitsOf(municipalityId).stream().map(OrganisationalUnit::id).collect(Collectors.toSet());
		if (!units.containsAll(details.unitIds())) {
			problems.put("unitIds", "Vælg enheder fra listen.");
		}
		if (details.partnerId() != null) {
			boolean known = municipalities.partnersOf(municipalityId)
				.stream()
				.anyMatch(partner -> partner.id().equals(details.partnerId()));
			if (!known) {
				problems.put("partnerId", "Vælg en samarbejdspartner fra listen.");
			}
			else if (!details.unitIds().isEmpty()) {
				problems.put("partnerId", "Vælg enten enheder i kommunen eller en samarbejdspartner – ikke begge. "
						+ "En medarbejder hos en samarbejdspartner hører ikke til kommunens enheder.");
			}
		}
		return problems;
	}

	/**
	 * What is wrong with a new account, by field: those of {@link #problems}, and {@code username} and
	 * {@code password}.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> problems(StaffMember administrator, NewAccount account) {
		Map<String, String> problems = new LinkedHashMap<>();
		var usernameProblem = StaffAccountRules.usernameProblem(account.username());
		if (usernameProblem == null && usernameTaken(account.username())) {
			usernameProblem = "Brugernavnet er allerede i brug. Vælg et andet.";
		}
		put(problems, "username", usernameProblem);
		problems.putAll(problems(administrator, null, account.details()));
		if (account.password() != null) {
			put(problems, "password", StaffAccountRules.passwordProblem(account.password(), account.username()));
		}
		return problems;
	}

	// Changing

	/** Creates the account in the administrator's municipality and returns its id. */
	@Transactional
	public UUID create(StaffMember administrator, NewAccount account) {
		var municipalityId = requireAdministrator(administrator);
		refuseIfAny(problems(administrator, account));
		var opened = StaffAccount.open(municipalityId, account.username(), account.details(),
				account.password() == null ? null : passwords.encode(account.password()), clock.instant());
		var created = opened.account();
		var id = created.id();
		try {
			// the name first: its primary key is what keeps user names unique across the country
			jdbc.sql("insert into login_name (username, municipality_id, staff_id) values (?, ?, ?)")
				.params(account.username(), municipalityId, id)
				.update();
			repository.save(created);
		}
		catch (DuplicateKeyException | DbActionExecutionException ex) {
			if (ex instanceof DbActionExecutionException && !(ex.getCause() instanceof DuplicateKeyException)) {
				throw ex;
			}
			throw new InvalidRequestException("Brugernavnet er allerede i brug. Vælg et andet.");
		}
		var details = created.view();
		List<FieldChange> fields = new ArrayList<>();
		fields.add(new FieldChange(Fields.USERNAME, account.username()));
		fields.add(new FieldChange(Fields.DISPLAY_NAME, null));
		if (details.email() != null) {
			fields.add(new FieldChange(Fields.EMAIL, null));
		}
		fields.add(new FieldChange(Fields.ROLES, StaffAccount.names(details.roles())));
		fields.add(new FieldChange(Fields.UNITS, StaffAccount.ids(details.unitIds())));
		if (details.partnerId() != null) {
			fields.add(new FieldChange(Fields.PARTNER, details.partnerId().toString()));
		}
		fields.add(new FieldChange(Fields.LOGIN, account.password() == null ? PROVIDER_ONLY : WITH_PASSWORD));
		record(administrator, municipalityId, id, Action.CREATED, fields);
		requestRoles(administrator, municipalityId, id, opened.awaitingApproval());
		return id;
	}

	private void requestRoles(StaffMember administrator, UUID municipalityId, UUID accountId, Set<Role> roles) {
		for (var role : roles) {
			boolean waiting = jdbc.sql("""
					select count(*) from staff_role_request
					where municipality_id = ? and account_id = ? and role = ? and decided_at is null""")
				.params(municipalityId, accountId, role.name())
				.query(Integer.class)
				.single() > 0;
			if (!waiting) {
				jdbc.sql("""
						insert into staff_role_request (municipality_id, id, account_id, role, requested_by, requested_at)
						values (?, ?, ?, ?, ?, ?)""")
					.params(municipalityId, UUID.randomUUID(), accountId, role.name(), administrator.id(), now())
					.update();
			}
		}
	}

	/** The roles asked for the account that wait for a second administrator, oldest first. */
	@Transactional(readOnly = true)
	public List<RoleRequest> roleRequests(StaffMember administrator, UUID accountId) {
		var account = account(administrator, accountId);
		return jdbc.sql("""
				select r.id, r.account_id, r.role, r.requested_by, s.display_name, r.requested_at
				from staff_role_request r join staff_user s on s.municipality_id = r.municipality_id and s.id = r.requested_by
				where r.municipality_id = ? and r.account_id = ? and r.decided_at is null
				order by r.requested_at, r.role""")
			.params(account.municipalityId(), accountId)
			.query((rs, n) -> new RoleRequest(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					Role.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(5),
					rs.getObject(6, OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * A second administrator approves (or refuses) a role another administrator asked for. Nobody decides their own
	 * request, nor one for their own account; an approval is told to the data-protection officer through the audit
	 * log, and ends the account's sessions so that it takes effect at once.
	 */
	@Transactional
	public void decideRoleRequest(StaffMember administrator, UUID accountId, UUID requestId, boolean approve) {
		var account = load(requireAdministrator(administrator), accountId);
		var request = roleRequests(administrator, accountId).stream()
			.filter(candidate -> candidate.id().equals(requestId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Anmodningen findes ikke eller er allerede afgjort."));
		boolean granted = account.decideRole(request.role(), request.requestedBy(), administrator, approve);
		int decided = jdbc.sql("""
				update staff_role_request set decided_by = ?, decided_at = ?, approved = ?
				where municipality_id = ? and id = ? and decided_at is null""")
			.params(administrator.id(), now(), approve, account.municipalityId(), requestId)
			.update();
		if (decided != 1) {
			throw new NotFoundException("Anmodningen findes ikke eller er allerede afgjort.");
		}
		if (!granted) {
			return;
		}
		repository.save(account);
		record(administrator, account.municipalityId(), accountId, Action.EDITED,
				List.of(new FieldChange(Fields.ROLES, StaffAccount.names(account.roles()))));
		events.publishEvent(new StaffRoleGranted(account.municipalityId(), accountId, account.username(),
				request.role(), request.requestedBy(), administrator.id(), administrator.username(), clock.instant()));
		sessions.endAfterCommit(account.username());
	}

	/**
	 * Changes the account's name, e-mail address, roles, units and partner organisation to these. Returns false when
	 * they were the account's already (and records nothing).
	 */
	@Transactional
	public boolean edit(StaffMember administrator, UUID id, Details requested) {
		var account = load(requireAdministrator(administrator), id);
		refuseIfAny(problems(administrator, id, requested));
		var changes = account.change(administrator, requested);
		requestRoles(administrator, account.municipalityId(), id, changes.awaitingApproval());
		if (changes.fields().isEmpty()) {
			return !changes.awaitingApproval().isEmpty();
		}
		repository.save(account);
		record(administrator, account.municipalityId(), id, Action.EDITED, changes.fields());
		if (changes.access()) {
			endSessionsOfOthers(administrator, account.id(), account.username());
		}
		return true;
	}

	/** Closes the account: it can no longer log in, and its sessions end. */
	@Transactional
	public void close(StaffMember administrator, UUID id) {
		var account = load(requireAdministrator(administrator), id);
		account.close(administrator);
		repository.save(account);
		record(administrator, account.municipalityId(), id, Action.CLOSED, List.of());
		sessions.endAfterCommit(account.username());
	}

	@Transactional
	public void reopen(StaffMember administrator, UUID id) {
		var account = load(requireAdministrator(administrator), id);
		account.reopen();
		repository.save(account);
		record(administrator, account.municipalityId(), id, Action.REOPENED, List.of());
	}

	/** Lifts a lock after too many failed logins, and starts the count of failed logins again. */
	@Transactional
	public void unlock(StaffMember administrator, UUID id) {
		var account = load(requireAdministrator(administrator), id);
		account.checkUnlock(clock.instant());
		// the login's counters, which the aggregate reads but never writes
		jdbc.sql("update staff_user set locked_until = null, failed_logins = 0 where municipality_id = ? and id = ?")
			.params(account.municipalityId(), id)
			.update();
		record(administrator, account.municipalityId(), id, Action.UNLOCKED, List.of());
	}

	/** A change of an account's status that an administrator may ask for. */
	public enum StatusChange {
		CLOSE, REOPEN, UNLOCK
	}

	/**
	 * Why the account's aggregate would refuse the change now, or null when it would make it; asked before the
	 * confirmation page, so that a refused change is refused at once. Nothing is changed.
	 */
	@Transactional(readOnly = true)
	public String refusal(StaffMember administrator, UUID id, StatusChange change) {
		var account = load(requireAdministrator(administrator), id);
		try {
			switch (change) {
				case CLOSE -> account.close(administrator);
				case REOPEN -> account.reopen();
				case UNLOCK -> account.checkUnlock(clock.instant());
			}
			return null;
		}
		catch (RuleViolation violation) {
			return violation.getMessage();
		}
	}

	/** Gives the account a new password for the local login; the account's other sessions end. */
	@Transactional
	public void setPassword(StaffMember administrator, UUID id, String password) {
		var account = load(requireAdministrator(administrator), id);
		var problem = StaffAccountRules.passwordProblem(password, account.username());
		if (problem != null) {
			throw new InvalidRequestException(problem);
		}
		account.setPasswordHash(passwords.encode(password));
		repository.save(account);
		record(administrator, account.municipalityId(), id, Action.PASSWORD_SET, List.of());
		endSessionsOfOthers(administrator, account.id(), account.username());
	}

	// Helpers

	private UUID requireAdministrator(StaffMember administrator) {
		if (administrator == null || !administrator.has(Role.ADMINISTRATOR)) {
			throw new IllegalStateException("Only administrators manage staff accounts");
		}
		return administrator.municipalityId();
	}

	/**
	 * The administrator's own sessions stay: ending them would log them out in the middle of their work. Their own
	 * changes take effect when they next log in.
	 */
	private void endSessionsOfOthers(StaffMember administrator, UUID accountId, String username) {
		if (!administrator.id().equals(accountId)) {
			sessions.endAfterCommit(username);
		}
	}

	/** An account of the municipality as its aggregate; any other is not found. */
	private StaffAccount load(UUID municipalityId, UUID id) {
		return repository.findByMunicipalityIdAndId(municipalityId, id)
			.orElseThrow(() -> new NotFoundException("Brugeren findes ikke."));
	}

	private void record(StaffMember administrator, UUID municipalityId, UUID accountId, Action action,
			List<FieldChange> fields) {
		var changeId = UUID.randomUUID();
		jdbc.sql("""
				insert into staff_account_change (id, municipality_id, account_id, changed_by, changed_by_name,
				                                  changed_at, action)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(changeId, municipalityId, accountId, administrator.id(), administrator.displayName(), now(),
					action.name())
			.update();
		int position = 0;
		for (var field : fields) {
			jdbc.sql("""
					insert into staff_account_change_field (municipality_id, change_id, position, field, new_value)
					values (?, ?, ?, ?, ?)""")
				.params(municipalityId, changeId, position++, field.field(), field.newValue())
				.update();
		}
	}

	private static void refuseIfAny(Map<String, String> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems.values().iterator().next());
		}
	}

	private static void put(Map<String, String> problems, String field, String problem) {
		if (problem != null) {
			problems.put(field, problem);
		}
	}

	static List<OrganisationalUnit> inTreeOrder(List<OrganisationalUnit> units) {
		var known = units.stream().map(OrganisationalUnit::id).collect(Collectors.toSet());
		Map<UUID, List<OrganisationalUnit>> children = new HashMap<>();
		List<OrganisationalUnit> roots = new ArrayList<>();
		for (var unit : units) {
			if (unit.parentId() == null || !known.contains(unit.parentId())) {
				roots.add(unit);
			}
			else {
				children.computeIfAbsent(unit.parentId(), parent -> new ArrayList<>()).add(unit);
			}
		}
		List<OrganisationalUnit> ordered = new ArrayList<>();
		var visited = new HashSet<UUID>();
		for (var root : roots) {
			addWithChildren(root, children, ordered, visited);
		}
		// A unit in a cycle of parents has no root; it is listed all the same.
		units.stream().filter(unit -> !visited.contains(unit.id())).forEach(ordered::add);
		return ordered;
	}

	private static void addWithChildren(OrganisationalUnit unit, Map<UUID, List<OrganisationalUnit>> children,
			List<OrganisationalUnit> ordered, Set<UUID> visited) {
		if (!visited.add(unit.id())) {
			return;
		}
		ordered.add(unit);
		for (var child : children.getOrDefault(unit.id(), List.of())) {
			addWithChildren(child, children, ordered, visited);
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
