package dk.helhed.catalog.hsds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The Open Referral HSDS 3.1 objects the API answers with, named and shaped as the official schemas in
 * {@code compiled/} define them. Absent values are left out rather than sent as {@code null}: the schemas type
 * every field as a plain string, number or array, so a {@code null} would not conform.
 */
final class Hsds {

	static final String VERSION = "3.1";

	private Hsds() {
	}

	/** The answer of {@code GET /}: which HSDS version and profile the API follows, and where it is described. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsApiInfo")
	record ApiInfo(String version, String profile, @JsonProperty("openapi_url") String openapiUrl) {
	}

	/**
	 * A service. The list endpoints send only its one-to-one fields and its organization; the nested collections are
	 * then left out.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsService")
	record Service(UUID id, @JsonProperty("organization_id") UUID organizationId, String name, String description,
			String url, String email, String status, @JsonProperty("application_process") String applicationProcess,
			@JsonProperty("fees_description") String feesDescription,
			@JsonProperty("eligibility_description") String eligibilityDescription,
			@JsonProperty("minimum_age") Integer minimumAge, @JsonProperty("maximum_age") Integer maximumAge,
			@JsonProperty("assured_date") LocalDate assuredDate, String alert,
			@JsonProperty("last_modified") Instant lastModified, Organization organization, List<Phone> phones,
			List<Schedule> schedules, @JsonProperty("service_at_locations") List<ServiceAtLocation> serviceAtLocations,
			List<Language> languages, @JsonProperty("cost_options") List<CostOption> costOptions,
			List<Contact> contacts, List<ServiceCapacity> capacities, List<Attribute> attributes,
			List<Metadata> metadata) {

		/** The service as the list endpoints send it: one-to-one fields and the organization, no collections. */
		Service summary() {
			return new Service(id, organizationId, name, description, url, email, status, applicationProcess,
					feesDescription, eligibilityDescription, minimumAge, maximumAge, assuredDate, alert, lastModified,
					organization, null, null, null, null, null, null, null, null, null);
		}

		/** The service with its field-by-field history, as the export sends it (the API leaves it out). */
		Service withMetadata(List<Metadata> history) {
			return new Service(id, organizationId, name, description, url, email, status, applicationProcess,
					feesDescription, eligibilityDescription, minimumAge, maximumAge, assuredDate, alert, lastModified,
					organization, phones, schedules, serviceAtLocations, languages, costOptions, contacts, capacities,
					attributes, history);
		}
	}

	/**
	 * An organization: the municipality, one of its organisational units (with its parent) or a partner
	 * organisation. {@code services} is sent only by {@code GET /organizations/{id}}.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsOrganization")
	record Organization(UUID id, String name, String description, String website,
			@JsonProperty("legal_status") String legalStatus,
			@JsonProperty("parent_organization_id") UUID parentOrganizationId, List<Service> services) {

		Organization withServices(List<Service> services) {
			return new Organization(id, name, description, website, legalStatus, parentOrganizationId, services);
		}
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsPhone")
	record Phone(UUID id, String number, String type, String description) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsContact")
	record Contact(UUID id, String name, String title, String department, String email, List<Phone> phones) {
	}

	/**
	 * When a service is open, as an iCalendar-style weekly rule ({@code freq}, {@code byday}) with opening and closing
	 * time, or as a free-text description only when the catalog has no structured hours.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsSchedule")
	record Schedule(UUID id, String freq, String byday, @JsonProperty("opens_at") String opensAt,
			@JsonProperty("closes_at") String closesAt, String description, String notes) {
	}

	/** A service at a place. {@code service} is sent only by the {@code /service_at_locations} endpoints. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsServiceAtLocation")
	record ServiceAtLocation(UUID id, @JsonProperty("service_id") UUID serviceId,
			@JsonProperty("location_id") UUID locationId, Location location, Service service) {

		/** As the list endpoint sends it: the location's one-to-one fields only. */
		ServiceAtLocation summary() {
			return new ServiceAtLocation(id, serviceId, locationId, location.summary(), service);
		}
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsLocation")
	record Location(UUID id, @JsonProperty("location_type") String locationType, String name,
			List<Address> addresses) {

		Location summary() {
			return new Location(id, locationType, name, null);
		}
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsAddress")
	record Address(UUID id, @JsonProperty("address_1") String address1, String city,
			@JsonProperty("state_province") String stateProvince, @JsonProperty("postal_code") String postalCode,
			String country, @JsonProperty("address_type") String addressType) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsLanguage")
	record Language(UUID id, String name, String code) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsCostOption")
	record CostOption(UUID id, String option, String currency, BigDecimal amount,
			@JsonProperty("amount_description") String amountDescription) {
	}

	/** Places a service has; {@code available} is required by HSDS, so only sent when the number is known. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsServiceCapacity")
	record ServiceCapacity(UUID id, Unit unit, int available, int maximum, String description, Instant updated) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsUnit")
	record Unit(UUID id, String name) {
	}

	/** Links a service to a taxonomy term: one of the strategy's focus areas or a life situation it is meant for. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsAttribute")
	record Attribute(UUID id, @JsonProperty("link_id") UUID linkId, @JsonProperty("link_type") String linkType,
			@JsonProperty("link_entity") String linkEntity, @JsonProperty("taxonomy_term_id") UUID taxonomyTermId,
			@JsonProperty("taxonomy_term") TaxonomyTerm taxonomyTerm) {
	}

	/**
	 * One changed field of a service, from the catalog's history. {@code updated_by} names the municipality (or
	 * Helhed for the system's own changes), not the member of staff: see {@link HsdsExport}.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsMetadata")
	record Metadata(UUID id, @JsonProperty("resource_id") UUID resourceId,
			@JsonProperty("resource_type") String resourceType,
			@JsonProperty("last_action_date") LocalDate lastActionDate,
			@JsonProperty("last_action_type") String lastActionType, @JsonProperty("field_name") String fieldName,
			@JsonProperty("previous_value") String previousValue,
			@JsonProperty("replacement_value") String replacementValue, @JsonProperty("updated_by") String updatedBy) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsTaxonomy")
	record Taxonomy(UUID id, String name, String description, String uri, String version) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "HsdsTaxonomyTerm")
	record TaxonomyTerm(UUID id, String code, String name, String description,
			@JsonProperty("parent_id") UUID parentId, @JsonProperty("taxonomy_id") UUID taxonomyId,
			@JsonProperty("taxonomy_detail") Taxonomy taxonomyDetail, String language,
			@JsonProperty("term_uri") String termUri) {
	}
}
