package dk.helhed.catalog.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.catalog.CatalogChanged;
import dk.helhed.catalog.PlaceKeeper;
import dk.helhed.catalog.Service;
import dk.helhed.catalog.ServiceStatus;
import dk.helhed.catalog.internal.ChangeRequests.ChangeRequest;
import dk.helhed.catalog.internal.ChangeRequests.Status;
import dk.helhed.catalog.internal.ServiceFields.FieldChange;
import dk.helhed.catalog.internal.ServiceHistory.Action;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffDirectory;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.FieldRules;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;

/**
 * Keeping the catalog true: catalog editors create, edit, retire and restore services and decide on changes that
 * unit editors propose for the services their units own; the people responsible confirm that a service is still
 * correct and report free places. Every change is kept field by field in the history, in the same transaction.
 */
@Component
@Transactional
public class CatalogEditing {

	/** What became of an edit. */
	public sealed interface Outcome {
	}

	/** The change was saved. */
	public record Saved(Service service, List<FieldChange> changes) implements Outcome {
	}

	/** The change waits for a catalog editor's decision. */
	public record Proposed(ChangeRequest request, List<FieldChange> changes) implements Outcome {
	}

	/** Nothing differed from the current version. */
	public record Unchanged(Service service) implements Outcome {
	}

	/**
	 * Someone else saved the service after the editor opened it: nothing was saved; these are the changes the editor
	 * did not see.
	 */
	public record Conflict(Service current, List<ServiceHistory.Entry> changesSince) implements Outcome {
	}

	private final ServiceRepository services;
	private final ServiceHistory history;
	private final ChangeRequests changeRequests;
	private final Catalogs catalogs;
	private final Municipalities municipalities;
	private final StaffDirectory staffDirectory;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final List<PlaceKeeper> placeKeepers;

	CatalogEditing(ServiceRepository services, ServiceHistory history, ChangeRequests changeRequests,
			Catalogs catalogs, Municipalities municipalities, StaffDirectory staffDirectory,
			ApplicationEventPublisher events, Clock clock, List<PlaceKeeper> placeKeepers) {
		this.placeKeepers = placeKeepers;
		this.services = services;
		this.history = history;
		this.changeRequests = changeRequests;
		this.catalogs = catalogs;
		this.municipalities = municipalities;
		this.staffDirectory = staffDirectory;
		this.events = events;
		this.clock = clock;
	}

	public Service create(StaffMember editor, String key, Service.Content content) {
		requireCatalogEditor(editor);
		if (services.findByMunicipalityIdAndKey(editor.municipalityId(), key).isPresent()) {
			throw new InvalidRequestException("Adressenavnet \"" + key + "\" bruges allerede af en anden indsats.");
		}
		var now = clock.instant();
		var service = services.save(Service.create(UUID.randomUUID(), editor.municipalityId(), key,
				verifiedToday(freshRows(editor.municipalityId(), content)), now));
		history.record(service, Action.CREATED, editor,
				ServiceFields.differences(Map.of(), fields(editor.municipalityId(), service.content())), null, now);
		changed(editor);
		return service;
	}

	public Outcome edit(StaffMember editor, UUID serviceId, int baseVersion, Service.Content proposed) {
		var service = load(editor, serviceId);
		var content = keepLiveFigures(service, proposed);
		var changes = ServiceFields.differences(fields(editor.municipalityId(), service.content()),
				fields(editor.municipalityId(), content));
		var changedSince = contentChangesSince(service, baseVersion);
		if (!changedSince.isEmpty()) {
			return new Conflict(service, changedSince);
		}
		if (changes.isEmpty()) {
			return new Unchanged(service);
		}
		if (editor.has(Role.CATALOG_EDITOR)) {
			try {
				var now = clock.instant();
				var saved = services.save(service.revise(verifiedToday(content), now));
				history.record(saved, Action.UPDATED, editor, changes, null, now);
				changed(editor);
				return new Saved(saved, changes);
			}
			catch (OptimisticLockingFailureException ex) {
				var current = load(editor, serviceId);
				return new Conflict(current, contentChangesSince(current, baseVersion));
			}
		}
		if (!isUnitEditorFor(editor, service) && !editor.id().equals(service.ownerId())) {
			throw new AccessDeniedException("Not a unit editor or the owner of the service");
		}
		var summary = changes.stream().map(FieldChange::field).collect(Collectors.joining(", "));
		return new Proposed(changeRequests.propose(service, content, summary, editor, clock.instant()), changes);
	}

