package dk.helhed.catalog;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import dk.helhed.platform.RuleViolation;

/**
 * One entry of a municipality's catalog (indsats, tilbud): what it is, who it is for, how to get it, who owns it.
 * The aggregate root of the catalog.
 */
@Table("service")
public class Service {

	@Id
	private final UUID id;
	private final UUID municipalityId;
	@Column("service_key")
	private final String key;
	private final String name;
	private final String summary;
	private final String description;
	private final UUID owningUnitId;
	private final UUID providerId;
	private final AccessMode accessMode;
	private final UUID decidingUnitId;
	private final String firstStep;
	private final String targetGroup;
	private final Integer minimumAge;
	private final Integer maximumAge;
	private final Charge charge;
	private final String locationName;
	private final String street;
	private final String postalCode;
	private final String city;
	private final String scheduleNote;
	private final String phone;
	private final String email;
	private final String url;
	private final String legalBasis;
	private final ServiceStatus status;
	private final LocalDate lastVerified;
	private final int reviewIntervalMonths;
	private final UUID ownerId;
	private final boolean keepsNoRecords;
	private final Instant createdAt;
	private final Instant updatedAt;
	@Version
	private final Integer version;

	@MappedCollection(idColumn = "service_id", keyColumn = "position")
	private final List<FocusAreaRef> focusAreas;
	@MappedCollection(idColumn = "service_id", keyColumn = "position")
	private final List<PartnerRef> partners;
	@MappedCollection(idColumn = "service_id", keyColumn = "position")
	private final List<SituationRef> situations;
	@MappedCollection(idColumn = "service_id", keyColumn = "position")
	private final List<Contact> contacts;
	@MappedCollection(idColumn = "service_id", keyColumn = "position")
	private final List<Capacity> capacities;
	@MappedCollection(idColumn = "service_id", keyColumn = "position")
	private final List<Cost> costs;
	@MappedCollection(idColumn = "service_id", keyColumn = "position")
	private final List<Schedule> schedules;
	@MappedCollection(idColumn = "service_id", keyColumn = "position")
	private final List<KeyFigure> keyFigures;

	@PersistenceCreator
	Service(UUID id, UUID municipalityId, String key, String name, String summary, String description,
			UUID owningUnitId, UUID providerId, AccessMode accessMode, UUID decidingUnitId, String firstStep,
			String targetGroup, Integer minimumAge, Integer maximumAge, Charge charge, String locationName,
			String street, String postalCode, String city, String scheduleNote, String phone, String email, String url,
			String legalBasis, ServiceStatus status, LocalDate lastVerified, int reviewIntervalMonths, UUID ownerId,
			boolean keepsNoRecords, Instant createdAt, Instant updatedAt, Integer version, List<FocusAreaRef> focusAreas, List<PartnerRef> partners, List<SituationRef> situations,
			List<Contact> contacts, List<Capacity> capacities, List<Cost> costs, List<Schedule> schedules,
			List<KeyFigure> keyFigures) {
		this.id = id;
		this.municipalityId = municipalityId;
		this.key = key;
		this.name = name;
		this.summary = summary;
		this.description = description;
		this.owningUnitId = owningUnitId;
		this.providerId = providerId;
		this.accessMode = accessMode;
		this.decidingUnitId = decidingUnitId;
		this.firstStep = firstStep;
		this.targetGroup = targetGroup;
		this.minimumAge = minimumAge;
		this.maximumAge = maximumAge;
		this.charge = charge;
		this.locationName = locationName;
		this.street = street;
		this.postalCode = postalCode;
		this.city = city;
		this.scheduleNote = scheduleNote;
		this.phone = phone;
		this.email = email;
		this.url = url;
		this.legalBasis = legalBasis;
		this.status = status;
		this.lastVerified = lastVerified;
		this.reviewIntervalMonths = reviewIntervalMonths;
		this.ownerId = ownerId;
		this.keepsNoRecords = keepsNoRecords;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
		this.focusAreas = List.copyOf(focusAreas);
		this.partners = List.copyOf(partners);
		this.situations = List.copyOf(situations);
		this.contacts = List.copyOf(contacts);
		this.capacities = List.copyOf(capacities);
		this.costs = List.copyOf(costs);
		this.schedules = List.copyOf(schedules);
		this.keyFigures = List.copyOf(keyFigures);
	}

	/** The default time between reviews of a service's information. */
	public static final int DEFAULT_REVIEW_INTERVAL_MONTHS = 6;

