package dk.helhed.plan.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dk.helhed.citizen.InformationCategory;
import dk.helhed.platform.SeedFiles.InvalidSeedData;

/**
 * KL's Fælles Faglige Begreber as the assessment uses them: the themes and sub-themes ("FFB tilstande") and the levels
 * of function. They are data, not code: each version is a pair of files in {@code src/main/resources/plan/}, loaded
 * into the reference tables at start when the database does not have that version yet, and every assessment keeps
 * the version it was made with. A new FFB version is a new pair of files and a new entry in {@link #VERSIONS}.
 */
@Component
public class FfbTerms implements InitializingBean {

	/** The FFB versions the application ships, with the day each applies from. */
	static final Map<String, LocalDate> VERSIONS = Map.of("20240530", LocalDate.of(2024, 5, 30));

	static final String SOURCE = "KL Fælles Faglige Begreber, hl7dk/kl-term CodeSystem-FFB.json";

	public enum Group {
		FUNCTIONS_AND_CONDITIONS, ACTIVITY_AND_PARTICIPATION, ENVIRONMENTAL_FACTORS
	}

	/**
	 * A theme (parent null) or sub-theme.
	 *
	 * @param rated whether FFB rates it with a level (only the group Aktivitet og deltagelse)
	 * @param category the information category a consent or legal basis must cover for another unit to see it
	 */
	public record Theme(UUID code, UUID parent, String name, Group group, boolean rated, InformationCategory category,
			int order) {

		public boolean isSubTheme() {
			return parent != null;
		}
	}

	/** A level of function; score 0-4, none for "Ikke vurderet". */
	public record Level(UUID code, String name, Integer score, int order) {
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final Map<String, Map<UUID, Theme>> themes = new LinkedHashMap<>();
	private final Map<String, Map<UUID, Level>> levels = new LinkedHashMap<>();

	FfbTerms(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		VERSIONS.forEach((version, validFrom) -> {
			var themeRows = read("plan/ffb-themes-" + version + ".csv", 6);
			var levelRows = read("plan/ffb-levels-" + version + ".csv", 3);
			Map<UUID, Theme> versionThemes = new LinkedHashMap<>();
			int order = 0;
			for (var row : themeRows) {
				var theme = new Theme(UUID.fromString(row[0]), row[1].isEmpty() ? null : UUID.fromString(row[1]), row[2],
						Group.valueOf(row[3]), Boolean.parseBoolean(row[4]), InformationCategory.valueOf(row[5]),
						order++);
				if (theme.parent() != null && !versionThemes.containsKey(theme.parent())) {
					throw new InvalidSeedData("FFB " + version + ": " + theme.name() + " names a theme not above it");
				}
				versionThemes.put(theme.code(), theme);
			}
			Map<UUID, Level> versionLevels = new LinkedHashMap<>();
			order = 0;
			for (var row : levelRows) {
				var level = new Level(UUID.fromString(row[0]), row[1], row[2].isEmpty() ? null : Integer.valueOf(row[2]),
						order++);
				versionLevels.put(level.code(), level);
			}
			themes.put(version, versionThemes);
			levels.put(version, versionLevels);
			transactions.executeWithoutResult(status -> store(version, validFrom, versionThemes, versionLevels));
		});
	}

	private void store(String version, LocalDate validFrom, Map<UUID, Theme> versionThemes,
			Map<UUID, Level> versionLevels) {
		boolean present = jdbc.sql("select count(*) from ffb_version where version = ?")
			.param(version)
			.query(Integer.class)
			.single() > 0;
		if (present) {
			return;
		}
		jdbc.sql("insert into ffb_version (version, valid_from, source, loaded_at) values (?, ?, ?, ?)")
			.params(version, validFrom, SOURCE, OffsetDateTime.now(clock))
			.update();
		for (var theme : versionThemes.values()) {
			jdbc.sql("""
					insert into ffb_theme (version, code, parent_code, name, ffb_group, rated, category, sort_order)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(version, theme.code(), theme.parent(), theme.name(), theme.group().name(), theme.rated(),
						theme.category().name(), theme.order())
				.update();
		}
		for (var level : versionLevels.values()) {
			jdbc.sql("insert into ffb_level (version, code, name, score, sort_order) values (?, ?, ?, ?, ?)")
				.params(version, level.code(), level.name(), level.score(), level.order())
				.update();
		}
	}

	static List<String[]> read(String path, int columns) {
		var file = new ClassPathResource(path);
		List<String[]> rows = new ArrayList<>();
		try (var reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
			boolean header = true;
			int number = 0;
			for (String line; (line = reader.readLine()) != null;) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				var cells = line.split(";", -1);
				if (cells.length != columns) {
					throw new InvalidSeedData(path + " linje " + number + ": " + columns + " felter ventet");
				}
				rows.add(cells);
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new InvalidSeedData(path + ": " + ex.getMessage(), ex);
		}
		return rows;
	}

	/** The version new assessments are made with: the latest that applies today. */
	public String currentVersion() {
		var today = LocalDate.now(clock);
		return VERSIONS.entrySet()
			.stream()
			.filter(entry -> !entry.getValue().isAfter(today))
			.max(Map.Entry.comparingByValue())
			.or(() -> VERSIONS.entrySet().stream().min(Map.Entry.comparingByValue()))
			.orElseThrow()
			.getKey();
	}

	public List<Theme> themes(String version) {
		return List.copyOf(themes.get(version).values());
	}

	public List<Theme> subThemesOf(String version, UUID theme) {
		return themes.get(version).values().stream().filter(candidate -> theme.equals(candidate.parent())).toList();
	}

	public Optional<Theme> theme(String version, UUID code) {
		return Optional.ofNullable(themes.get(version).get(code));
	}

	public List<Level> levels(String version) {
		return themes.containsKey(version) ? levels.get(version)
			.values()
			.stream()
			.sorted(Comparator.comparingInt(Level::order))
			.toList() : List.of();
	}

	public Optional<Level> level(String version, UUID code) {
		return code == null ? Optional.empty() : Optional.ofNullable(levels.get(version).get(code));
	}
}
