package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dk.helhed.catalog.internal.Catalogs;

/**
 * Plain words for people who may be in crisis: the LIX of every citizen-facing page, printed, and at most 35.
 * Run with {@code -Dlix.dump=/some/folder} to write each page's measured text there, to see what makes a page hard.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlainWordsTests {

	static final double MAXIMUM = 35;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalogs catalogs;

	@Test
	void theMeasureIsLix() {
		// 10 words, 2 sentences, 3 long words (kommunen, værested, hjemløse): 10 / 2 + 100 * 3 / 10 = 35
		var figure = Lix.ofText("Kommunen har et værested. Hjemløse kan komme her hver dag.");
		assertThat(figure.words()).isEqualTo(10);
		assertThat(figure.sentences()).isEqualTo(2);
		assertThat(figure.longWords()).isEqualTo(3);
		assertThat(figure.lix()).isCloseTo(35.0, org.assertj.core.data.Offset.offset(0.01));
		assertThat(Lix.ofPage("<main><h1>Akut hjælp</h1><p>Ring 112.</p></main><footer>Udenforstående</footer>")
			.words()).as("numbers are not words").isEqualTo(3);
	}

	@Test
	void everyCitizenFacingPageReadsAtLix35OrLess() throws Exception {
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("/", "Forsiden");
		for (var slug : List.of("aabenraa", "aarhus", "ballerup")) {
			pages.put("/" + slug, "Forside, " + slug);
		}
		pages.put("/tilgaengelighed", "Tilgængelighedserklæring");
		pages.put("/privatliv", "Privatliv");
		catalogs.of("aabenraa").services().forEach(s -> pages.put("/aabenraa/indsatser/" + s.key(), s.name()));
		var tooHard = new ArrayList<String>();
		var sum = 0.0;
		for (var page : pages.entrySet()) {
			var html = mvc.perform(get(page.getKey()).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			var figure = Lix.ofPage(html);
			dump(page.getKey(), html);
			sum += figure.lix();
			System.out.printf("LIX %5.1f  %4d ord  %3d sætninger  %-45s %s%n", figure.lix(), figure.words(),
					figure.sentences(), page.getValue(), page.getKey());
			if (figure.lix() > MAXIMUM) {
				tooHard.add(page.getKey() + " (LIX " + Math.round(figure.lix()) + ")");
			}
		}
		System.out.printf("LIX: %d sider, gennemsnit %.1f, %d over %.0f%n", pages.size(), sum / pages.size(),
				tooHard.size(), MAXIMUM);
		assertThat(tooHard).as("pages above LIX " + MAXIMUM).isEmpty();
	}

	/** With {@code -Dlix.dump=folder}, the measured text of each page goes to a file there, for rewriting. */
	private static void dump(String path, String html) throws IOException {
		var folder = System.getProperty("lix.dump");
		if (folder == null) {
			return;
		}
		var file = Path.of(folder, (path.equals("/") ? "forside" : path.substring(1).replace('/', '_')) + ".txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, Lix.mainTextOf(html));
	}
}
