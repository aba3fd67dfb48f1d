package dk.helhed.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dk.helhed.municipality.Municipalities;
import dk.helhed.participation.internal.Proposals.Receipt;
import dk.helhed.support.MutableClock;
import dk.helhed.support.StaffFixture;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Participation through HTTP, as a citizen and a coordinator use it: sending a proposal anonymously and following it
 * with the receipt code; answering and publishing as two steps; the hold on personal data, the honeypot, the
 * minimum fill time and the rate limit; reports, the hiding threshold and moderation (never of one's own); meetings
 * with agenda, minutes, a calendar a standard parser reads, and a PDF.
 */
@SpringBootTest(properties = { "helhed.participation.submissions-per-hour=3",
		"helhed.participation.reports-before-hiding=3" })
@AutoConfigureMockMvc
class ParticipationPagesTests {

	@Autowired
	StaffFixture demo;

	static final Instant START = Instant.parse("2027-03-01T09:00:00Z");

	static final MutableClock CLOCK = new MutableClock(START, ZoneId.of("Europe/Copenhagen"));

	/** The tests move the clock on; the class runs again on PostgreSQL, from the same start. */
	@org.junit.jupiter.api.BeforeAll
	static void startTheClock() {
		CLOCK.set(START);
	}

	@TestBean(name = "clock", methodName = "dk.helhed.participation.ParticipationPagesTests#clock")
	Clock clock;

	static Clock clock() {
		return CLOCK;
	}

	private static final Pattern START_TOKEN = Pattern.compile("name=\"startet\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;


	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	/** Each test sends from addresses of its own, so that the rate limit of one is not another's. */
	String address;

	@BeforeEach
	void newVisitor() {
		address = "10.1." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
	}

	// Sending and following

	@Test
	void anAnonymousCitizenSendsAProposalAndReadsTheAnswerOnlyOnceItIsPublished() throws Exception {
		var receipt = send("Åbent om aftenen", "Værestedet lukker kl. 16. Om aftenen har jeg ingen steder at være.");
		assertThat(receipt.held()).isNull();
		assertThat(receipt.code()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}");

		var followed = follow(receipt.code());
		assertThat(followed).contains("Åbent om aftenen", "Modtaget", "Der er ikke noget svar endnu.");
		assertThat(follow(receipt.code().toLowerCase().replace("-", " "))).as("typed in small letters with spaces")
			.contains("Åbent om aftenen");

		var id = idOf(receipt);
		var answered = asCoordinator(post("/personale/dialog/forslag/" + id + "/svar").param("state", "accepted")
			.param("answer", "Fra 1. april holder Reberbanen åbent til kl. 20 om tirsdagen."));
		assertThat(answered.getStatus()).isEqualTo(302);
		assertThat(follow(receipt.code())).as("answered, not yet published")
			.contains("Modtaget")
			.doesNotContain("holder Reberbanen åbent til kl. 20");
		assertThat(page("/aabenraa/dialog/forslag/" + receipt.number())).doesNotContain("Reberbanen åbent til kl. 20");

		assertThat(asCoordinator(post("/personale/dialog/forslag/" + id + "/offentliggoer")).getStatus()).isEqualTo(302);
		assertThat(follow(receipt.code())).contains("Ja", "holder Reberbanen åbent til kl. 20");
		assertThat(page("/aabenraa/dialog/forslag/" + receipt.number())).contains("holder Reberbanen åbent til kl. 20");
		assertThat(page("/aabenraa/dialog/dialogforum-for-udsatte")).contains("Det kom der ud af forslagene",
				"Åbent om aftenen");
		assertThat(page("/aabenraa/dialog/dialogforum-for-udsatte?lang=en")).contains("What came of the ideas", "Yes");
		var again = asCoordinator(post("/personale/dialog/forslag/" + id + "/offentliggoer"));
		assertThat(again.getStatus()).as("nothing new to publish").isEqualTo(400);
		assertThat(again.getContentAsString()).contains("Der er intet nyt svar at offentliggøre");
	}

	@Test
	void aProposalNamesTheServiceItIsAboutFromTheCatalog() throws Exception {
		var token = startToken();
		CLOCK.advance(Duration.ofSeconds(10));
		var unknown = mvc.perform(post("/aabenraa/dialog/forslag").param("body", "kontaktraadet")
			.param("kind", "EXPERIENCE")
			.param("title", "Værestedet")
			.param("text", "Der er for lidt plads om fredagen.")
			.param("service", "findes-ikke")
			.param("startet", token)
			.param("hjemmeside", "")
			.with(csrf())
			.with(from(address))).andReturn().getResponse();
		assertThat(unknown.getStatus()).isEqualTo(400);
		assertThat(unknown.getContentAsString()).contains("Vælg et tilbud fra listen");
		var sent = mvc.perform(post("/aabenraa/dialog/forslag").param("body", "kontaktraadet")
			.param("kind", "EXPERIENCE")
			.param("title", "Værestedet")
			.param("text", "Der er for lidt plads om fredagen.")
			.param("service", "vaeresteder")
			.param("startet", token)
			.param("hjemmeside", "")
			.with(csrf())
			.with(from(address))).andReturn();
		assertThat(sent.getResponse().getStatus()).isEqualTo(302);
		var receipt = (Receipt) sent.getFlashMap().get("receipt");
		assertThat(page("/aabenraa/dialog/forslag/" + receipt.number())).contains("href=\"/aabenraa/indsatser/vaeresteder\"");
	}

	@Test
	void anUnknownCodeIsRefusedWithAMessage() throws Exception {
		var response = mvc.perform(post("/aabenraa/dialog/kvittering").param("code", "AAAA-BBBB-CC").with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("Vi kender ikke den kode");
	}

	@Test
	void theSenderCanWithdrawTheirProposal() throws Exception {
		var receipt = send("Forkert forslag", "Jeg kom til at sende det her for tidligt.");
		var response = mvc.perform(post("/aabenraa/dialog/kvittering/tilbagetraek").param("code", receipt.code())
			.with(csrf())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("Du har trukket dit forslag tilbage.", "Trukket tilbage");
	}

	// Abuse

	@Test
	void aFormSentBackTooSoonOrWithTheHoneypotFilledInStoresNothing() throws Exception {
		int before = proposals();
		var token = startToken();
		var tooSoon = submit(token, "Hurtigt", "Sendt af et program på et sekund.", "");
		assertThat(tooSoon.getStatus()).isEqualTo(400);
		assertThat(tooSoon.getContentAsString()).contains("Formularen blev sendt meget hurtigt");
		CLOCK.advance(Duration.ofSeconds(10));
		var honeypot = submit(token, "Spam", "Køb billige ure.", "https://spam.example");
		assertThat(honeypot.getStatus()).isEqualTo(400);
		assertThat(honeypot.getContentAsString()).contains("Lad dette felt stå tomt");
		var forged = submit("1234567890.00000000000000000000000000000000", "Falsk", "Falsk tid.", "");
		assertThat(forged.getStatus()).isEqualTo(400);
		assertThat(proposals()).isEqualTo(before);
		assertThat(submit(token, "Nu er det rigtigt", "Et menneske, der har skrevet i ti sekunder.", "").getStatus())
			.isEqualTo(302);
	}

	@Test
	void aVisitorWhoSendsMoreThanTheLimitIsToldToWait() throws Exception {
		for (int i = 1; i <= 3; i++) {
			send("Forslag " + i, "Tekst nummer " + i + ".");
		}
		int before = proposals();
		var token = startToken();
		CLOCK.advance(Duration.ofSeconds(10));
		var fourth = submit(token, "Forslag 4", "Et for meget.", "");
		assertThat(fourth.getStatus()).isEqualTo(429);
		assertThat(fourth.getContentAsString()).contains("Prøv igen om en time");
		assertThat(proposals()).isEqualTo(before);
		address = "10.2.0.1";
		assertThat(submit(token, "Fra en anden", "En anden adresse har sin egen grænse.", "").getStatus()).isEqualTo(302);
		CLOCK.advance(Duration.ofMinutes(61));
		newVisitor();
	}

	// Personal data

	@Test
	void aProposalWithAPhoneNumberIsHeldUntilAModeratorHasReadIt() throws Exception {
		var receipt = send("Ring til mig", "Jeg vil gerne fortælle mere. Ring på 20 30 40 50.");
		assertThat(receipt.held()).hasToString("PHONE_NUMBER");
		assertThat(follow(receipt.code())).contains("Teksten ser ud til at have et telefonnummer");
		assertThat(page("/aabenraa/dialog/forslag")).doesNotContain("Ring til mig");
		assertThat(status(get("/aabenraa/dialog/forslag/" + receipt.number()))).isEqualTo(404);

		var id = idOf(receipt);
		assertThat(asCoordinator(post("/personale/dialog/forslag/" + id + "/gendan")).getStatus()).isEqualTo(302);
		assertThat(page("/aabenraa/dialog/forslag")).contains("Ring til mig");
		assertThat(moderation(id)).containsExactly("HELD", "RELEASED");
	}

	@Test
	void cprNumbersAndMailAddressesAreHeldToo() throws Exception {
		assertThat(send("Min sag", "Mit CPR er 010190-1234.").held()).hasToString("CPR_NUMBER");
		assertThat(send("Skriv", "Skriv til mig på borger@example.dk").held()).hasToString("EMAIL_ADDRESS");
		assertThat(send("Tal", "Vi var 12 personer kl. 17.30 den 4. marts 2027.").held()).isNull();
	}

	// Reports and moderation

	@Test
	void aProposalReportedByThreeVisitorsIsHiddenAndAModeratorCanRestoreIt() throws Exception {
		var receipt = send("Dumt forslag", "Noget, som nogen ikke kan lide.");
		var number = receipt.number();
		assertThat(report(number, "10.9.0.1").getStatus()).isEqualTo(302);
		var twice = report(number, "10.9.0.1");
		assertThat(twice.getStatus()).as("one visitor counts once").isEqualTo(400);
		assertThat(twice.getContentAsString()).contains("Du har allerede anmeldt");
		assertThat(report(number, "10.9.0.2").getStatus()).isEqualTo(302);
		assertThat(page("/aabenraa/dialog/forslag")).contains("Dumt forslag");
		assertThat(report(number, "10.9.0.3").getRedirectedUrl()).endsWith("/aabenraa/dialog/forslag?anmeldt");
		assertThat(page("/aabenraa/dialog/forslag")).doesNotContain("Dumt forslag");
		assertThat(follow(receipt.code())).contains("Vi har skjult dit forslag", "anmeldt flere gange");

		var id = idOf(receipt);
		assertThat(asCoordinator(post("/personale/dialog/forslag/" + id + "/gendan")).getStatus()).isEqualTo(302);
		assertThat(page("/aabenraa/dialog/forslag")).contains("Dumt forslag");
		assertThat(report(number, "10.9.0.4").getStatus()).as("earlier reports no longer count").isEqualTo(302);
		assertThat(page("/aabenraa/dialog/forslag")).contains("Dumt forslag");
		assertThat(moderation(id)).containsExactly("AUTO_HIDDEN", "RESTORED");
	}

	@Test
	void aModeratorHidesWithAReasonTheSenderReadsButNeverModeratesTheirOwn() throws Exception {
		var entered = asCoordinator(post("/personale/dialog/forslag").param("body", "kontaktraadet")
			.param("kind", "EXPERIENCE")
			.param("title", "Ventetid på samtale")
			.param("text", "Borgeren venter tre uger på en samtale og synes, det er for længe.")
			.param("area", "")
			.param("note", "På værestedet i Padborg; borgeren dikterede."));
		assertThat(entered.getStatus()).isEqualTo(200);
		var code = Pattern.compile("id=\"receipt-code\">([^<]+)<").matcher(entered.getContentAsString());
		assertThat(code.find()).isTrue();
		var number = Integer.parseInt(between(entered.getContentAsString(), "id=\"receipt-number\">", "<"));
		assertThat(page("/aabenraa/dialog/forslag/" + number)).contains("En medarbejder skrev det sammen med borgeren.");
		var id = jdbc.sql("select id from participation_proposal where number = ? and municipality_id = ?")
			.params(number, aabenraa())
			.query(UUID.class)
			.single();

		var own = asCoordinator(post("/personale/dialog/forslag/" + id + "/skjul").param("reason", "Min egen."));
		assertThat(own.getStatus()).as("moderating one's own proposal").isEqualTo(403);
		var other = otherCoordinator();
		var hidden = mvc.perform(post("/personale/dialog/forslag/" + id + "/skjul").param("reason",
				"Forslaget nævner en medarbejder ved navn.").with(user(demo.login(other))).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(hidden.getStatus()).isEqualTo(302);
		assertThat(status(get("/aabenraa/dialog/forslag/" + number))).isEqualTo(404);
		assertThat(follow(code.group(1))).contains("Forslaget nævner en medarbejder ved navn.");
		assertThat(moderation(id)).containsExactly("HIDDEN");
		var staffIds = jdbc.sql("select staff_id from participation_moderation where proposal_id = ?")
			.param(id)
			.query(UUID.class)
			.list();
		assertThat(staffIds).doesNotContainNull().hasSize(1);
	}

	@Test
	void staffWithoutTheCoordinatorRoleCannotAnswer() throws Exception {
		var receipt = send("Til en sagsbehandler", "Det her er ikke til jobcentret.");
		var response = mvc.perform(post("/personale/dialog/forslag/" + idOf(receipt) + "/svar").param("state", "accepted")
			.param("answer", "Ja.")
			.with(user(demo.login("jobcenter")))
			.with(csrf())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(403);
	}

	// Meetings

	@Test
	void aCoordinatorPlansAMeetingPutsAProposalOnTheAgendaAndPublishesTheMinutes() throws Exception {
		var receipt = send("Bænke ved havnen", "Der er ingen steder at sidde ved havnen. Flere bænke, tak.");
		var planned = asCoordinator(post("/personale/dialog/moeder").param("body", "dialogforum-for-udsatte")
			.param("title", "Dialogmøde om byens rum")
			.param("date", "2027-03-04")
			.param("starts", "17:00")
			.param("ends", "19:00")
			.param("mode", "HYBRID")
			.param("place", "Folkehjem, Aabenraa")
			.param("onlineUrl", "https://moede.example/dialog")
			.param("registration", "ja")
			.param("slots", "2"));
		assertThat(planned.getStatus()).isEqualTo(302);
		var meeting = planned.getRedirectedUrl().substring(planned.getRedirectedUrl().lastIndexOf('/') + 1);
		assertThat(asCoordinator(post("/personale/dialog/moeder/" + meeting + "/punkter").param("title", "Bænke ved havnen")
			.param("description", "")
			.param("proposal", String.valueOf(receipt.number()))).getStatus()).isEqualTo(302);
		var early = asCoordinator(post("/personale/dialog/moeder/" + meeting + "/referat").param("minutes", "For tidligt.")
			.param("attendees", "3"));
		assertThat(early.getStatus()).as("minutes before the meeting").isEqualTo(400);

		// Registration: two places
		assertThat(register(meeting, "2").getStatus()).isEqualTo(302);
		var full = register(meeting, "1");
		assertThat(full.getStatus()).isEqualTo(400);
		assertThat(full.getContentAsString()).contains("Mødet er fuldt.");

		var calendar = new CalendarBuilder().build(new StringReader(
				page("/aabenraa/dialog/dialogforum-for-udsatte/kalender.ics")));
		var events = calendar.<VEvent>getComponents(Component.VEVENT);
		var event = events.stream()
			.filter(e -> e.getProperty(Property.UID).map(uid -> uid.getValue().startsWith(meeting)).orElse(false))
			.findFirst()
			.orElseThrow();
		assertThat(event.getSummary().getValue()).isEqualTo("Dialogforum for Udsatte: Dialogmøde om byens rum");
		assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(OffsetDateTime.parse("2027-03-04T16:00:00Z").toInstant());
		assertThat(Instant.from(event.getDateTimeEnd().getDate())).isEqualTo(OffsetDateTime.parse("2027-03-04T18:00:00Z").toInstant());
		assertThat(event.getLocation().getValue()).contains("Folkehjem, Aabenraa", "https://moede.example/dialog");
		assertThat(event.getDescription().getValue()).contains("1. Bænke ved havnen");

		CLOCK.advance(Duration.ofDays(3).plusHours(8));
		var minutes = asCoordinator(post("/personale/dialog/moeder/" + meeting + "/referat")
			.param("minutes", "Vi talte om bænke og lys ved havnen.")
			.param("attendees", "14")
			.param("decision-1", "Forvaltningen undersøger, hvor der kan stå tre bænke."));
		assertThat(minutes.getStatus()).isEqualTo(302);
		var publicPage = page("/aabenraa/dialog/moeder/" + meeting);
		assertThat(publicPage).contains("Vi talte om bænke og lys ved havnen.", "14 var med.",
				"Forvaltningen undersøger, hvor der kan stå tre bænke.", "Forslag nr. " + receipt.number());
		assertThat(follow(receipt.code())).contains("Vi talte om det på mødet:", "Dialogmøde om byens rum");
		var pdf = mvc.perform(get("/aabenraa/dialog/moeder/" + meeting + ".pdf")).andReturn().getResponse();
		assertThat(pdf.getContentType()).as(pdf.getStatus() + " " + pdf.getContentAsString()).isEqualTo("application/pdf");
		assertThat(new String(pdf.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
		assertThat(page("/aabenraa/dialog/moeder/" + meeting + "/udskriv")).contains("Vi talte om bænke");
	}

	@Test
	void publicPagesAnswerInDanishAndEnglish() throws Exception {
		assertThat(page("/aabenraa/dialog")).contains("Inddragelse og dialog", "Dialogforum for Udsatte",
				"Kontaktrådet i Center for Socialpsykiatri og Rusmiddel");
		assertThat(page("/aabenraa/dialog?lang=en")).contains("Have your say", "Forums and councils");
		assertThat(page("/aabenraa/dialog/kontaktraadet")).contains("Tre møder om året.", "Lænken", "Henning Iversen");
		assertThat(page("/aabenraa/dialog/forslag/ny?lang=en")).contains("Send an idea", "Leave this field empty");
		assertThat(status(get("/aabenraa/dialog/findes-ikke"))).isEqualTo(404);
		assertThat(status(get("/aabenraa/dialog/moeder/00000000-0000-0000-0000-000000000000"))).isEqualTo(404);
	}

	// Helpers

	Receipt send(String title, String text) throws Exception {
		var token = startToken();
		CLOCK.advance(Duration.ofSeconds(10));
		var response = mvc.perform(post("/aabenraa/dialog/forslag").param("body", "dialogforum-for-udsatte")
			.param("kind", "PROPOSAL")
			.param("title", title)
			.param("text", text)
			.param("area", "")
			.param("startet", token)
			.param("hjemmeside", "")
			.with(csrf())
			.with(from(address))).andReturn();
		assertThat(response.getResponse().getStatus()).as(response.getResponse().getContentAsString()).isEqualTo(302);
		assertThat(response.getResponse().getRedirectedUrl()).isEqualTo("/aabenraa/dialog/kvittering");
		return (Receipt) response.getFlashMap().get("receipt");
	}

	MockHttpServletResponse submit(String token, String title, String text, String honeypot) throws Exception {
		return mvc.perform(post("/aabenraa/dialog/forslag").param("body", "dialogforum-for-udsatte")
			.param("kind", "EXPERIENCE")
			.param("title", title)
			.param("text", text)
			.param("startet", token)
			.param("hjemmeside", honeypot)
			.with(csrf())
			.with(from(address))).andReturn().getResponse();
	}

	String startToken() throws Exception {
		var matcher = START_TOKEN.matcher(page("/aabenraa/dialog/forslag/ny"));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	String follow(String code) throws Exception {
		var response = mvc.perform(post("/aabenraa/dialog/kvittering").param("code", code).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	MockHttpServletResponse report(int number, String from) throws Exception {
		return mvc.perform(post("/aabenraa/dialog/forslag/" + number + "/anmeld").param("reason", "Det er grimt.")
			.with(csrf())
			.with(from(from))).andReturn().getResponse();
	}

	MockHttpServletResponse register(String meeting, String people) throws Exception {
		return mvc.perform(post("/aabenraa/dialog/moeder/" + meeting + "/tilmeld").param("name", "Kim")
			.param("people", people)
			.with(csrf())).andReturn().getResponse();
	}

	String page(String path) throws Exception {
		var response = mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	MockHttpServletResponse asCoordinator(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user(demo.login("inddragelse"))).with(csrf()))
			.andReturn()
			.getResponse();
	}

	UUID idOf(Receipt receipt) {
		return jdbc.sql("select id from participation_proposal where municipality_id = ? and number = ?")
			.params(aabenraa(), receipt.number())
			.query(UUID.class)
			.single();
	}

	java.util.List<String> moderation(UUID id) {
		return jdbc.sql("select action from participation_moderation where proposal_id = ? order by acted_at, action")
			.param(id)
			.query(String.class)
			.list();
	}

	int proposals() {
		return jdbc.sql("select count(*) from participation_proposal").query(Integer.class).single();
	}

	UUID aabenraa() {
		return municipalities.getBySlug("aabenraa").id();
	}

	/** A second participation coordinator of Aabenraa. */
	String otherCoordinator() {
		var username = "inddragelse-" + UUID.randomUUID().toString().substring(0, 8);
		var id = UUID.randomUUID();
		// user names are unique across the country through login_name (docs/scale.md)
		jdbc.sql("insert into login_name (username, municipality_id, staff_id) values (?, ?, ?)")
			.params(username, aabenraa(), id)
			.update();
		jdbc.sql("""
				insert into staff_user (id, municipality_id, username, display_name, password_hash, enabled, failed_logins,
				                        created_at)
				values (?, ?, ?, 'Anden koordinator', 'not a password', true, 0, ?)""")
			.params(id, aabenraa(), username, OffsetDateTime.now())
			.update();
		jdbc.sql("insert into staff_role (user_id, municipality_id, role) values (?, ?, 'PARTICIPATION_COORDINATOR')")
			.params(id, aabenraa())
			.update();
		return username;
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String between(String text, String before, String after) {
		int start = text.indexOf(before) + before.length();
		return text.substring(start, text.indexOf(after, start));
	}

}
