package dk.helhed.municipality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A municipality's strategy for its work with socially vulnerable adults.
 */
public record Strategy(UUID id, UUID municipalityId, String title, String subtitle, LocalDate adopted,
		Integer periodFrom, Integer periodTo, String summary, String vision, String targetGroup,
		Integer targetGroupMinAge, Integer targetGroupMaxAge, String focusAreaLabel, List<Value> values,
		List<FocusArea> focusAreas, List<RelatedPolicy> relatedPolicies) {

	public record Value(String name, String description) {
	}

	public record RelatedPolicy(String name, String url) {
	}

	/**
	 * A focus area (indsatsområde, tema, fokusområde) or, below one, a track (spor).
	 */
	public record FocusArea(UUID id, String key, String name, String summary, List<String> commitments,
			List<String> partners, List<FocusArea> tracks, List<Target> targets) {
	}

	/**
	 * A measurable target: an indicator, where it started, where it should be and by when.
	 */
	public record Target(UUID id, String key, String name, String indicator, String unit, BigDecimal baselineValue,
			Integer baselineYear, String baselineNote, BigDecimal targetValue, Direction direction, LocalDate deadline) {

		public enum Direction {
			DECREASE, INCREASE, MAINTAIN
		}
	}

	/** Focus areas and their tracks, in order. */
	public List<FocusArea> allFocusAreas() {
		return focusAreas.stream()
			.<FocusArea>mapMulti((area, sink) -> {
				sink.accept(area);
				area.tracks().forEach(sink);
			})
			.toList();
	}

	public List<Target> targets() {
		return allFocusAreas().stream().flatMap(area -> area.targets().stream()).toList();
	}
}
