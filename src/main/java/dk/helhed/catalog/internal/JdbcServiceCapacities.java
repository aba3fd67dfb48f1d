package dk.helhed.catalog.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.CatalogChanged;
import dk.helhed.catalog.ServiceCapacities;
import dk.helhed.catalog.ServiceStatus;
import dk.helhed.platform.NotFoundException;

@Component
class JdbcServiceCapacities implements ServiceCapacities {

	private static final String SELECT = """
			select c.municipality_id, c.service_id, s.name, c.id, c.unit_name, c.maximum, s.access_mode,
			       s.owning_unit_id, s.deciding_unit_id, s.service_key
			from service_capacity c join service s on s.id = c.service_id and s.municipality_id = c.municipality_id
			where c.municipality_id = :municipality and s.status = :active
			""";

	private static final RowMapper<Capacity> ROW = (rs, n) -> {
		var mode = AccessMode.valueOf(rs.getString(7));
		return new Capacity(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(10), rs.getString(3),
				rs.getObject(4, UUID.class), rs.getString(5), rs.getInt(6), mode, rs.getObject(8, UUID.class),
				mode.needsDecision() ? rs.getObject(9, UUID.class) : null);
	};

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	JdbcServiceCapacities(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public List<Capacity> of(UUID municipalityId) {
		return jdbc.sql(SELECT + " order by s.name, c.position")
			.param("municipality", municipalityId)
			.param("active", ServiceStatus.ACTIVE.name())
			.query(ROW)
			.list();
	}

	@Override
	public Optional<Capacity> find(UUID municipalityId, UUID capacityId) {
		return jdbc.sql(SELECT + " and c.id = :capacity")
			.param("municipality", municipalityId)
			.param("active", ServiceStatus.ACTIVE.name())
			.param("capacity", capacityId)
			.query(ROW)
			.optional();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int recount(UUID municipalityId, UUID capacityId, IntSupplier freePlaces) {
		var now = clock.instant();
		// The update takes the row's lock: a second allocation of the same capacity waits here until the first has
		// committed, and its count (a statement of its own, after the wait) then sees the first one's place.
		var locked = jdbc.sql("update service_capacity set updated_at = :now where id = :capacity and municipality_id = :municipality")
			.param("now", now.atOffset(java.time.ZoneOffset.UTC))
			.param("capacity", capacityId)
			.param("municipality", municipalityId)
			.update();
		if (locked == 0) {
			throw new NotFoundException("Pladstypen findes ikke.");
		}
		var count = freePlaces.getAsInt();
		jdbc.sql("""
				update service_capacity set available = least(greatest(:count, 0), maximum), updated_at = :now
				where id = :capacity and municipality_id = :municipality
				""")
			.param("count", count)
			.param("now", now.atOffset(java.time.ZoneOffset.UTC))
			.param("capacity", capacityId)
			.param("municipality", municipalityId)
			.update();
		events.publishEvent(new CatalogChanged(municipalityId));
		return count;
	}
}
