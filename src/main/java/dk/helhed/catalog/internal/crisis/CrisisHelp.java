package dk.helhed.catalog.internal.crisis;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.Situation;
import dk.helhed.municipality.Municipality;
import dk.helhed.platform.SeedFiles;
import dk.helhed.platform.SeedFiles.InvalidSeedData;

/**
 * Crisis help: the places to turn to (nationally and per municipality, from {@code crisis/help.yaml}) and the words
 * that make a search a crisis ({@code crisis/phrases.txt}). Every line must name the public page that confirms it
 * and the day it was read, or the application does not start: a wrong emergency number is worse than none. Used
 * from the templates as {@code @crisisHelp}.
 */
@Component("crisisHelp")
public class CrisisHelp {

	private static final Pattern PHONE = Pattern.compile("\\+?(?=(?:[0-9] ?){3,12}$)[0-9]+( [0-9]+)*");
	private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

	private final List<CrisisLine> national;
	private final Map<String, List<CrisisLine>> byMunicipality;
	private final List<Phrase> phrases;
	private final URI quickExitUrl;

	public CrisisHelp(CrisisSettings settings, ResourceLoader resources) throws IOException {
		var folder = resources.getResource(settings.location().endsWith("/") ? settings.location()
				: settings.location() + "/");
		var help = folder.createRelative("help.yaml");
		var data = SeedFiles.read(help, HelpFile.class);
		this.national = lines(data.national(), help.getDescription() + ", national");
		Map<String, List<CrisisLine>> municipalities = new LinkedHashMap<>();
		(data.municipalities() == null ? Map.<String, List<Entry>>of() : data.municipalities())
			.forEach((slug, entries) -> municipalities.put(slug, lines(entries, help.getDescription() + ", " + slug)));
		this.byMunicipality = Map.copyOf(municipalities);
		this.phrases = phrases(folder.createRelative("phrases.txt"));
		this.quickExitUrl = settings.quickExitUrl();
		var keys = new HashSet<String>();
		allLines().forEach(line -> {
			if (!keys.add(line.key())) {
				throw new InvalidSeedData(help.getDescription() + ": nøglen " + line.key() + " findes to gange");
			}
		});
	}

	/** The short box on every public page: the lines marked ALWAYS, nationally and for the municipality. */
	public List<CrisisLine> everywhere(Municipality site) {
		var lines = new ArrayList<>(CrisisLine.marked(national, CrisisTopic.ALWAYS));
		lines.addAll(CrisisLine.marked(local(site == null ? null : site.slug()), CrisisTopic.ALWAYS));
		return lines;
	}

	/** The box at the top of the results, when the search is about a crisis. */
	public Optional<CrisisBox> forSearch(String slug, String query) {
		var topics = topicsOf(query);
		if (topics.isEmpty()) {
			return Optional.empty();
		}
		// The lines for the topic first (the violence hotline for violence), then those for every crisis (112).
		var lines = new ArrayList<CrisisLine>();
		var general = new ArrayList<CrisisLine>();
		for (var line : allFor(slug)) {
			if (line.isGeneral()) {
				general.add(line);
			}
			else if (line.isAbout(topics)) {
				lines.add(line);
			}
		}
		lines.addAll(general);
		return Optional.of(new CrisisBox(topics, lines));
	}

	/** What a search is about, by the phrases it contains; empty when it is not about a crisis. */
	public Set<CrisisTopic> topicsOf(String query) {
		var text = normalised(query);
		var topics = EnumSet.noneOf(CrisisTopic.class);
		if (text.isBlank()) {
			return topics;
		}
		for (var phrase : phrases) {
			if (text.contains(phrase.words())) {
				topics.add(phrase.topic());
			}
		}
		return topics;
	}

	/** Pages about violence get "Forlad siden hurtigt". */
	public boolean isAboutViolence(Service service) {
		return service.situations().contains(Situation.VIOLENCE)
				|| service.situations().contains(Situation.SEXUAL_ABUSE);
	}

	public URI quickExitUrl() {
		return quickExitUrl;
	}

