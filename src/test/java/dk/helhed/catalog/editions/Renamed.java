package dk.helhed.catalog.editions;

import java.util.List;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.Service;

/**
 * Content of a service with a new name, summary or access and opening hours, for tests:
 * {@code Renamed.summary(service, "…")}.
 */
final class Renamed {

	private Renamed() {
	}

	static Service.Content name(Service service, String name) {
		var c = service.content();
		return new Service.Content(name, c.summary(), c.description(), c.focusAreaIds(), c.owningUnitId(),
				c.providerId(), c.partnerIds(), c.accessMode(), c.decidingUnitId(), c.firstStep(), c.targetGroup(),
				c.minimumAge(), c.maximumAge(), c.situations(), c.charge(), c.locationName(), c.street(),
				c.postalCode(), c.city(), c.scheduleNote(), c.phone(), c.email(), c.url(), c.legalBasis(),
				c.lastVerified(), c.contacts(), c.capacities(), c.costs(), c.schedules(), c.keyFigures());
	}

	static Service.Content summary(Service service, String summary) {
		var c = service.content();
		return new Service.Content(c.name(), summary, c.description(), c.focusAreaIds(), c.owningUnitId(),
				c.providerId(), c.partnerIds(), c.accessMode(), c.decidingUnitId(), c.firstStep(), c.targetGroup(),
				c.minimumAge(), c.maximumAge(), c.situations(), c.charge(), c.locationName(), c.street(),
				c.postalCode(), c.city(), c.scheduleNote(), c.phone(), c.email(), c.url(), c.legalBasis(),
				c.lastVerified(), c.contacts(), c.capacities(), c.costs(), c.schedules(), c.keyFigures());
	}

	static Service.Content accessAndHours(Service service, AccessMode accessMode, List<Service.Schedule> schedules) {
		var c = service.content();
		return new Service.Content(c.name(), c.summary(), c.description(), c.focusAreaIds(), c.owningUnitId(),
				c.providerId(), c.partnerIds(), accessMode, c.decidingUnitId(), c.firstStep(), c.targetGroup(),
				c.minimumAge(), c.maximumAge(), c.situations(), c.charge(), c.locationName(), c.street(),
				c.postalCode(), c.city(), c.scheduleNote(), c.phone(), c.email(), c.url(), c.legalBasis(),
				c.lastVerified(), c.contacts(), c.capacities(), c.costs(), schedules, c.keyFigures());
	}
}
