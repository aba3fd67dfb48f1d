package dk.helhed.catalog.internal.editions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A published edition of a municipality's catalog: its number, label and date, who published it and why. What it
 * contains is frozen with it; see {@link Editions#snapshot(Edition)}.
 *
 * @param recordedByName who published it, or null for the edition a data file describes
 * @param note what the editor wrote about the edition, or null
 */
public record Edition(UUID id, UUID municipalityId, int number, String label, LocalDate published, Origin origin,
		Instant recordedAt, String recordedByName, String note, int serviceCount) {

	/** Where an edition comes from. */
	public enum Origin {

		/**
		 * Described by the municipality's data file (for Aabenraa the printed 4th edition of July 2026) and stored as
		 * the data file had it when the database was first loaded.
		 */
		SEED,

		/** Published in Helhed by a catalog editor. */
		PUBLISHED
	}
}
