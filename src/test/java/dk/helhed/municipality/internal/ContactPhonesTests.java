package dk.helhed.municipality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dk.helhed.platform.SeedFiles.InvalidSeedData;

/**
 * The municipalities' and units' phone numbers are facts with a public source and a date, or the application does
 * not start. The municipality in these files is synthetic (test data).
 */
class ContactPhonesTests {

	@TempDir
	Path folder;

	@Test
	void theShippedNumbersAreReadWithTheirSource() {
		var phones = new SeedContactPhones(new SeedSettings(true, "classpath:seed/municipalities"),
				new PathMatchingResourcePatternResolver());
		var visitation = phones.ofUnit("aabenraa", "visitation").orElseThrow();
		assertThat(visitation.number()).isEqualTo("73 76 76 76");
		assertThat(visitation.dialled()).isEqualTo("73767676");
		assertThat(visitation.source()).startsWith("https://www.aabenraa.dk/");
		assertThat(visitation.checked()).isEqualTo(LocalDate.of(2026, 12, 2));
		assertThat(phones.ofUnit("aabenraa", "jobcenteret")).isEmpty();
	}

	@Test
	void aUnitPhoneWithoutASourceStopsTheStart() throws IOException {
		write("""
				    phone:
				      number: "70 70 70 70"
				      checked: 2026-12-02
				""");
		assertThatThrownBy(this::read).isInstanceOf(InvalidSeedData.class)
			.hasMessageContaining("enhed team: phone mangler source");
	}

	@Test
	void aUnitPhoneWithoutTheDayItWasCheckedStopsTheStart() throws IOException {
		write("""
				    phone:
				      number: "70 70 70 70"
				      source: https://example.org/kontakt
				""");
		assertThatThrownBy(this::read).isInstanceOf(InvalidSeedData.class).hasMessageContaining("mangler checked");
	}

	@Test
	void aPhoneThatIsNotANumberStopsTheStart() throws IOException {
		write("""
				    phone:
				      number: "ring til os"
				      source: https://example.org/kontakt
				      checked: 2026-12-02
				""");
		assertThatThrownBy(this::read).isInstanceOf(InvalidSeedData.class).hasMessageContaining("cifre og mellemrum");
	}

	@Test
	void theSeedLoaderChecksTheSameRule() throws IOException {
		write("""
				    phone:
				      number: "70 70 70 70"
				""");
		var seed = dk.helhed.platform.SeedFiles.read(
				new org.springframework.core.io.FileSystemResource(folder.resolve("testby/municipality.yaml")),
				MunicipalitySeed.class);
		assertThat(SeedContactPhones.problems(seed)).hasSize(2);
	}

	private SeedContactPhones read() {
		return new SeedContactPhones(new SeedSettings(true, "file:" + folder.toAbsolutePath()),
				new PathMatchingResourcePatternResolver());
	}

	private void write(String unitPhone) throws IOException {
		var municipality = folder.resolve("testby");
		Files.createDirectories(municipality);
		Files.writeString(municipality.resolve("municipality.yaml"), """
				# SYNTHETIC test data
				municipality:
				  slug: testby
				  name: Testby Kommune (syntetisk)
				units:
				  - key: team
				    name: Et team
				""" + unitPhone);
	}
}
