package dk.helhed.identity.web;

import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.helhed.identity.CurrentStaff;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.identity.internal.StaffAdministration;
import dk.helhed.identity.internal.StaffAdministration.Account;
import dk.helhed.identity.internal.StaffAdministration.Action;
import dk.helhed.identity.internal.StaffAdministration.Change;
import dk.helhed.identity.internal.StaffAdministration.Fields;
import dk.helhed.identity.internal.StaffAdministration.Status;
import dk.helhed.identity.internal.StaffAdministration.StatusChange;
import dk.helhed.identity.web.AccountForms.ActionForm;
import dk.helhed.identity.web.AccountForms.DetailsForm;
import dk.helhed.identity.web.AccountForms.NewAccountForm;
import dk.helhed.identity.web.AccountForms.PasswordForm;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.platform.RuleViolation;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.AccessRule.Scope;

/**
 * The user administration: an administrator's list of their municipality's staff accounts, and the pages to create an
 * account and to change, close, reopen, unlock and give a new password to one, each with the account's history.
 * <p>
 * Every change is carried out only when the administrator has confirmed who they are within the last few minutes
 * (security.md item 6). If they have not, nothing changes: they are sent to confirm, the form they sent is kept for
 * them (never a password), and they come back to the page to send it again. An account of another municipality is
 * not found, and the form is checked (answering 400 with Danish messages) before the confirmation is asked for.
 */
@Controller
class UserAdministrationController {

	static final String LIST = "/personale/brugere";
	static final String NEW = LIST + "/ny";

	private static final int LONGEST_FILTER = 100;

	private final StaffAdministration administration;
	private final IdentityConfirmations confirmations;
	private final Clock clock;

	UserAdministrationController(StaffAdministration administration, IdentityConfirmations confirmations, Clock clock) {
		this.administration = administration;
		this.confirmations = confirmations;
		this.clock = clock;
	}

	@ModelAttribute("labels")
	AdministrationLabels labels() {
		return AdministrationLabels.DANISH_LABELS;
	}

	// The list

	/** One row of the list. */
	record AccountRow(UUID id, String displayName, String username, String email, String roles, String placement,
			String status, boolean open, String lastLogin) {
	}

