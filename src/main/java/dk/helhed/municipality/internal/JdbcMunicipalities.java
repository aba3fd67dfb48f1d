package dk.helhed.municipality.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.municipality.Municipalities;
import dk.helhed.municipality.Municipality;
import dk.helhed.municipality.OrganisationalUnit;
import dk.helhed.municipality.PartnerOrganisation;
import dk.helhed.municipality.Strategy;
import dk.helhed.municipality.Strategy.FocusArea;
import dk.helhed.municipality.Strategy.Target;
import dk.helhed.platform.Keys;

@Service
@Transactional(readOnly = true)
class JdbcMunicipalities implements Municipalities {

	private final JdbcClient jdbc;

	JdbcMunicipalities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Municipality> all() {
		return jdbc.sql("select id, slug, name, short_name, address, website from municipality order by name")
			.query(Municipality.class)
			.list();
	}

	@Override
	public Optional<Municipality> findBySlug(String slug) {
		if (slug == null || slug.length() > 60) {
			return Optional.empty();
		}
		return jdbc.sql("select id, slug, name, short_name, address, website from municipality where slug = ?")
			.param(slug)
			.query(Municipality.class)
			.optional();
	}

	@Override
	public Optional<Municipality> findById(UUID id) {
		return jdbc.sql("select id, slug, name, short_name, address, website from municipality where id = ?")
			.param(id)
			.query(Municipality.class)
			.optional();
	}

	@Override
	public List<OrganisationalUnit> unitsOf(UUID municipalityId) {
		return jdbc.sql("""
				select id, municipality_id, unit_key as "key", name, parent_id, description
				from organisational_unit where municipality_id = ? order by position""")
			.param(municipalityId)
			.query(OrganisationalUnit.class)
			.list();
	}

	@Override
	public List<PartnerOrganisation> partnersOf(UUID municipalityId) {
		return jdbc.sql("""
				select id, municipality_id, partner_key as "key", name, kind, description, website
				from partner_organisation where municipality_id = ? order by position""")
			.param(municipalityId)
			.query(PartnerOrganisation.class)
			.list();
	}

