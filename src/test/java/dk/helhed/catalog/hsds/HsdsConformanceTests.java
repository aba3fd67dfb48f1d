package dk.helhed.catalog.hsds;

import static dk.helhed.catalog.hsds.HsdsClient.hsds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.helhed.platform.DeterministicIds;

import tools.jackson.databind.JsonNode;

/**
 * Every kind of answer of the HSDS API, fetched over HTTP from the running application with the seed data, conforms
 * to the official HSDS 3.1 schemas: the root, pages of services, organizations, places and taxonomy terms, and each
 * of Aabenraa's 42 services, each organization, taxonomy, term and place one by one. Aarhus and Ballerup (a strategy
 * with tracks, no services yet) are checked too. Runs on H2 ({@link HsdsConformanceOnH2Tests}) and PostgreSQL
 * ({@link HsdsConformanceOnPostgresTests}), as their dates, times and numbers come back differently.
 */
@NeedsHsdsSpecification
abstract class HsdsConformanceTests {

	private static final HsdsSchemas SCHEMAS = HsdsSchemas.load();
	private static final List<String> MUNICIPALITIES = List.of("aabenraa", "aarhus", "ballerup");

	@LocalServerPort
	int port;

	HsdsClient client;

	@BeforeEach
	void connect() {
		client = new HsdsClient(port);
	}

	@Test
	void theRootConformsAndPointsToTheOpenApiDescription() {
		for (var slug : MUNICIPALITIES) {
			var root = client.get(hsds(slug) + "/");
			SCHEMAS.apiInfo().assertValid("GET " + root.path(), root.okBody());
			assertThat(root.json().get("version").asString()).isEqualTo("3.1");

			var openApi = root.json().get("openapi_url").asString();
			assertThat(openApi).isEqualTo("http://localhost:" + port + "/api/openapi");
			assertThat(client.get("/api/openapi").json().has("openapi")).isTrue();
		}
	}

	@Test
	void everyServiceConformsOnItsOwnAndInPages() {
		var ids = new ArrayList<String>();
		for (var slug : MUNICIPALITIES) {
			ids.addAll(validatedPage(hsds(slug) + "/services?per_page=200", "compiled/service_list.json"));
			validatedPage(hsds(slug) + "/services", "compiled/service_list.json");
			validatedPage(hsds(slug) + "/services?page=3&per_page=7", "compiled/service_list.json");
			validatedPage(hsds(slug) + "/services?search=hjeml%C3%B8s", "compiled/service_list.json");
		}
		for (var id : ids) {
			validated(hsds("aabenraa") + "/services/" + id, "compiled/service.json");
		}
		assertThat(ids).as("Aabenraa's services; Aarhus and Ballerup have none yet").hasSize(42);
	}

	@Test
	void everyOrganizationConforms() {
		for (var slug : MUNICIPALITIES) {
			var ids = validatedPage(hsds(slug) + "/organizations?per_page=200", "compiled/organization_list.json");
			validatedPage(hsds(slug) + "/organizations?page=2&per_page=4", "compiled/organization_list.json");
			for (var id : ids) {
				validated(hsds(slug) + "/organizations/" + id, "compiled/organization.json");
			}
			assertThat(ids).as(slug + ": the municipality and its units and partners").hasSizeGreaterThan(1);
		}
	}

	@Test
	void everyTaxonomyAndTermConforms() {
		for (var slug : MUNICIPALITIES) {
			var taxonomies = validatedPage(hsds(slug) + "/taxonomies", "taxonomy.json");
			for (var id : taxonomies) {
				validated(hsds(slug) + "/taxonomies/" + id, "taxonomy.json");
				validatedPage(hsds(slug) + "/taxonomy_terms?taxonomy_id=" + id, "taxonomy_term.json");
			}
			var terms = validatedPage(hsds(slug) + "/taxonomy_terms?per_page=200", "taxonomy_term.json");
			for (var id : terms) {
				validated(hsds(slug) + "/taxonomy_terms/" + id, "taxonomy_term.json");
			}
			assertThat(taxonomies).as(slug + ": focus areas and life situations").hasSize(2);
		}
	}

	@Test
	void everyServiceAtALocationConforms() {
		var ids = validatedPage(hsds("aabenraa") + "/service_at_locations?per_page=200",
				"compiled/service_at_location_list.json");
		for (var id : ids) {
			validated(hsds("aabenraa") + "/service_at_locations/" + id, "compiled/service_at_location.json");
		}
		assertThat(ids).as("Aabenraa's services with a place").hasSize(10);
	}

	@Test
	void theCafeHasItsOpeningHoursPricesAndAddress() {
		var oasis = service("den-blaa-oase");

		assertThat(oasis.get("organization_id").asString()).isEqualTo(partner("blaa-kors"));
		var breakfast = oasis.get("schedules").get(0);
		assertThat(breakfast.get("freq").asString()).isEqualTo("WEEKLY");
		assertThat(breakfast.get("byday").asString()).isEqualTo("MO,TU,WE,TH,FR");
		assertThat(breakfast.get("opens_at").asString()).matches("08:30[+]0[12]:00");
		assertThat(breakfast.get("closes_at").asString()).matches("10:30[+]0[12]:00");
		assertThat(breakfast.get("description").asString()).isEqualTo("Gratis morgenmad");
		assertThat(oasis.get("cost_options").valueStream().map(cost -> cost.get("option").asString() + " "
				+ cost.get("amount").decimalValue().stripTrailingZeros().toPlainString() + " "
				+ cost.get("currency").asString())).containsExactly("Morgenmad 0 DKK", "Middag 30 DKK");
		var address = oasis.get("service_at_locations").get(0).get("location").get("addresses").get(0);
		assertThat(address.get("address_1").asString()).isEqualTo("Sønderport 49");
		assertThat(address.get("postal_code").asString()).isEqualTo("6200");
		assertThat(address.get("city").asString()).isEqualTo("Aabenraa");
		assertThat(address.get("state_province").asString()).isEqualTo("Region Syddanmark");
		assertThat(address.get("country").asString()).isEqualTo("DK");
		assertThat(oasis.get("assured_date").asString()).isEqualTo("2026-07-01");
		assertThat(oasis.get("fees_description").asString()).isEqualTo("Gratis – enkelte ting koster (fx mad)");
	}

