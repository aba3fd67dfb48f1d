package dk.helhed.catalog.hsds;

import static dk.helhed.catalog.hsds.HsdsClient.hsds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.DeterministicIds;

/**
 * Facts the seed catalog does not have yet, but a unit can record: free places, a service's e-mail, a contact's
 * phone and e-mail. Once recorded they are sent, and the answer still conforms to the official schema. Runs in a
 * context (and database) of its own, as it changes the catalog.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "helhed.test.purpose=hsds-reported-fields")
class HsdsReportedFieldsTests {

	private static final HsdsSchemas SCHEMAS = HsdsSchemas.load();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Catalogs catalogs;

	@Autowired
	Municipalities municipalities;

	@Test
	void reportedFreePlacesAndContactDetailsAreSentAndConform() {
		var housing = DeterministicIds.of("aabenraa", "service", "overgangsbolig");
		var reported = Instant.parse("2026-11-20T09:15:00.250Z");
		jdbc.sql("update service_capacity set available = 2, updated_at = ? where service_id = ?")
			.params(java.sql.Timestamp.from(reported), housing)
			.update();
		jdbc.sql("update service set email = 'overgangsbolig@example.org' where id = ?").param(housing).update();
		jdbc.sql("update service_contact set phone = '73 76 76 76', email = 'linda@example.org' where service_id = ?")
			.param(housing)
			.update();
		catalogs.changed(municipalities.getBySlug("aabenraa").id());

		var response = new HsdsClient(port).get(hsds("aabenraa") + "/services/" + housing);

		SCHEMAS.file("compiled/service.json").assertValid("GET " + response.path(), response.okBody());
		var service = response.json();
		var capacity = service.get("capacities").get(0);
		assertThat(capacity.get("available").asInt()).isEqualTo(2);
		assertThat(capacity.get("maximum").asInt()).isEqualTo(6);
		assertThat(capacity.get("unit").get("name").asString()).isEqualTo("boliger");
		assertThat(Instant.parse(capacity.get("updated").asString())).isEqualTo(reported);
		assertThat(service.get("email").asString()).isEqualTo("overgangsbolig@example.org");
		var contact = service.get("contacts").get(0);
		assertThat(contact.get("email").asString()).isEqualTo("linda@example.org");
		assertThat(contact.get("phones").get(0).get("number").asString()).isEqualTo("73 76 76 76");
	}
}
