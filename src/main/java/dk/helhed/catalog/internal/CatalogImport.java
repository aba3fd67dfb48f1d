package dk.helhed.catalog.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.catalog.CatalogChanged;
import dk.helhed.catalog.Service;
import dk.helhed.catalog.ServiceStatus;
import dk.helhed.catalog.internal.ServiceFields.FieldChange;
import dk.helhed.catalog.internal.ServiceHistory.Action;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.municipality.Municipality;
import dk.helhed.municipality.OrganisationalUnit;
import dk.helhed.municipality.PartnerOrganisation;
import dk.helhed.municipality.Strategy;
import dk.helhed.platform.Keys;
import dk.helhed.platform.DeterministicIds;
import dk.helhed.platform.NotFoundException;

/**
 * The write path for importing many services at once into a catalog editor's own municipality. A planner (the HSDS
 * import) reads the municipality as it is in this transaction and says what each service should become; this class
 * checks that against the services as they are, saves only what differs, records every changed field in the history
 * with the action {@code IMPORTED}, all in one transaction, and announces the change once. If the planner found
 * problems, nothing is written.
 */
@Component
@Transactional
public class CatalogImport {

	/** The kinds of rows whose ids an imported file brings with it. */
	public enum Kind {
		SERVICE("service"), CONTACT("service_contact"), CAPACITY("service_capacity"), COST("service_cost"),
		SCHEDULE("service_schedule");

		private final String table;

		Kind(String table) {
			this.table = table;
		}
	}

	/**
	 * The municipality an import goes into, as it is now. Also decides which ids from the file the imported rows may
	 * keep: a file's own ids are kept (so that exporting and importing again finds the same services), unless the id
	 * is already used by another municipality or, for a contact, price, capacity or opening hours, by another service.
	 * Then the row gets an id made from the municipality and the file's id, the same every time the file is imported.
	 */
	public final class Target {

		private final Municipality municipality;
		private final Strategy strategy;
		private final List<OrganisationalUnit> units;
		private final List<PartnerOrganisation> partners;
		private final Map<UUID, Service> services = new HashMap<>();
		private final Map<String, Map<UUID, Holder>> holders = new HashMap<>();

		private record Holder(UUID municipalityId, UUID serviceId) {
		}

		private Target(Municipality municipality, Strategy strategy, List<OrganisationalUnit> units,
				List<PartnerOrganisation> partners, List<Service> services) {
			this.municipality = municipality;
			this.strategy = strategy;
			this.units = units;
			this.partners = partners;
			services.forEach(service -> this.services.put(service.id(), service));
		}

		public Municipality municipality() {
			return municipality;
		}

		/** The municipality's strategy, or null if it has none. */
		public Strategy strategy() {
			return strategy;
		}

		public List<OrganisationalUnit> units() {
			return units;
		}

		public List<PartnerOrganisation> partners() {
			return partners;
		}

		/** The municipality's service with this id, active or retired. */
		public Service service(UUID id) {
			return services.get(id);
		}

		/** The id a service from the file is saved under (its existing service, if it has one). */
		public UUID serviceId(UUID fileId) {
			var holder = holder(Kind.SERVICE.table, fileId);
			return holder == null || holder.municipalityId().equals(municipality.id()) ? fileId
					: remapped(Kind.SERVICE.name(), fileId);
		}

		/** The id a contact, capacity, price or opening hours from the file is saved under, in the given service. */
		public UUID rowId(Kind kind, UUID fileId, UUID serviceId) {
			var holder = holder(kind.table, fileId);
			return holder == null || serviceId.equals(holder.serviceId()) ? fileId : remapped(kind.name(), fileId);
		}

		/** The id an organization from the file gets as a new partner organisation. */
		public UUID partnerId(UUID fileId) {
			for (var table : List.of("partner_organisation", "organisational_unit", "municipality")) {
				if (holder(table, fileId) != null) {
					return remapped("PARTNER", fileId);
				}
			}
			return fileId;
		}

		/** The id a partner organisation made from this organization of the file has, or would get. */
		public UUID remappedPartnerId(UUID fileId) {
			return remapped("PARTNER", fileId);
		}

		private UUID remapped(String kind, UUID fileId) {
			return DeterministicIds.of("import", municipality.id().toString(), kind, fileId.toString());
		}

		private Holder holder(String table, UUID id) {
			return holders.computeIfAbsent(table, key -> new HashMap<>()).computeIfAbsent(id, key -> lookUp(table, id));
		}

