package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.Catalogs;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each service page carries schema.org {@code GovernmentService} as JSON-LD that a standard JSON parser reads, with
 * the provider, area, hours, contact and audience; no text of a service can end its script element.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ServiceStructuredDataTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Pattern SCRIPT = Pattern
		.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalogs catalogs;

	@Autowired
	ServiceStructuredData structuredData;

	@Test
	void aServicePageDescribesTheServiceForSearchEngines() throws Exception {
		var data = structuredDataOf("/aabenraa/indsatser/fuldtraefferen");
		var service = catalogs.of("aabenraa").service("fuldtraefferen").orElseThrow();
		assertThat(data.path("@context").asString()).isEqualTo("https://schema.org");
		assertThat(data.path("@type").asString()).isEqualTo("GovernmentService");
		assertThat(data.path("name").asString()).isEqualTo("Fuldtræfferen");
		assertThat(data.path("description").asString()).isEqualTo(service.summary());
		assertThat(data.path("url").asString()).isEqualTo("http://localhost/aabenraa/indsatser/fuldtraefferen");
		var provider = data.path("provider");
		assertThat(provider.path("@type").asString()).isEqualTo("GovernmentOrganization");
		assertThat(provider.path("name").asString())
			.isEqualTo(catalogs.of("aabenraa").unit(service.owningUnitId()).name());
		assertThat(provider.path("parentOrganization").path("name").asString()).isEqualTo("Aabenraa Kommune");
		assertThat(provider.path("parentOrganization").path("@type").asString()).isEqualTo("GovernmentOrganization");
		assertThat(data.path("areaServed").path("@type").asString()).isEqualTo("AdministrativeArea");
		assertThat(data.path("areaServed").path("name").asString()).isEqualTo("Aabenraa Kommune");
		var hours = data.path("hoursAvailable");
		assertThat(hours.isArray()).isTrue();
		assertThat(hours.get(0).path("@type").asString()).isEqualTo("OpeningHoursSpecification");
		assertThat(hours.get(0).path("dayOfWeek").get(0).asString()).isEqualTo("https://schema.org/Monday");
		assertThat(hours.get(0).path("opens").asString()).isEqualTo("09:30");
		var channel = data.path("availableChannel");
		assertThat(channel.path("@type").asString()).isEqualTo("ServiceChannel");
		assertThat(channel.path("servicePhone").path("telephone").asString()).isEqualTo("24029610");
		assertThat(channel.path("serviceLocation").path("address").path("streetAddress").asString())
			.isEqualTo("Uglekær 14");
		assertThat(channel.path("serviceLocation").path("address").path("addressCountry").asString()).isEqualTo("DK");
		assertThat(data.path("audience").path("@type").asString()).isEqualTo("PeopleAudience");
		assertThat(data.path("audience").path("audienceType").asString()).isEqualTo(service.targetGroup());
	}

	@Test
	void everyServicePageHasItsStructuredData() throws Exception {
		var catalog = catalogs.of("aabenraa");
		var withHours = 0;
		var withPhone = 0;
		for (var service : catalog.services()) {
			var data = structuredDataOf("/aabenraa/indsatser/" + service.key());
			assertThat(data.path("name").asString()).isEqualTo(service.name());
			assertThat(data.path("provider").path("name").isMissingNode()).isFalse();
			assertThat(data.path("availableChannel").path("serviceLocation").isMissingNode()).as(service.key())
				.isFalse();
			withHours += data.path("hoursAvailable").isMissingNode() ? 0 : 1;
			withPhone += data.path("availableChannel").path("servicePhone").path("telephone").isMissingNode() ? 0 : 1;
		}
		System.out.printf("JSON-LD: %d services, %d with opening hours, %d with a phone%n", catalog.services().size(),
				withHours, withPhone);
		// Its own phone, or its owning unit's (Visitation & Understøttelse's is sourced): as many as the pages show
		assertThat(withPhone).isGreaterThanOrEqualTo(6);
	}

	@Test
	void noTextOfAServiceEndsTheScriptElement() throws Exception {
		var catalog = catalogs.of("aabenraa");
		var original = catalog.service("fuldtraefferen").orElseThrow();
		var hostile = "</script><script>alert(1)</script><!-- \"quoted\" & 'single' \u2028 </SCRIPT >";
		var c = original.content();
		var content = new Service.Content(hostile, hostile, hostile, c.focusAreaIds(), c.owningUnitId(),
				c.providerId(), c.partnerIds(), c.accessMode(), c.decidingUnitId(), c.firstStep(), hostile,
				c.minimumAge(), c.maximumAge(), c.situations(), c.charge(), hostile, hostile, c.postalCode(),
				c.city(), c.scheduleNote(), hostile, c.email(), c.url(), c.legalBasis(), c.lastVerified(),
				c.contacts(), c.capacities(), c.costs(), c.schedules(), c.keyFigures());
		var service = Service.create(UUID.randomUUID(), original.municipalityId(), "fjendtlig-test", content,
				Instant.now());
		var json = structuredData.of(catalog, service, "http://localhost/aabenraa/indsatser/fjendtlig-test");
		assertThat(json.toLowerCase()).doesNotContain("</script", "<!--", "<script");
		assertThat(json).doesNotContain("<", ">", "&");
		var data = JSON.readTree(json);
		assertThat(data.path("name").asString()).isEqualTo(hostile);
		assertThat(data.path("description").asString()).isEqualTo(hostile);
		assertThat(data.path("audience").path("audienceType").asString()).isEqualTo(hostile);
		assertThat(data.path("availableChannel").path("servicePhone").path("telephone").asString()).isEqualTo(hostile);
		assertThat(data.path("availableChannel").path("serviceLocation").path("address").path("streetAddress")
			.asString()).isEqualTo(hostile);
	}

	private JsonNode structuredDataOf(String path) throws Exception {
		var html = PublicPages.page(mvc, path, 200);
		var scripts = SCRIPT.matcher(html).results().toList();
		assertThat(scripts).as(path + ": one JSON-LD script").hasSize(1);
		return JSON.readTree(scripts.getFirst().group(1));
	}
}
