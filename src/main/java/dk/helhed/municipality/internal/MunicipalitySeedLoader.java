package dk.helhed.municipality.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dk.helhed.municipality.MunicipalitySeeded;
import dk.helhed.municipality.internal.MunicipalitySeed.FocusAreaEntry;
import dk.helhed.platform.DeterministicIds;
import dk.helhed.platform.SeedFiles;
import dk.helhed.platform.SeedFiles.InvalidSeedData;

/**
 * Loads every seed municipality that is not yet in the database, each in one transaction together with the parts
 * other modules load from the same folder (see {@link MunicipalitySeeded}).
 */
@Component
@Order(10)
class MunicipalitySeedLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MunicipalitySeedLoader.class);

	private final SeedSettings settings;
	private final ResourcePatternResolver resources;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	MunicipalitySeedLoader(SeedSettings settings, ResourcePatternResolver resources, JdbcClient jdbc,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.settings = settings;
		this.resources = resources;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!settings.enabled()) {
			return;
		}
		var files = resources.getResources(settings.location() + "/*/municipality.yaml");
		Arrays.sort(files, Comparator.comparing(Resource::getDescription));
		for (var file : files) {
			var seed = SeedFiles.read(file, MunicipalitySeed.class);
			validate(seed, file);
			var slug = seed.municipality().slug();
			boolean present = jdbc.sql("select count(*) from municipality where slug = ?")
				.param(slug)
				.query(Integer.class)
				.single() > 0;
			if (present) {
				continue;
			}
			var folder = file.createRelative("./");
			transactions.executeWithoutResult(status -> {
				var id = insert(seed);
				events.publishEvent(new MunicipalitySeeded(id, slug, folder));
			});
			log.info("Loaded municipality {} from {}", slug, file.getDescription());
		}
	}

	private void validate(MunicipalitySeed seed, Resource file) {
		List<String> problems = new ArrayList<>();
		var municipality = seed.municipality();
		if (municipality == null || blank(municipality.slug()) || blank(municipality.name())) {
			throw new InvalidSeedData(file.getDescription() + ": municipality.slug og municipality.name skal udfyldes");
		}
		if (!municipality.slug().matches("[a-z0-9-]{2,60}")) {
			problems.add("municipality.slug må kun indeholde a-z, 0-9 og bindestreg");
		}
		Set<String> unitKeys = new HashSet<>();
		seed.units().forEach(unit -> {
			if (blank(unit.key()) || blank(unit.name()) || !unitKeys.add(unit.key())) {
				problems.add("enhed uden nøgle/navn eller med dobbelt nøgle: " + unit.key());
			}
		});
		seed.units().forEach(unit -> {
			if (unit.parent() != null && !unitKeys.contains(unit.parent())) {
				problems.add("enhed " + unit.key() + " har ukendt overordnet enhed " + unit.parent());
			}
		});
		problems.addAll(SeedContactPhones.problems(seed));
		Set<String> partnerKeys = new HashSet<>();
		seed.partners().forEach(partner -> {
			if (blank(partner.key()) || blank(partner.name()) || partner.kind() == null
					|| !partnerKeys.add(partner.key())) {
				problems.add("samarbejdspartner uden nøgle/navn/type eller med dobbelt nøgle: " + partner.key());
			}
		});
		var strategy = seed.strategy();
		if (strategy != null) {
			if (blank(strategy.title()) || blank(strategy.focusAreaLabel())) {
				problems.add("strategy.title og strategy.focusAreaLabel skal udfyldes");
			}
			Set<String> areaKeys = new HashSet<>();
			Set<String> targetKeys = new HashSet<>();
			strategy.focusAreas().forEach(area -> validateArea(area, areaKeys, targetKeys, problems));
		}
		if (!problems.isEmpty()) {
			throw new InvalidSeedData(file.getDescription() + ":\n - " + String.join("\n - ", problems));
		}
	}

	private void validateArea(FocusAreaEntry area, Set<String> areaKeys, Set<String> targetKeys, List<String> problems) {
		if (blank(area.key()) || blank(area.name()) || !areaKeys.add(area.key())) {
			problems.add("indsatsområde uden nøgle/navn eller med dobbelt nøgle: " + area.key());
		}
		area.targets().forEach(target -> {
			if (blank(target.key()) || blank(target.name()) || blank(target.indicator()) || target.direction() == null
					|| !targetKeys.add(target.key())) {
				problems.add("mål uden nøgle/navn/indikator/retning eller med dobbelt nøgle: " + target.key());
			}
		});
		area.tracks().forEach(track -> validateArea(track, areaKeys, targetKeys, problems));
	}

	private UUID insert(MunicipalitySeed seed) {
		var entry = seed.municipality();
		var slug = entry.slug();
		var id = DeterministicIds.of("municipality", slug);
		jdbc.sql("""
				insert into municipality (id, municipality_id, slug, name, short_name, address, website, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, id, slug, entry.name(), entry.shortName() == null ? entry.name() : entry.shortName(),
					entry.address(), entry.website(), OffsetDateTime.now(clock))
			.update();

		Map<String, UUID> units = new HashMap<>();
		seed.units().forEach(unit -> units.put(unit.key(), DeterministicIds.of(slug, "unit", unit.key())));
		// Parents first, so that the foreign key to the parent is always satisfied.
		List<MunicipalitySeed.UnitEntry> ordered = new ArrayList<>();
		Set<String> placed = new HashSet<>();
		while (ordered.size() < seed.units().size()) {
			int before = ordered.size();
			for (var unit : seed.units()) {
				if (!placed.contains(unit.key()) && (unit.parent() == null || placed.contains(unit.parent()))) {
					ordered.add(unit);
					placed.add(unit.key());
				}
			}
			if (ordered.size() == before) {
				throw new InvalidSeedData(slug + ": enhederne danner en ring af overordnede enheder");
			}
		}
		for (var unit : ordered) {
			jdbc.sql("""
					insert into organisational_unit (id, municipality_id, unit_key, name, parent_id, description, position)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(units.get(unit.key()), id, unit.key(), unit.name(),
						unit.parent() == null ? null : units.get(unit.parent()), unit.description(),
						seed.units().indexOf(unit))
				.update();
		}
		int position = 0;
		for (var partner : seed.partners()) {
			jdbc.sql("""
					insert into partner_organisation (id, municipality_id, partner_key, name, kind, description, website, position)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(DeterministicIds.of(slug, "partner", partner.key()), id, partner.key(), partner.name(),
						partner.kind().name(), partner.description(), partner.website(), position++)
				.update();
		}
		if (seed.strategy() != null) {
			insertStrategy(id, slug, seed.strategy());
		}
		return id;
	}

	private void insertStrategy(UUID municipalityId, String slug, MunicipalitySeed.StrategyEntry strategy) {
		var strategyId = DeterministicIds.of(slug, "strategy");
		jdbc.sql("""
				insert into strategy (id, municipality_id, title, subtitle, adopted, period_from, period_to, summary,
				                      vision, target_group, target_group_min_age, target_group_max_age, focus_area_label)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(strategyId, municipalityId, strategy.title(), strategy.subtitle(), strategy.adopted(),
					strategy.periodFrom(), strategy.periodTo(), strategy.summary(), strategy.vision(),
					strategy.targetGroup(), strategy.targetGroupMinAge(), strategy.targetGroupMaxAge(),
					strategy.focusAreaLabel())
			.update();
		int position = 0;
		for (var value : strategy.values()) {
			jdbc.sql("""
					insert into strategy_value (id, municipality_id, strategy_id, position, name, description)
					values (?, ?, ?, ?, ?, ?)""")
				.params(DeterministicIds.of(slug, "value", String.valueOf(position)), municipalityId, strategyId,
						position++, value.name(), value.description())
				.update();
		}
		position = 0;
		for (var policy : strategy.relatedPolicies()) {
			jdbc.sql("""
					insert into related_policy (id, municipality_id, strategy_id, position, name, url)
					values (?, ?, ?, ?, ?, ?)""")
				.params(DeterministicIds.of(slug, "policy", String.valueOf(position)), municipalityId, strategyId,
						position++, policy.name(), policy.url())
				.update();
		}
		int[] areaPosition = { 0 };
		int[] targetPosition = { 0 };
		for (var area : strategy.focusAreas()) {
			insertArea(municipalityId, slug, strategyId, null, area, areaPosition, targetPosition);
		}
	}

	private void insertArea(UUID municipalityId, String slug, UUID strategyId, UUID parentId, FocusAreaEntry area,
			int[] areaPosition, int[] targetPosition) {
		var areaId = DeterministicIds.of(slug, "focus-area", area.key());
		jdbc.sql("""
				insert into focus_area (id, municipality_id, strategy_id, parent_id, area_key, position, name, summary)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(areaId, municipalityId, strategyId, parentId, area.key(), areaPosition[0]++, area.name(),
					area.summary())
			.update();
		insertTexts("focus_area_commitment", municipalityId, slug, areaId, area.key() + "/commitment",
				area.commitments());
		insertTexts("focus_area_partner", municipalityId, slug, areaId, area.key() + "/partner", area.partners());
		for (var target : area.targets()) {
			jdbc.sql("""
					insert into strategy_target (id, municipality_id, focus_area_id, target_key, position, name, indicator,
					                             unit, baseline_value, baseline_year, baseline_note, target_value,
					                             direction, deadline)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(DeterministicIds.of(slug, "target", target.key()), municipalityId, areaId, target.key(),
						targetPosition[0]++, target.name(), target.indicator(), target.unit(), target.baselineValue(),
						target.baselineYear(), target.baselineNote(), target.targetValue(), target.direction().name(),
						target.deadline())
				.update();
		}
		for (var track : area.tracks()) {
			insertArea(municipalityId, slug, strategyId, areaId, track, areaPosition, targetPosition);
		}
	}

	private void insertTexts(String table, UUID municipalityId, String slug, UUID areaId, String idPrefix,
			List<String> texts) {
		for (int position = 0; position < texts.size(); position++) {
			jdbc.sql("insert into " + table + " (id, municipality_id, focus_area_id, position, text) values (?, ?, ?, ?, ?)")
				.params(DeterministicIds.of(slug, idPrefix, String.valueOf(position)), municipalityId, areaId, position,
						texts.get(position))
				.update();
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
