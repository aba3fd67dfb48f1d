package dk.helhed.platform;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Name-based UUIDs for records that come from data files, so that a service keeps the same id (and the same
 * HSDS id and URL) every time a fresh database is loaded from the same files.
 */
public final class DeterministicIds {

	private DeterministicIds() {
	}

	public static UUID of(String... parts) {
		return UUID.nameUUIDFromBytes(("helhed:" + String.join("/", parts)).getBytes(StandardCharsets.UTF_8));
	}
}
