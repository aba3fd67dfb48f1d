package dk.helhed.referral.internal;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dk.helhed.catalog.CatalogChanged;
import dk.helhed.catalog.PlaceKeeper;
import dk.helhed.catalog.ServiceCapacities;
import dk.helhed.municipality.MunicipalitySeeded;
import dk.helhed.platform.DeterministicIds;
import dk.helhed.platform.SeedFiles;
import dk.helhed.referral.internal.PlaceStore.Place;

/**
 * Keeps one place for each place of a kept service's capacity: made when the municipality is seeded (the services
 * its {@code places.yaml} lists), and added or closed when an editor changes the capacity in the catalog. Tells the
 * catalog that these capacities' free places come from here.
 */
@Component
class PlaceSync implements PlaceKeeper {

	/** The seed file: the keys of the services whose places Helhed keeps. */
	record PlacesSeed(List<String> services) {
	}

	private final PlaceStore store;
	private final ServiceCapacities capacities;
	private final Allocations allocations;
	private final PlaceSettings settings;

	PlaceSync(PlaceStore store, ServiceCapacities capacities, Allocations allocations, PlaceSettings settings) {
		this.store = store;
		this.capacities = capacities;
		this.allocations = allocations;
		this.settings = settings;
	}

	@Override
	public boolean keepsPlacesOf(UUID municipalityId, UUID capacityId) {
		return settings.keepPlaces() && store.keepsCapacity(municipalityId, capacityId);
	}

	/** After the catalog's own seed listener, in the seed's transaction: all of the municipality or nothing. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(MunicipalitySeeded event) throws IOException {
		var file = event.folder().createRelative("places.yaml");
		if (!settings.keepPlaces() || !file.exists()) {
			return;
		}
		var seed = SeedFiles.read(file, PlacesSeed.class);
		var all = capacities.of(event.municipalityId());
		for (var key : seed.services() == null ? List.<String>of() : seed.services()) {
			var ofService = all.stream().filter(capacity -> capacity.serviceKey().equals(key)).toList();
			if (ofService.isEmpty()) {
				throw new SeedFiles.InvalidSeedData(file.getDescription() + ": indsatsen " + key
						+ " findes ikke i kataloget eller har ingen kapacitet");
			}
			ofService.forEach(capacity -> sync(event.slug(), capacity));
		}
	}

	/** An editor may have changed a kept capacity's maximum: add places, or close free ones beyond it. */
	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(CatalogChanged event) {
		if (!settings.keepPlaces()) {
			return;
		}
		for (var capacity : capacities.of(event.municipalityId())) {
			var places = store.placesOfCapacity(capacity.municipalityId(), capacity.capacityId());
			if (places.isEmpty()) {
				continue;
			}
			var open = places.stream().filter(this::countsToCapacity).count();
			if (places.size() < capacity.maximum() || open != capacity.maximum()) {
				sync(capacity.capacityId().toString(), capacity);
			}
		}
	}

	/** Why a place is closed when the catalog's capacity shrank; only such a place is opened when it grows again. */
	static final String CAPACITY_SMALLER = "Kapaciteten i kataloget blev mindre";

	/**
	 * The place is one of the capacity's places: open, or closed by staff for a while (e.g. for repairs), which a
	 * change in the catalog does not open again; only a place closed because the capacity shrank is not.
	 */
	private boolean countsToCapacity(Place place) {
		return place.closedAt() == null
				|| !CAPACITY_SMALLER.equals(store.closedReason(place.municipalityId(), place.id()));
	}

	private void sync(String seedName, ServiceCapacities.Capacity capacity) {
		var places = store.placesOfCapacity(capacity.municipalityId(), capacity.capacityId());
		boolean added = places.size() < capacity.maximum();
		for (int number = places.size() + 1; number <= capacity.maximum(); number++) {
			store.insertPlace(new Place(capacity.municipalityId(),
					DeterministicIds.of(seedName, "place", capacity.capacityId().toString(), Integer.toString(number)),
					capacity.serviceId(), capacity.capacityId(), number, null, 0));
		}
		var open = store.placesOfCapacity(capacity.municipalityId(), capacity.capacityId())
			.stream()
			.filter(this::countsToCapacity)
			.sorted(java.util.Comparator.comparingInt(Place::number).reversed())
			.toList();
		int surplus = open.size() - capacity.maximum();
		for (var place : open) {
			if (surplus <= 0) {
				break;
			}
			if (allocations.state(place).state() == Allocations.State.FREE) {
				allocations.close(place.municipalityId(), place.id(), CAPACITY_SMALLER);
				surplus--;
			}
		}
		// reopen closed places when the capacity grew again
		var closed = store.placesOfCapacity(capacity.municipalityId(), capacity.capacityId())
			.stream()
			.filter(place -> !countsToCapacity(place))
			.sorted(java.util.Comparator.comparingInt(Place::number))
			.toList();
		long openNow = store.placesOfCapacity(capacity.municipalityId(), capacity.capacityId())
			.stream()
			.filter(this::countsToCapacity)
			.count();
		for (var place : closed) {
			if (openNow >= capacity.maximum()) {
				break;
			}
			allocations.reopen(place.municipalityId(), place.id());
			openNow++;
		}
		if (added) {
			// closing and reopening recount themselves; new places are counted here, once
			allocations.recount(store.placesOfCapacity(capacity.municipalityId(), capacity.capacityId()).getFirst());
		}
	}
}
