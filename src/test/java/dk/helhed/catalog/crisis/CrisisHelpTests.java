package dk.helhed.catalog.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import dk.helhed.catalog.internal.crisis.CrisisHelp;
import dk.helhed.catalog.internal.crisis.CrisisLine;
import dk.helhed.catalog.internal.crisis.CrisisTopic;
import dk.helhed.catalog.internal.crisis.CrisisSettings;
import dk.helhed.platform.SeedFiles.InvalidSeedData;

/**
 * The crisis numbers are facts with a source, or they are not shown at all; the phrases tell a crisis from an
 * ordinary search.
 */
class CrisisHelpTests {

	private static final URI EXIT = URI.create("https://www.dr.dk/");

	@TempDir
	Path folder;

	@Test
	void everyShippedLineNamesItsPublicSourceAndTheDayItWasChecked() throws IOException {
		var help = shipped();
		assertThat(help.allLines()).isNotEmpty().allSatisfy(line -> {
			assertThat(line.source().getScheme()).as(line.key()).isIn("https", "http");
			assertThat(line.source().getHost()).as(line.key()).isNotBlank();
			assertThat(line.checked()).as(line.key()).isBeforeOrEqualTo(LocalDate.now().plusDays(1));
		});
		help.allLines().forEach(line -> System.out.printf("Akut hjælp: %-45s %-11s kilde %s (kontrolleret %s)%n",
				line.name(), line.phone() == null ? "(møde op)" : line.phone(), line.source(), line.checked()));
	}

	@Test
	void theShortBoxShows112AndTheNationalLinesEverywhereAndTheRegionsLineWhereItIsKnown() throws IOException {
		var help = shipped();
		assertThat(help.everywhere(null)).extracting(CrisisLine::phone).contains("112", "70 201 201", "1888");
		assertThat(help.allLines()).extracting(CrisisLine::phone).contains("1813");
	}

	@Test
	void tellsACrisisFromAnOrdinarySearch() throws IOException {
		var help = shipped();
		assertThat(help.topicsOf("jeg vil ikke leve mere")).containsExactly(CrisisTopic.SUICIDE);
		assertThat(help.topicsOf("Selvmordstanker")).containsExactly(CrisisTopic.SUICIDE);
		assertThat(help.topicsOf("min kæreste slår mig")).containsExactly(CrisisTopic.VIOLENCE);
		assertThat(help.topicsOf("overdosis")).containsExactly(CrisisTopic.OVERDOSE);
		assertThat(help.topicsOf("jeg har ingen steder at sove i nat")).containsExactly(CrisisTopic.HOMELESSNESS);
		assertThat(help.topicsOf("sover på   gaden")).containsExactly(CrisisTopic.HOMELESSNESS);
		assertThat(help.topicsOf("tandpleje for hjemløse")).isEmpty();
		assertThat(help.topicsOf("døgnåbent værested")).isEmpty();
		assertThat(help.topicsOf("")).isEmpty();
		assertThat(help.topicsOf(null)).isEmpty();
	}

	@Test
	void aCrisisBoxHasTheLinesForItsTopicThen112() throws IOException {
		var box = shipped().forSearch("aabenraa", "min kæreste slår mig").orElseThrow();
		assertThat(box.lines()).extracting(CrisisLine::phone).containsExactly("1888", "112");
		var suicide = shipped().forSearch("ballerup", "selvmord").orElseThrow();
		assertThat(suicide.lines()).extracting(CrisisLine::phone).containsExactly("70 201 201", "1813", "112");
		assertThat(shipped().forSearch("aabenraa", "bolig")).isEmpty();
	}

	@Test
	void aLineWithoutASourceStopsTheStart() throws IOException {
		write("""
				national:
				  - key: made-up
				    name: "Et nummer"
				    phone: "70 70 70 70"
				    text: "Ring her."
				    topics: [ALWAYS]
				    checked: 2026-12-01
				""");
		assertThatThrownBy(this::fromFolder).isInstanceOf(InvalidSeedData.class).hasMessageContaining("source mangler");
	}

	@Test
	void aLineWithoutTheDayItWasCheckedStopsTheStart() throws IOException {
		write("""
				national:
				  - key: made-up
				    name: "Et nummer"
				    phone: "70 70 70 70"
				    text: "Ring her."
				    topics: [ALWAYS]
				    source: https://example.org/
				""");
		assertThatThrownBy(this::fromFolder).isInstanceOf(InvalidSeedData.class)
			.hasMessageContaining("checked mangler");
	}

	@Test
	void aSourceThatIsNotAWebPageOrAPhoneThatIsNotANumberStopsTheStart() throws IOException {
		write("""
				national:
				  - key: made-up
				    name: "Et nummer"
				    text: "Ring her."
				    topics: [ALWAYS]
				    source: "min hukommelse"
				    checked: 2026-12-01
				""");
		assertThatThrownBy(this::fromFolder).isInstanceOf(InvalidSeedData.class).hasMessageContaining("source");
		write("""
				national:
				  - key: made-up
				    name: "Et nummer"
				    phone: "ring til Bo"
				    text: "Ring her."
				    topics: [ALWAYS]
				    source: https://example.org/
				    checked: 2026-12-01
				""");
		assertThatThrownBy(this::fromFolder).isInstanceOf(InvalidSeedData.class).hasMessageContaining("phone");
	}

	private static CrisisHelp shipped() throws IOException {
		return new CrisisHelp(new CrisisSettings("classpath:crisis/", EXIT), new DefaultResourceLoader());
	}

	private CrisisHelp fromFolder() throws IOException {
		return new CrisisHelp(new CrisisSettings(folder.toUri().toString(), EXIT), new DefaultResourceLoader());
	}

	private void write(String help) throws IOException {
		Files.writeString(folder.resolve("help.yaml"), help);
		Files.writeString(folder.resolve("phrases.txt"), "SUICIDE: selvmord\n");
	}
}
