package dk.helhed.catalog.internal;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.ServiceStatus;
import dk.helhed.catalog.Services;

@Component
class RepositoryServices implements Services {

	private static final Comparator<Summary> BY_DANISH_NAME = Comparator.comparing(Summary::name,
			Collator.getInstance(Locale.of("da", "DK")));

	private final ServiceRepository services;
	private final Catalogs catalogs;

	RepositoryServices(ServiceRepository services, Catalogs catalogs) {
		this.services = services;
		this.catalogs = catalogs;
	}

	@Override
	public Optional<Summary> find(UUID municipalityId, UUID serviceId) {
		return services.findByMunicipalityIdAndId(municipalityId, serviceId)
			.map(RepositoryServices::summary);
	}

	@Override
	public List<Summary> activeOf(UUID municipalityId) {
		// From the catalog's snapshot, which the public pages keep anyway: loading every service with its rows here
		// sent about nine statements per service, on every plan page and referral queue (docs/scale.md).
		return catalogs.of(municipalityId)
			.services()
			.stream()
			.filter(service -> service.status() == ServiceStatus.ACTIVE)
			.map(RepositoryServices::summary)
			.sorted(BY_DANISH_NAME)
			.toList();
	}

	static Summary summary(Service service) {
		return new Summary(service.id(), service.municipalityId(), service.name(), service.owningUnitId(),
				service.keepsNoRecords(), service.status(), service.key());
	}
}
