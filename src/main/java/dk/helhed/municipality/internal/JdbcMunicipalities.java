package dk.helhed.municipality.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
