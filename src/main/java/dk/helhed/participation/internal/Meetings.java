package dk.helhed.participation.internal;

import static dk.helhed.participation.internal.Proposals.coordinator;
import static dk.helhed.participation.internal.Proposals.instant;
import static dk.helhed.participation.internal.SubmissionGuard.at;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.identity.StaffMember;
import dk.helhed.platform.NotFoundException;

/**
 * The bodies' meetings: planned by a coordinator with an agenda, open for registration, and afterwards given
 * minutes, which link the proposals discussed to the meeting.
 */
@Component
@Transactional
public class Meetings {

	/** Meetings are planned in the municipality's local time. */
	public static final ZoneId LOCAL_TIME = ZoneId.of("Europe/Copenhagen");

	public static final int MAX_TITLE = 200;
	public static final int MAX_PLACE = 300;
	public static final int MAX_ITEM_TITLE = 200;
	public static final int MAX_ITEM_TEXT = 2000;
	public static final int MAX_MINUTES = 8000;
	public static final int MAX_NAME = 100;

	/** What the coordinator typed to plan a meeting. */
	public record NewMeeting(String body, String title, String date, String starts, String ends, String mode,
			String place, String onlineUrl, String registration, String slots) {
	}

	private final JdbcClient jdbc;
	private final Bodies bodies;
	private final Proposals proposals;
	private final Clock clock;

	Meetings(JdbcClient jdbc, Bodies bodies, Proposals proposals, Clock clock) {
		this.jdbc = jdbc;
		this.bodies = bodies;
		this.proposals = proposals;
		this.clock = clock;
	}

