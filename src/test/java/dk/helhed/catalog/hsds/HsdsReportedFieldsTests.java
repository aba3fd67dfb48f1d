package dk.helhed.catalog.hsds;

import static dk.helhed.catalog.hsds.HsdsClient.hsds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.CatalogEditing;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.identity.StaffMember;
import dk.helhed.referral.internal.Allocations;
import dk.helhed.support.StaffFixture;

/**
 * What the seed catalog does not have, but staff record: free places (counted from the places Helhed keeps), a service's e-mail, a contact's phone and
 * e-mail. Once recorded they are sent, and the answer still conforms to the official schema. In May 2027 the seed
 * catalog of July 2026 is long overdue for review, so services also carry the warning their public pages show.
 */
@NeedsHsdsSpecification
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HsdsReportedFieldsTests {

	@Autowired
	StaffFixture demo;

	private static final HsdsSchemas SCHEMAS = HsdsSchemas.load();
	static final Instant MAY_2027 = Instant.parse("2027-05-10T08:00:00Z");

	@TestBean(name = "clock", methodName = "dk.helhed.catalog.hsds.HsdsReportedFieldsTests#mayClock")
	Clock clock;

	static Clock mayClock() {
		return Clock.fixed(MAY_2027, ZoneId.of("Europe/Copenhagen"));
	}

	@LocalServerPort
	int port;

	@Autowired
	CatalogEditing editing;

	@Autowired
	Allocations allocations;

	@Autowired
	Catalogs catalogs;

	@Test
	void reportedFreePlacesAndContactDetailsAreSentAndConform() {
		var housing = catalogs.of("aabenraa").service("overgangsbolig").orElseThrow();
		// Helhed keeps Overgangsbolig's places: the free places come from who holds them, not from a report
		var holds = new java.util.ArrayList<java.util.UUID>();
		for (int i = 0; i < 4; i++) {
			holds.add(allocations.holdFreePlace(housing.municipalityId(), housing.id(), java.util.UUID.randomUUID(),
					MAY_2027.plusSeconds(3600), null, Allocations.Offer.DIRECT).id());
		}
		var current = catalogs.of("aabenraa").service("overgangsbolig").orElseThrow();
		editing.edit(demo.staff("redaktoer"), current.id(), current.version(), withContactDetails(current));

		var response = new HsdsClient(port).get(hsds("aabenraa") + "/services/" + housing.id());

		SCHEMAS.file("compiled/service.json").assertValid("GET " + response.path(), response.okBody());
		var service = response.json();
		var capacity = service.get("capacities").get(0);
		assertThat(capacity.get("available").asInt()).isEqualTo(2);
		assertThat(capacity.get("maximum").asInt()).isEqualTo(6);
		assertThat(capacity.get("unit").get("name").asString()).isEqualTo("boliger");
		assertThat(Instant.parse(capacity.get("updated").asString())).isEqualTo(MAY_2027);
		assertThat(service.get("email").asString()).isEqualTo("overgangsbolig@example.org");
		var contact = service.get("contacts").get(0);
		assertThat(contact.get("email").asString()).isEqualTo("linda@example.org");
		assertThat(contact.get("phones").get(0).get("number").asString()).isEqualTo("73 76 76 76");
		holds.forEach(id -> allocations.end(housing.municipalityId(), id, "TEST_CLEANUP"));
	}

	@Test
	void longUncheckedServicesCarryAnAlertAndSummerTime() {
		var response = new HsdsClient(port).get(hsds("aabenraa") + "/services/"
				+ catalogs.of("aabenraa").service("den-blaa-oase").orElseThrow().id());

		SCHEMAS.file("compiled/service.json").assertValid("GET " + response.path(), response.okBody());
		assertThat(response.json().get("alert").asString()).contains("ikke blevet kontrolleret i lang tid");
		assertThat(response.json().get("schedules").get(0).get("opens_at").asString()).isEqualTo("08:30+02:00");
	}

	private static Service.Content withContactDetails(Service service) {
		var c = service.content();
		var contacts = c.contacts()
			.stream()
			.map(contact -> new Service.Contact(contact.id(), contact.municipalityId(), contact.role(), contact.name(),
					contact.unitId(), "73 76 76 76", "linda@example.org"))
			.toList();
		return new Service.Content(c.name(), c.summary(), c.description(), c.focusAreaIds(), c.owningUnitId(),
				c.providerId(), c.partnerIds(), c.accessMode(), c.decidingUnitId(), c.firstStep(), c.targetGroup(),
				c.minimumAge(), c.maximumAge(), c.situations(), c.charge(), c.locationName(), c.street(),
				c.postalCode(), c.city(), c.scheduleNote(), c.phone(), "overgangsbolig@example.org", c.url(),
				c.legalBasis(), c.lastVerified(), List.copyOf(contacts), c.capacities(), c.costs(), c.schedules(),
				c.keyFigures());
	}
}
