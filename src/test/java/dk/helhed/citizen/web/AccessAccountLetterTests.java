package dk.helhed.citizen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.helhed.support.Lix;

/**
 * The fixed text of the citizen's access account, the letter the data-protection officer gives the citizen, is
 * plain Danish: LIX at most 35, measured on the letter as it is rendered with nothing in it but its fixed text.
 */
class AccessAccountLetterTests {

	@Test
	void theLettersFixedTextIsPlainDanish() {
		var engine = new org.thymeleaf.spring6.SpringTemplateEngine();
		var resolver = new org.thymeleaf.templateresolver.ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setCharacterEncoding("UTF-8");
		engine.setTemplateResolver(resolver);
		var model = new HashMap<String, Object>();
		model.put("letter", AccessLetter.of(List.of(), Labels.DANISH_LABELS));
		model.put("maskedCpr", "010190-xxxx");
		model.put("producedOn", LocalDate.of(2026, 12, 1));
		model.put("municipality", "Aabenraa Kommune");
		model.put("labels", Labels.DANISH_LABELS);
		var html = engine.process("citizen/access-account-pdf", new org.thymeleaf.context.Context(java.util.Locale.of("da"),
				model));

		var body = html.substring(html.indexOf("<body"));
		var text = body.replaceAll("(?s)<!--.*?-->", " ").replaceAll("<[^>]+>", " ").replace("&nbsp;", " ")
			.replaceAll("\\s+", " ").strip();
		var lix = Lix.of(text);
		System.out.printf("LIX of the access account's fixed text: %.1f (%d words)%n", lix, Lix.words(text));
		assertThat(text).contains("Dine rettigheder", "Datatilsynet", "Hvis du vil klage");
		assertThat(lix).as("LIX of: " + text).isLessThanOrEqualTo(35.0);
	}
}