	public UUID plan(StaffMember staff, NewMeeting form) {
		coordinator(staff);
		Map<String, String> errors = new LinkedHashMap<>();
		var body = form.body() == null ? Optional.<Body>empty() : bodies.byKey(staff.municipalityId(), form.body());
		if (body.isEmpty()) {
			errors.put("body", "Vælg forum eller råd.");
		}
		var title = FormText.text(errors, "title", form.title(), MAX_TITLE, true, false, "mødets titel");
		LocalDate date = null;
		try {
			date = form.date() == null || form.date().isBlank() ? null : LocalDate.parse(form.date().strip());
			if (date == null) {
				errors.put("date", "Skriv datoen for mødet.");
			}
		}
		catch (DateTimeParseException ex) {
			errors.put("date", "Skriv datoen som år-måned-dag, fx 2027-03-04.");
		}
		var starts = time(errors, "starts", form.starts(), "hvornår mødet begynder");
		var ends = time(errors, "ends", form.ends(), "hvornår mødet slutter");
		if (starts != null && ends != null && !ends.isAfter(starts)) {
			errors.put("ends", "Mødet skal slutte efter, det begynder.");
		}
		Meeting.Mode mode = null;
		try {
			mode = form.mode() == null ? null : Meeting.Mode.valueOf(form.mode());
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		if (mode == null) {
			errors.put("mode", "Vælg, om mødet er med fremmøde, online eller begge dele.");
		}
		var place = FormText.text(errors, "place", form.place(), MAX_PLACE, mode != null && mode != Meeting.Mode.ONLINE,
				false, "hvor mødet er");
		var url = FormText.text(errors, "onlineUrl", form.onlineUrl(), 500, mode != null && mode != Meeting.Mode.IN_PERSON,
				false, "linket til mødet online");
		if (url != null && !isWebAddress(url)) {
			errors.put("onlineUrl", "Linket skal begynde med https://.");
		}
		boolean registration = "ja".equals(form.registration());
		Integer slots = null;
		if (form.slots() != null && !form.slots().isBlank()) {
			try {
				slots = Integer.valueOf(form.slots().strip());
				if (slots < 1 || slots > 10_000) {
					errors.put("slots", "Antal pladser skal være mellem 1 og 10.000.");
				}
			}
			catch (NumberFormatException ex) {
				errors.put("slots", "Skriv antal pladser som et tal, eller lad feltet stå tomt.");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into participation_meeting (municipality_id, id, body_id, title, starts_at, ends_at, mode, place,
				    online_url, registration_open, slots, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(staff.municipalityId(), id, body.orElseThrow().id(), title,
					date.atTime(starts).atZone(LOCAL_TIME).toOffsetDateTime(),
					date.atTime(ends).atZone(LOCAL_TIME).toOffsetDateTime(), mode.name(), place, url, registration, slots,
					staff.id(), at(clock.instant()))
			.update();
		return id;
	}

	private static boolean isWebAddress(String url) {
		try {
			var uri = new URI(url);
			return "https".equals(uri.getScheme()) && uri.getHost() != null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	private static LocalTime time(Map<String, String> errors, String field, String value, String what) {
		if (value == null || value.isBlank()) {
			errors.put(field, "Skriv " + what + ".");
			return null;
		}
		try {
			return LocalTime.parse(value.strip().replace('.', ':').length() == 4 ? "0" + value.strip().replace('.', ':')
					: value.strip().replace('.', ':'));
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "Skriv tiden som time og minut, fx 17:00.");
			return null;
		}
	}

	/** Adds an item at the end of the agenda, maybe about a proposal (by its number). */
	public void addItem(StaffMember staff, UUID meetingId, String title, String description, String proposalNumber) {
		coordinator(staff);
		var meeting = get(staff.municipalityId(), meetingId);
		Map<String, String> errors = new LinkedHashMap<>();
		var cleanTitle = FormText.text(errors, "itemTitle", title, MAX_ITEM_TITLE, true, false, "punktets overskrift");
		var text = FormText.text(errors, "itemDescription", description, MAX_ITEM_TEXT, false, true, "beskrivelsen");
		UUID proposalId = null;
		if (proposalNumber != null && !proposalNumber.isBlank()) {
			try {
				var proposal = proposals.byNumber(staff.municipalityId(), Integer.parseInt(proposalNumber.strip()));
				if (proposal.isEmpty()) {
					errors.put("proposal", "Der er intet forslag med det nummer.");
				}
				else {
					proposalId = proposal.get().id();
				}
			}
			catch (NumberFormatException ex) {
				errors.put("proposal", "Skriv forslagets nummer som et tal, eller lad feltet stå tomt.");
			}
		}
		if (meeting.minutesPublished()) {
			errors.put("itemTitle", "Referatet er offentliggjort; dagsordenen kan ikke ændres.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		jdbc.sql("""
				insert into participation_agenda_item (municipality_id, meeting_id, position, title, description, proposal_id)
				values (?, ?, ?, ?, ?, ?)""")
			.params(staff.municipalityId(), meetingId, meeting.agenda().size() + 1, cleanTitle, text, proposalId)
			.update();
	}

	/**
	 * Publishes the minutes: what was decided (in all and per item), how many came. The proposals on the agenda are
	 * linked to the meeting, so that their pages say where they were discussed.
	 */
	public void publishMinutes(StaffMember staff, UUID meetingId, String minutes, String attendees,
			Map<Integer, String> decisions) {
		coordinator(staff);
		var meeting = get(staff.municipalityId(), meetingId);
		Map<String, String> errors = new LinkedHashMap<>();
		var text = FormText.text(errors, "minutes", minutes, MAX_MINUTES, true, true, "referatet");
		Integer count = null;
		try {
			count = attendees == null || attendees.isBlank() ? null : Integer.valueOf(attendees.strip());
			if (count == null || count < 0 || count > 100_000) {
				errors.put("attendees", "Skriv, hvor mange der deltog, som et tal.");
			}
		}
		catch (NumberFormatException ex) {
			errors.put("attendees", "Skriv, hvor mange der deltog, som et tal.");
		}
		Map<Integer, String> cleanDecisions = new LinkedHashMap<>();
		for (var item : meeting.agenda()) {
			var decision = FormText.text(errors, "decision-" + item.position(), decisions.get(item.position()),
					MAX_ITEM_TEXT, false, true, "beslutningen under punkt " + item.position());
			cleanDecisions.put(item.position(), decision);
		}
		if (meeting.startsAt().isAfter(clock.instant())) {
			errors.put("minutes", "Mødet er ikke holdt endnu. Referatet kan offentliggøres, når mødet er begyndt.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		jdbc.sql("""
				update participation_meeting set minutes = ?, attendee_count = ?, minutes_published_at = ?
				where municipality_id = ? and id = ?""")
			.params(text, count, at(clock.instant()), staff.municipalityId(), meetingId)
			.update();
		cleanDecisions.forEach((position, decision) -> jdbc.sql("""
				update participation_agenda_item set decision = ?
				where municipality_id = ? and meeting_id = ? and position = ?""")
			.params(decision, staff.municipalityId(), meetingId, position)
			.update());
		jdbc.sql("""
				update participation_proposal set meeting_id = ?, version = version + 1
				where municipality_id = ? and id in (select proposal_id from participation_agenda_item
				                                     where municipality_id = ? and meeting_id = ?)""")
			.params(meetingId, staff.municipalityId(), staff.municipalityId(), meetingId)
			.update();
	}

	/**
	 * A visitor registers for a meeting, with a first name or nickname if they like. Places are counted under a lock
	 * on the meeting, so the last place goes to one visitor only.
	 */
	public void register(UUID municipalityId, UUID meetingId, String name, String people) {
		jdbc.sql("select id from participation_meeting where municipality_id = ? and id = ? for update")
			.params(municipalityId, meetingId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Mødet findes ikke."));
		var meeting = get(municipalityId, meetingId);
		Map<String, String> errors = new LinkedHashMap<>();
		var cleanName = FormText.text(errors, "name", name, MAX_NAME, false, false, "navnet");
		int count = 0;
		try {
			count = people == null || people.isBlank() ? 1 : Integer.parseInt(people.strip());
			if (count < 1 || count > 5) {
				errors.put("people", "Vælg mellem 1 og 5 personer.");
			}
		}
		catch (NumberFormatException ex) {
			errors.put("people", "Vælg mellem 1 og 5 personer.");
		}
		if (!meeting.registrationOpen() || meeting.isPast(clock.instant()) || !meeting.startsAt().isAfter(clock.instant())) {
			errors.put("form", "Man kan ikke tilmelde sig dette møde.");
		}
		else if (meeting.slots() != null && meeting.registered() + count > meeting.slots()) {
			errors.put("form", meeting.placesLeft() == 0 ? "Mødet er fuldt." : "Der er kun " + meeting.placesLeft()
					+ " pladser tilbage.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		jdbc.sql("""
				insert into participation_registration (municipality_id, meeting_id, id, name, people, registered_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(municipalityId, meetingId, UUID.randomUUID(), cleanName, count, at(clock.instant()))
			.update();
	}

	@Transactional(readOnly = true)
	public Optional<Meeting> find(UUID municipalityId, UUID id) {
		return jdbc.sql("select * from participation_meeting where municipality_id = ? and id = ?")
			.params(municipalityId, id)
			.query(this::meeting)
			.optional();
	}

	@Transactional(readOnly = true)
	public Meeting get(UUID municipalityId, UUID id) {
		return find(municipalityId, id).orElseThrow(() -> new NotFoundException("Mødet findes ikke."));
	}

	/** The body's meetings, soonest first; of all bodies when bodyId is null. */
	@Transactional(readOnly = true)
	public List<Meeting> of(UUID municipalityId, UUID bodyId) {
		var sql = "select * from participation_meeting where municipality_id = ?" + (bodyId == null ? ""
				: " and body_id = ?") + " order by starts_at";
		var statement = jdbc.sql(sql).param(municipalityId);
		if (bodyId != null) {
			statement = statement.param(bodyId);
		}
		return statement.query(this::meeting).list();
	}

	/** The meeting where the proposal was discussed. */
	@Transactional(readOnly = true)
	public Optional<Meeting> discussing(Proposal proposal) {
		return proposal.meetingId() == null ? Optional.empty() : find(proposal.municipalityId(), proposal.meetingId());
	}

	private Meeting meeting(ResultSet rs, int row) throws SQLException {
		var municipalityId = rs.getObject("municipality_id", UUID.class);
		var id = rs.getObject("id", UUID.class);
		var agenda = jdbc.sql("""
				select i.*, p.number, p.title as proposal_title from participation_agenda_item i
				left join participation_proposal p on p.municipality_id = i.municipality_id and p.id = i.proposal_id
				where i.municipality_id = ? and i.meeting_id = ? order by i.position""")
			.params(municipalityId, id)
			.query((items, n) -> new Meeting.AgendaItem(items.getInt("position"), items.getString("title"),
					items.getString("description"), items.getObject("proposal_id", UUID.class),
					items.getObject("proposal_id") == null ? null : items.getInt("number"),
					items.getString("proposal_title"), items.getString("decision")))
			.list();
		int registered = jdbc.sql("""
				select coalesce(sum(people), 0) from participation_registration where municipality_id = ? and meeting_id = ?""")
			.params(municipalityId, id)
			.query(Integer.class)
			.single();
		var slots = rs.getObject("slots") == null ? null : rs.getInt("slots");
		var attendees = rs.getObject("attendee_count") == null ? null : rs.getInt("attendee_count");
		return new Meeting(id, municipalityId, rs.getObject("body_id", UUID.class), rs.getString("title"),
				instant(rs, "starts_at"), instant(rs, "ends_at"), Meeting.Mode.valueOf(rs.getString("mode")),
				rs.getString("place"), rs.getString("online_url"), rs.getBoolean("registration_open"), slots,
				rs.getString("minutes"), attendees, instant(rs, "minutes_published_at"), agenda, registered);
	}
}