	/** A new, not yet saved service. */
	public static Service create(UUID id, UUID municipalityId, String key, Content content, Instant now) {
		return build(id, municipalityId, key, content, ServiceStatus.ACTIVE, DEFAULT_REVIEW_INTERVAL_MONTHS, null,
				false, now, now, null);
	}

	private static Service build(UUID id, UUID municipalityId, String key, Content content, ServiceStatus status,
			int reviewIntervalMonths, UUID ownerId, boolean keepsNoRecords, Instant createdAt, Instant updatedAt,
			Integer version) {
		return new Service(id, municipalityId, key, content.name(), content.summary(), content.description(),
				content.owningUnitId(), content.providerId(), content.accessMode(), content.decidingUnitId(),
				content.firstStep(), content.targetGroup(), content.minimumAge(), content.maximumAge(),
				content.charge(), content.locationName(), content.street(), content.postalCode(), content.city(),
				content.scheduleNote(), content.phone(), content.email(), content.url(), content.legalBasis(), status,
				content.lastVerified(), reviewIntervalMonths, ownerId, keepsNoRecords, createdAt, updatedAt, version,
				content.focusAreaIds().stream().map(area -> new FocusAreaRef(area, municipalityId)).toList(),
				content.partnerIds().stream().map(partner -> new PartnerRef(partner, municipalityId)).toList(),
				content.situations().stream().map(situation -> new SituationRef(situation, municipalityId)).toList(),
				content.contacts()
					.stream()
					.map(contact -> new Contact(contact.id(), municipalityId, contact.role(), contact.name(),
							contact.unitId(), contact.phone(), contact.email()))
					.toList(),
				content.capacities()
					.stream()
					.map(capacity -> new Capacity(capacity.id(), municipalityId, capacity.unitName(),
							capacity.maximum(), capacity.available(), capacity.description(), capacity.updatedAt()))
					.toList(),
				content.costs()
					.stream()
					.map(cost -> new Cost(cost.id(), municipalityId, cost.option(), cost.amount(), cost.currency(),
							cost.description()))
					.toList(),
				content.schedules()
					.stream()
					.map(schedule -> new Schedule(schedule.id(), municipalityId, schedule.days(), schedule.opensAt(),
							schedule.closesAt(), schedule.description()))
					.toList(),
				content.keyFigures().stream().map(text -> new KeyFigure(text, municipalityId)).toList());
	}

	/** Everything an editor decides about the service, as it is now. */
	public Content content() {
		return new Content(name, summary, description, focusAreaIds(), owningUnitId, providerId, partnerIds(),
				accessMode, decidingUnitId, firstStep, targetGroup, minimumAge, maximumAge, situations(), charge,
				locationName, street, postalCode, city, scheduleNote, phone, email, url, legalBasis, lastVerified,
				contacts, capacities, costs, schedules, keyFigures());
	}

	/** The service with new content, as an editor saved it. */
	public Service revise(Content content, Instant now) {
		var revised = content.lastVerified() == null ? content.verifiedOn(lastVerified) : content;
		return build(id, municipalityId, key, revised, status, reviewIntervalMonths, ownerId, keepsNoRecords, createdAt,
				now, version);
	}

	/** The service is no longer offered; it stays in the history and in earlier editions. */
	public Service retire(Instant now) {
		if (status == ServiceStatus.RETIRED) {
			throw new RuleViolation("Indsatsen er allerede udfaset.");
		}
		return build(id, municipalityId, key, content(), ServiceStatus.RETIRED, reviewIntervalMonths, ownerId,
				keepsNoRecords, createdAt, now, version);
	}

	public Service restore(Instant now) {
		if (status == ServiceStatus.ACTIVE) {
			throw new RuleViolation("Indsatsen er allerede aktiv.");
		}
		return build(id, municipalityId, key, content(), ServiceStatus.ACTIVE, reviewIntervalMonths, ownerId,
				keepsNoRecords, createdAt, now, version);
	}

	/** Someone responsible confirmed that the information is still correct. */
	public Service verify(LocalDate today, Instant now) {
		return build(id, municipalityId, key, content().verifiedOn(today), status, reviewIntervalMonths, ownerId,
				keepsNoRecords, createdAt, now, version);
	}

	/** Who answers for the service's information, and how often it must be reviewed. */
	public Service assignReview(UUID owner, int intervalMonths, Instant now) {
		if (intervalMonths < 1 || intervalMonths > 36) {
			throw new RuleViolation("Intervallet for gennemgang skal være mellem 1 og 36 måneder.");
		}
		return build(id, municipalityId, key, content(), status, intervalMonths, owner, keepsNoRecords, createdAt, now,
				version);
	}

