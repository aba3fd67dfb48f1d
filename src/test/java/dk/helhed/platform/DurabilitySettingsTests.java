package dk.helhed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The start-up warning about database settings that may lose acknowledged transactions.
 */
@ExtendWith(OutputCaptureExtension.class)
class DurabilitySettingsTests {

	@TempDir
	Path directory;

	@Test
	void postgresWithEverythingOnIsFine() {
		assertThat(DurabilitySettings.postgresWarnings(
				Map.of("fsync", "on", "full_page_writes", "on", "synchronous_commit", "on"))).isEmpty();
	}

	@Test
	void synchronousCommitThatStillWaitsForTheLocalDiskIsFine() {
		assertThat(DurabilitySettings.postgresWarnings(
				Map.of("fsync", "on", "full_page_writes", "on", "synchronous_commit", "local"))).isEmpty();
		assertThat(DurabilitySettings.postgresWarnings(
				Map.of("fsync", "on", "full_page_writes", "on", "synchronous_commit", "remote_write"))).isEmpty();
	}

	@Test
	void eachSettingThatIsOffIsNamed() {
		assertThat(DurabilitySettings.postgresWarnings(
				Map.of("fsync", "off", "full_page_writes", "on", "synchronous_commit", "on")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("fsync off");
		assertThat(DurabilitySettings.postgresWarnings(
				Map.of("fsync", "on", "full_page_writes", "off", "synchronous_commit", "on")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("full_page_writes off");
		assertThat(DurabilitySettings.postgresWarnings(
				Map.of("fsync", "on", "full_page_writes", "on", "synchronous_commit", "off")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("synchronous_commit off");
		assertThat(DurabilitySettings.postgresWarnings(
				Map.of("fsync", "off", "full_page_writes", "off", "synchronous_commit", "off"))).hasSize(3);
	}

	@Test
	void h2FileDatabaseWithTheDefaultWriteDelayIsWarnedAbout(CapturedOutput output) {
		var settings = new DurabilitySettings(h2("delayed", ""));

		settings.run(null);

		assertThat(settings.warnings()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("WRITE_DELAY=500");
		assertThat(output).contains("WARN").contains("WRITE_DELAY=500");
	}

	@Test
	void h2FileDatabaseThatWritesEachCommitIsFine(CapturedOutput output) {
		var settings = new DurabilitySettings(h2("immediate", ";WRITE_DELAY=0"));

		settings.run(null);

		assertThat(settings.warnings()).isEmpty();
		assertThat(output).doesNotContain("WRITE_DELAY");
	}

	private SimpleDriverDataSource h2(String name, String options) {
		return new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:file:" + directory.resolve(name).toAbsolutePath() + options, "sa", "");
	}
}
