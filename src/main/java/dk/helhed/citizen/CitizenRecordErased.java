package dk.helhed.citizen;

import java.time.Instant;
import java.util.UUID;

/**
 * A closed citizen record's retention periods have all ended and its information is being erased (security.md item
 * 11). Published inside the erasure's transaction: every module that holds something about the citizen deletes it,
 * or strips it of all that identifies the citizen, in a synchronous listener in that same transaction, so that the
 * erasure is all or nothing. A listener that fails rolls the whole erasure back; it is tried again the next night.
 */
public record CitizenRecordErased(UUID municipalityId, UUID citizenId, Instant erasedAt) {
}