	/** The fields a proposed change would change, compared with the service as it is now. */
	@Transactional(readOnly = true)
	public List<FieldChange> review(StaffMember editor, ChangeRequest request) {
		var service = load(editor, request.serviceId());
		return ServiceFields.differences(fields(editor.municipalityId(), service.content()),
				fields(editor.municipalityId(), keepLiveFigures(service, request.content())));
	}

	public Outcome approve(StaffMember editor, UUID requestId) {
		requireCatalogEditor(editor);
		var request = pendingRequest(editor, requestId);
		var service = load(editor, request.serviceId());
		var changedSince = contentChangesSince(service, request.baseVersion());
		if (!changedSince.isEmpty()) {
			return new Conflict(service, changedSince);
		}
		var content = keepLiveFigures(service, request.content());
		var changes = ServiceFields.differences(fields(editor.municipalityId(), service.content()),
				fields(editor.municipalityId(), content));
		var now = clock.instant();
		if (!changeRequests.decide(request, Status.APPROVED, editor, null, now)) {
			throw new InvalidRequestException("Ændringsforslaget er allerede behandlet af en anden.");
		}
		var saved = services.save(service.revise(verifiedToday(content), now));
		var author = new StaffMember(request.proposedBy(), editor.municipalityId(), "",
				request.proposedByName() + " (godkendt af " + editor.displayName() + ")", Set.of(), Set.of(), null);
		history.record(saved, Action.UPDATED, author, changes, request.id(), now);
		changed(editor);
		return new Saved(saved, changes);
	}

	public void reject(StaffMember editor, UUID requestId, String reason) {
		requireCatalogEditor(editor);
		var cleaned = reason == null ? "" : reason.strip();
		if (cleaned.isEmpty()) {
			throw new InvalidRequestException("Skriv en begrundelse, så forslagsstilleren kan se, hvorfor forslaget afvises.");
		}
		if (cleaned.length() > 2000 || FieldRules.hasInvisibleCharacters(cleaned)) {
			throw new InvalidRequestException("Begrundelsen må højst være 2000 tegn og må ikke indeholde kontroltegn.");
		}
		var request = pendingRequest(editor, requestId);
		if (!changeRequests.decide(request, Status.REJECTED, editor, cleaned, clock.instant())) {
			throw new InvalidRequestException("Ændringsforslaget er allerede behandlet af en anden.");
		}
	}

	public Service retire(StaffMember editor, UUID serviceId) {
		requireCatalogEditor(editor);
		var service = load(editor, serviceId);
		return saveStatus(editor, service, service.retire(clock.instant()), Action.RETIRED);
	}

	public Service restore(StaffMember editor, UUID serviceId) {
		requireCatalogEditor(editor);
		var service = load(editor, serviceId);
		return saveStatus(editor, service, service.restore(clock.instant()), Action.RESTORED);
	}

	/** One click: the information is still correct. */
	public Service verify(StaffMember editor, UUID serviceId) {
		var service = load(editor, serviceId);
		requireResponsibleFor(editor, service);
		var now = clock.instant();
		var saved = services.save(service.verify(LocalDate.now(clock), now));
		history.record(saved, Action.VERIFIED, editor, List.of(new FieldChange("last_verified",
				service.lastVerified().toString(), saved.lastVerified().toString())), null, now);
		changed(editor);
		return saved;
	}

