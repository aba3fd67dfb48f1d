package dk.helhed.citizen;

import java.time.Instant;
import java.util.Objects;

import dk.helhed.citizen.CaseRecords.Recipient;

/**
 * One event in a citizen's case, as the case's timeline shows it: when, what kind, who holds it, and what it says
 * in Danish. A {@link TimelineSource} makes it only when the viewer may see it.
 *
 * @param category the category of information the entry shows, or null for an event of the case itself (a unit
 *        came into the case, a consent was given)
 * @param holder the unit or organisation that wrote, recorded or is responsible for it (null if none)
 * @param detail a line or two more, or null
 * @param link a page of the application with more, or null
 */
public record TimelineEntry(Instant at, Kind kind, InformationCategory category, Recipient holder, String title,
		String detail, String link) {

	/** The kinds of event, in the order the timeline's filter offers them. */
	public enum Kind {
		INVOLVEMENT, CONSENT, LEGAL_BASIS, NOTE, ASSESSMENT, PLAN, ACTION, FOLLOW_UP, REFERRAL, DECISION
	}

	public TimelineEntry {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(title, "title");
	}
}
