package dk.helhed.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import dk.helhed.support.Lix;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The texts citizens read on the participation pages are plain: LIX 35 or less (easy) in Danish and in English, for
 * each part on its own: the proposal form, the receipt and following a proposal, the states' explanations that come
 * with every answer, the meeting and forum pages, and Aabenraa's descriptions of its bodies. Prints the figures.
 */
class ParticipationTextsAreEasyToReadTests {

	static final double MAXIMUM = 35;

	/** Which message keys make up each part of the pages. */
	static final Map<String, List<String>> PARTS = new LinkedHashMap<>();

	static {
		PARTS.put("the proposal form", List.of("dialog.form.", "dialog.kind."));
		PARTS.put("the receipt and following a proposal", List.of("dialog.receipt.", "dialog.follow.", "dialog.held."));
		PARTS.put("the meeting pages", List.of("dialog.meeting.", "dialog.mode."));
		PARTS.put("the forum pages and the follow-up", List.of("dialog.body.", "dialog.member.", "dialog.followup.",
				"dialog.title", "dialog.lead", "dialog.send", "dialog.follow", "dialog.upcoming", "dialog.noUpcoming",
				"dialog.answers", "dialog.proposals.", "dialog.proposal.", "dialog.report."));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "Danish, i18n/participation.properties", "English, i18n/participation_en.properties" })
	void everyPartOfThePagesIsEasyToRead(String language, String file) throws IOException {
		var messages = messages(file);
		List<String> measured = new ArrayList<>();
		for (var part : PARTS.entrySet()) {
			var texts = messages.entrySet()
				.stream()
				.filter(message -> part.getValue().stream().anyMatch(prefix -> message.getKey().startsWith(prefix)))
				.map(Map.Entry::getValue)
				.toList();
			assertThat(texts).as(part.getKey()).hasSizeGreaterThan(3);
			var figures = Lix.of(texts);
			System.out.printf("Participation, %s, %s: %s%n", language, part.getKey(), figures);
			measured.add(part.getKey() + ": " + figures);
			assertThat(figures.lix()).as("%s, %s: %s", language, part.getKey(), figures).isLessThanOrEqualTo(MAXIMUM);
		}
		assertThat(measured).hasSize(PARTS.size());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "Danish, da", "English, en" })
	void theStatesExplanationsAreEasyToRead(String language, String code) throws IOException {
		List<String> texts = new ArrayList<>();
		for (var state : yaml("seed/participation-states.yaml").path("states")) {
			texts.add(state.path("name").path(code).asString());
			texts.add(state.path("explanation").path(code).asString());
		}
		var figures = Lix.of(texts);
		System.out.printf("Participation, %s, the states' explanations: %s%n", language, figures);
		assertThat(figures.lix()).as(figures.toString()).isLessThanOrEqualTo(MAXIMUM);
	}

	@Test
	void aabenraasDescriptionsOfItsBodiesAreEasyToRead() throws IOException {
		List<String> texts = new ArrayList<>();
		for (var body : yaml("seed/municipalities/aabenraa/participation.yaml").path("bodies")) {
			texts.add(body.path("purpose").asString());
		}
		var figures = Lix.of(texts);
		System.out.printf("Participation, Danish, Aabenraa's bodies: %s%n", figures);
		assertThat(figures.lix()).as(figures.toString()).isLessThanOrEqualTo(MAXIMUM);
	}

	@Test
	void theMeasureTellsHardTextFromEasy() {
		var easy = Lix.of(List.of("Vi har fået dit forslag. Vi læser det og svarer dig her."));
		var hard = Lix.of(List.of("Henvendelsen registreres og videreformidles til behandling i den relevante "
				+ "forvaltningsmæssige enhed med henblik på sagsbehandling."));
		assertThat(easy.lix()).isLessThan(25);
		assertThat(hard.lix()).isGreaterThan(55);
	}

	static Map<String, String> messages(String file) throws IOException {
		var properties = new Properties();
		try (var in = new InputStreamReader(new ClassPathResource(file).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		Map<String, String> messages = new LinkedHashMap<>();
		properties.stringPropertyNames().stream().sorted().forEach(key -> messages.put(key, properties.getProperty(key)));
		return messages;
	}

	static JsonNode yaml(String file) throws IOException {
		try (var in = new ClassPathResource(file).getInputStream()) {
			return YAMLMapper.builder().build().readTree(in);
		}
	}
}