	/** Every line, nationally and of every municipality. */
	public List<CrisisLine> allLines() {
		var all = new ArrayList<>(national);
		byMunicipality.values().forEach(all::addAll);
		return all;
	}

	private List<CrisisLine> allFor(String slug) {
		var lines = new ArrayList<>(national);
		lines.addAll(local(slug));
		return lines;
	}

	private List<CrisisLine> local(String slug) {
		return slug == null ? List.of() : byMunicipality.getOrDefault(slug, List.of());
	}

	/** Lower case words separated by one space, with a space in front, so that a phrase matches from a word's start. */
	private static String normalised(String text) {
		if (text == null) {
			return "";
		}
		return " " + NOT_A_LETTER.matcher(text.toLowerCase(Locale.forLanguageTag("da"))).replaceAll(" ").strip();
	}

	static List<CrisisLine> lines(List<Entry> entries, String where) {
		if (entries == null) {
			return List.of();
		}
		var lines = new ArrayList<CrisisLine>();
		for (var entry : entries) {
			lines.add(entry.toLine(where));
		}
		return List.copyOf(lines);
	}

	private static List<Phrase> phrases(Resource file) throws IOException {
		var phrases = new ArrayList<Phrase>();
		String text;
		try (InputStream in = file.getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		var number = 0;
		for (var line : text.split("\\R")) {
			number++;
			var content = line.strip();
			if (content.isEmpty() || content.startsWith("#")) {
				continue;
			}
			var colon = content.indexOf(':');
			var where = file.getDescription() + " linje " + number;
			if (colon < 0) {
				throw new InvalidSeedData(where + ": skriv EMNE: ord, fx SUICIDE: selvmord");
			}
			CrisisTopic topic;
			try {
				topic = CrisisTopic.valueOf(content.substring(0, colon).strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidSeedData(where + ": ukendt emne " + content.substring(0, colon).strip());
			}
			var words = normalised(content.substring(colon + 1));
			if (topic == CrisisTopic.ALWAYS || words.isBlank()) {
				throw new InvalidSeedData(where + ": emnet skal være SUICIDE, VIOLENCE, OVERDOSE eller HOMELESSNESS"
						+ " og efterfulgt af ord");
			}
			phrases.add(new Phrase(topic, words));
		}
		return List.copyOf(phrases);
	}

	private record Phrase(CrisisTopic topic, String words) {
	}

	record HelpFile(List<Entry> national, Map<String, List<Entry>> municipalities) {
	}

	record Entry(String key, String name, String phone, String text, String hours, List<CrisisTopic> topics,
			String source, LocalDate checked) {

		CrisisLine toLine(String where) {
			var here = where + ", " + (key == null ? "uden nøgle" : key);
			if (blank(key) || blank(name) || blank(text)) {
				throw new InvalidSeedData(here + ": key, name og text skal udfyldes");
			}
			if (topics == null || topics.isEmpty()) {
				throw new InvalidSeedData(here + ": topics mangler");
			}
			if (blank(source)) {
				throw new InvalidSeedData(here + ": source mangler: skriv adressen på den offentlige side, der bekræfter"
						+ " oplysningen");
			}
			URI uri;
			try {
				uri = URI.create(source.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidSeedData(here + ": source er ikke en gyldig adresse: " + source);
			}
			if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
				throw new InvalidSeedData(here + ": source skal være en adresse på nettet (https://…)");
			}
			if (checked == null) {
				throw new InvalidSeedData(here + ": checked mangler: skriv datoen, kilden blev læst");
			}
			if (phone != null && !PHONE.matcher(phone.strip()).matches()) {
				throw new InvalidSeedData(here + ": phone skal være cifre med mellemrum, fx 70 201 201");
			}
			return new CrisisLine(key, name.strip(), phone == null ? null : phone.strip(), text.strip(),
					hours == null ? null : hours.strip(), Set.copyOf(topics), uri, checked);
		}

		private static boolean blank(String value) {
			return value == null || value.isBlank();
		}
	}
}