	public Service reportFreePlaces(StaffMember editor, UUID serviceId, UUID capacityId, int available) {
		var service = load(editor, serviceId);
		requireResponsibleFor(editor, service);
		var before = service.capacities().stream().filter(c -> c.id().equals(capacityId)).findFirst();
		if (placeKeepers.stream().anyMatch(keeper -> keeper.keepsPlacesOf(service.municipalityId(), capacityId))) {
			throw new InvalidRequestException(
					"Helhed tæller de ledige pladser ud fra anvisningerne, så de skal ikke meldes her.");
		}
		var saved = services.save(service.reportFreePlaces(capacityId, available, clock.instant()));
		var capacity = before.orElseThrow();
		history.record(saved, Action.FREE_PLACES, editor,
				List.of(new FieldChange("free_places:" + capacity.unitName(),
						capacity.available() == null ? null : capacity.available().toString(),
						Integer.toString(available))),
				null, clock.instant());
		changed(editor);
		return saved;
	}

	/** Who answers for a service's information, and how often it is reviewed (catalog editors only). */
	public Service assignReview(StaffMember editor, UUID serviceId, UUID ownerId, int intervalMonths) {
		requireCatalogEditor(editor);
		var service = load(editor, serviceId);
		String ownerName = null;
		if (ownerId != null) {
			ownerName = staffDirectory.find(editor.municipalityId(), ownerId)
				.orElseThrow(() -> new InvalidRequestException("Den valgte medarbejder findes ikke i kommunen."))
				.displayName();
		}
		// the aggregate refuses an interval outside its rule, before anything is saved
		var now = clock.instant();
		var reviewed = service.assignReview(ownerId, intervalMonths, now);
		var previousOwner = service.ownerId() == null ? null
				: staffDirectory.find(editor.municipalityId(), service.ownerId())
					.map(StaffDirectory.Person::displayName)
					.orElse(null);
		var saved = services.save(reviewed);
		var changes = new ArrayList<FieldChange>();
		if (!java.util.Objects.equals(previousOwner, ownerName)) {
			changes.add(new FieldChange("owner", previousOwner, ownerName));
		}
		if (service.reviewIntervalMonths() != intervalMonths) {
			changes.add(new FieldChange("review_interval", Integer.toString(service.reviewIntervalMonths()),
					Integer.toString(intervalMonths)));
		}
		history.record(saved, Action.REVIEW_ASSIGNED, editor, changes, null, now);
		changed(editor);
		return saved;
	}

	/** Marks whether the service keeps no records of the people it helps (catalog editors only). */
	public Service markKeepsNoRecords(StaffMember editor, UUID serviceId, boolean keepsNoRecords) {
		requireCatalogEditor(editor);
		var service = load(editor, serviceId);
		if (service.keepsNoRecords() == keepsNoRecords) {
			return service;
		}
		var now = clock.instant();
		var saved = services.save(service.keepingNoRecords(keepsNoRecords, now));
		history.record(saved, Action.UPDATED, editor, List.of(new FieldChange("keeps_no_records",
				Boolean.toString(service.keepsNoRecords()), Boolean.toString(keepsNoRecords))), null, now);
		changed(editor);
		return saved;
	}

	/** Services whose review is overdue, the most overdue first. */
	@Transactional(readOnly = true)
	public List<Service> overdue(StaffMember editor) {
		var today = LocalDate.now(clock);
		return services.findByMunicipalityId(editor.municipalityId())
			.stream()
			.filter(service -> service.status() == ServiceStatus.ACTIVE)
			.filter(service -> service.reviewDue().isBefore(today))
			.filter(service -> editor.has(Role.CATALOG_EDITOR) || isUnitEditorFor(editor, service)
					|| editor.id().equals(service.ownerId()))
			.sorted(Comparator.comparing(Service::reviewDue))
			.toList();
	}