	@Test
	void servicesAtTheSameAddressShareOneLocation() {
		var oasis = service("den-blaa-oase").get("service_at_locations").get(0);
		var dental = service("socialtandpleje").get("service_at_locations").get(0);

		assertThat(dental.get("location_id").asString()).isEqualTo(oasis.get("location_id").asString());
		assertThat(dental.get("id").asString()).isNotEqualTo(oasis.get("id").asString());
	}

	@Test
	void theDentalCareBelongsToItsUnitAndIsClassified() {
		var dental = service("socialtandpleje");

		var organization = dental.get("organization");
		assertThat(organization.get("name").asString()).isEqualTo("Sundhed");
		assertThat(organization.get("parent_organization_id").asString()).isEqualTo(unit("social-sundhed"));
		assertThat(dental.get("organization_id").asString()).isEqualTo(unit("sundhed"));
		assertThat(dental.get("contacts").get(0).get("name").asString()).isEqualTo("Michael Nordberg Jeppesen");
		assertThat(dental.get("attributes").valueStream()
			.map(attribute -> attribute.get("link_type").asString() + ": "
					+ attribute.get("taxonomy_term").get("name").asString()))
			.containsExactly("focus_area: Sundhed", "eligibility: Hjemløshed", "eligibility: Fysisk helbred");
		assertThat(dental.get("languages").get(0).get("code").asString()).isEqualTo("da");
		assertThat(dental.get("status").asString()).isEqualTo("active");
	}

	@Test
	void theDropInCentreHasItsPhoneAndTwoWeeklySchedules() {
		var centre = service("fuldtraefferen");

		assertThat(centre.get("phones").get(0).get("number").asString()).isEqualTo("24029610");
		assertThat(centre.get("schedules").valueStream().map(schedule -> schedule.get("description").asString()))
			.containsExactly("Caféen er åben", "Dagens middag");
		assertThat(centre.get("cost_options").get(0).get("amount").decimalValue()).isEqualByComparingTo("35");
		assertThat(centre.get("url").asString())
			.isEqualTo("http://www.csr-aabenraa.dk/aktivitets-og-samvaerstilbud/fuldtraefferen/");
	}

	@Test
	void housingTellsHowToApplyAndItsFreePlacesComeFromThePlacesHelhedKeeps() {
		for (var key : List.of("overgangsbolig", "boenhed-stubbaek")) {
			var housing = service(key);

			assertThat(housing.get("application_process").asString()).startsWith("Kommunen skal først vurdere")
				.contains("Afgørelsen træffes af Visitation & Understøttelse.");
			assertThat(housing.get("capacities").isEmpty())
				.as(key + ": Helhed keeps the places, so it knows how many are free ('available', which HSDS requires)")
				.isFalse();
			var capacity = housing.get("capacities").get(0);
			assertThat(capacity.get("available").asInt()).isBetween(0, capacity.get("maximum").asInt());
			assertThat(capacity.get("updated").asString()).isNotBlank();
		}
		assertThat(service("overgangsbolig").get("capacities").get(0).get("maximum").asInt()).isEqualTo(6);
	}

	@Test
	void aWrittenScheduleNoteBecomesAScheduleDescription() {
		var visits = service("fremskudt-visitation");

		var note = visits.get("schedules").get(0);
		assertThat(note.get("description").asString())
			.isEqualTo("Én gang om ugen på Den Blå Oase og en gang imellem på Fuldtræfferen.");
		assertThat(note.has("freq")).isFalse();
	}

	@Test
	void tracksAreChildTermsOfTheirFocusArea() {
		var parent = DeterministicIds.of("aarhus", "taxonomy", "focus-areas", "term", "boern-med-saerlige-behov");
		var children = client.get(hsds("aarhus") + "/taxonomy_terms?parent_id=" + parent).json().get("contents");

		assertThat(children.valueStream().map(term -> term.get("code").asString()))
			.contains("laering-og-livsmestring", "det-gode-boerneliv");
		assertThat(children.valueStream().map(term -> term.get("parent_id").asString())).containsOnly(
				parent.toString());
	}

	private JsonNode service(String key) {
		var id = DeterministicIds.of("aabenraa", "service", key);
		return client.get(hsds("aabenraa") + "/services/" + id).json();
	}

	private static String unit(String key) {
		return DeterministicIds.of("aabenraa", "unit", key).toString();
	}

	private static String partner(String key) {
		return DeterministicIds.of("aabenraa", "partner", key).toString();
	}

	/** Fetches a page, checks it against the page schema, and returns the ids it lists. */
	private List<String> validatedPage(String path, String itemSchema) {
		var response = client.get(path);
		SCHEMAS.page(itemSchema).assertValid("GET " + path, response.okBody());
		return response.json().get("contents").valueStream().map(item -> item.get("id").asString()).toList();
	}

	private void validated(String path, String schema) {
		var response = client.get(path);
		SCHEMAS.file(schema).assertValid("GET " + path, response.okBody());
	}
}
