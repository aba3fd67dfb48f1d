package dk.helhed.citizen;

import java.util.Map;
import java.util.UUID;

/**
 * The synthetic demo citizens have been created (demo data only), so that other modules can add their own demo data
 * for them: the citizens' ids by a short key ("mads", "sofie", "ali", "kaptajnen"). Published inside the transaction
 * that created them.
 */
public record DemoCitizensCreated(UUID municipalityId, Map<String, UUID> citizens) {

	public DemoCitizensCreated {
		citizens = Map.copyOf(citizens);
	}
}
