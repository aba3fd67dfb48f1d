package dk.helhed.catalog.editing;

import dk.helhed.catalog.Service;

/**
 * Builds changed content from a service, for tests: {@code ServiceContent.of(service).summary("…").build()}.
 */
final class ServiceContent {

	private Service.Content c;

	private ServiceContent(Service.Content content) {
		this.c = content;
	}

	static ServiceContent of(Service service) {
		return new ServiceContent(service.content());
	}

	ServiceContent name(String name) {
		c = new Service.Content(name, c.summary(), c.description(), c.focusAreaIds(), c.owningUnitId(), c.providerId(),
				c.partnerIds(), c.accessMode(), c.decidingUnitId(), c.firstStep(), c.targetGroup(), c.minimumAge(),
				c.maximumAge(), c.situations(), c.charge(), c.locationName(), c.street(), c.postalCode(), c.city(),
				c.scheduleNote(), c.phone(), c.email(), c.url(), c.legalBasis(), c.lastVerified(), c.contacts(),
				c.capacities(), c.costs(), c.schedules(), c.keyFigures());
		return this;
	}

	ServiceContent summary(String summary) {
		c = new Service.Content(c.name(), summary, c.description(), c.focusAreaIds(), c.owningUnitId(), c.providerId(),
				c.partnerIds(), c.accessMode(), c.decidingUnitId(), c.firstStep(), c.targetGroup(), c.minimumAge(),
				c.maximumAge(), c.situations(), c.charge(), c.locationName(), c.street(), c.postalCode(), c.city(),
				c.scheduleNote(), c.phone(), c.email(), c.url(), c.legalBasis(), c.lastVerified(), c.contacts(),
				c.capacities(), c.costs(), c.schedules(), c.keyFigures());
		return this;
	}

	ServiceContent firstStep(String firstStep) {
		c = new Service.Content(c.name(), c.summary(), c.description(), c.focusAreaIds(), c.owningUnitId(),
				c.providerId(), c.partnerIds(), c.accessMode(), c.decidingUnitId(), firstStep, c.targetGroup(),
				c.minimumAge(), c.maximumAge(), c.situations(), c.charge(), c.locationName(), c.street(),
				c.postalCode(), c.city(), c.scheduleNote(), c.phone(), c.email(), c.url(), c.legalBasis(),
				c.lastVerified(), c.contacts(), c.capacities(), c.costs(), c.schedules(), c.keyFigures());
		return this;
	}

	ServiceContent scheduleNote(String note) {
		c = new Service.Content(c.name(), c.summary(), c.description(), c.focusAreaIds(), c.owningUnitId(),
				c.providerId(), c.partnerIds(), c.accessMode(), c.decidingUnitId(), c.firstStep(), c.targetGroup(),
				c.minimumAge(), c.maximumAge(), c.situations(), c.charge(), c.locationName(), c.street(),
				c.postalCode(), c.city(), note, c.phone(), c.email(), c.url(), c.legalBasis(), c.lastVerified(),
				c.contacts(), c.capacities(), c.costs(), c.schedules(), c.keyFigures());
		return this;
	}

	Service.Content build() {
		return c;
	}
}
