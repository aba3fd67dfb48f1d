package dk.helhed.catalog.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dk.helhed.catalog.Services;

@Component
class RepositoryServices implements Services {

	private final ServiceRepository services;

	RepositoryServices(ServiceRepository services) {
		this.services = services;
	}

	@Override
	public Optional<Summary> find(UUID municipalityId, UUID serviceId) {
		return services.findById(serviceId)
			.filter(service -> service.municipalityId().equals(municipalityId))
			.map(service -> new Summary(service.id(), service.municipalityId(), service.name(), service.owningUnitId(),
					service.keepsNoRecords(), service.status()));
	}
}
