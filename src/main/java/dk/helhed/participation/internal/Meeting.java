package dk.helhed.participation.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A meeting of a body: when and where (in person, online or both), the agenda, registration, and afterwards the
 * minutes with the number who came and the proposals discussed.
 */
public record Meeting(UUID id, UUID municipalityId, UUID bodyId, String title, Instant startsAt, Instant endsAt,
		Mode mode, String place, String onlineUrl, boolean registrationOpen, Integer slots, String minutes,
		Integer attendeeCount, Instant minutesPublishedAt, List<AgendaItem> agenda, int registered) {

	public enum Mode {
		IN_PERSON, ONLINE, HYBRID
	}

	/**
	 * An item of the agenda, maybe about a citizen's proposal.
	 *
	 * @param proposalNumber the proposal's public number, or null
	 */
	public record AgendaItem(int position, String title, String description, UUID proposalId, Integer proposalNumber,
			String proposalTitle, String decision) {
	}

	public boolean minutesPublished() {
		return minutesPublishedAt != null;
	}

	/** Places left, or null when there is no limit. */
	public Integer placesLeft() {
		return slots == null ? null : Math.max(0, slots - registered);
	}

	public boolean isPast(Instant now) {
		return endsAt.isBefore(now);
	}

	/** Registration is possible: open, before the meeting, and with places left. */
	public boolean canRegister(Instant now) {
		return registrationOpen && startsAt.isAfter(now) && (slots == null || registered < slots);
	}
}
