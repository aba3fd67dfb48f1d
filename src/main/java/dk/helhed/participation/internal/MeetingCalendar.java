package dk.helhed.participation.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A body's meetings as an iCalendar file (RFC 5545) that calendar programs can subscribe to. Times are in UTC, so no
 * time-zone definitions are needed.
 */
@Component
public class MeetingCalendar {

	/**
	 * @param pageAddress the absolute address of each meeting's public page, by meeting
	 */
	public String of(Body body, List<Meeting> meetings, java.util.function.Function<Meeting, URI> pageAddress,
			Instant now) {
		var calendar = new Calendar();
		calendar.add(new ProdId("-//Helhed//Inddragelse//DA"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", body.name()));
		for (var meeting : meetings) {
			var event = new VEvent(meeting.startsAt(), meeting.endsAt(), body.name() + ": " + meeting.title());
			event.replace(new DtStamp(now));
			event.add(new Uid(meeting.id() + "@helhed"));
			var where = switch (meeting.mode()) {
				case IN_PERSON -> meeting.place();
				case ONLINE -> "Online: " + meeting.onlineUrl();
				case HYBRID -> meeting.place() + " og online: " + meeting.onlineUrl();
			};
			if (where != null) {
				event.add(new Location(where));
			}
			var agenda = new StringBuilder();
			for (var item : meeting.agenda()) {
				agenda.append(item.position()).append(". ").append(item.title()).append('\n');
			}
			if (!agenda.isEmpty()) {
				event.add(new Description("Dagsorden:\n" + agenda));
			}
			event.add(new Url(pageAddress.apply(meeting)));
			calendar.add(event);
		}
		var out = new StringWriter();
		try {
			new CalendarOutputter(true).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}
}
