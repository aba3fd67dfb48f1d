package dk.helhed.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.helhed.catalog.Service;

/**
 * A service's content as named fields with readable values, for the field-by-field history, the review of proposed
 * changes and conflict messages. Values refer to units, partners and focus areas by name, not by id.
 */
public final class ServiceFields {

	/** One field that differs between two versions of a service. */
	public record FieldChange(String field, String previous, String replacement) {
	}

	private ServiceFields() {
	}

	public static Map<String, String> of(Service.Content content, Function<UUID, String> names) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", content.name());
		fields.put("summary", content.summary());
		fields.put("description", content.description());
		fields.put("focus_areas", join(content.focusAreaIds().stream().map(names).toList()));
		fields.put("owning_unit", content.owningUnitId() == null ? null : names.apply(content.owningUnitId()));
		fields.put("provider", content.providerId() == null ? null : names.apply(content.providerId()));
		fields.put("partners", join(content.partnerIds().stream().map(names).sorted().toList()));
		fields.put("access_mode", content.accessMode() == null ? null : content.accessMode().name());
		fields.put("deciding_unit", content.decidingUnitId() == null ? null : names.apply(content.decidingUnitId()));
		fields.put("first_step", content.firstStep());
		fields.put("target_group", content.targetGroup());
		fields.put("minimum_age", text(content.minimumAge()));
		fields.put("maximum_age", text(content.maximumAge()));
		fields.put("situations", join(content.situations().stream().sorted().map(Enum::name).toList()));
		fields.put("charge", content.charge() == null ? null : content.charge().name());
		fields.put("location_name", content.locationName());
		fields.put("street", content.street());
		fields.put("postal_code", content.postalCode());
		fields.put("city", content.city());
		fields.put("schedules", join(content.schedules().stream()
			.map(s -> s.days() + " " + text(s.opensAt()) + "-" + text(s.closesAt())
					+ (s.description() == null ? "" : " " + s.description()))
			.toList()));
		fields.put("schedule_note", content.scheduleNote());
		fields.put("phone", content.phone());
		fields.put("email", content.email());
		fields.put("url", content.url());
		fields.put("legal_basis", content.legalBasis());
		fields.put("contacts", join(content.contacts().stream()
			.map(c -> Objects.toString(c.role(), "") + ": " + Objects.toString(c.name(), "")
					+ (c.unitId() == null ? "" : " (" + names.apply(c.unitId()) + ")")
					+ (c.phone() == null ? "" : " " + c.phone()) + (c.email() == null ? "" : " " + c.email()))
			.toList()));
		fields.put("capacities", join(content.capacities().stream()
			.map(c -> c.maximum() + " " + c.unitName() + (c.description() == null ? "" : " (" + c.description() + ")"))
			.toList()));
		fields.put("costs", join(content.costs().stream()
			.map(c -> c.option() + (c.amount() == null ? "" : " " + amount(c.amount()) + " " + c.currency())
					+ (c.description() == null ? "" : " (" + c.description() + ")"))
			.toList()));
		fields.put("key_figures", join(content.keyFigures()));
		return fields;
	}

	public static List<FieldChange> differences(Map<String, String> before, Map<String, String> after) {
		List<FieldChange> changes = new ArrayList<>();
		after.forEach((field, value) -> {
			var previous = before.get(field);
			if (!Objects.equals(blankToNull(previous), blankToNull(value))) {
				changes.add(new FieldChange(field, previous, value));
			}
		});
		return changes;
	}

	private static String join(List<String> values) {
		return values.isEmpty() ? null : values.stream().collect(Collectors.joining("; "));
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	private static String amount(BigDecimal amount) {
		return amount.stripTrailingZeros().toPlainString();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
