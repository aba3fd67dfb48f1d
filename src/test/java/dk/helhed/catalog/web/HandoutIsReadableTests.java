package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The fixed text of the handout (udleveringsark), the Danish sentences of {@code handout.sheet.*} that every sheet
 * carries around the services' own texts, is plain Danish: LIX at most 35 (the issue asks for 40), each text counted
 * as a reader meets it (a heading or a label is a sentence of its own).
 */
class HandoutIsReadableTests {

	@Test
	void theHandoutsFixedTextHasALixOfAtMost35() throws IOException {
		var texts = sheetTexts();
		var figures = dk.helhed.support.Lix.of(texts);

		System.out.printf("LIX of the handout's fixed text: %.1f (%d texts, %s)%n", figures.lix(), texts.size(),
				figures);
		assertThat(figures.words()).as("the fixed text measured").isGreaterThan(60);
		assertThat(figures.lix()).isLessThanOrEqualTo(35);
	}

	static List<String> sheetTexts() throws IOException {
		var messages = new Properties();
		try (var in = new InputStreamReader(new ClassPathResource("i18n/messages.properties").getInputStream(),
				StandardCharsets.UTF_8)) {
			messages.load(in);
		}
		return messages.stringPropertyNames()
			.stream()
			.filter(key -> key.startsWith("handout.sheet."))
			.sorted()
			.map(messages::getProperty)
			.toList();
	}
}