	/** Records how many of a capacity's places are free right now. */
	public Service reportFreePlaces(UUID capacityId, int available, Instant now) {
		var capacity = capacities.stream()
			.filter(candidate -> candidate.id().equals(capacityId))
			.findFirst()
			.orElseThrow(() -> new RuleViolation("Pladstypen findes ikke på indsatsen."));
		if (available < 0 || available > capacity.maximum()) {
			throw new RuleViolation("Antallet af ledige pladser skal være mellem 0 og " + capacity.maximum() + ".");
		}
		var content = content();
		var updated = capacities.stream()
			.map(candidate -> candidate.id().equals(capacityId)
					? new Capacity(candidate.id(), municipalityId, candidate.unitName(), candidate.maximum(), available,
							candidate.description(), now)
					: candidate)
			.toList();
		return build(id, municipalityId, key, withCapacities(content, updated), status, reviewIntervalMonths, ownerId,
				keepsNoRecords, createdAt, now, version);
	}

	/**
	 * Marks whether the service's advisers keep no records of the people they help (then no notes about a person may
	 * be written as part of it).
	 */
	public Service keepingNoRecords(boolean keepsNoRecords, Instant now) {
		return build(id, municipalityId, key, content(), status, reviewIntervalMonths, ownerId, keepsNoRecords,
				createdAt, now, version);
	}

	/** When the service's information is due for review. */
	public LocalDate reviewDue() {
		return lastVerified.plusMonths(reviewIntervalMonths);
	}

	/**
	 * Whether the information is so long overdue for review that readers should be warned it may be out of date.
	 */
	public boolean isStale(LocalDate today, int staleAfterMonths) {
		return reviewDue().plusMonths(staleAfterMonths).isBefore(today);
	}

	private static Content withCapacities(Content c, List<Capacity> capacities) {
		return new Content(c.name(), c.summary(), c.description(), c.focusAreaIds(), c.owningUnitId(), c.providerId(),
				c.partnerIds(), c.accessMode(), c.decidingUnitId(), c.firstStep(), c.targetGroup(), c.minimumAge(),
				c.maximumAge(), c.situations(), c.charge(), c.locationName(), c.street(), c.postalCode(), c.city(),
				c.scheduleNote(), c.phone(), c.email(), c.url(), c.legalBasis(), c.lastVerified(), c.contacts(),
				capacities, c.costs(), c.schedules(), c.keyFigures());
	}

	/**
	 * Everything about a service that an editor or a data file decides (all but identity, status and bookkeeping).
	 */
	public record Content(String name, String summary, String description, List<UUID> focusAreaIds,
			UUID owningUnitId, UUID providerId, List<UUID> partnerIds, AccessMode accessMode, UUID decidingUnitId,
			String firstStep, String targetGroup, Integer minimumAge, Integer maximumAge, List<Situation> situations,
			Charge charge, String locationName, String street, String postalCode, String city, String scheduleNote,
			String phone, String email, String url, String legalBasis, LocalDate lastVerified, List<Contact> contacts,
			List<Capacity> capacities, List<Cost> costs, List<Schedule> schedules, List<String> keyFigures) {

		/** The same content, last verified on the given day. */
		public Content verifiedOn(LocalDate day) {
			return new Content(name, summary, description, focusAreaIds, owningUnitId, providerId, partnerIds,
					accessMode, decidingUnitId, firstStep, targetGroup, minimumAge, maximumAge, situations, charge,
					locationName, street, postalCode, city, scheduleNote, phone, email, url, legalBasis, day, contacts,
					capacities, costs, schedules, keyFigures);
		}
	}

	public UUID id() {
		return id;
	}

	public UUID municipalityId() {
		return municipalityId;
	}

	public String key() {
		return key;
	}

	public String name() {
		return name;
	}

	public String summary() {
		return summary;
	}

	public String description() {
		return description;
	}

	public UUID owningUnitId() {
		return owningUnitId;
	}

	public UUID providerId() {
		return providerId;
	}

	public AccessMode accessMode() {
		return accessMode;
	}

	public UUID decidingUnitId() {
		return decidingUnitId;
	}

	public String firstStep() {
		return firstStep;
	}

	public String targetGroup() {
		return targetGroup;
	}

	public Integer minimumAge() {
		return minimumAge;
	}

	public Integer maximumAge() {
		return maximumAge;
	}

	public Charge charge() {
		return charge;
	}

	public String locationName() {
		return locationName;
	}

	public String street() {
		return street;
	}

	public String postalCode() {
		return postalCode;
	}

	public String city() {
		return city;
	}

	public boolean hasAddress() {
		return street != null || city != null;
	}

	public String scheduleNote() {
		return scheduleNote;
	}

