package dk.helhed.catalog.hsds;

import static dk.helhed.catalog.hsds.ImportFields.amount;
import static dk.helhed.catalog.hsds.ImportFields.date;
import static dk.helhed.catalog.hsds.ImportFields.email;
import static dk.helhed.catalog.hsds.ImportFields.instant;
import static dk.helhed.catalog.hsds.ImportFields.integer;
import static dk.helhed.catalog.hsds.ImportFields.text;
import static dk.helhed.catalog.hsds.ImportFields.time;
import static dk.helhed.catalog.hsds.ImportFields.url;
import static dk.helhed.catalog.hsds.ImportFields.uuid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.Charge;
import dk.helhed.catalog.Service;
import dk.helhed.catalog.ServiceStatus;
import dk.helhed.catalog.Situation;
import dk.helhed.catalog.internal.CatalogImport;
import dk.helhed.catalog.internal.CatalogImport.Kind;
import dk.helhed.catalog.internal.CatalogImport.Plan;
import dk.helhed.catalog.internal.CatalogImport.Target;
import dk.helhed.municipality.OrganisationalUnit;
import dk.helhed.municipality.PartnerOrganisation;
import dk.helhed.municipality.Strategy.FocusArea;
import dk.helhed.platform.DeterministicIds;
import dk.helhed.platform.FieldRules;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides what each service of an uploaded HSDS file becomes in the catalog of the municipality it is imported
 * into, and checks every value on the way, reporting each problem by record and field.
 * <p>
 * <b>What a file changes.</b> A service whose id is already the municipality's is updated, any other is created. For
 * a service that exists, the file is compared part by part (name, description, how to get it, opening hours,
 * contacts, ...) with what Helhed's own export says about the service now, read back the same way. Only the parts
 * where the file says something different change; the rest keeps what Helhed knows beyond HSDS (a summary apart from
 * the description, partners, legal basis, key figures, places whose free number is unknown). So importing Helhed's
 * own export changes nothing, even where HSDS cannot say everything Helhed holds. A list the file does not have at
 * all (a missing table in a zip, a missing key in JSON) leaves that part as it is; an empty list says "none".
 * Services of the municipality that are not in the file are left alone: an import adds and updates, it never
 * deletes.
 * <p>
 * <b>Organizations.</b> A service's organization is matched to the municipality itself, one of its units or partner
 * organisations, by id and then by name. Any other becomes a new partner organisation of the kind its
 * {@code legal_status} names (Helhed's own Danish wording), else "other". <b>Taxonomy terms</b> are matched to the
 * strategy's focus areas and the life situations by id, code or name. A new service none of whose terms is a focus
 * area of the strategy goes under one focus area "Øvrige indsatser", made for the purpose: the strategy is adopted
 * by the city council, so an import must not add another municipality's focus areas to it, but the services must
 * still be found in the catalog, under a heading that says they need a place. An existing service keeps its focus
 * areas in that case.
 */
final class HsdsImport implements Function<Target, Plan> {

	static final String FALLBACK_KEY = "oevrige-indsatser";
	static final String FALLBACK_NAME = "Øvrige indsatser";
	private static final String FALLBACK_SUMMARY = "Indsatser fra en importeret fil, hvis indsatsområder ikke findes "
			+ "i strategien. Giv dem det rette indsatsområde i formularen.";
	/** What Helhed's export adds to every weekly schedule; not a note of the service's own. */
	private static final String DANISH_TIME_NOTE = "Tiderne er dansk tid.";
	private static final String DECIDED_BY = "Afgørelsen træffes af ";

	private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");
	private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
	private static final Comparator<String> LONGEST_FIRST = Comparator.comparing(String::length).reversed();

	private final ImportPackage file;
	private final ImportProblems problems;
	private final HsdsCatalogs.Reading reading;
	private final JsonMapper json;
	private final Instant now;

	HsdsImport(ImportPackage file, ImportProblems problems, HsdsCatalogs.Reading reading, JsonMapper json,
			Instant now) {
		this.file = file;
		this.problems = problems;
		this.reading = reading;
		this.json = json;
		this.now = now;
	}

	// Values read from a file, without the ids of their rows, so that the file and Helhed's export can be compared.

	private record Texts(String summary, String description) {
	}

	private record Access(AccessMode mode, UUID decidingUnitId, String firstStep) {
	}

	private record Ages(Integer minimum, Integer maximum) {
	}

	private record Hours(List<Service.Schedule> schedules, String note) {
	}

	private record Place(String name, String street, String postalCode, String city) {
	}

	private record Classification(List<UUID> focusAreas, List<Situation> situations, List<String> unknownAreas) {
	}

	/** The organization providing a service: the municipality itself, a unit, a partner, or a partner to create. */
	private record Provider(UUID unitId, UUID partnerId, CatalogImport.NewPartner created, ImportItem item) {

		static final Provider MUNICIPALITY = new Provider(null, null, null, null);

		UUID id() {
			return unitId != null ? unitId : partnerId;
		}
	}

	@Override
	public Plan apply(Target target) {
		var context = new Context(target);
		List<CatalogImport.Entry> entries = new ArrayList<>();
		Set<UUID> serviceIds = new HashSet<>();
		Map<Kind, Set<UUID>> rowIds = new HashMap<>();
		for (var record : file.services()) {
			var entry = service(record, context, serviceIds, rowIds);
			if (entry != null) {
				entries.add(entry);
			}
		}
		if (entries.isEmpty() && !problems.hasErrors()) {
			problems.error("Filen indeholder ingen indsatser.");
		}
		noteUnread(context);
		if (problems.hasErrors()) {
			return Plan.refused(problems.errors());
		}
		return new Plan(entries, List.copyOf(context.newPartners.values()), context.fallback, List.of());
	}

	/** The municipality's units, partners and focus areas, looked up by id and by name. */
	private final class Context {

		final Target target;
		final Map<String, OrganisationalUnit> unitsByName = new HashMap<>();
		final Map<String, PartnerOrganisation> partnersByName = new HashMap<>();
		final Map<UUID, OrganisationalUnit> units = new HashMap<>();
		final Map<UUID, PartnerOrganisation> partners = new HashMap<>();
		final Map<String, FocusArea> areasByKey = new HashMap<>();
		final Map<String, FocusArea> areasByName = new HashMap<>();
		final Map<UUID, CatalogImport.NewPartner> newPartners = new LinkedHashMap<>();
		final List<ImportItem> newPartnerItems = new ArrayList<>();
		final List<String> unitNamesLongestFirst;
		CatalogImport.NewFocusArea fallback;

		Context(Target target) {
			this.target = target;
			target.units().forEach(unit -> {
				units.put(unit.id(), unit);
				unitsByName.putIfAbsent(normalised(unit.name()), unit);
			});
			target.partners().forEach(partner -> {
				partners.put(partner.id(), partner);
				partnersByName.putIfAbsent(normalised(partner.name()), partner);
			});
			if (target.strategy() != null) {
				target.strategy().allFocusAreas().forEach(area -> {
					areasByKey.put(area.key(), area);
					areasByName.putIfAbsent(normalised(area.name()), area);
				});
			}
			unitNamesLongestFirst = target.units()
				.stream()
				.map(OrganisationalUnit::name)
				.sorted(LONGEST_FIRST)
				.toList();
		}

		/** The focus area services go under when the strategy has none of theirs, made on first use. */
		UUID fallbackArea() {
			var existing = areasByKey.get(FALLBACK_KEY);
			if (existing != null) {
				return existing.id();
			}
			if (fallback == null) {
				fallback = new CatalogImport.NewFocusArea(
						DeterministicIds.of(target.municipality().slug(), "focus-area", FALLBACK_KEY), FALLBACK_KEY,
						FALLBACK_NAME, FALLBACK_SUMMARY);
			}
			return fallback.id();
		}
	}

	private CatalogImport.Entry service(ImportPackage.ServiceRecord record, Context context, Set<UUID> serviceIds,
			Map<Kind, Set<UUID>> rowIds) {
		var item = record.service();
		var fileId = uuid(item, "id", true, problems);
		if (fileId != null && !serviceIds.add(fileId)) {
			problems.field(item, "id", "bruges også af en anden indsats i filen");
		}
		var id = fileId == null ? null : context.target.serviceId(fileId);
		var existing = id == null ? null : context.target.service(id);
		var baseline = existing == null ? null : baseline(existing);
		var ignored = ImportProblems.ignoring();
		item.ignore("alert", "last_modified", "languages", "metadata");

		var name = choose(text(item, "name", 200, true, true, problems),
				baseline == null ? null : text(baseline.service(), "name", 200, true, true, ignored),
				existing == null ? null : existing.name(), true, existing);
		var status = choose(status(item, problems), baseline == null ? null : existing.status(),
				existing == null ? null : existing.status(), true, existing);
		var texts = choose(texts(item, problems), baseline == null ? null : texts(baseline.service(), ignored),
				existing == null ? null : new Texts(existing.summary(), existing.description()), true, existing);
		var url = choose(url(item, "url", problems), baseline == null ? null : url(baseline.service(), "url", ignored),
				existing == null ? null : existing.url(), true, existing);
		var email = choose(email(item, "email", problems),
				baseline == null ? null : email(baseline.service(), "email", ignored),
				existing == null ? null : existing.email(), true, existing);
		var access = choose(access(item, context, problems),
				baseline == null ? null : access(baseline.service(), context, ignored),
				existing == null ? null
						: new Access(existing.accessMode(), existing.decidingUnitId(), existing.firstStep()),
				true, existing);
		var charge = choose(charge(item, problems), baseline == null ? null : charge(baseline.service(), ignored),
				existing == null ? null : existing.charge(), true, existing);
		var targetGroup = choose(text(item, "eligibility_description", 2000, false, false, problems),
				baseline == null ? null
						: text(baseline.service(), "eligibility_description", 2000, false, false, ignored),
				existing == null ? null : existing.targetGroup(), true, existing);
		var ages = choose(ages(item, problems), baseline == null ? null : ages(baseline.service(), ignored),
				existing == null ? null : new Ages(existing.minimumAge(), existing.maximumAge()), true, existing);
		var assured = date(item, "assured_date", problems);
		var lastVerified = assured != null ? assured : existing == null ? null : existing.lastVerified();

		var phone = choose(phone(record.phones(), problems),
				baseline == null ? null : phone(baseline.phones(), ignored),
				existing == null ? null : existing.phone(), record.phones() != null, existing);
		var serviceId = id == null ? UUID.randomUUID() : id;
		var hours = choose(hours(record.schedules(), context, serviceId, rowIds, problems),
				baseline == null ? null : hours(baseline.schedules(), context, serviceId, null, ignored),
				existing == null ? new Hours(List.of(), null)
						: new Hours(existing.schedules(), existing.scheduleNote()),
				record.schedules() != null, existing, HsdsImport::withoutIds);
		var place = choose(place(record.places(), problems),
				baseline == null ? null : place(baseline.places(), ignored),
				existing == null ? new Place(null, null, null, null)
						: new Place(existing.locationName(), existing.street(), existing.postalCode(), existing.city()),
				record.places() != null, existing);
		var costs = choose(costs(record.costs(), context, serviceId, rowIds, problems),
				baseline == null ? null : costs(baseline.costs(), context, serviceId, null, ignored),
				existing == null ? List.<Service.Cost>of() : existing.costs(), record.costs() != null, existing,
				HsdsImport::costsWithoutIds);
		var contacts = choose(contacts(record.contacts(), context, serviceId, rowIds, problems),
				baseline == null ? null : contacts(baseline.contacts(), context, serviceId, null, ignored),
				existing == null ? List.<Service.Contact>of() : existing.contacts(), record.contacts() != null,
				existing, HsdsImport::contactsWithoutIds);
		var capacities = choose(capacities(record.capacities(), context, serviceId, rowIds, problems),
				baseline == null ? null : capacities(baseline.capacities(), context, serviceId, null, ignored),
				existing == null ? List.<Service.Capacity>of() : existing.capacities(), record.capacities() != null,
				existing, HsdsImport::capacitiesWithoutIds);
		if (existing != null && capacities != existing.capacities()) {
			capacities = withUnreportedCapacities(capacities, existing);
		}
		var classification = classification(record.attributes(), context, problems);
		var baselineClassification = baseline == null ? null : classification(baseline.attributes(), context, ignored);
		// A file none of whose terms is one of the municipality's focus areas says nothing about them.
		var focusAreas = choose(classification.focusAreas(),
				baseline == null ? null : baselineClassification.focusAreas(),
				existing == null ? List.<UUID>of() : existing.focusAreaIds(),
				record.attributes() != null && !classification.focusAreas().isEmpty(), existing);
		var situations = choose(classification.situations(),
				baseline == null ? null : baselineClassification.situations(),
				existing == null ? List.<Situation>of() : existing.situations(), record.attributes() != null, existing);
		if (focusAreas.isEmpty() && context.target.strategy() != null) {
			focusAreas = List.of(context.fallbackArea());
			classification.unknownAreas()
				.forEach(area -> problems.note("Indsatsområdet »" + ImportItem.abbreviate(area, 80)
						+ "« findes ikke i kommunens strategi; indsatser med det er lagt under »" + FALLBACK_NAME
						+ "«."));
			if (classification.unknownAreas().isEmpty()) {
				problems.note("Indsatser uden et af kommunens indsatsområder er lagt under »" + FALLBACK_NAME + "«.");
			}
		}
		else if (focusAreas.isEmpty()) {
			problems.note("Kommunen har ingen strategi med indsatsområder; de importerede indsatser findes derfor kun "
					+ "ved søgning, ikke under et indsatsområde.");
		}
		var provider = choose(provider(record, context, problems),
				baseline == null ? null : provider(baseline, context, ignored),
				existing == null ? Provider.MUNICIPALITY
						: existing.owningUnitId() != null ? new Provider(existing.owningUnitId(), null, null, null)
								: new Provider(null, existing.providerId(), null, null),
				true, existing, Provider::id);
		if (provider == null) {
			provider = Provider.MUNICIPALITY; // the problem is reported; nothing is saved
		}
		UUID owningUnit;
		UUID providerId;
		if (existing != null && Objects.equals(provider.id(),
				existing.owningUnitId() != null ? existing.owningUnitId() : existing.providerId())) {
			owningUnit = existing.owningUnitId();
			providerId = existing.providerId();
		}
		else {
			owningUnit = provider.unitId();
			providerId = provider.unitId() != null && existing != null ? existing.providerId() : provider.partnerId();
			if (provider.created() != null && !context.newPartners.containsKey(provider.created().id())) {
				context.newPartners.put(provider.created().id(), provider.created());
				context.newPartnerItems.add(provider.item());
			}
		}
		if (ages != null && ages.minimum() != null && ages.maximum() != null && ages.minimum() > ages.maximum()) {
			problems.field(item, "maximum_age", "er mindre end minimum_age");
		}

		if (fileId == null || name == null || status == null) {
			return null;
		}
		var municipalityId = context.target.municipality().id();
		var content = new Service.Content(name, nullToEmpty(texts.summary()), nullToEmpty(texts.description()),
				focusAreas, owningUnit, providerId, existing == null ? List.of() : existing.partnerIds(),
				access.mode(), access.decidingUnitId(), nullToEmpty(access.firstStep()), nullToEmpty(targetGroup),
				ages == null ? null : ages.minimum(), ages == null ? null : ages.maximum(), situations,
				charge, place.name(), place.street(), place.postalCode(), place.city(), hours.note(), phone, email,
				url, existing == null ? null : existing.legalBasis(), lastVerified,
				owned(contacts, municipalityId), owned(capacities, municipalityId), owned(costs, municipalityId),
				owned(hours.schedules(), municipalityId), existing == null ? List.of() : existing.keyFigures());
		return new CatalogImport.Entry(id, name, item.label(), content, status,
				instant(item, "last_modified", ImportProblems.ignoring()));
	}

	/**
	 * The file's value if the service is new, or if the file has this part and says something other than Helhed's
	 * export of the service says now; otherwise what the service has.
	 */
	private static <T> T choose(T fromFile, T fromExport, T current, boolean inFile, Service existing) {
		return choose(fromFile, fromExport, current, inFile, existing, Function.identity());
	}

	private static <T> T choose(T fromFile, T fromExport, T current, boolean inFile, Service existing,
			Function<T, ?> compared) {
		if (existing == null) {
			return inFile ? fromFile : current;
		}
		if (!inFile || Objects.equals(fromFile == null ? null : compared.apply(fromFile),
				fromExport == null ? null : compared.apply(fromExport))) {
			return current;
		}
		return fromFile;
	}

	/** What Helhed's export says about the service now, read back as a file would be. */
	private ImportPackage.ServiceRecord baseline(Service existing) {
		var node = (ObjectNode) json.valueToTree(reading.mapper().service(existing));
		return new HsdsFileReader.NestedReader(ImportProblems.ignoring()).record(node, "export", null);
	}

	// The parts of a service

	private static ServiceStatus status(ImportItem item, ImportProblems problems) {
		var value = text(item, "status", 40, true, true, problems);
		if (value == null) {
			return null;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "active" -> ServiceStatus.ACTIVE;
			case "temporarily closed" -> {
				problems.note("Helhed har ingen status for midlertidigt lukkede indsatser; indsatser med status "
						+ "»temporarily closed« er importeret som aktive.");
				yield ServiceStatus.ACTIVE;
			}
			case "inactive", "defunct" -> ServiceStatus.RETIRED;
			default -> {
				problems.field(item, "status", "skal være active, inactive, defunct eller temporarily closed");
				yield null;
			}
		};
	}

	/**
	 * Helhed exports its summary and description as one text, the summary first; the first paragraph is read back as
	 * the summary when it is short enough to be one.
	 */
	private static Texts texts(ImportItem item, ImportProblems problems) {
		var text = text(item, "description", 6302, false, false, problems);
		if (text == null) {
			return new Texts(null, null);
		}
		var split = text.indexOf("\n\n");
		if (split > 0 && split <= 300 && text.length() - split - 2 <= 6000) {
			return new Texts(text.substring(0, split).strip(), text.substring(split + 2).strip());
		}
		if (split < 0 && text.length() <= 300) {
			return new Texts(text, null);
		}
		if (text.length() > 6000) {
			problems.field(item, "description", "er for langt: højst 6000 tegn, men det er " + text.length());
			return new Texts(null, null);
		}
		return new Texts(null, text);
	}

	/** Helhed writes the access mode in words, then who decides, then the first step; other text is a first step. */
	private Access access(ImportItem item, Context context, ImportProblems problems) {
		var text = text(item, "application_process", 1400, false, false, problems);
		if (text == null) {
			return new Access(AccessMode.SELF_REFERRAL, null, null);
		}
		for (var mode : AccessMode.values()) {
			var label = reading.labels().apply("access." + mode.name()) + ".";
			if (!text.startsWith(label)) {
				continue;
			}
			var rest = text.substring(label.length()).strip();
			UUID decidingUnit = null;
			if (mode == AccessMode.ASSESSMENT_DECISION) {
				for (var unitName : context.unitNamesLongestFirst) {
					if (rest.startsWith(DECIDED_BY + unitName + ".")) {
						decidingUnit = context.unitsByName.get(normalised(unitName)).id();
						rest = rest.substring((DECIDED_BY + unitName + ".").length()).strip();
						break;
					}
				}
			}
			return new Access(mode, decidingUnit, firstStep(item, rest, problems));
		}
		problems.note("Adgangen til en indsats kunne ikke læses af application_process; indsatser med en anden tekst "
				+ "er importeret med adgangen »" + reading.labels().apply("access." + AccessMode.SELF_REFERRAL.name())
				+ "« og teksten som første skridt. Ret adgangen i formularen.");
		return new Access(AccessMode.SELF_REFERRAL, null, firstStep(item, text, problems));
	}

	private static String firstStep(ImportItem item, String text, ImportProblems problems) {
		if (text.length() > 1000) {
			problems.field(item, "application_process", "er for langt: det første skridt må højst være 1000 tegn, "
					+ "men det er " + text.length());
			return null;
		}
		return text.isEmpty() ? null : text;
	}

	private Charge charge(ImportItem item, ImportProblems problems) {
		var text = text(item, "fees_description", 2000, false, false, problems);
		if (text == null) {
			return Charge.UNKNOWN;
		}
		for (var charge : Charge.values()) {
			if (text.equalsIgnoreCase(reading.labels().apply("charge." + charge.name()))) {
				return charge;
			}
		}
		problems.note("Helhed kender prisen som gratis, gratis med enkelte udgifter, betaling eller »spørg om pris« og "
				+ "gemmer ikke en fri tekst om den: indsatser med en anden fees_description er importeret som »"
				+ reading.labels().apply("charge." + Charge.UNKNOWN.name()) + "«, og teksten er udeladt.");
		return Charge.UNKNOWN;
	}

	private static Ages ages(ImportItem item, ImportProblems problems) {
		return new Ages(integer(item, "minimum_age", 0, 120, problems), integer(item, "maximum_age", 0, 120, problems));
	}

	/** The first phone number is the service's; Helhed holds one. */
	private static String phone(List<ImportItem> phones, ImportProblems problems) {
		if (phones == null || phones.isEmpty()) {
			return null;
		}
		for (var phone : phones) {
			phone.ignore("id", "type", "service_id", "contact_id", "organization_id", "location_id",
					"service_at_location_id");
		}
		if (phones.size() > 1) {
			problems.note("Helhed gemmer ét telefonnummer pr. indsats og kontaktperson; de øvrige er udeladt.");
		}
		return phoneNumber(phones.getFirst(), problems);
	}

	private static String phoneNumber(ImportItem phone, ImportProblems problems) {
		var number = text(phone, "number", 60, true, true, problems);
		if (number == null) {
			return null;
		}
		// A number wrapped in quotes is a spreadsheet's doing, as in the specification's own example.
		if (number.length() > 2 && number.startsWith("\"") && number.endsWith("\"")) {
			number = number.substring(1, number.length() - 1).strip();
		}
		var problem = FieldRules.phone(number);
		if (problem.isPresent()) {
			problems.field(phone, "number", problem.get().inRecord());
			return null;
		}
		return number;
	}

	/**
	 * Weekly opening hours become schedules; a schedule with neither days nor times is a description of when the
	 * service is open, which Helhed keeps as a note.
	 */
	private static Hours hours(List<ImportItem> items, Context context, UUID serviceId, Map<Kind, Set<UUID>> rowIds,
			ImportProblems problems) {
		if (items == null) {
			return null;
		}
		List<Service.Schedule> schedules = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (var item : items) {
			item.ignore("service_id", "location_id", "service_at_location_id");
			var byday = text(item, "byday", 100, false, true, problems);
			var opens = time(item, "opens_at", problems);
			var closes = time(item, "closes_at", problems);
			var description = text(item, "description", 1000, false, false, problems);
			var freq = text(item, "freq", 20, false, true, problems);
			var scheduleNotes = text(item, "notes", 1000, false, false, problems);
			if (scheduleNotes != null && !scheduleNotes.equals(DANISH_TIME_NOTE)) {
				problems.note("Helhed gemmer ikke noter (notes) til åbningstider; de er udeladt.");
			}
			if (freq != null && !freq.equalsIgnoreCase("WEEKLY")) {
				problems.note("Helhed kender kun ugentlige åbningstider; andre gentagelser (freq) er læst som "
						+ "ugentlige.");
			}
			if (byday == null && opens == null && closes == null) {
				item.ignore("id");
				if (description != null) {
					notes.add(description);
				}
				continue;
			}
			var days = days(item, byday, problems);
			if (description != null && description.length() > 500) {
				problems.field(item, "description", "er for langt: højst 500 tegn, men det er " + description.length());
			}
			var id = rowId(item, Kind.SCHEDULE, context, serviceId, rowIds, problems);
			schedules.add(new Service.Schedule(id, null, days, opens, closes, description));
		}
		var note = notes.isEmpty() ? null : String.join("\n\n", notes);
		if (note != null && note.length() > 1000) {
			problems.record(items.getFirst(), "beskrivelserne af åbningstider uden ugedage og tider må tilsammen højst "
					+ "være 1000 tegn, men de er " + note.length());
			note = null;
		}
		return new Hours(List.copyOf(schedules), note);
	}

	private static String days(ImportItem item, String byday, ImportProblems problems) {
		if (byday == null) {
			return "";
		}
		var days = new LinkedHashMap<String, Boolean>();
		for (var day : byday.split(",")) {
			var code = day.strip().toUpperCase(Locale.ROOT);
			if (!DAYS.contains(code)) {
				problems.field(item, "byday", "skal være ugedage som MO,TU,WE,TH,FR,SA,SU");
				return "";
			}
			days.put(code, true);
		}
		return DAYS.stream().filter(days::containsKey).collect(Collectors.joining(","));
	}

	/** The service's place: the first location's name and its first address. */
	private static Place place(List<ImportPackage.Place> places, ImportProblems problems) {
		if (places == null) {
			return null;
		}
		if (places.isEmpty()) {
			return new Place(null, null, null, null);
		}
		if (places.size() > 1) {
			problems.note("Helhed gemmer ét sted pr. indsats; de øvrige steder er udeladt.");
		}
		var first = places.getFirst();
		first.serviceAtLocation().ignore("id", "service_id", "location_id");
		var location = first.location();
		if (location == null) {
			return new Place(null, null, null, null);
		}
		location.ignore("id", "location_type");
		var name = text(location, "name", 200, false, true, problems);
		String street = null;
		String postalCode = null;
		String city = null;
		if (!first.addresses().isEmpty()) {
			var address = first.addresses().getFirst();
			address.ignore("id", "location_id", "address_type", "state_province");
			street = text(address, "address_1", 200, false, true, problems);
			postalCode = text(address, "postal_code", 10, false, true, problems);
			city = text(address, "city", 100, false, true, problems);
			var country = text(address, "country", 60, false, true, problems);
			if (country != null && !country.equalsIgnoreCase("DK")) {
				problems.note("Helhed gemmer ikke landet i en adresse; adresser uden for Danmark er importeret uden "
						+ "land.");
			}
		}
		return new Place(name, street, postalCode, city);
	}

	private static List<Service.Cost> costs(List<ImportItem> items, Context context, UUID serviceId,
			Map<Kind, Set<UUID>> rowIds, ImportProblems problems) {
		if (items == null) {
			return null;
		}
		List<Service.Cost> costs = new ArrayList<>();
		for (var item : items) {
			item.ignore("service_id");
			var option = text(item, "option", 200, false, true, problems);
			var amount = amount(item, "amount", problems);
			var currency = text(item, "currency", 10, false, true, problems);
			if (currency != null && !CURRENCY.matcher(currency).matches()) {
				problems.field(item, "currency", "skal være en valutakode på tre bogstaver, fx DKK");
				currency = null;
			}
			var description = text(item, "amount_description", 500, false, false, problems);
			var id = rowId(item, Kind.COST, context, serviceId, rowIds, problems);
			costs.add(new Service.Cost(id, null, option == null ? "Pris" : option, amount,
					amount == null ? null : currency == null ? "DKK" : currency.toUpperCase(Locale.ROOT),
					description));
		}
		return List.copyOf(costs);
	}

	private static List<Service.Contact> contacts(List<ImportPackage.Contact> items, Context context, UUID serviceId,
			Map<Kind, Set<UUID>> rowIds, ImportProblems problems) {
		if (items == null) {
			return null;
		}
		List<Service.Contact> contacts = new ArrayList<>();
		for (var contact : items) {
			var item = contact.contact();
			item.ignore("service_id", "organization_id", "service_at_location_id", "location_id");
			var name = text(item, "name", 200, false, true, problems);
			var role = text(item, "title", 200, false, true, problems);
			if (name == null && role == null) {
				problems.record(item, "kontaktpersonen skal have et navn (name) eller en titel (title)");
			}
			var department = text(item, "department", 200, false, true, problems);
			UUID unit = null;
			if (department != null) {
				var found = context.unitsByName.get(normalised(department));
				if (found == null) {
					problems.note("Afdelingen (department) »" + ImportItem.abbreviate(department, 80)
							+ "« er ikke en enhed i kommunen; kontaktpersonens afdeling er ikke gemt.");
				}
				else {
					unit = found.id();
				}
			}
			var email = email(item, "email", problems);
			String phone = null;
			if (!contact.phones().isEmpty()) {
				contact.phones().forEach(number -> number.ignore("id", "type", "service_id", "contact_id",
						"organization_id", "location_id", "service_at_location_id"));
				phone = phoneNumber(contact.phones().getFirst(), problems);
				if (contact.phones().size() > 1) {
					problems.note("Helhed gemmer ét telefonnummer pr. indsats og kontaktperson; de øvrige er udeladt.");
				}
			}
			var id = rowId(item, Kind.CONTACT, context, serviceId, rowIds, problems);
			contacts.add(new Service.Contact(id, null, role, name, unit, phone, email));
		}
		return List.copyOf(contacts);
	}

	private List<Service.Capacity> capacities(List<ImportPackage.Capacity> items, Context context, UUID serviceId,
			Map<Kind, Set<UUID>> rowIds, ImportProblems problems) {
		if (items == null) {
			return null;
		}
		List<Service.Capacity> capacities = new ArrayList<>();
		for (var capacity : items) {
			var item = capacity.capacity();
			item.ignore("service_id", "unit_id");
			String unitName = null;
			if (capacity.unit() == null) {
				problems.field(item, "unit", "mangler (hvad pladserne tælles i, fx boliger)");
			}
			else {
				capacity.unit().ignore("id");
				unitName = text(capacity.unit(), "name", 60, true, true, problems);
			}
			var available = integer(item, "available", 0, 10_000, problems);
			var maximum = integer(item, "maximum", 0, 10_000, problems);
			if (maximum == null && available != null) {
				maximum = available;
			}
			if (maximum == null) {
				problems.field(item, "maximum", "mangler");
			}
			if (available != null && maximum != null && available > maximum) {
				problems.field(item, "available", "er større end maximum (" + available + " ledige af " + maximum
						+ " pladser)");
			}
			var description = text(item, "description", 500, false, false, problems);
			var updated = instant(item, "updated", problems);
			var id = rowId(item, Kind.CAPACITY, context, serviceId, rowIds, problems);
			if (unitName != null && maximum != null) {
				capacities.add(new Service.Capacity(id, null, unitName, maximum, available, description,
						updated == null ? now : updated));
			}
		}
		return List.copyOf(capacities);
	}

	/**
	 * HSDS sends only places whose free number is known; the places of an existing service that HSDS could not show
	 * are kept, unless the file names them.
	 */
	private static List<Service.Capacity> withUnreportedCapacities(List<Service.Capacity> fromFile,
			Service existing) {
		var ids = fromFile.stream().map(Service.Capacity::id).collect(Collectors.toSet());
		List<Service.Capacity> capacities = new ArrayList<>(fromFile);
		existing.capacities()
			.stream()
			.filter(capacity -> capacity.available() == null && !ids.contains(capacity.id()))
			.forEach(capacities::add);
		return List.copyOf(capacities);
	}

	/** The focus areas and life situations the service's taxonomy terms stand for, in the file's order. */
	private Classification classification(List<ImportPackage.Attribute> attributes, Context context,
			ImportProblems problems) {
		List<UUID> areas = new ArrayList<>();
		List<Situation> situations = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		if (attributes == null) {
			return new Classification(areas, situations, unknown);
		}
		for (var attribute : attributes) {
			var item = attribute.attribute();
			item.ignore("id", "link_id", "link_entity");
			var linkType = text(item, "link_type", 100, false, true, problems);
			var termId = uuid(item, "taxonomy_term_id", false, problems);
			var term = attribute.term();
			if (term == null && termId != null) {
				term = file.terms().get(termId.toString());
			}
			if (termId == null && term != null) {
				termId = uuid(term, "id", false, ImportProblems.ignoring());
			}
			if (termId != null) {
				var area = reading.taxonomies().focusAreaOf(termId);
				if (area.isPresent()) {
					addOnce(areas, area.get());
					continue;
				}
				var situation = reading.taxonomies().situationOf(termId);
				if (situation.isPresent()) {
					addOnce(situations, situation.get());
					continue;
				}
			}
			if (term == null) {
				problems.note("Et begreb (taxonomy_term_id) findes hverken i filen eller i kommunen og er ikke knyttet "
						+ "til indsatsen.");
				continue;
			}
			var code = text(term, "code", 200, false, true, ImportProblems.ignoring());
			var name = text(term, "name", 200, false, true, ImportProblems.ignoring());
			var focusLink = HsdsTaxonomies.FOCUS_AREA_LINK.equals(linkType);
			var situation = focusLink ? null : situation(code, name);
			if (situation != null) {
				addOnce(situations, situation);
				continue;
			}
			var area = code == null ? null : context.areasByKey.get(code);
			if (area == null && name != null) {
				area = context.areasByName.get(normalised(name));
			}
			if (area != null) {
				addOnce(areas, area.id());
				continue;
			}
			var label = name != null ? name : code != null ? code : termId.toString();
			if (focusLink) {
				unknown.add(label);
			}
			else {
				problems.note("Begrebet »" + ImportItem.abbreviate(label, 80) + "« er hverken et af kommunens "
						+ "indsatsområder eller en livssituation og er ikke knyttet til indsatsen.");
			}
		}
		return new Classification(areas, situations, unknown);
	}

	private Situation situation(String code, String name) {
		for (var situation : Situation.values()) {
			if (situation.name().equalsIgnoreCase(nullToEmpty(code))
					|| normalised(reading.labels().apply("situation." + situation.name())).equals(normalised(name))) {
				return situation;
			}
		}
		return null;
	}

	/**
	 * The organization that provides the service, found among the municipality's own by id, then by name; any other
	 * becomes a new partner organisation.
	 */
	private Provider provider(ImportPackage.ServiceRecord record, Context context, ImportProblems problems) {
		var item = record.service();
		var organizationId = uuid(item, "organization_id", false, problems);
		var organization = record.organization();
		if (organization == null && organizationId != null) {
			organization = file.organizations().get(organizationId.toString());
		}
		if (organizationId == null && organization != null) {
			organizationId = uuid(organization, "id", true, problems);
		}
		if (organizationId == null) {
			return organization == null ? Provider.MUNICIPALITY : null;
		}
		var target = context.target;
		if (organizationId.equals(target.municipality().id())) {
			return Provider.MUNICIPALITY;
		}
		if (context.units.containsKey(organizationId)) {
			return new Provider(organizationId, null, null, null);
		}
		if (context.partners.containsKey(organizationId)) {
			return new Provider(null, organizationId, null, null);
		}
		var remapped = target.remappedPartnerId(organizationId);
		if (context.partners.containsKey(remapped)) {
			return new Provider(null, remapped, null, null);
		}
		if (organization == null) {
			problems.field(item, "organization_id", "peger på en organisation, der hverken findes i filen eller i "
					+ "kommunen");
			return null;
		}
		var name = text(organization, "name", 200, true, true, problems);
		if (name == null) {
			return null;
		}
		var key = normalised(name);
		if (key.equals(normalised(target.municipality().name()))) {
			return Provider.MUNICIPALITY;
		}
		if (context.unitsByName.containsKey(key)) {
			return new Provider(context.unitsByName.get(key).id(), null, null, null);
		}
		if (context.partnersByName.containsKey(key)) {
			return new Provider(null, context.partnersByName.get(key).id(), null, null);
		}
		var id = target.partnerId(organizationId);
		var created = context.newPartners.get(id);
		if (created == null) {
			organization.ignore("id", "parent_organization_id");
			var description = text(organization, "description", 2000, false, false, problems);
			var website = url(organization, "website", problems);
			var legalStatus = text(organization, "legal_status", 200, false, true, problems);
			created = new CatalogImport.NewPartner(id, name, kind(legalStatus), description, website);
		}
		return new Provider(null, id, created, organization);
	}

	/** The kind of partner its legal status names in Helhed's own words; any other is "other". */
	private PartnerOrganisation.Kind kind(String legalStatus) {
		for (var kind : PartnerOrganisation.Kind.values()) {
			if (normalised(reading.labels().apply("partner." + kind.name())).equals(normalised(legalStatus))) {
				return kind;
			}
		}
		return PartnerOrganisation.Kind.OTHER;
	}

	/** Tells which fields of the file the import did not keep, field by field, with how often. */
	private void noteUnread(Context context) {
		Map<String, Integer> unread = new LinkedHashMap<>();
		// A row can belong to two records (a phone of both a service and its contact person): count it once.
		Set<ImportItem> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		java.util.stream.Stream.concat(file.items(), context.newPartnerItems.stream())
			.filter(seen::add)
			.forEach(item -> item.unread().forEach(field -> unread.merge(item.table() + "." + field, 1, Integer::sum)));
		if (!unread.isEmpty()) {
			problems.note("Felter i filen, som Helhed ikke gemmer, og som derfor er udeladt: " + unread.entrySet()
				.stream()
				.map(entry -> entry.getKey() + (entry.getValue() > 1 ? " (" + entry.getValue() + ")" : ""))
				.collect(Collectors.joining(", ")) + ".");
		}
		file.notes().forEach(problems::note);
	}

	// Reading one field

	private static UUID rowId(ImportItem item, Kind kind, Context context, UUID serviceId,
			Map<Kind, Set<UUID>> rowIds, ImportProblems problems) {
		var fileId = uuid(item, "id", true, problems);
		if (fileId == null) {
			return UUID.randomUUID();
		}
		if (rowIds != null && !rowIds.computeIfAbsent(kind, key -> new HashSet<>()).add(fileId)) {
			problems.field(item, "id", "bruges også af en anden række i filen");
		}
		return context.target.rowId(kind, fileId, serviceId);
	}

	// Comparing without the ids of rows

	private static Object withoutIds(Hours hours) {
		return List.of(hours.schedules()
			.stream()
			.map(s -> Objects.toString(s.days()) + "|" + s.opensAt() + "|" + s.closesAt() + "|" + s.description())
			.toList(), Objects.toString(hours.note()));
	}

	private static Object costsWithoutIds(List<Service.Cost> costs) {
		return costs.stream()
			.map(c -> c.option() + "|" + (c.amount() == null ? null : c.amount().stripTrailingZeros().toPlainString())
					+ "|" + c.currency() + "|" + c.description())
			.toList();
	}

	private static Object contactsWithoutIds(List<Service.Contact> contacts) {
		return contacts.stream()
			.map(c -> c.role() + "|" + c.name() + "|" + c.unitId() + "|" + c.phone() + "|" + c.email())
			.toList();
	}

	private static Object capacitiesWithoutIds(List<Service.Capacity> capacities) {
		return capacities.stream()
			.map(c -> c.unitName() + "|" + c.maximum() + "|" + c.available() + "|" + c.description())
			.toList();
	}

	// Rows belong to the municipality the import goes into

	private static <T> List<T> owned(List<T> rows, UUID municipalityId) {
		return rows.stream().map(row -> owned(row, municipalityId)).toList();
	}

	@SuppressWarnings("unchecked")
	private static <T> T owned(T row, UUID municipalityId) {
		return (T) switch (row) {
			case Service.Contact c -> new Service.Contact(c.id(), municipalityId, c.role(), c.name(), c.unitId(),
					c.phone(), c.email());
			case Service.Capacity c -> new Service.Capacity(c.id(), municipalityId, c.unitName(), c.maximum(),
					c.available(), c.description(), c.updatedAt());
			case Service.Cost c -> new Service.Cost(c.id(), municipalityId, c.option(), c.amount(), c.currency(),
					c.description());
			case Service.Schedule s -> new Service.Schedule(s.id(), municipalityId, s.days(), s.opensAt(),
					s.closesAt(), s.description());
			default -> row;
		};
	}

	private static <T> void addOnce(List<T> list, T value) {
		if (!list.contains(value)) {
			list.add(value);
		}
	}

	private static String normalised(String name) {
		return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
