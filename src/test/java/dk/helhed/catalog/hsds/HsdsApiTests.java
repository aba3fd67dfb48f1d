package dk.helhed.catalog.hsds;

import static dk.helhed.catalog.hsds.HsdsClient.hsds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.Situation;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.platform.DeterministicIds;

import tools.jackson.databind.JsonNode;

/**
 * What an HSDS client can ask the API: search, filters and pages give the services the catalog says they should,
 * and what cannot be answered gets a Problem Details response with a Danish explanation, never a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HsdsApiTests {

	private static final String AABENRAA = hsds("aabenraa");

	@LocalServerPort
	int port;

	@Autowired
	Catalogs catalogs;

	HsdsClient client;

	@BeforeEach
	void connect() {
		client = new HsdsClient(port);
	}

	@Test
	void searchFindsTheDentalCareForHomelessPeopleFirst() {
		var page = client.get(AABENRAA + "/services?search=tandpleje%20for%20hjeml%C3%B8se&per_page=5").json();

		assertThat(names(page).getFirst()).isEqualTo("Socialtandpleje");
		assertThat(page.get("size").asInt()).isLessThanOrEqualTo(5);
	}

	@Test
	void withoutSearchServicesComeByName() {
		var names = names(client.get(AABENRAA + "/services?per_page=200").json());

		assertThat(names).hasSize(42)
			.containsExactlyElementsOf(catalogs.of("aabenraa").services().stream().map(Service::name).toList());
	}

	@Test
	void aFocusAreaTermFindsTheServicesInThatArea() {
		var catalog = catalogs.of("aabenraa");
		var housing = catalog.focusArea("boligforhold").orElseThrow();
		var term = DeterministicIds.of("aabenraa", "taxonomy", "focus-areas", "term", "boligforhold");

		var names = names(client.get(AABENRAA + "/services?per_page=200&taxonomy_term_id=" + term).json());

		assertThat(names).contains("Overgangsbolig", "Boenhed Stubbæk", "Boliger på Kirkeplads")
			.containsExactlyInAnyOrderElementsOf(catalog.servicesIn(housing).stream().map(Service::name).toList())
			.hasSizeLessThan(42);
	}

	@Test
	void aLifeSituationTermFindsTheServicesMeantForIt() {
		var term = DeterministicIds.of("aabenraa", "taxonomy", "situations", "term", "HOMELESSNESS");

		var names = names(client.get(AABENRAA + "/services?per_page=200&taxonomy_term_id=" + term).json());

		assertThat(names).contains("Socialtandpleje", "Overgangsbolig")
			.containsExactlyInAnyOrderElementsOf(catalogs.of("aabenraa")
				.services()
				.stream()
				.filter(service -> service.situations().contains(Situation.HOMELESSNESS))
				.map(Service::name)
				.toList());
	}

	@Test
	void aTaxonomyFindsTheServicesWithAnyOfItsTerms() {
		var situations = DeterministicIds.of("aabenraa", "taxonomy", "situations");

		var names = names(client.get(AABENRAA + "/services?per_page=200&taxonomy_id=" + situations).json());

		assertThat(names).containsExactlyInAnyOrderElementsOf(catalogs.of("aabenraa")
			.services()
			.stream()
			.filter(service -> !service.situations().isEmpty())
			.map(Service::name)
			.toList()).doesNotContain("Den Blå IT-Café");
	}

	@Test
	void aUnitFindsTheServicesItOwns() {
		var jobCentre = DeterministicIds.of("aabenraa", "unit", "jobcenteret");

		var page = client.get(AABENRAA + "/services?per_page=200&organization_id=" + jobCentre).json();

		assertThat(names(page)).contains("Jobcenteret", "Job til Mor", "Veterankoordinator")
			.hasSize((int) catalogs.of("aabenraa")
				.services()
				.stream()
				.filter(service -> jobCentre.equals(service.owningUnitId()))
				.count());
		assertThat(page.get("contents").valueStream().map(service -> service.get("organization_id").asString()))
			.containsOnly(jobCentre.toString());
	}

	@Test
	void aPartnerFindsTheServicesItProvidesWithoutAnOwningUnit() {
		var blueCross = DeterministicIds.of("aabenraa", "partner", "blaa-kors");

		var names = names(client.get(AABENRAA + "/services?organization_id=" + blueCross).json());

		assertThat(names).containsExactlyInAnyOrder("Blå Kors", "Den Blå Oase");
	}

	@Test
	void modifiedAfterFindsWhatChangedOrWasVerifiedSince() {
		var tomorrow = LocalDate.now(ZoneId.of("Europe/Copenhagen")).plusDays(1);

		var none = client.get(AABENRAA + "/services?modified_after=" + tomorrow + "T00:00:00Z").json();
		assertThat(none.get("total_items").asInt()).isZero();
		assertThat(none.get("empty").asBoolean()).isTrue();
		assertThat(none.get("contents").isEmpty()).isTrue();

		var all = client.get(AABENRAA + "/services?modified_after=2026-01-01T00:00:00%2B01:00").json();
		assertThat(all.get("total_items").asInt()).isEqualTo(42);

		var verifiedThatDay = client.get(AABENRAA + "/services?modified_after=2026-07-01T12:00:00").json();
		assertThat(verifiedThatDay.get("total_items").asInt()).as("verified on 2026-07-01, the whole day counts")
			.isEqualTo(42);

		// "+" unencoded in a query string arrives as a space; the offset is still understood
		var unencoded = client.get(AABENRAA + "/services?modified_after=" + tomorrow + "T00:00:00+01:00");
		assertThat(unencoded.status()).isEqualTo(200);
		assertThat(unencoded.json().get("total_items").asInt()).isZero();
	}

	@Test
	void filtersCombine() {
		var housing = DeterministicIds.of("aabenraa", "taxonomy", "focus-areas", "term", "boligforhold");
		var csr = DeterministicIds.of("aabenraa", "unit", "csr");

		var names = names(client.get(AABENRAA + "/services?search=bolig&taxonomy_term_id=" + housing
				+ "&organization_id=" + csr).json());

		assertThat(names).isNotEmpty().contains("Boenhed Stubbæk").doesNotContain("Overgangsbolig");
	}

	@Test
	void pagesSplitTheListAndAPagePastTheEndIsEmpty() {
		var all = ids(client.get(AABENRAA + "/services?per_page=200").json());

		var second = client.get(AABENRAA + "/services?page=2&per_page=10").json();
		assertThat(ids(second)).containsExactlyElementsOf(all.subList(10, 20));
		assertThat(second.get("total_items").asInt()).isEqualTo(42);
		assertThat(second.get("total_pages").asInt()).isEqualTo(5);
		assertThat(second.get("page_number").asInt()).isEqualTo(2);
		assertThat(second.get("size").asInt()).isEqualTo(10);
		assertThat(second.get("first_page").asBoolean()).isFalse();
		assertThat(second.get("last_page").asBoolean()).isFalse();

		var last = client.get(AABENRAA + "/services?page=5&per_page=10").json();
		assertThat(ids(last)).containsExactlyElementsOf(all.subList(40, 42));
		assertThat(last.get("last_page").asBoolean()).isTrue();

		var pastTheEnd = client.get(AABENRAA + "/services?page=6&per_page=10");
		assertThat(pastTheEnd.status()).isEqualTo(200);
		assertThat(pastTheEnd.json().get("empty").asBoolean()).isTrue();
		assertThat(pastTheEnd.json().get("contents").isEmpty()).isTrue();

		assertThat(client.get(AABENRAA + "/services").json().get("size").asInt()).as("50 a page by default")
			.isEqualTo(42);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/services?page=abc", "/services?page=0", "/services?page=-1",
			"/services?page=99999999999", "/services?per_page=0", "/services?per_page=201", "/services?per_page=ti",
			"/services?taxonomy_term_id=boligforhold", "/services?taxonomy_id=123",
			"/services?organization_id=6f1c2f1e-1111-4111-8111", "/services?modified_after=i%20g%C3%A5r",
			"/services?modified_after=2026-13-01", "/services/123", "/organizations/abc", "/taxonomies/abc",
			"/taxonomy_terms/abc", "/taxonomy_terms?parent_id=abc", "/service_at_locations/abc",
			"/organizations?per_page=1000", "/service_at_locations?modified_after=snart" })
	void aBadParameterIsABadRequestExplainedInDanish(String request) {
		var response = client.get(AABENRAA + request);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		var detail = response.json().get("detail").asString();
		assertThat(detail).startsWith("Parameteren \"").contains(" skal være ");
	}

	@Test
	void anUnknownMunicipalityIsNotFound() {
		var response = client.get(hsds("atlantis") + "/services");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains("Kommunen findes ikke");
		assertThat(client.get(hsds("atlantis") + "/").status()).isEqualTo(404);
	}

	@Test
	void anUnknownIdOrAnotherMunicipalitysIdIsNotFound() {
		var dental = DeterministicIds.of("aabenraa", "service", "socialtandpleje");
		var blueCross = DeterministicIds.of("aabenraa", "partner", "blaa-kors");
		var housing = DeterministicIds.of("aabenraa", "taxonomy", "focus-areas", "term", "boligforhold");
		var focusAreas = DeterministicIds.of("aabenraa", "taxonomy", "focus-areas");

		for (var path : List.of(AABENRAA + "/services/" + UUID.randomUUID(),
				AABENRAA + "/organizations/" + UUID.randomUUID(), AABENRAA + "/taxonomies/" + UUID.randomUUID(),
				AABENRAA + "/taxonomy_terms/" + UUID.randomUUID(),
				AABENRAA + "/service_at_locations/" + UUID.randomUUID(), hsds("aarhus") + "/services/" + dental,
				hsds("aarhus") + "/organizations/" + blueCross, hsds("aarhus") + "/taxonomy_terms/" + housing,
				hsds("aarhus") + "/taxonomies/" + focusAreas)) {
			var response = client.get(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
			assertThat(response.json().get("detail").asString()).as(path).matches("Der er (ingen|intet) .+ med id'et .+");
		}
		assertThat(client.get(AABENRAA + "/services/" + dental).status()).isEqualTo(200);
	}

	@Test
	void theMunicipalityIsTheRootOfItsOrganizations() {
		var organizations = client.get(AABENRAA + "/organizations?per_page=200").json().get("contents");
		var municipality = organizations.get(0);
		var ids = organizations.valueStream().map(organization -> organization.get("id").asString()).toList();

		assertThat(municipality.get("name").asString()).isEqualTo("Aabenraa Kommune");
		assertThat(municipality.get("description").asString()).contains("Region Syddanmark");
		assertThat(municipality.has("parent_organization_id")).isFalse();
		var units = organizations.valueStream().filter(organization -> organization.has("parent_organization_id"));
		assertThat(units.map(unit -> unit.get("parent_organization_id").asString())).allMatch(ids::contains);

		var socialAndHealth = organizations.valueStream()
			.filter(organization -> organization.get("name").asString().equals("Social & Sundhed"))
			.findFirst()
			.orElseThrow();
		assertThat(socialAndHealth.get("parent_organization_id").asString())
			.isEqualTo(municipality.get("id").asString());
		assertThat(names(client.get(AABENRAA + "/organizations/" + DeterministicIds.of("aabenraa", "unit", "sundhed"))
			.json()
			.get("services"))).containsExactly("Socialtandpleje");
	}

	@Test
	void termsCanBeListedByTaxonomyAndParent() {
		var situations = DeterministicIds.of("aabenraa", "taxonomy", "situations");

		var terms = client.get(AABENRAA + "/taxonomy_terms?taxonomy_id=" + situations).json();

		assertThat(terms.get("total_items").asInt()).isEqualTo(Situation.values().length);
		assertThat(names(terms)).contains("Hjemløshed", "Misbrug af alkohol eller stoffer");
		var noChildren = client.get(AABENRAA + "/taxonomy_terms?parent_id="
				+ DeterministicIds.of("aabenraa", "taxonomy", "situations", "term", "HOMELESSNESS")).json();
		assertThat(noChildren.get("total_items").asInt()).isZero();
	}

	@Test
	void answersMayBeCachedForFiveMinutes() {
		for (var path : List.of("/", "/services", "/organizations", "/taxonomy_terms")) {
			var response = client.get(AABENRAA + path);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.cacheControl()).as(path).contains("public").contains("max-age=300");
		}
	}

	@Test
	void theOpenApiDescriptionDescribesTheHsdsApi() {
		var response = client.get("/api/openapi");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		var openApi = response.json();
		var paths = openApi.get("paths");
		for (var path : List.of("", "/services", "/services/{id}", "/organizations", "/organizations/{id}",
				"/taxonomies", "/taxonomies/{id}", "/taxonomy_terms", "/taxonomy_terms/{id}", "/service_at_locations",
				"/service_at_locations/{id}")) {
			assertThat(paths.has("/api/municipalities/{slug}/hsds" + path)).as(path).isTrue();
		}
		var services = paths.get("/api/municipalities/{slug}/hsds/services").get("get");
		assertThat(services.get("parameters").valueStream().map(parameter -> parameter.get("name").asString()))
			.contains("search", "page", "per_page", "taxonomy_term_id", "taxonomy_id", "organization_id",
					"modified_after");
		assertThat(services.get("responses").get("200").toString()).contains("HsdsPageHsdsService");
		var service = openApi.get("components").get("schemas").get("HsdsService").get("properties");
		assertThat(service.has("organization_id")).as("snake_case as in HSDS").isTrue();
		assertThat(service.has("service_at_locations")).isTrue();
	}

	private static List<String> names(JsonNode page) {
		var items = page.has("contents") ? page.get("contents") : page;
		return items.valueStream().map(item -> item.get("name").asString()).toList();
	}

	private static List<String> ids(JsonNode page) {
		return page.get("contents").valueStream().map(item -> item.get("id").asString()).toList();
	}
}
