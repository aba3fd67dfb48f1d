package dk.helhed.identity.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.helhed.identity.Role;
import dk.helhed.identity.internal.StaffAdministration;
import dk.helhed.identity.internal.StaffAdministration.Account;
import dk.helhed.identity.internal.StaffAdministration.Details;
import dk.helhed.identity.internal.StaffAdministration.NewAccount;

/**
 * The forms of the user administration as submitted: every value as text, so that nothing a person types can fail the
 * binding. Here the choices are read (roles, units and partner organisation from the lists); what the values must be
 * is {@link StaffAdministration#problems}'s to say. Field names are the names of the forms' inputs, which are also
 * the keys of the messages.
 * <p>
 * A form kept in the session while the administrator confirms who they are is one of these records; a password is
 * never kept.
 */
final class AccountForms {

	/** More choices than any list offers: the form was not sent from the page. */
	private static final int MOST_CHOICES = 200;

	private AccountForms() {
	}

	/** What a check gives: the value to go on with, and the problems by field. */
	record Checked<T>(T value, Map<String, String> errors) {
	}

	/** The name, e-mail address, roles, units and partner organisation, as on the account's page. */
	record DetailsForm(String displayName, String email, List<String> roles, List<String> unitIds,
			String partnerId) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		/*
		 * The lists stay as bound (mutable): after constructing the record, the binder may still set an item of a
		 * list, for a field like roles[0].
		 */
		DetailsForm {
			roles = roles == null ? new ArrayList<>() : roles;
			unitIds = unitIds == null ? new ArrayList<>() : unitIds;
		}

		static DetailsForm of(Account account) {
			return new DetailsForm(account.displayName(), account.email() == null ? "" : account.email(),
					new ArrayList<>(account.roles().stream().sorted().map(Role::name).toList()),
					new ArrayList<>(account.unitIds().stream().map(UUID::toString).toList()),
					account.partnerId() == null ? "" : account.partnerId().toString());
		}

		Checked<Details> check() {
			Map<String, String> errors = new LinkedHashMap<>();
			var chosenRoles = chosenRoles(errors, roles);
			var chosenUnits = ids(errors, "unitIds", unitIds, "Vælg enheder fra listen.");
			UUID partner = null;
			if (partnerId != null && !partnerId.isBlank()) {
				partner = id(partnerId);
				if (partner == null) {
					errors.put("partnerId", "Vælg en samarbejdspartner fra listen.");
				}
			}
			return new Checked<>(new Details(displayName, email, chosenRoles, chosenUnits, partner), errors);
		}

		public boolean hasRole(String role) {
			return roles.contains(role);
		}

		public boolean hasUnit(UUID unit) {
			return unitIds.contains(unit.toString());
		}
	}

	/** A new account: its user name and details, and how it logs in. */
	record NewAccountForm(String username, String displayName, String email, List<String> roles, List<String> unitIds,
			String partnerId, String login, String password, String passwordRepeat) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		NewAccountForm {
			roles = roles == null ? new ArrayList<>() : roles;
			unitIds = unitIds == null ? new ArrayList<>() : unitIds;
		}

		static NewAccountForm empty() {
			return new NewAccountForm("", "", "", new ArrayList<>(), new ArrayList<>(), "", StaffAdministration.WITH_PASSWORD,
					"", "");
		}

		/** The form as it may be shown again or kept: without the passwords. */
		NewAccountForm withoutPasswords() {
			return new NewAccountForm(username, displayName, email, new ArrayList<>(roles), new ArrayList<>(unitIds),
					partnerId, login, "", "");
		}

		DetailsForm details() {
			return new DetailsForm(displayName, email, roles, unitIds, partnerId);
		}

		Checked<NewAccount> check() {
			var details = details().check();
			Map<String, String> errors = new LinkedHashMap<>(details.errors());
			String chosenPassword = null;
			if (StaffAdministration.WITH_PASSWORD.equals(login)) {
				chosenPassword = password == null ? "" : password;
				if (!chosenPassword.isEmpty() && !chosenPassword.equals(passwordRepeat)) {
					errors.put("passwordRepeat", "De to adgangskoder er ikke ens. Skriv den samme adgangskode to gange.");
				}
			}
			else if (StaffAdministration.PROVIDER_ONLY.equals(login)) {
				if (password != null && !password.isEmpty()) {
					errors.put("password", "Du har valgt kun kommunens login, men har skrevet en adgangskode. Slet "
							+ "adgangskoden, eller vælg login med adgangskode.");
				}
			}
			else {
				errors.put("login", "Vælg, hvordan brugeren logger ind.");
			}
			return new Checked<>(new NewAccount(username, details.value(), chosenPassword), errors);
		}

		public boolean hasRole(String role) {
			return roles.contains(role);
		}

		public boolean hasUnit(UUID unit) {
			return unitIds.contains(unit.toString());
		}

		@Override
		public String toString() {
			return "NewAccountForm[" + username + "]";
		}
	}

	/** A new password for an account. */
	record PasswordForm(String password, String passwordRepeat) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		static PasswordForm empty() {
			return new PasswordForm("", "");
		}

		Map<String, String> check(String username) {
			Map<String, String> errors = new LinkedHashMap<>();
			var problem = dk.helhed.identity.internal.StaffAccountRules.passwordProblem(password, username);
			if (problem != null) {
				errors.put("password", problem);
			}
			else if (!password.equals(passwordRepeat)) {
				errors.put("passwordRepeat", "De to adgangskoder er ikke ens. Skriv den samme adgangskode to gange.");
			}
			return errors;
		}

		@Override
		public String toString() {
			return "PasswordForm[…]";
		}
	}

	/** A button on the account's page (close, reopen, unlock), kept so that its page can point to it again. */
	record ActionForm(String action) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;
	}

	private static Set<Role> chosenRoles(Map<String, String> errors, List<String> values) {
		var chosen = EnumSet.noneOf(Role.class);
		if (values.size() > MOST_CHOICES) {
			errors.put("roles", "Vælg roller fra listen.");
			return chosen;
		}
		for (var value : values) {
			if (value == null) {
				continue;
			}
			Role role = null;
			for (var candidate : Role.values()) {
				if (candidate.name().equals(value.strip())) {
					role = candidate;
				}
			}
			if (role == null) {
				errors.put("roles", "Vælg roller fra listen.");
				return EnumSet.noneOf(Role.class);
			}
			chosen.add(role);
		}
		return chosen;
	}

	private static Set<UUID> ids(Map<String, String> errors, String field, List<String> values, String message) {
		Set<UUID> chosen = new HashSet<>();
		if (values.size() > MOST_CHOICES) {
			errors.put(field, message);
			return chosen;
		}
		List<UUID> parsed = new ArrayList<>();
		for (var value : values) {
			if (value == null) {
				continue;
			}
			var id = id(value);
			if (id == null) {
				errors.put(field, message);
				return Set.of();
			}
			parsed.add(id);
		}
		chosen.addAll(parsed);
		return chosen;
	}

	static UUID id(String value) {
		if (value == null || value.isBlank() || value.length() > 40) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
