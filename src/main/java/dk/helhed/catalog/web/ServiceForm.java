package dk.helhed.catalog.web;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.Charge;
import dk.helhed.catalog.Service;
import dk.helhed.catalog.Situation;
import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.platform.FieldRules;

/**
 * The service form as submitted: every value as text, so that nothing a person types can fail the binding. It is
 * checked here, field by field, with Danish messages, before anything becomes a service's content.
 */
record ServiceForm(String key, String name, String summary, String description, List<String> focusAreaIds,
		String owningUnitId, String providerId, List<String> partnerIds, String accessMode, String decidingUnitId,
		String firstStep, String targetGroup, String minimumAge, String maximumAge, List<String> situations,
		String charge, String locationName, String street, String postalCode, String city, String scheduleNote,
		String phone, String email, String url, String legalBasis, String keyFigures, List<ContactRow> contacts,
		List<CapacityRow> capacities, List<CostRow> costs, List<ScheduleRow> schedules, String version) {

	static final int EXTRA_ROWS = 2;

	record ContactRow(String id, String role, String name, String unitId, String phone, String email) {

		boolean blank() {
			return isBlank(role) && isBlank(name) && isBlank(phone) && isBlank(email);
		}
	}

	record CapacityRow(String id, String unitName, String maximum, String description) {

		boolean blank() {
			return isBlank(unitName) && isBlank(maximum) && isBlank(description);
		}
	}

	record CostRow(String id, String option, String amount, String description) {

		boolean blank() {
			return isBlank(option) && isBlank(amount) && isBlank(description);
		}
	}

	record ScheduleRow(String id, List<String> days, String opens, String closes, String description) {

		boolean blank() {
			return (days == null || days.isEmpty()) && isBlank(opens) && isBlank(closes) && isBlank(description);
		}
	}

	/** The form's content as a service's content, or the problems that stop it, by field. */
	record Checked(Service.Content content, Map<String, String> errors) {

		boolean valid() {
			return errors.isEmpty();
		}
	}

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,79}");
	private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{4}");
	private static final Set<String> DAYS = Set.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

	static ServiceForm of(Service service) {
		var c = service.content();
		List<ContactRow> contacts = new ArrayList<>(c.contacts()
			.stream()
			.map(x -> new ContactRow(x.id().toString(), x.role(), x.name(), text(x.unitId()), x.phone(), x.email()))
			.toList());
		List<CapacityRow> capacities = new ArrayList<>(c.capacities()
			.stream()
			.map(x -> new CapacityRow(x.id().toString(), x.unitName(), Integer.toString(x.maximum()), x.description()))
			.toList());
		List<CostRow> costs = new ArrayList<>(c.costs()
			.stream()
			.map(x -> new CostRow(x.id().toString(), x.option(),
					x.amount() == null ? null : x.amount().stripTrailingZeros().toPlainString(), x.description()))
			.toList());
		List<ScheduleRow> schedules = new ArrayList<>(c.schedules()
			.stream()
			.map(x -> new ScheduleRow(x.id().toString(), List.of(x.days().split(",")), text(x.opensAt()),
					text(x.closesAt()), x.description()))
			.toList());
		return new ServiceForm(service.key(), c.name(), c.summary(), c.description(),
				c.focusAreaIds().stream().map(UUID::toString).toList(), text(c.owningUnitId()), text(c.providerId()),
				c.partnerIds().stream().map(UUID::toString).toList(), c.accessMode().name(), text(c.decidingUnitId()),
				c.firstStep(), c.targetGroup(), text(c.minimumAge()), text(c.maximumAge()),
				c.situations().stream().map(Enum::name).toList(), c.charge().name(), c.locationName(), c.street(),
				c.postalCode(), c.city(), c.scheduleNote(), c.phone(), c.email(), c.url(), c.legalBasis(),
				String.join("\n", c.keyFigures()), contacts, capacities, costs, schedules,
				text(service.version())).withBlankRows();
	}

	static ServiceForm empty() {
		return new ServiceForm("", "", "", "", List.of(), "", "", List.of(), AccessMode.OPEN.name(), "", "", "",
				"18", "", List.of(), Charge.FREE.name(), "", "", "", "", "", "", "", "", "", "", List.of(), List.of(),
				List.of(), List.of(), null).withBlankRows();
	}

	/** The form with room for a few more contacts, capacities, prices and opening hours (no JavaScript needed). */
	ServiceForm withBlankRows() {
		var contactRows = new ArrayList<>(nonBlank(contacts, ContactRow::blank));
		var capacityRows = new ArrayList<>(nonBlank(capacities, CapacityRow::blank));
		var costRows = new ArrayList<>(nonBlank(costs, CostRow::blank));
		var scheduleRows = new ArrayList<>(nonBlank(schedules, ScheduleRow::blank));
		for (int i = 0; i < EXTRA_ROWS; i++) {
			contactRows.add(new ContactRow("", "", "", "", "", ""));
			capacityRows.add(new CapacityRow("", "", "", ""));
			costRows.add(new CostRow("", "", "", ""));
			scheduleRows.add(new ScheduleRow("", List.of(), "", "", ""));
		}
		return new ServiceForm(key, name, summary, description, focusAreaIds, owningUnitId, providerId, partnerIds,
				accessMode, decidingUnitId, firstStep, targetGroup, minimumAge, maximumAge, situations, charge,
				locationName, street, postalCode, city, scheduleNote, phone, email, url, legalBasis, keyFigures,
				contactRows, capacityRows, costRows, scheduleRows, version);
	}

	Integer baseVersion() {
		try {
			return version == null ? null : Integer.valueOf(version.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Checks every field; on success the content, else a Danish message per field. */
	Checked check(CatalogSnapshot catalog, UUID municipalityId, boolean requireKey) {
		var errors = new LinkedHashMap<String, String>();
		if (requireKey && (key == null || !KEY.matcher(key.strip()).matches())) {
			errors.put("key", "Adressenavnet skal være 2-80 tegn: små bogstaver a-z, tal og bindestreg.");
		}
		var checkedName = text("name", name, 200, true, errors);
		var checkedSummary = text("summary", summary, 300, true, errors);
		var checkedDescription = longText("description", description, 6000, true, errors);
		var areas = ids("focusAreaIds", focusAreaIds, id -> catalog.focusArea(id) != null, errors);
		if (areas.isEmpty() && !errors.containsKey("focusAreaIds")) {
			errors.put("focusAreaIds", "Vælg mindst ét indsatsområde.");
		}
		var owningUnit = id("owningUnitId", owningUnitId, id -> catalog.unit(id) != null, errors);
		var provider = id("providerId", providerId, id -> catalog.partner(id) != null, errors);
		if (owningUnit == null && provider == null && !errors.containsKey("owningUnitId")
				&& !errors.containsKey("providerId")) {
			errors.put("owningUnitId", "Vælg den enhed, indsatsen er forankret i, eller den organisation, der driver den.");
		}
		var partners = ids("partnerIds", partnerIds, id -> catalog.partner(id) != null, errors);
		var mode = enumValue("accessMode", accessMode, AccessMode.class, "Vælg, hvordan borgeren får adgang.", errors);
		var decidingUnit = id("decidingUnitId", decidingUnitId, id -> catalog.unit(id) != null, errors);
		var checkedFirstStep = longText("firstStep", firstStep, 1000, true, errors);
		var checkedTargetGroup = longText("targetGroup", targetGroup, 2000, true, errors);
		var minAge = age("minimumAge", minimumAge, errors);
		var maxAge = age("maximumAge", maximumAge, errors);
		if (minAge != null && maxAge != null && minAge > maxAge) {
			errors.put("maximumAge", "Den højeste alder skal være mindst den laveste.");
		}
		List<Situation> checkedSituations = new ArrayList<>();
		for (var value : situations == null ? List.<String>of() : situations) {
			var situation = enumValue("situations", value, Situation.class, "Ukendt målgruppe.", errors);
			if (situation != null && !checkedSituations.contains(situation)) {
				checkedSituations.add(situation);
			}
		}
		var checkedCharge = enumValue("charge", charge, Charge.class, "Vælg, hvad indsatsen koster.", errors);
		var checkedLocationName = text("locationName", locationName, 200, false, errors);
		var checkedStreet = text("street", street, 200, false, errors);
		var checkedPostalCode = text("postalCode", postalCode, 10, false, errors);
		if (checkedPostalCode != null && !POSTAL_CODE.matcher(checkedPostalCode).matches()) {
			errors.put("postalCode", "Postnummeret skal være fire cifre.");
		}
		var checkedCity = text("city", city, 100, false, errors);
		var checkedScheduleNote = longText("scheduleNote", scheduleNote, 1000, false, errors);
		var checkedPhone = phone("phone", phone, errors);
		var checkedEmail = email("email", email, errors);
		var checkedUrl = url("url", url, errors);
		var checkedLegalBasis = text("legalBasis", legalBasis, 200, false, errors);
		List<String> figures = new ArrayList<>();
		var figureText = longText("keyFigures", keyFigures, 4000, false, errors);
		if (figureText != null) {
			figureText.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
				if (line.length() > 500) {
					errors.put("keyFigures", "Hver linje med tal og fakta må højst være 500 tegn.");
				}
				figures.add(line);
			});
		}

		List<Service.Contact> checkedContacts = new ArrayList<>();
		var contactRows = nonBlank(contacts, ContactRow::blank);
		for (int i = 0; i < contactRows.size(); i++) {
			var row = contactRows.get(i);
			var prefix = "contacts[" + i + "].";
			var role = text(prefix + "role", row.role(), 200, false, errors);
			var person = text(prefix + "name", row.name(), 200, false, errors);
			if (role == null && person == null) {
				errors.put(prefix + "name", "Skriv kontaktpersonens navn eller rolle.");
			}
			var unit = id(prefix + "unitId", row.unitId(), id -> catalog.unit(id) != null, errors);
			var rowPhone = phone(prefix + "phone", row.phone(), errors);
			var rowEmail = email(prefix + "email", row.email(), errors);
			checkedContacts.add(new Service.Contact(rowId(row.id()), municipalityId, role, person, unit, rowPhone,
					rowEmail));
		}
		List<Service.Capacity> checkedCapacities = new ArrayList<>();
		var capacityRows = nonBlank(capacities, CapacityRow::blank);
		for (int i = 0; i < capacityRows.size(); i++) {
			var row = capacityRows.get(i);
			var prefix = "capacities[" + i + "].";
			var unitName = text(prefix + "unitName", row.unitName(), 60, true, errors);
			var maximum = number(prefix + "maximum", row.maximum(), 0, 10_000, true, errors);
			var rowDescription = text(prefix + "description", row.description(), 500, false, errors);
			if (unitName != null && maximum != null) {
				checkedCapacities.add(new Service.Capacity(rowId(row.id()), municipalityId, unitName, maximum, null,
						rowDescription, null));
			}
		}
		List<Service.Cost> checkedCosts = new ArrayList<>();
		var costRows = nonBlank(costs, CostRow::blank);
		for (int i = 0; i < costRows.size(); i++) {
			var row = costRows.get(i);
			var prefix = "costs[" + i + "].";
			var option = text(prefix + "option", row.option(), 200, true, errors);
			var amount = amount(prefix + "amount", row.amount(), errors);
			var rowDescription = text(prefix + "description", row.description(), 500, false, errors);
			if (option != null) {
				checkedCosts.add(new Service.Cost(rowId(row.id()), municipalityId, option, amount,
						amount == null ? null : "DKK", rowDescription));
			}
		}
		List<Service.Schedule> checkedSchedules = new ArrayList<>();
		var scheduleRows = nonBlank(schedules, ScheduleRow::blank);
		for (int i = 0; i < scheduleRows.size(); i++) {
			var row = scheduleRows.get(i);
			var prefix = "schedules[" + i + "].";
			var days = row.days() == null ? List.<String>of() : row.days();
			if (days.isEmpty() || !DAYS.containsAll(days)) {
				errors.put(prefix + "days", "Vælg mindst én ugedag.");
			}
			var opens = time(prefix + "opens", row.opens(), errors);
			var closes = time(prefix + "closes", row.closes(), errors);
			if (opens != null && closes != null && !closes.isAfter(opens)) {
				errors.put(prefix + "closes", "Lukketiden skal være efter åbningstiden.");
			}
			var rowDescription = text(prefix + "description", row.description(), 500, false, errors);
			var ordered = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU").stream().filter(days::contains).toList();
			checkedSchedules.add(new Service.Schedule(rowId(row.id()), municipalityId, String.join(",", ordered),
					opens, closes, rowDescription));
		}
		if (!errors.isEmpty()) {
			return new Checked(null, errors);
		}
		return new Checked(new Service.Content(checkedName, checkedSummary, checkedDescription, areas, owningUnit,
				provider, partners, mode, decidingUnit, checkedFirstStep, checkedTargetGroup, minAge, maxAge,
				checkedSituations, checkedCharge, checkedLocationName, checkedStreet, checkedPostalCode, checkedCity,
				checkedScheduleNote, checkedPhone, checkedEmail, checkedUrl, checkedLegalBasis, null, checkedContacts,
				checkedCapacities, checkedCosts, checkedSchedules, figures), Map.of());
	}

	private static String text(String field, String value, int max, boolean required, Map<String, String> errors) {
		var checked = longText(field, value, max, required, errors);
		if (checked != null && (checked.contains("\n") || checked.contains("\r"))) {
			errors.put(field, "Feltet må kun være én linje.");
		}
		return checked;
	}

	private static String longText(String field, String value, int max, boolean required, Map<String, String> errors) {
		var stripped = value == null ? "" : value.strip().replace("\r\n", "\n");
		if (stripped.isEmpty()) {
			if (required) {
				errors.put(field, "Feltet skal udfyldes.");
			}
			return null;
		}
		if (stripped.length() > max) {
			errors.put(field, "Feltet må højst være " + max + " tegn (der er " + stripped.length() + ").");
			return null;
		}
		var invisible = FieldRules.text(stripped);
		if (invisible.isPresent()) {
			errors.put(field, invisible.get().message());
			return null;
		}
		return stripped;
	}

	/** A phone number by the one rule for phone numbers; a wrong one is reported at its field. */
	private static String phone(String field, String value, Map<String, String> errors) {
		var checked = text(field, value, FieldRules.PHONE_MAX_LENGTH, false, errors);
		return checked == null ? null : valid(field, checked, FieldRules.phone(checked), errors);
	}

	/** An e-mail address by the one rule for e-mail addresses; a wrong one is reported at its field. */
	private static String email(String field, String value, Map<String, String> errors) {
		var checked = text(field, value, FieldRules.EMAIL_MAX_LENGTH, false, errors);
		return checked == null ? null : valid(field, checked, FieldRules.email(checked), errors);
	}

	private static String valid(String field, String value, java.util.Optional<FieldRules.Problem> problem,
			Map<String, String> errors) {
		problem.ifPresent(found -> errors.put(field, found.message()));
		return problem.isPresent() ? null : value;
	}

	private static Integer age(String field, String value, Map<String, String> errors) {
		return number(field, value, 0, 120, false, errors);
	}

	private static Integer number(String field, String value, int min, int max, boolean required,
			Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.put(field, "Feltet skal udfyldes.");
			}
			return null;
		}
		try {
			var number = Integer.parseInt(value.strip());
			if (number < min || number > max) {
				errors.put(field, "Skriv et helt tal mellem " + min + " og " + max + ".");
				return null;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			errors.put(field, "Skriv et helt tal mellem " + min + " og " + max + ".");
			return null;
		}
	}

	private static BigDecimal amount(String field, String value, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			var amount = new BigDecimal(value.strip().replace(".", "").replace(',', '.'));
			if (amount.signum() < 0 || amount.compareTo(new BigDecimal("1000000")) > 0 || amount.scale() > 2) {
				errors.put(field, "Skriv et beløb i kroner mellem 0 og 1.000.000, fx 35 eller 35,50.");
				return null;
			}
			return amount;
		}
		catch (NumberFormatException ex) {
			errors.put(field, "Skriv et beløb i kroner, fx 35 eller 35,50.");
			return null;
		}
	}

	private static LocalTime time(String field, String value, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			var normalised = value.strip().replace('.', ':');
			return LocalTime.parse(normalised.length() == 4 ? "0" + normalised : normalised);
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "Skriv klokkeslættet som tt:mm, fx 09:30.");
			return null;
		}
	}

	private static String url(String field, String value, Map<String, String> errors) {
		var checked = text(field, value, 500, false, errors);
		if (checked == null) {
			return null;
		}
		try {
			var uri = java.net.URI.create(checked);
			if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
				errors.put(field, "Linket skal begynde med https:// eller http://.");
				return null;
			}
			return checked;
		}
		catch (IllegalArgumentException ex) {
			errors.put(field, "Linket er ikke en gyldig webadresse.");
			return null;
		}
	}

	private static UUID id(String field, String value, java.util.function.Predicate<UUID> known,
			Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			var id = UUID.fromString(value.strip());
			if (!known.test(id)) {
				errors.put(field, "Værdien findes ikke i kommunen.");
				return null;
			}
			return id;
		}
		catch (IllegalArgumentException ex) {
			errors.put(field, "Værdien findes ikke i kommunen.");
			return null;
		}
	}

	private static List<UUID> ids(String field, List<String> values, java.util.function.Predicate<UUID> known,
			Map<String, String> errors) {
		List<UUID> ids = new ArrayList<>();
		for (var value : values == null ? List.<String>of() : values) {
			var id = id(field, value, known, errors);
			if (id != null && !ids.contains(id)) {
				ids.add(id);
			}
		}
		return ids;
	}

	private static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, String message,
			Map<String, String> errors) {
		try {
			return Enum.valueOf(type, Objects.requireNonNull(value).strip());
		}
		catch (RuntimeException ex) {
			errors.put(field, message);
			return null;
		}
	}

	private static UUID rowId(String value) {
		try {
			return value == null || value.isBlank() ? UUID.randomUUID() : UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return UUID.randomUUID();
		}
	}

	private static <T> List<T> nonBlank(List<T> rows, java.util.function.Predicate<T> blank) {
		return rows == null ? List.of() : rows.stream().filter(Objects::nonNull).filter(blank.negate()).toList();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}
}