	public String phone() {
		return phone;
	}

	public String email() {
		return email;
	}

	public String url() {
		return url;
	}

	public String legalBasis() {
		return legalBasis;
	}

	public ServiceStatus status() {
		return status;
	}

	public LocalDate lastVerified() {
		return lastVerified;
	}

	public int reviewIntervalMonths() {
		return reviewIntervalMonths;
	}

	public UUID ownerId() {
		return ownerId;
	}

	public boolean keepsNoRecords() {
		return keepsNoRecords;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public Integer version() {
		return version;
	}

	public List<UUID> focusAreaIds() {
		return focusAreas.stream().map(FocusAreaRef::focusAreaId).toList();
	}

	public List<UUID> partnerIds() {
		return partners.stream().map(PartnerRef::partnerId).toList();
	}

	public List<Situation> situations() {
		return situations.stream().map(SituationRef::situation).toList();
	}

	public List<Contact> contacts() {
		return contacts;
	}

	public List<Capacity> capacities() {
		return capacities;
	}

	public List<Cost> costs() {
		return costs;
	}

	public List<Schedule> schedules() {
		return schedules;
	}

	public List<String> keyFigures() {
		return keyFigures.stream().map(KeyFigure::text).toList();
	}

	/** Whether a person of this age is inside the service's age range (unknown limits do not exclude). */
	public boolean acceptsAge(int age) {
		return (minimumAge == null || age >= minimumAge) && (maximumAge == null || age <= maximumAge);
	}

	/** Open at this local time by its weekly hours (also when the hours run past midnight). */
	public boolean isOpenAt(java.time.LocalDateTime moment) {
		var time = moment.toLocalTime();
		var today = moment.getDayOfWeek();
		var yesterday = today.minus(1);
		for (var schedule : schedules) {
			var opens = schedule.opensAt();
			if (opens == null) {
				continue;
			}
			var closes = schedule.closesAt() == null ? LocalTime.MAX : schedule.closesAt();
			var overnight = closes.isBefore(opens);
			if (schedule.weekdays().contains(today) && !time.isBefore(opens) && (overnight || time.isBefore(closes))) {
				return true;
			}
			if (overnight && schedule.weekdays().contains(yesterday) && time.isBefore(closes)) {
				return true;
			}
		}
		return false;
	}

	@Table("service_focus_area")
	record FocusAreaRef(UUID focusAreaId, UUID municipalityId) {
	}

	@Table("service_partner")
	record PartnerRef(UUID partnerId, UUID municipalityId) {
	}

	@Table("service_situation")
	record SituationRef(Situation situation, UUID municipalityId) {
	}

	@Table("service_key_figure")
	record KeyFigure(String text, UUID municipalityId) {
	}

	/** A person to contact about the service: their role and name, and the unit they work in. */
	@Table("service_contact")
	public record Contact(@Id UUID id, UUID municipalityId, String role, String name, UUID unitId, String phone,
			String email) {
	}

	/**
	 * Places the service has (e.g. 6 transitional flats), and how many are free when a unit has said so.
	 */
	@Table("service_capacity")
	public record Capacity(@Id UUID id, UUID municipalityId, String unitName, int maximum, Integer available,
			String description, Instant updatedAt) {
	}

	/** A price, e.g. lunch 35 kr. */
	@Table("service_cost")
	public record Cost(@Id UUID id, UUID municipalityId, @Column("cost_option") String option, BigDecimal amount,
			String currency, String description) {
	}

	/** Opening hours on some weekdays. */
	@Table("service_schedule")
	public record Schedule(@Id UUID id, UUID municipalityId, String days, LocalTime opensAt, LocalTime closesAt,
			String description) {

		public List<DayOfWeek> weekdays() {
			if (days == null || days.isBlank()) {
				return List.of();
			}
			return Arrays.stream(days.split(",")).map(String::trim).map(Schedule::dayOf).toList();
		}

		public static DayOfWeek dayOf(String code) {
			return switch (code) {
				case "MO" -> DayOfWeek.MONDAY;
				case "TU" -> DayOfWeek.TUESDAY;
				case "WE" -> DayOfWeek.WEDNESDAY;
				case "TH" -> DayOfWeek.THURSDAY;
				case "FR" -> DayOfWeek.FRIDAY;
				case "SA" -> DayOfWeek.SATURDAY;
				case "SU" -> DayOfWeek.SUNDAY;
				default -> throw new IllegalArgumentException("Ukendt ugedag: " + code);
			};
		}

		public static String codeOf(DayOfWeek day) {
			return day.name().substring(0, 2);
		}
	}
}
