package dk.helhed.catalog;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A service's edit form, as the edit page submits it. */
public final class ServiceFormParams {

	private ServiceFormParams() {
	}

	/** The form as the edit page would submit it for the service, unchanged. */
	public static MultiValueMap<String, String> of(Service service) {
		var form = new LinkedMultiValueMap<String, String>();
		var c = service.content();
		form.add("version", service.version().toString());
		form.add("name", c.name());
		form.add("summary", c.summary());
		form.add("description", c.description());
		c.focusAreaIds().forEach(id -> form.add("focusAreaIds", id.toString()));
		form.add("owningUnitId", c.owningUnitId() == null ? "" : c.owningUnitId().toString());
		form.add("providerId", c.providerId() == null ? "" : c.providerId().toString());
		c.partnerIds().forEach(id -> form.add("partnerIds", id.toString()));
		form.add("accessMode", c.accessMode().name());
		form.add("decidingUnitId", c.decidingUnitId() == null ? "" : c.decidingUnitId().toString());
		form.add("firstStep", c.firstStep());
		form.add("targetGroup", c.targetGroup());
		form.add("minimumAge", c.minimumAge() == null ? "" : c.minimumAge().toString());
		form.add("maximumAge", c.maximumAge() == null ? "" : c.maximumAge().toString());
		c.situations().forEach(s -> form.add("situations", s.name()));
		form.add("charge", c.charge().name());
		form.add("locationName", nullToEmpty(c.locationName()));
		form.add("street", nullToEmpty(c.street()));
		form.add("postalCode", nullToEmpty(c.postalCode()));
		form.add("city", nullToEmpty(c.city()));
		form.add("scheduleNote", nullToEmpty(c.scheduleNote()));
		form.add("phone", nullToEmpty(c.phone()));
		form.add("email", nullToEmpty(c.email()));
		form.add("url", nullToEmpty(c.url()));
		form.add("legalBasis", nullToEmpty(c.legalBasis()));
		form.add("keyFigures", String.join("\n", c.keyFigures()));
		for (int i = 0; i < c.contacts().size(); i++) {
			var contact = c.contacts().get(i);
			form.add("contacts[" + i + "].id", contact.id().toString());
			form.add("contacts[" + i + "].role", nullToEmpty(contact.role()));
			form.add("contacts[" + i + "].name", nullToEmpty(contact.name()));
			form.add("contacts[" + i + "].unitId", contact.unitId() == null ? "" : contact.unitId().toString());
		}
		for (int i = 0; i < c.capacities().size(); i++) {
			var capacity = c.capacities().get(i);
			form.add("capacities[" + i + "].id", capacity.id().toString());
			form.add("capacities[" + i + "].unitName", capacity.unitName());
			form.add("capacities[" + i + "].maximum", Integer.toString(capacity.maximum()));
			form.add("capacities[" + i + "].description", nullToEmpty(capacity.description()));
		}
		for (int i = 0; i < c.costs().size(); i++) {
			var cost = c.costs().get(i);
			form.add("costs[" + i + "].id", cost.id().toString());
			form.add("costs[" + i + "].option", cost.option());
			form.add("costs[" + i + "].amount", cost.amount() == null ? "" : cost.amount().toPlainString());
			form.add("costs[" + i + "].description", nullToEmpty(cost.description()));
		}
		for (int i = 0; i < c.schedules().size(); i++) {
			var schedule = c.schedules().get(i);
			form.add("schedules[" + i + "].id", schedule.id().toString());
			for (var day : schedule.days().split(",")) {
				form.add("schedules[" + i + "].days", day);
			}
			form.add("schedules[" + i + "].opens", schedule.opensAt() == null ? "" : schedule.opensAt().toString());
			form.add("schedules[" + i + "].closes", schedule.closesAt() == null ? "" : schedule.closesAt().toString());
			form.add("schedules[" + i + "].description", nullToEmpty(schedule.description()));
		}
		return form;
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
