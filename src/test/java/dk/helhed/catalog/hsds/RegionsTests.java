package dk.helhed.catalog.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.helhed.municipality.Municipality;

class RegionsTests {

	private static final LocalDate AUTUMN_2026 = LocalDate.of(2026, 11, 23);

	@Test
	void knowsEachOfTheNinetyEightMunicipalitiesOnce() {
		assertThat(Regions.municipalityCount()).isEqualTo(98);
	}

	@Test
	void findsTheRegionBySlugShortNameOrName() {
		assertThat(Regions.of(municipality("aabenraa", "Aabenraa Kommune", "Aabenraa"), AUTUMN_2026))
			.contains("Region Syddanmark");
		assertThat(Regions.of(municipality("aarhus", "Aarhus Kommune", "Aarhus"), AUTUMN_2026))
			.contains("Region Midtjylland");
		assertThat(Regions.of(municipality("kbh", "Københavns Kommune", null), AUTUMN_2026))
			.contains("Region Hovedstaden");
		assertThat(Regions.of(municipality("hoeje-taastrup", "Høje-Taastrup Kommune", "Høje-Taastrup"), AUTUMN_2026))
			.contains("Region Hovedstaden");
		assertThat(Regions.of(municipality("bornholm", "Bornholms Regionskommune", "Bornholm"), AUTUMN_2026))
			.contains("Region Hovedstaden");
		assertThat(Regions.of(municipality("aeroe", "Ærø Kommune", "Ærø"), AUTUMN_2026)).contains("Region Syddanmark");
	}

	@Test
	void hovedstadenAndSjaellandBecomeOestdanmarkIn2027() {
		var ballerup = municipality("ballerup", "Ballerup Kommune", "Ballerup");
		var roskilde = municipality("roskilde", "Roskilde Kommune", "Roskilde");

		assertThat(Regions.of(ballerup, LocalDate.of(2026, 12, 31))).contains("Region Hovedstaden");
		assertThat(Regions.of(ballerup, LocalDate.of(2027, 1, 1))).contains("Region Østdanmark");
		assertThat(Regions.of(roskilde, LocalDate.of(2027, 1, 1))).contains("Region Østdanmark");
		assertThat(Regions.of(municipality("aabenraa", "Aabenraa Kommune", "Aabenraa"), LocalDate.of(2027, 1, 1)))
			.contains("Region Syddanmark");
	}

	@Test
	void anUnknownMunicipalityHasNoRegionRatherThanAGuess() {
		assertThat(Regions.of(municipality("atlantis", "Atlantis Kommune", "Atlantis"), AUTUMN_2026)).isEmpty();
	}

	private static Municipality municipality(String slug, String name, String shortName) {
		return new Municipality(UUID.randomUUID(), slug, name, shortName, null, null);
	}
}
