package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.Charge;
import dk.helhed.catalog.Situation;
import dk.helhed.catalog.internal.editions.Edition;
import dk.helhed.municipality.PartnerOrganisation;

/**
 * No template asks for a text that is not there, in Danish or in English: a missing key shows as "??day.null_da??"
 * (which is what the opening-hours editor once said for every weekday). Literal keys are looked up as written; a key
 * built from a value ({@code #{'day.' + ${...}}}) must be declared below with every value it can take, so a new kind
 * of built key cannot slip past.
 */
class MessageKeysTests {

	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)");
	private static final Pattern BUILT_KEY = Pattern.compile("#\\{'([A-Za-z0-9_.-]+)'\\s*\\+");
	private static final Pattern EXPRESSION_KEY = Pattern.compile("#\\{\\$\\{([A-Za-z]+)\\}");

	/** Every key a template builds from a value: its prefix and every value that can follow it. */
	private static final Map<String, List<String>> BUILT = Map.ofEntries(
			Map.entry("access.", names(AccessMode.values())),
			Map.entry("access.short.", names(AccessMode.values())),
			Map.entry("catalog.access.", CatalogFilter.accessKeys()),
			Map.entry("charge.", names(Charge.values())),
			Map.entry("day.", names(DayOfWeek.values())),
			Map.entry("editions.origin.", names(Edition.Origin.values())),
			Map.entry("focusarea.plural.", List.of("indsatsområde", "tema", "fokusområde")),
			Map.entry("partner.", names(PartnerOrganisation.Kind.values())),
			Map.entry("situation.", names(Situation.values())),
			Map.entry("dialog.body.kind.", names(dk.helhed.participation.internal.Body.Kind.values())),
			Map.entry("dialog.member.", names(dk.helhed.participation.internal.Body.Member.Role.values())),
			Map.entry("dialog.held.", names(dk.helhed.participation.internal.PersonalData.Kind.values())),
			Map.entry("dialog.mode.", names(dk.helhed.participation.internal.Meeting.Mode.values())),
			Map.entry("dialog.kind.", names(dk.helhed.participation.internal.Proposal.Kind.values())));

	/**
	 * Keys a template takes whole from the model (#{${message}}); the code that sets them is checked by the page
	 * tests that show them.
	 */
	private static final Set<String> FROM_THE_MODEL = Set.of("message", "loginError");

	@Test
	void everyKeyATemplateAsksForIsThereInDanishAndInEnglish() throws IOException {
		var danish = load("i18n/messages.properties");
		var english = load("i18n/messages_en.properties");
		var missing = new TreeSet<String>();
		var asked = 0;
		for (var template : templates()) {
			var text = read(template);
			var name = template.getFilename();
			for (var key : matches(LITERAL_KEY, text)) {
				asked++;
				check(key, name, danish, english, missing);
			}
			for (var prefix : matches(BUILT_KEY, text)) {
				var values = BUILT.get(prefix);
				if (values == null) {
					missing.add(name + ": #{'" + prefix + "' + …} is not declared in MessageKeysTests.BUILT");
					continue;
				}
				for (var value : values) {
					asked++;
					check(prefix + value, name, danish, english, missing);
				}
			}
			for (var variable : matches(EXPRESSION_KEY, text)) {
				if (!FROM_THE_MODEL.contains(variable)) {
					missing.add(name + ": #{${" + variable + "}} is not declared in MessageKeysTests.FROM_THE_MODEL");
				}
			}
		}
		System.out.println("Tekster: " + asked + " opslag i " + templates().size() + " skabeloner, " + danish.size()
				+ " nøgler på dansk, " + english.size() + " på engelsk");
		assertThat(missing).as("missing message keys").isEmpty();
	}

	@Test
	void danishAndEnglishHaveTheSameKeys() throws IOException {
		var danish = load("i18n/messages.properties").stringPropertyNames();
		var english = load("i18n/messages_en.properties").stringPropertyNames();
		assertThat(new TreeSet<>(english)).as("keys only in Danish or only in English")
			.containsExactlyElementsOf(new TreeSet<>(danish));
	}

	@Test
	void theCheckFindsAMissingKey() {
		var missing = new TreeSet<String>();
		var danish = new Properties();
		danish.setProperty("day.MONDAY", "mandag");
		check("day.null", "service-form.html", danish, danish, missing);
		check("day.MONDAY", "service-form.html", danish, danish, missing);
		assertThat(missing).containsExactly("service-form.html: day.null missing in Danish",
				"service-form.html: day.null missing in English");
		assertThat(matches(BUILT_KEY, "th:text=\"#{'day.' + ${dayNames.get(day)}}\"")).containsExactly("day.");
		assertThat(matches(LITERAL_KEY, "#{crisis.title} #{service.age.min(${x})}"))
			.containsExactly("crisis.title", "service.age.min");
	}

	private static void check(String key, String template, Properties danish, Properties english,
			Set<String> missing) {
		if (!danish.containsKey(key)) {
			missing.add(template + ": " + key + " missing in Danish");
		}
		if (!english.containsKey(key)) {
			missing.add(template + ": " + key + " missing in English");
		}
	}

	private static List<String> matches(Pattern pattern, String text) {
		var found = new ArrayList<String>();
		var matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static List<Resource> templates() throws IOException {
		return Arrays.asList(new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html"));
	}

	private static String read(Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** A language's texts: every bundle the application reads (spring.messages.basename), in that language. */
	private static Properties load(String path) throws IOException {
		var properties = new Properties();
		for (var bundle : List.of(path, path.replace("messages", "participation"))) {
			try (var in = new InputStreamReader(MessageKeysTests.class.getClassLoader().getResourceAsStream(bundle),
					StandardCharsets.UTF_8)) {
				properties.load(in);
			}
		}
		return properties;
	}

	private static List<String> names(Enum<?>[] values) {
		return Stream.of(values).map(Enum::name).toList();
	}
}