	@GetMapping(LIST)
	@AccessRule(Audience.ADMINISTRATORS)
	String list(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "status", required = false) String status, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		var admin = CurrentStaff.get();
		Map<String, String> errors = new LinkedHashMap<>();
		var text = query == null ? "" : query.strip();
		if (text.length() > LONGEST_FILTER) {
			errors.put("q", "Søgeteksten må højst være " + LONGEST_FILTER + " tegn.");
		}
		else if (text.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
			errors.put("q", "Søgeteksten må ikke indeholde kontroltegn eller linjeskift.");
		}
		Status wanted = null;
		if (status != null && !status.isBlank()) {
			wanted = Arrays.stream(Status.values()).filter(value -> value.name().equals(status)).findFirst().orElse(null);
			if (wanted == null) {
				errors.put("status", "Vælg en status fra listen.");
			}
		}
		var names = names(admin);
		var now = clock.instant();
		var all = administration.accounts(admin);
		List<AccountRow> rows = new ArrayList<>();
		if (errors.isEmpty()) {
			var words = text.toLowerCase(Locale.ROOT).split("\\s+");
			for (var account : all) {
				var row = row(account, names);
				var haystack = String.join(" ", row.displayName(), row.username(), row.email(), row.roles(),
						row.placement()).toLowerCase(Locale.ROOT);
				boolean matches = Arrays.stream(words).allMatch(haystack::contains);
				if (matches && (wanted == null || account.status(now) == wanted)) {
					rows.add(row);
				}
			}
		}
		else {
			response.setStatus(400);
		}
		model.addAttribute("rows", rows);
		model.addAttribute("total", all.size());
		model.addAttribute("query", errors.containsKey("q") ? clip(text, LONGEST_FILTER) : text);
		model.addAttribute("status", wanted == null ? "" : wanted.name());
		model.addAttribute("statuses", Status.values());
		model.addAttribute("filtered", !text.isEmpty() || wanted != null);
		model.addAttribute("errors", errors);
		confirmationState(model, request, admin);
		return "identity/users";
	}

	// Creating an account

	@GetMapping(NEW)
	@AccessRule(Audience.ADMINISTRATORS)
	String newAccount(Model model, HttpServletRequest request) {
		var admin = CurrentStaff.get();
		var pending = confirmations.take(request, admin, NEW);
		var form = pending.filter(NewAccountForm.class::isInstance).map(NewAccountForm.class::cast);
		model.addAttribute("pendingForm", form.isPresent());
		return newPage(model, request, admin, form.orElse(NewAccountForm.empty()), Map.of());
	}

	@PostMapping(LIST)
	@AccessRule(Audience.ADMINISTRATORS)
	String create(@ModelAttribute("form") NewAccountForm form, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		var admin = CurrentStaff.get();
		var checked = form.check();
		Map<String, String> errors = new LinkedHashMap<>();
		administration.problems(admin, checked.value()).forEach(errors::put);
		errors.putAll(checked.errors());
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return newPage(model, request, admin, form.withoutPasswords(), ordered(errors, NEW_FIELDS));
		}
		if (!confirmations.recent(request, admin)) {
			confirmations.keep(request, admin, NEW, form.withoutPasswords());
			return confirmFirst(NEW, form.password() != null && !form.password().isEmpty(), redirect);
		}
		try {
			var id = administration.create(admin, checked.value());
			redirect.addFlashAttribute("message", "Brugeren " + checked.value().username() + " er oprettet."
					+ waitingNote(admin, id));
			return "redirect:" + LIST + "/" + id;
		}
		catch (InvalidRequestException | RuleViolation ex) {
			response.setStatus(400);
			return newPage(model, request, admin, form.withoutPasswords(), Map.of("username", ex.getMessage()));
		}
	}

	private static final List<String> NEW_FIELDS = List.of("username", "displayName", "email", "roles", "unitIds",
			"partnerId", "login", "password", "passwordRepeat");

	private String newPage(Model model, HttpServletRequest request, StaffMember admin, NewAccountForm form,
			Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("pendingForm")) {
			model.addAttribute("pendingForm", false);
		}
		choices(model, admin);
		confirmationState(model, request, admin);
		return "identity/user-new";
	}

	// An account's page

	@GetMapping(LIST + "/{id}")
	@AccessRule(value = Audience.ADMINISTRATORS, scope = Scope.STAFF_ACCOUNT)
	String account(@PathVariable UUID id, Model model, HttpServletRequest request) {
		var admin = CurrentStaff.get();
		var account = administration.account(admin, id);
		var pending = confirmations.take(request, admin, path(id)).orElse(null);
		var form = pending instanceof DetailsForm details ? details : DetailsForm.of(account);
		model.addAttribute("pending", switch (pending) {
			case DetailsForm details -> "details";
			case PasswordForm password -> "password";
			case ActionForm action -> action.action();
			case null, default -> null;
		});
		return accountPage(model, request, admin, account, form, Map.of());
	}

	@PostMapping(LIST + "/{id}")
	@AccessRule(value = Audience.ADMINISTRATORS, scope = Scope.STAFF_ACCOUNT)
	String edit(@PathVariable UUID id, @ModelAttribute("form") DetailsForm form, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		var admin = CurrentStaff.get();
		var account = administration.account(admin, id);
		var checked = form.check();
		Map<String, String> errors = new LinkedHashMap<>();
		administration.problems(admin, id, checked.value()).forEach(errors::put);
		errors.putAll(checked.errors());
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return accountPage(model, request, admin, account, form, ordered(errors, DETAILS_FIELDS));
		}
		if (!confirmations.recent(request, admin)) {
			confirmations.keep(request, admin, path(id), form);
			return confirmFirst(path(id), false, redirect);
		}
		try {
			var before = account;
			boolean changed = administration.edit(admin, id, checked.value());
			var after = administration.account(admin, id);
			redirect.addFlashAttribute("message", !changed ? "Der var ingen ændringer at gemme."
					: "Ændringerne er gemt." + accessNote(admin, before, after) + waitingNote(admin, id));
			return "redirect:" + path(id);
		}
		catch (InvalidRequestException | RuleViolation ex) {
			response.setStatus(400);
			return accountPage(model, request, admin, account, form, Map.of("details", ex.getMessage()));
		}
	}

	private static final List<String> DETAILS_FIELDS = List.of("displayName", "email", "roles", "unitIds",
			"partnerId");

	/**
	 * A second administrator approves or refuses a role another administrator asked for (security.md item 5a);
	 * like every change to an account, after confirming who they are.
	 */
	@PostMapping(LIST + "/{id}/rolleanmodninger/{requestId}")
	@AccessRule(value = Audience.ADMINISTRATORS, scope = Scope.STAFF_ACCOUNT)
	String decideRoleRequest(@PathVariable UUID id, @PathVariable UUID requestId,
			@RequestParam(name = "svar", required = false) String answer, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		var admin = CurrentStaff.get();
		var account = administration.account(admin, id);
		if (administration.roleRequests(admin, id).stream().noneMatch(waiting -> waiting.id().equals(requestId))) {
			throw new NotFoundException("Anmodningen findes ikke eller er allerede afgjort.");
		}
		if (!"godkend".equals(answer) && !"afvis".equals(answer)) {
			response.setStatus(400);
			return accountPage(model, request, admin, account, DetailsForm.of(account),
					Map.of("request", "Vælg Godkend eller Afvis."));
		}
		if (!confirmations.recent(request, admin)) {
			confirmations.keep(request, admin, path(id), DetailsForm.of(account));
			return confirmFirst(path(id), false, redirect);
		}
		try {
			administration.decideRoleRequest(admin, id, requestId, "godkend".equals(answer));
		}
		catch (InvalidRequestException | RuleViolation ex) {
			response.setStatus(400);
			return accountPage(model, request, admin, account, DetailsForm.of(account), Map.of("request", ex.getMessage()));
		}
		redirect.addFlashAttribute("message", "godkend".equals(answer)
				? "Rollen er givet, og brugeren er logget ud, så den gælder med det samme. Databeskyttelsesrådgiveren "
						+ "kan se godkendelsen i revisionssporet."
				: "Anmodningen er afvist. Brugeren har ikke fået rollen.");
		return "redirect:" + path(id);
	}

	@PostMapping(LIST + "/{id}/luk")
	@AccessRule(value = Audience.ADMINISTRATORS, scope = Scope.STAFF_ACCOUNT)
	String close(@PathVariable UUID id, @RequestParam(name = "bekraeftet", required = false) String confirmed,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		var admin = CurrentStaff.get();
		var account = administration.account(admin, id);
		var problem = administration.refusal(admin, id, StatusChange.CLOSE);
		// Closing logs the person out at once: first a page that says so and whom it concerns, then the change.
		if (problem == null && !"ja".equals(confirmed)) {
			model.addAttribute("account", account);
			model.addAttribute("row", row(account, names(admin)));
			return "identity/user-close";
		}
		return statusChange(admin, account, "close", problem, () -> {
			administration.close(admin, id);
			redirect.addFlashAttribute("receipt", new ClosedReceipt(account.displayName(), account.username(),
					AdministrationLabels.DANISH_LABELS.moment(clock.instant()), admin.displayName()));
		}, "Kontoen er lukket. Brugeren kan ikke længere logge ind og er logget ud.", model, request, response,
				redirect);
	}

	/** What closing an account did, shown once on the account's page. */
	record ClosedReceipt(String displayName, String username, String closedAt, String closedBy)
			implements Serializable {
	}

	@PostMapping(LIST + "/{id}/genaabn")
	@AccessRule(value = Audience.ADMINISTRATORS, scope = Scope.STAFF_ACCOUNT)
	String reopen(@PathVariable UUID id, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		var admin = CurrentStaff.get();
		var account = administration.account(admin, id);
		var problem = administration.refusal(admin, id, StatusChange.REOPEN);
		return statusChange(admin, account, "reopen", problem, () -> administration.reopen(admin, id),
				"Kontoen er genåbnet. Brugeren kan logge ind igen.", model, request, response, redirect);
	}

	@PostMapping(LIST + "/{id}/laas-op")
	@AccessRule(value = Audience.ADMINISTRATORS, scope = Scope.STAFF_ACCOUNT)
	String unlock(@PathVariable UUID id, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		var admin = CurrentStaff.get();
		var account = administration.account(admin, id);
		var problem = administration.refusal(admin, id, StatusChange.UNLOCK);
		return statusChange(admin, account, "unlock", problem, () -> administration.unlock(admin, id),
				"Kontoen er låst op. Brugeren kan logge ind igen.", model, request, response, redirect);
	}

	@PostMapping(LIST + "/{id}/adgangskode")
	@AccessRule(value = Audience.ADMINISTRATORS, scope = Scope.STAFF_ACCOUNT)
	String setPassword(@PathVariable UUID id, @ModelAttribute("passwordForm") PasswordForm form, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		var admin = CurrentStaff.get();
		var account = administration.account(admin, id);
		var errors = form.check(account.username());
		if (!errors.isEmpty()) {
			response.setStatus(400);
			model.addAttribute("passwordForm", PasswordForm.empty());
			return accountPage(model, request, admin, account, DetailsForm.of(account), errors);
		}
		if (!confirmations.recent(request, admin)) {
			confirmations.keep(request, admin, path(id), PasswordForm.empty());
			return confirmFirst(path(id), true, redirect);
		}
		try {
			administration.setPassword(admin, id, form.password());
		}
		catch (InvalidRequestException | RuleViolation ex) {
			response.setStatus(400);
			model.addAttribute("passwordForm", PasswordForm.empty());
			return accountPage(model, request, admin, account, DetailsForm.of(account), Map.of("password", ex.getMessage()));
		}
		redirect.addFlashAttribute("message", admin.id().equals(id) ? "Din nye adgangskode er sat."
				: "Den nye adgangskode er sat, og brugeren er logget ud. Giv brugeren adgangskoden på en sikker måde.");
		return "redirect:" + path(id);
	}

	private String statusChange(StaffMember admin, Account account, String action, String problem, Runnable change,
			String done, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (problem != null) {
			response.setStatus(400);
			return accountPage(model, request, admin, account, DetailsForm.of(account), Map.of("status", problem));
		}
		if (!confirmations.recent(request, admin)) {
			confirmations.keep(request, admin, path(account.id()), new ActionForm(action));
			return confirmFirst(path(account.id()), false, redirect);
		}
		try {
			change.run();
		}
		catch (InvalidRequestException | RuleViolation ex) {
			response.setStatus(400);
			return accountPage(model, request, admin, account, DetailsForm.of(account), Map.of("status", ex.getMessage()));
		}
		redirect.addFlashAttribute("message", done);
		return "redirect:" + path(account.id());
	}

	/** A unit to choose, with how deep it lies in the municipality's organisation. */
	record UnitChoice(UUID id, String name, int depth) {
	}

	/** One entry of the history, in Danish. */
	record HistoryRow(String when, String who, String what, List<String> details) {
	}

	private String accountPage(Model model, HttpServletRequest request, StaffMember admin, Account account,
			DetailsForm form, Map<String, String> errors) {
		var names = names(admin);
		var now = clock.instant();
		model.addAttribute("account", account);
		model.addAttribute("row", row(account, names));
		model.addAttribute("own", admin.id().equals(account.id()));
		model.addAttribute("locked", account.lockedAt(now));
		model.addAttribute("form", form);
		if (!model.containsAttribute("passwordForm")) {
			model.addAttribute("passwordForm", PasswordForm.empty());
		}
		if (!model.containsAttribute("pending")) {
			model.addAttribute("pending", null);
		}
		model.addAttribute("roleRequests", administration.roleRequests(admin, account.id()));
		model.addAttribute("history", administration.history(admin, account.id())
			.stream()
			.map(change -> historyRow(change, names))
			.toList());
		model.addAttribute("errors", errors);
		choices(model, admin);
		confirmationState(model, request, admin);
		return "identity/user";
	}

	// Helpers

	/** Sends the administrator to confirm who they are, to come back to the page afterwards. */
	private String confirmFirst(String page, boolean typedPassword, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", "Ændringen er ikke gemt endnu. Bekræft, at det er dig, så kommer du "
				+ "tilbage til siden og kan sende den igen." + (typedPassword
						? " Adgangskoden, du skrev, gemmes ikke imens; skriv den igen bagefter." : ""));
		return "redirect:" + IdentityConfirmations.pageReturningTo(page);
	}

	private void confirmationState(Model model, HttpServletRequest request, StaffMember admin) {
		model.addAttribute("confirmedUntil", confirmations.confirmedUntil(request, admin)
			.map(AdministrationLabels.DANISH_LABELS::time)
			.orElse(null));
		model.addAttribute("window", confirmations.windowInWords());
	}

	private void choices(Model model, StaffMember admin) {
		var units = administration.units(admin);
		Map<UUID, UUID> parents = new HashMap<>();
		units.forEach(unit -> parents.put(unit.id(), unit.parentId()));
		model.addAttribute("roleChoices", Role.values());
		model.addAttribute("unitChoices", units.stream().map(unit -> new UnitChoice(unit.id(), unit.name(),
				depth(unit.id(), parents))).toList());
		model.addAttribute("partnerChoices", administration.partners(admin));
	}

	private static int depth(UUID unit, Map<UUID, UUID> parents) {
		int depth = 0;
		var parent = parents.get(unit);
		while (parent != null && parents.containsKey(parent) && depth < 4) {
			depth++;
			parent = parents.get(parent);
		}
		return depth;
	}

	/** The names of the municipality's units and partner organisations, by id. */
	private Map<UUID, String> names(StaffMember admin) {
		Map<UUID, String> names = new HashMap<>();
		administration.units(admin).forEach(unit -> names.put(unit.id(), unit.name()));
		administration.partners(admin).forEach(partner -> names.put(partner.id(), partner.name()));
		return names;
	}

	private AccountRow row(Account account, Map<UUID, String> names) {
		var labels = AdministrationLabels.DANISH_LABELS;
		String placement;
		if (account.partnerId() != null) {
			placement = names.getOrDefault(account.partnerId(), "Ukendt samarbejdspartner") + " (samarbejdspartner)";
		}
		else {
			placement = account.unitIds()
				.stream()
				.map(unit -> names.getOrDefault(unit, "Ukendt enhed"))
				.sorted()
				.collect(Collectors.joining(", "));
		}
		var now = clock.instant();
		var status = account.status(now);
		var statusText = labels.status(status)
				+ (status == Status.LOCKED ? " til kl. " + labels.time(account.lockedUntil()) : "");
		return new AccountRow(account.id(), account.displayName(), account.username(),
				account.email() == null ? "" : account.email(), labels.roles(account.roles()), placement, statusText,
				status == Status.OPEN, account.lastLoginAt() == null ? "Aldrig" : labels.moment(account.lastLoginAt()));
	}

	private HistoryRow historyRow(Change change, Map<UUID, String> names) {
		var labels = AdministrationLabels.DANISH_LABELS;
		List<String> details = new ArrayList<>();
		for (var field : change.fields()) {
			var value = field.newValue() == null ? "" : field.newValue();
			details.add(switch (field.field()) {
				case Fields.USERNAME -> "Brugernavn: " + value;
				case Fields.DISPLAY_NAME -> change.action() == Action.CREATED ? "Navn sat" : "Navn ændret";
				case Fields.EMAIL -> change.action() == Action.CREATED ? "E-mailadresse sat" : "E-mailadresse ændret";
				case Fields.ROLES -> "Roller: " + (value.isEmpty() ? "ingen" : labels.roles(Stream.of(value.split(","))
					.flatMap(name -> Arrays.stream(Role.values()).filter(role -> role.name().equals(name)))
					.toList()));
				case Fields.UNITS -> "Enheder: " + (value.isEmpty() ? "ingen" : Stream.of(value.split(","))
					.map(id -> names.getOrDefault(AccountForms.id(id), "ukendt enhed"))
					.sorted()
					.collect(Collectors.joining(", ")));
				case Fields.PARTNER -> "Samarbejdspartner: " + (value.isEmpty() ? "ingen"
						: names.getOrDefault(AccountForms.id(value), "ukendt samarbejdspartner"));
				case Fields.LOGIN -> StaffAdministration.PROVIDER_ONLY.equals(value) ? "Login: kun kommunens login"
						: "Login: med adgangskode";
				default -> field.field();
			});
		}
		return new HistoryRow(labels.moment(change.at()), change.changedByName(), labels.action(change.action()),
				details);
	}

	/** What the flash message adds about roles that wait for a second administrator. */
	private String waitingNote(StaffMember admin, UUID id) {
		var waiting = administration.roleRequests(admin, id);
		return waiting.isEmpty() ? ""
				: " " + AdministrationLabels.DANISH_LABELS.roles(waiting.stream().map(StaffAdministration.RoleRequest::role)
					.toList()) + " gives først, når en anden administrator har godkendt det.";
	}

	/** What the flash message adds about when a change to what an account may do takes effect. */
	private static String accessNote(StaffMember admin, Account before, Account after) {
		boolean access = !before.roles().equals(after.roles()) || !before.unitIds().equals(after.unitIds())
				|| !Objects.equals(before.partnerId(), after.partnerId());
		if (!access) {
			return "";
		}
		return admin.id().equals(before.id()) ? " Dine nye roller og enheder gælder, næste gang du logger ind."
				: " Brugeren er logget ud, så ændringerne gælder med det samme.";
	}

	/** The messages in the order of the form's fields, so that the summary reads like the form. */
	private static Map<String, String> ordered(Map<String, String> errors, List<String> fields) {
		Map<String, String> ordered = new LinkedHashMap<>();
		fields.stream().filter(errors::containsKey).forEach(field -> ordered.put(field, errors.get(field)));
		errors.forEach(ordered::putIfAbsent);
		return ordered;
	}

	private static String path(UUID id) {
		return LIST + "/" + id;
	}

	private static String clip(String value, int max) {
		return value.length() > max ? value.substring(0, max) : value;
	}
}
