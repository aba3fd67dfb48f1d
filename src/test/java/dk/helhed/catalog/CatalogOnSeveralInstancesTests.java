package dk.helhed.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.convention.TestBean;

import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.support.MutableClock;

/**
 * Another instance changed the catalog (seen here as a change in the database with no event on this instance): this
 * instance's snapshot and search follow within a few seconds.
 */
@SpringBootTest
class CatalogOnSeveralInstancesTests {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"),
			ZoneId.of("Europe/Copenhagen"));

	@TestBean(name = "clock", methodName = "dk.helhed.catalog.CatalogOnSeveralInstancesTests#clock")
	Clock clock;

	static Clock clock() {
		return CLOCK;
	}

	@Autowired
	Catalogs catalogs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void followsChangesMadeByAnotherInstance() {
		var before = catalogs.of("aabenraa").service("socialtandpleje").orElseThrow();

		jdbc.sql("update service set name = ?, version = version + 1 where id = ?")
			.params("Tandplejen for socialt udsatte", before.id())
			.update();

		assertThat(catalogs.of("aabenraa").service("socialtandpleje").orElseThrow().name())
			.as("within the revalidation interval the snapshot is trusted").isEqualTo(before.name());
		CLOCK.advance(Duration.ofSeconds(6));
		assertThat(catalogs.of("aabenraa").service("socialtandpleje").orElseThrow().name())
			.isEqualTo("Tandplejen for socialt udsatte");
		var municipality = catalogs.of("aabenraa").municipality();
		assertThat(catalogs.search(municipality, dk.helhed.catalog.internal.search.SearchText.of("tandplejen"), 3))
			.extracting(found -> found.service().name())
			.contains("Tandplejen for socialt udsatte");
	}
}