	@Override
	@Transactional
	public PartnerOrganisation addPartner(UUID municipalityId, UUID id, String name, PartnerOrganisation.Kind kind,
			String description, String website) {
		if (name == null || name.isBlank() || name.length() > 200 || kind == null
				|| (description != null && description.length() > 2000)
				|| (website != null && website.length() > 500)) {
			throw new IllegalArgumentException("A partner needs a name of at most 200 characters and a kind");
		}
		var taken = jdbc.sql("select partner_key from partner_organisation where municipality_id = ?")
			.param(municipalityId)
			.query(String.class)
			.set();
		var key = Keys.unique(name, "partner", taken);
		var position = jdbc
			.sql("select coalesce(max(position), -1) + 1 from partner_organisation where municipality_id = ?")
			.param(municipalityId)
			.query(Integer.class)
			.single();
		jdbc.sql("""
				insert into partner_organisation (id, municipality_id, partner_key, name, kind, description, website,
				                                  position)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, municipalityId, key, name.strip(), kind.name(), description, website, position)
			.update();
		return new PartnerOrganisation(id, municipalityId, key, name.strip(), kind, description, website);
	}

	@Override
	@Transactional
	public FocusArea addFocusArea(UUID municipalityId, UUID id, String key, String name, String summary) {
		var strategyId = jdbc.sql("select id from strategy where municipality_id = ?")
			.param(municipalityId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("The municipality has no strategy"));
		var taken = jdbc.sql("select count(*) from focus_area where municipality_id = ? and area_key = ?")
			.params(municipalityId, key)
			.query(Integer.class)
			.single() > 0;
		if (taken || name == null || name.isBlank() || name.length() > 200 || key == null || key.length() > 80) {
			throw new IllegalArgumentException("The focus area needs a free key and a name of at most 200 characters");
		}
		var position = jdbc.sql("select coalesce(max(position), -1) + 1 from focus_area where municipality_id = ?")
			.param(municipalityId)
			.query(Integer.class)
			.single();
		jdbc.sql("""
				insert into focus_area (id, municipality_id, strategy_id, parent_id, area_key, position, name, summary)
				values (?, ?, ?, null, ?, ?, ?, ?)""")
			.params(id, municipalityId, strategyId, key, position, name, summary)
			.update();
		return new FocusArea(id, key, name, summary, List.of(), List.of(), List.of(), List.of());
	}


	@Override
	public Optional<Strategy> strategyOf(UUID municipalityId) {
		record StrategyRow(UUID id, String title, String subtitle, LocalDate adopted, Integer periodFrom,
				Integer periodTo, String summary, String vision, String targetGroup, Integer targetGroupMinAge,
				Integer targetGroupMaxAge, String focusAreaLabel) {
		}
		var row = jdbc.sql("""
				select id, title, subtitle, adopted, period_from, period_to, summary, vision, target_group,
				       target_group_min_age, target_group_max_age, focus_area_label
				from strategy where municipality_id = ?""")
			.param(municipalityId)
			.query(StrategyRow.class)
			.optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		var strategy = row.get();
		var values = jdbc.sql("""
				select name, description from strategy_value
				where municipality_id = ? and strategy_id = ? order by position""")
			.params(municipalityId, strategy.id())
			.query(Strategy.Value.class)
			.list();
		var policies = jdbc.sql("""
				select name, url from related_policy
				where municipality_id = ? and strategy_id = ? order by position""")
			.params(municipalityId, strategy.id())
			.query(Strategy.RelatedPolicy.class)
			.list();
		return Optional.of(new Strategy(strategy.id(), municipalityId, strategy.title(), strategy.subtitle(),
				strategy.adopted(), strategy.periodFrom(), strategy.periodTo(), strategy.summary(), strategy.vision(),
				strategy.targetGroup(), strategy.targetGroupMinAge(), strategy.targetGroupMaxAge(),
				strategy.focusAreaLabel(), values, focusAreas(strategy.id(), municipalityId), policies));
	}

	private List<FocusArea> focusAreas(UUID strategyId, UUID municipalityId) {
		record AreaRow(UUID id, UUID parentId, String key, String name, String summary) {
		}
		record TextRow(UUID focusAreaId, String text) {
		}
		record TargetRow(UUID focusAreaId, UUID id, String key, String name, String indicator, String unit,
				BigDecimal baselineValue, Integer baselineYear, String baselineNote,
				BigDecimal targetValue, Target.Direction direction, LocalDate deadline) {
		}
		var areas = jdbc.sql("""
				select id, parent_id, area_key as "key", name, summary from focus_area
				where municipality_id = ? and strategy_id = ? order by position""")
			.params(municipalityId, strategyId)
			.query(AreaRow.class)
			.list();
		var commitments = group(jdbc.sql("""
				select focus_area_id, text from focus_area_commitment where municipality_id = ? order by position""")
			.param(municipalityId)
			.query(TextRow.class)
			.list(), TextRow::focusAreaId, TextRow::text);
		var partners = group(jdbc.sql("""
				select focus_area_id, text from focus_area_partner where municipality_id = ? order by position""")
			.param(municipalityId)
			.query(TextRow.class)
			.list(), TextRow::focusAreaId, TextRow::text);
		var targets = group(jdbc.sql("""
				select focus_area_id, id, target_key as "key", name, indicator, unit, baseline_value, baseline_year,
				       baseline_note, target_value, direction, deadline
				from strategy_target where municipality_id = ? order by position""")
			.param(municipalityId)
			.query(TargetRow.class)
			.list(), TargetRow::focusAreaId,
				t -> new Target(t.id(), t.key(), t.name(), t.indicator(), t.unit(), t.baselineValue(),
						t.baselineYear(), t.baselineNote(), t.targetValue(), t.direction(), t.deadline()));

		Map<UUID, List<FocusArea>> tracksByParent = new LinkedHashMap<>();
		for (var area : areas) {
			if (area.parentId() != null) {
				tracksByParent.computeIfAbsent(area.parentId(), id -> new ArrayList<>())
					.add(new FocusArea(area.id(), area.key(), area.name(), area.summary(),
							commitments.getOrDefault(area.id(), List.of()), partners.getOrDefault(area.id(), List.of()),
							List.of(), targets.getOrDefault(area.id(), List.of())));
			}
		}
		return areas.stream()
			.filter(area -> area.parentId() == null)
			.map(area -> new FocusArea(area.id(), area.key(), area.name(), area.summary(),
					commitments.getOrDefault(area.id(), List.of()), partners.getOrDefault(area.id(), List.of()),
					tracksByParent.getOrDefault(area.id(), List.of()), targets.getOrDefault(area.id(), List.of())))
			.toList();
	}

	private static <R, V> Map<UUID, List<V>> group(List<R> rows, Function<R, UUID> key,
			Function<R, V> value) {
		Map<UUID, List<V>> grouped = new LinkedHashMap<>();
		rows.forEach(row -> grouped.computeIfAbsent(key.apply(row), id -> new ArrayList<>()).add(value.apply(row)));
		return grouped;
	}
}