		private Holder lookUp(String table, UUID id) {
			var sql = switch (table) {
				case "service" -> "select municipality_id, id as service_id from service where id = ?";
				case "service_contact", "service_capacity", "service_cost", "service_schedule" ->
					"select municipality_id, service_id from " + table + " where id = ?";
				case "partner_organisation", "organisational_unit", "municipality" ->
					"select municipality_id, cast(null as uuid) as service_id from " + table + " where id = ?";
				default -> throw new IllegalArgumentException(table);
			};
			return jdbc.sql(sql)
				.param(id)
				.query((rs, n) -> new Holder(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
				.optional()
				.orElse(null);
		}
	}

	/** What a planner decided. With problems, nothing is written. */
	public record Plan(List<Entry> services, List<NewPartner> partners, NewFocusArea focusArea,
			List<String> problems) {

		public static Plan refused(List<String> problems) {
			return new Plan(List.of(), List.of(), null, problems);
		}
	}

	/**
	 * What one service from the file should be: its id (see {@link Target#serviceId}), its content and status.
	 *
	 * @param name how the import report names it
	 * @param label where the service is in the file, for messages
	 * @param fileModified when the file says the service was last changed, if it does
	 */
	public record Entry(UUID id, String name, String label, Service.Content content, ServiceStatus status,
			Instant fileModified) {
	}

	/** An organization of the file that is neither the municipality nor one of its units or partners. */
	public record NewPartner(UUID id, String name, PartnerOrganisation.Kind kind, String description,
			String website) {
	}

	/** The focus area services go under when none of their own is in the strategy. */
	public record NewFocusArea(UUID id, String key, String name, String summary) {
	}

	/** What became of one service. */
	public record Change(UUID serviceId, String name, boolean created, List<FieldChange> fields) {
	}

	/** What an import did, or with {@code applied} false would do. */
	public sealed interface Result {
	}

	/** The planner found problems; nothing was written. */
	public record Refused(List<String> problems) implements Result {
	}

	/** @param applied false when the file was only checked */
	public record Done(boolean applied, List<Change> changes, int unchanged, List<String> createdPartners,
			String createdFocusArea) implements Result {

		public long created() {
			return changes.stream().filter(Change::created).count();
		}

		public long updated() {
			return changes.stream().filter(change -> !change.created()).count();
		}
	}

	private final ServiceRepository services;
	private final ServiceHistory history;
	private final Municipalities municipalities;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CatalogImport(ServiceRepository services, ServiceHistory history, Municipalities municipalities, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.services = services;
		this.history = history;
		this.municipalities = municipalities;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Plans the import against the editor's municipality as it is in this transaction and, if {@code apply}, saves
	 * it. All or nothing: any problem, or any failure while saving, leaves the catalog as it was.
	 */
	public Result run(StaffMember editor, boolean apply, Function<Target, Plan> planner) {
		if (!editor.has(Role.CATALOG_EDITOR)) {
			throw new AccessDeniedException("Catalog editor role required");
		}
		var municipalityId = editor.municipalityId();
		var municipality = municipalities.findById(municipalityId)
			.orElseThrow(() -> new NotFoundException("Kommunen findes ikke."));
		var target = new Target(municipality, municipalities.strategyOf(municipalityId).orElse(null),
				municipalities.unitsOf(municipalityId), municipalities.partnersOf(municipalityId),
				services.findByMunicipalityId(municipalityId));
		var plan = planner.apply(target);
		if (!plan.problems().isEmpty()) {
			return new Refused(plan.problems());
		}
		var names = names(target, plan);
		var now = clock.instant();
		var today = LocalDate.now(clock);
		List<Change> changes = new ArrayList<>();
		List<Runnable> writes = new ArrayList<>();
		int unchanged = 0;
		List<String> stale = new ArrayList<>();
		Set<String> keys = new HashSet<>(target.services.values().stream().map(Service::key).toList());
		for (var entry : plan.services()) {
			var existing = target.service(entry.id());
			if (existing == null) {
				var content = entry.content().lastVerified() == null ? entry.content().verifiedOn(today)
						: entry.content();
				var key = key(entry.content().name(), keys);
				var fields = ServiceFields.differences(Map.of(), ServiceFields.of(content, names));
				changes.add(new Change(entry.id(), entry.name(), true, fields));
				writes.add(() -> {
					var created = Service.create(entry.id(), municipalityId, key, content, now);
					var saved = services.save(entry.status() == ServiceStatus.RETIRED ? created.retire(now) : created);
					history.record(saved, Action.IMPORTED, editor, fields, null, now);
				});
				continue;
			}
			var content = entry.content().lastVerified() == null ? entry.content().verifiedOn(existing.lastVerified())
					: entry.content();
			var fields = new ArrayList<>(ServiceFields.differences(ServiceFields.of(existing.content(), names),
					ServiceFields.of(content, names)));
			if (!Objects.equals(existing.lastVerified(), content.lastVerified())) {
				fields.add(new FieldChange("last_verified", text(existing.lastVerified()),
						text(content.lastVerified())));
			}
			fields.addAll(freePlaces(existing, content));
			if (existing.status() != entry.status()) {
				fields.add(new FieldChange("status", existing.status().name(), entry.status().name()));
			}
			if (fields.isEmpty()) {
				unchanged++;
				continue;
			}
			// A file made before the service was last changed would undo that change without anyone noticing.
			var changedAt = existing.updatedAt().truncatedTo(ChronoUnit.MILLIS);
			if (entry.fileModified() != null && entry.fileModified().isBefore(changedAt)) {
				stale.add(entry.label() + ": indsatsen er ændret i Helhed (" + changedAt + ") efter filens "
						+ "last_modified (" + entry.fileModified() + "), og importen ville overskrive de nyere "
						+ "ændringer (" + String.join(", ", fields.stream().map(FieldChange::field).toList())
						+ "). Hent en ny eksport, eller fjern last_modified fra indsatsen i filen, hvis filen skal "
						+ "gælde.");
				continue;
			}
			changes.add(new Change(existing.id(), entry.name(), false, fields));
			writes.add(() -> {
				var revised = existing.revise(content, now);
				if (existing.status() != entry.status()) {
					revised = entry.status() == ServiceStatus.RETIRED ? revised.retire(now) : revised.restore(now);
				}
				var saved = services.save(revised);
				history.record(saved, Action.IMPORTED, editor, fields, null, now);
			});
		}
		if (!stale.isEmpty()) {
			return new Refused(stale);
		}
		// Only what the services refer to: a partner or the fallback focus area no service uses is not created.
		var usedIds = new HashSet<UUID>();
		plan.services().forEach(entry -> {
			usedIds.add(entry.content().providerId());
			usedIds.addAll(entry.content().focusAreaIds());
		});
		var partners = plan.partners().stream().filter(partner -> usedIds.contains(partner.id())).toList();
		var focusArea = plan.focusArea() != null && usedIds.contains(plan.focusArea().id()) ? plan.focusArea() : null;
		var result = new Done(apply, List.copyOf(changes), unchanged,
				partners.stream().map(NewPartner::name).toList(), focusArea == null ? null : focusArea.name());
		if (!apply || changes.isEmpty()) {
			return result;
		}
		for (var partner : partners) {
			municipalities.addPartner(municipalityId, partner.id(), partner.name(), partner.kind(),
					partner.description(), partner.website());
		}
		if (focusArea != null) {
			municipalities.addFocusArea(municipalityId, focusArea.id(), focusArea.key(), focusArea.name(),
					focusArea.summary());
		}
		writes.forEach(Runnable::run);
		events.publishEvent(new CatalogChanged(municipalityId));
		return result;
	}

	/** Free places are reported, not edited, so the content's fields do not show them; the history does. */
	private static List<FieldChange> freePlaces(Service existing, Service.Content content) {
		List<FieldChange> changes = new ArrayList<>();
		for (var capacity : content.capacities()) {
			var before = existing.capacities().stream().filter(c -> c.id().equals(capacity.id())).findFirst();
			var previous = before.map(Service.Capacity::available).orElse(null);
			if (before.isPresent() && !Objects.equals(previous, capacity.available())) {
				var field = "free_places:" + capacity.unitName();
				changes.add(new FieldChange(field.length() > 60 ? field.substring(0, 60) : field, text(previous),
						text(capacity.available())));
			}
		}
		return changes;
	}

	/** Names of units, partners and focus areas for the history, including those the import creates. */
	private static Function<UUID, String> names(Target target, Plan plan) {
		Map<UUID, String> names = new HashMap<>();
		target.units().forEach(unit -> names.put(unit.id(), unit.name()));
		target.partners().forEach(partner -> names.put(partner.id(), partner.name()));
		plan.partners().forEach(partner -> names.put(partner.id(), partner.name()));
		if (target.strategy() != null) {
			target.strategy().allFocusAreas().forEach(area -> names.put(area.id(), area.name()));
		}
		if (plan.focusArea() != null) {
			names.put(plan.focusArea().id(), plan.focusArea().name());
		}
		return id -> id == null ? null : names.getOrDefault(id, id.toString());
	}

	/** An address name for a new service, made from its name and unique in the municipality. */
	static String key(String name, Set<String> taken) {
		var key = Keys.unique(name, "indsats", taken);
		taken.add(key);
		return key;
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}
}
