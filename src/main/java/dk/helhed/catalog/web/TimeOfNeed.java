package dk.helhed.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import dk.helhed.platform.SeedFiles.InvalidSeedData;

/**
 * When a search says help is needed ("i nat", "nu", "weekend"), from the phrases in {@code crisis/when.txt}.
 */
@Component
class TimeOfNeed {

	enum When {
		NOW, TONIGHT, WEEKEND
	}

	private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

	private record Phrase(When when, String words) {
	}

	private final List<Phrase> phrases;

	TimeOfNeed(ResourceLoader resources) throws IOException {
		var file = resources.getResource("classpath:crisis/when.txt");
		String text;
		try (InputStream in = file.getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		var found = new ArrayList<Phrase>();
		var number = 0;
		for (var line : text.split("\\R")) {
			number++;
			var content = line.strip();
			if (content.isEmpty() || content.startsWith("#")) {
				continue;
			}
			var colon = content.indexOf(':');
			try {
				var when = When.valueOf(content.substring(0, Math.max(colon, 0)).strip());
				var words = normalised(content.substring(colon + 1));
				if (words.isBlank()) {
					throw new IllegalArgumentException();
				}
				found.add(new Phrase(when, words + " "));
			}
			catch (IllegalArgumentException | StringIndexOutOfBoundsException ex) {
				throw new InvalidSeedData(file.getDescription() + " linje " + number
						+ ": skriv NOW, TONIGHT eller WEEKEND, et kolon og ord");
			}
		}
		this.phrases = List.copyOf(found);
	}

	/** The times a search asks about; a phrase matches whole words ("nu" is not "nummer"). */
	Set<When> of(String query) {
		var text = normalised(query) + " ";
		var wanted = EnumSet.noneOf(When.class);
		for (var phrase : phrases) {
			if (text.contains(phrase.words())) {
				wanted.add(phrase.when());
			}
		}
		return wanted;
	}

	private static String normalised(String text) {
		if (text == null) {
			return "";
		}
		return " " + NOT_A_LETTER.matcher(text.toLowerCase(Locale.forLanguageTag("da"))).replaceAll(" ").strip();
	}
}
