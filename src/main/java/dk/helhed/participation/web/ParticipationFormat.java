package dk.helhed.participation.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dk.helhed.participation.internal.Meeting;
import dk.helhed.participation.internal.Meetings;

/**
 * How the participation pages write times: in the municipality's local time, in the visitor's language.
 */
@Component("participationFormat")
class ParticipationFormat {

	private static final DateTimeFormatter DANISH_DAY = DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM yyyy",
			Locale.of("da"));
	private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
	private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.of("da"));
	private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

	/** E.g. "torsdag den 4. marts 2027 kl. 17.00–19.00". */
	public String when(Meeting meeting, Locale locale) {
		var start = meeting.startsAt().atZone(Meetings.LOCAL_TIME);
		var end = meeting.endsAt().atZone(Meetings.LOCAL_TIME);
		boolean english = "en".equals(locale.getLanguage());
		return (english ? ENGLISH_DAY : DANISH_DAY).format(start) + (english ? ", " : " kl. ") + TIME.format(start)
				+ "–" + TIME.format(end);
	}

	/** E.g. "4. marts 2027". */
	public String date(Instant instant, Locale locale) {
		if (instant == null) {
			return "";
		}
		var day = instant.atZone(Meetings.LOCAL_TIME);
		return ("en".equals(locale.getLanguage()) ? ENGLISH_DATE : DANISH_DATE).format(day);
	}

	/** The date as a date field shows it (2027-03-04), for the staff forms. */
	public String isoDate(Instant instant) {
		return instant == null ? "" : instant.atZone(Meetings.LOCAL_TIME).toLocalDate().toString();
	}
}