	/** The services a staff member may change or propose changes to. */
	@Transactional(readOnly = true)
	public List<Service> editable(StaffMember editor) {
		return services.findByMunicipalityId(editor.municipalityId())
			.stream()
			.filter(service -> editor.has(Role.CATALOG_EDITOR) || isUnitEditorFor(editor, service)
					|| editor.id().equals(service.ownerId()))
			.toList();
	}

	@Transactional(readOnly = true)
	public Service get(StaffMember editor, UUID serviceId) {
		var service = load(editor, serviceId);
		if (!editor.has(Role.CATALOG_EDITOR) && !isUnitEditorFor(editor, service)
				&& !editor.id().equals(service.ownerId())) {
			throw new AccessDeniedException("Not an editor of this service");
		}
		return service;
	}

	public boolean canEditDirectly(StaffMember editor) {
		return editor.has(Role.CATALOG_EDITOR);
	}

	public boolean isUnitEditorFor(StaffMember editor, Service service) {
		if (!editor.has(Role.UNIT_EDITOR) || service.owningUnitId() == null) {
			return false;
		}
		Map<UUID, UUID> parents = new HashMap<>();
		municipalities.unitsOf(editor.municipalityId())
			.forEach(unit -> parents.put(unit.id(), unit.parentId()));
		Set<UUID> seen = new HashSet<>();
		for (UUID unit = service.owningUnitId(); unit != null && seen.add(unit); unit = parents.get(unit)) {
			if (editor.belongsTo(unit)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What someone else changed in the service's content after the given version. Confirmations, free places and
	 * review assignments are not content: they never make an edit or a proposal outdated.
	 */
	public List<ServiceHistory.Entry> contentChangesSince(Service service, int version) {
		if (service.version() == version) {
			return List.of();
		}
		return history.since(service.municipalityId(), service.id(), version)
			.stream()
			.filter(entry -> entry.action() != Action.VERIFIED && entry.action() != Action.FREE_PLACES
					&& entry.action() != Action.REVIEW_ASSIGNED)
			.toList();
	}

	private Service saveStatus(StaffMember editor, Service before, Service after, Action action) {
		var saved = services.save(after);
		history.record(saved, action, editor,
				List.of(new FieldChange("status", before.status().name(), saved.status().name())), null,
				clock.instant());
		changed(editor);
		return saved;
	}

	private ChangeRequest pendingRequest(StaffMember editor, UUID requestId) {
		var request = changeRequests.find(editor.municipalityId(), requestId)
			.orElseThrow(() -> new NotFoundException("Ændringsforslaget findes ikke."));
		if (!request.pending()) {
			throw new InvalidRequestException("Ændringsforslaget er allerede behandlet.");
		}
		return request;
	}

	private Service load(StaffMember editor, UUID serviceId) {
		return services.findByMunicipalityIdAndId(editor.municipalityId(), serviceId)
			.orElseThrow(() -> new NotFoundException("Indsatsen findes ikke."));
	}

	private Map<String, String> fields(UUID municipalityId, Service.Content content) {
		return ServiceFields.of(content, catalogs.of(municipalityId)::nameOf);
	}

	/**
	 * Rows keep their ids only when they are the service's own (an id from elsewhere gets a new one). Free places
	 * and their time stamps are reported separately by the unit, so an edit keeps them for the capacities it keeps.
	 */
	private Service.Content keepLiveFigures(Service service, Service.Content content) {
		var now = clock.instant();
		var contactIds = service.contacts().stream().map(Service.Contact::id).toList();
		var costIds = service.costs().stream().map(Service.Cost::id).toList();
		var scheduleIds = service.schedules().stream().map(Service.Schedule::id).toList();
		var contacts = content.contacts()
			.stream()
			.map(c -> new Service.Contact(own(contactIds, c.id()), service.municipalityId(), c.role(), c.name(),
					c.unitId(), c.phone(), c.email()))
			.toList();
		var costs = content.costs()
			.stream()
			.map(c -> new Service.Cost(own(costIds, c.id()), service.municipalityId(), c.option(), c.amount(),
					c.currency(), c.description()))
			.toList();
		var schedules = content.schedules()
			.stream()
			.map(s -> new Service.Schedule(own(scheduleIds, s.id()), service.municipalityId(), s.days(), s.opensAt(),
					s.closesAt(), s.description()))
			.toList();
		List<Service.Capacity> capacities = new ArrayList<>();
		for (var capacity : content.capacities()) {
			var current = service.capacities().stream().filter(c -> c.id().equals(capacity.id())).findFirst();
			capacities.add(current
				.map(c -> new Service.Capacity(c.id(), service.municipalityId(), capacity.unitName(), capacity.maximum(),
						c.available() == null ? null : Math.min(c.available(), capacity.maximum()),
						capacity.description(), c.updatedAt()))
				.orElseGet(() -> new Service.Capacity(UUID.randomUUID(), service.municipalityId(), capacity.unitName(),
						capacity.maximum(), null, capacity.description(), now)));
		}
		return new Service.Content(content.name(), content.summary(), content.description(), content.focusAreaIds(),
				content.owningUnitId(), content.providerId(), content.partnerIds(), content.accessMode(),
				content.decidingUnitId(), content.firstStep(), content.targetGroup(), content.minimumAge(),
				content.maximumAge(), content.situations(), content.charge(), content.locationName(), content.street(),
				content.postalCode(), content.city(), content.scheduleNote(), content.phone(), content.email(),
				content.url(), content.legalBasis(), service.lastVerified(), contacts, capacities, costs, schedules,
				content.keyFigures());
	}

	private static UUID own(List<UUID> owned, UUID id) {
		return id != null && owned.contains(id) ? id : UUID.randomUUID();
	}

	/** A new service's rows get ids of their own, whatever the form said. */
	private Service.Content freshRows(UUID municipalityId, Service.Content c) {
		var now = clock.instant();
		return new Service.Content(c.name(), c.summary(), c.description(), c.focusAreaIds(), c.owningUnitId(),
				c.providerId(), c.partnerIds(), c.accessMode(), c.decidingUnitId(), c.firstStep(), c.targetGroup(),
				c.minimumAge(), c.maximumAge(), c.situations(), c.charge(), c.locationName(), c.street(),
				c.postalCode(), c.city(), c.scheduleNote(), c.phone(), c.email(), c.url(), c.legalBasis(),
				c.lastVerified(),
				c.contacts().stream().map(x -> new Service.Contact(UUID.randomUUID(), municipalityId, x.role(),
						x.name(), x.unitId(), x.phone(), x.email())).toList(),
				c.capacities().stream().map(x -> new Service.Capacity(UUID.randomUUID(), municipalityId,
						x.unitName(), x.maximum(), null, x.description(), now)).toList(),
				c.costs().stream().map(x -> new Service.Cost(UUID.randomUUID(), municipalityId, x.option(),
						x.amount(), x.currency(), x.description())).toList(),
				c.schedules().stream().map(x -> new Service.Schedule(UUID.randomUUID(), municipalityId, x.days(),
						x.opensAt(), x.closesAt(), x.description())).toList(),
				c.keyFigures());
	}

	private Service.Content verifiedToday(Service.Content content) {
		return content.verifiedOn(LocalDate.now(clock));
	}

	private void requireCatalogEditor(StaffMember editor) {
		if (!editor.has(Role.CATALOG_EDITOR)) {
			throw new AccessDeniedException("Catalog editor role required");
		}
	}

	private void requireResponsibleFor(StaffMember editor, Service service) {
		if (!editor.has(Role.CATALOG_EDITOR) && !isUnitEditorFor(editor, service)
				&& !editor.id().equals(service.ownerId())) {
			throw new AccessDeniedException("Not responsible for the service");
		}
	}

	private void changed(StaffMember editor) {
		events.publishEvent(new CatalogChanged(editor.municipalityId()));
	}

}
