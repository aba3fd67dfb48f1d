package dk.helhed.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.municipality.Municipalities;

/**
 * The three seed municipalities are loaded into an empty database at start, with their facts intact. Runs on H2
 * ({@link SeedDataOnH2Tests}) and on PostgreSQL ({@link SeedDataOnPostgresTests}).
 */
abstract class SeedDataTests {

	@Autowired
	Municipalities municipalities;

	@Autowired
	Catalogs catalogs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.util.List<ApplicationRunner> runners;

	@Test
	void loadsTheThreeSeedMunicipalities() {
		assertThat(municipalities.all()).extracting(m -> m.slug()).containsExactly("aabenraa", "aarhus", "ballerup");
	}

	@Test
	void loadsAabenraasWholeCatalog() {
		var catalog = catalogs.of("aabenraa");

		assertThat(catalog.services()).hasSize(42);
		assertThat(catalog.info().editionLabel()).isEqualTo("4. udgave");
		assertThat(catalog.focusAreas()).extracting(area -> area.name())
			.containsExactly("Rehabilitering og forebyggelse", "Mobilitet og tilgængelighed", "Boligforhold",
					"Beskæftigelse", "Fællesskaber", "Sundhed", "Inddragelse og dialog");
	}

	@Test
	void keepsTheFactsOfAService() {
		var catalog = catalogs.of("aabenraa");
		var dental = catalog.service("socialtandpleje").orElseThrow();

		assertThat(dental.charge()).isEqualTo(Charge.FREE);
		assertThat(catalog.unit(dental.owningUnitId()).name()).isEqualTo("Sundhed");
		assertThat(catalog.partnersOf(dental)).extracting(p -> p.name()).contains("Blå Kors");
		assertThat(dental.contacts()).extracting(Service.Contact::name).containsExactly("Michael Nordberg Jeppesen");

		var oasis = catalog.service("den-blaa-oase").orElseThrow();
		assertThat(oasis.costs()).extracting(Service.Cost::amount).contains(new BigDecimal("30.00"));
		assertThat(oasis.schedules()).isNotEmpty();
		assertThat(oasis.street()).isEqualTo("Sønderport 49");
	}

	@Test
	void keepsCapacities() {
		var catalog = catalogs.of("aabenraa");

		assertThat(catalog.service("overgangsbolig").orElseThrow().capacities())
			.extracting(Service.Capacity::maximum).containsExactly(6);
		assertThat(catalog.service("boenhed-stubbaek").orElseThrow().capacities())
			.extracting(Service.Capacity::maximum).containsExactly(8, 2);
		assertThat(catalog.service("startbolig-slotsgade").orElseThrow().maximumAge()).isEqualTo(24);
	}

	@Test
	void keepsStrategiesAndTargets() {
		var aarhus = municipalities.strategyOf(municipalities.getBySlug("aarhus").id()).orElseThrow();
		assertThat(aarhus.focusAreas()).hasSize(5);
		var youngHomeless = aarhus.targets()
			.stream()
			.filter(target -> target.key().equals("faerre-unge-hjemloese"))
			.findFirst()
			.orElseThrow();
		assertThat(youngHomeless.baselineValue()).isEqualByComparingTo("172");
		assertThat(youngHomeless.targetValue()).isEqualByComparingTo("86");
		assertThat(youngHomeless.baselineYear()).isEqualTo(2019);

		var ballerup = municipalities.strategyOf(municipalities.getBySlug("ballerup").id()).orElseThrow();
		assertThat(ballerup.focusAreas()).hasSize(3);
		assertThat(ballerup.targetGroupMinAge()).isEqualTo(16);
		assertThat(ballerup.targetGroupMaxAge()).isEqualTo(65);
	}

	@Test
	void loadingAgainChangesNothing() throws Exception {
		int before = count();
		ApplicationArguments none = new DefaultApplicationArguments();
		for (var runner : runners) {
			runner.run(none);
		}
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void everyRowCarriesItsMunicipality() {
		var tables = java.util.List.of("organisational_unit", "partner_organisation", "strategy", "focus_area",
				"service", "service_contact", "service_focus_area", "service_capacity");
		for (var table : tables) {
			assertThat(jdbc.sql("select count(*) from " + table + " where municipality_id is null").query(Integer.class)
				.single()).as(table).isZero();
		}
	}

	private int count() {
		return jdbc.sql("select (select count(*) from municipality) + (select count(*) from service)")
			.query(Integer.class)
			.single();
	}
}
