package dk.helhed.participation.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A citizen's proposal or experience, sent to a body: anonymous, followed with a receipt code. Its state and answer
 * are what staff have decided (internal); the public sees the published state and answer, which staff publish as a
 * step of its own (after Decidim). Not a citizen record: no CPR number, no link to the citizen module.
 *
 * @param enteredBy the member of staff who entered it on behalf of a citizen met in person, or null when the citizen
 *        sent it themselves
 * @param heldReason set while the text looks like it contains personal data and no moderator has read it
 */
public record Proposal(UUID id, UUID municipalityId, int number, UUID bodyId, Kind kind, String title, String text,
		String areaKey, String serviceKey, Instant submittedAt, UUID enteredBy, String enteredNote, String stateKey,
		String answer, Instant answeredAt, UUID answeredBy, String publishedStateKey, String publishedAnswer,
		Instant answerPublishedAt, UUID meetingId, PersonalData.Kind heldReason, Instant hiddenAt,
		String hiddenReason, boolean hiddenAutomatically, int reportCount, Instant withdrawnAt, int version) {

	public enum Kind {
		/** "Det her kunne være bedre": an idea. */
		PROPOSAL,
		/** "Det her virker ikke for mig": an experience. */
		EXPERIENCE
	}

	/** Everyone may read it: not held for personal data, not hidden by a moderator or by reports. */
	public boolean isPublic() {
		return heldReason == null && hiddenAt == null;
	}

	public boolean isHeld() {
		return heldReason != null;
	}

	public boolean isHidden() {
		return hiddenAt != null;
	}

	public boolean isWithdrawn() {
		return withdrawnAt != null;
	}

	public boolean enteredByStaff() {
		return enteredBy != null;
	}

	/** Staff have answered, and the answer (or a newer one) is not yet published. */
	public boolean answerWaiting() {
		return answeredAt != null && (answerPublishedAt == null || answeredAt.isAfter(answerPublishedAt));
	}

	public boolean hasPublishedAnswer() {
		return answerPublishedAt != null;
	}
}
