package dk.helhed.catalog.editions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.CatalogEditing;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.catalog.internal.editions.Editions;
import dk.helhed.municipality.Municipalities;
import dk.helhed.support.StaffFixture;

/**
 * The edition pages through HTTP: the public list, an edition as a page and as a PDF, the catalog as a PDF, the
 * staff page that publishes, the comparison, and the rules that keep anonymous visitors, other roles, forged requests
 * and hostile input out. The tests share one database and do not assume an order.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EditionPagesTests {

	@Autowired
	StaffFixture demo;

	@TestBean(name = "clock", methodName = "dk.helhed.catalog.editions.EditionPagesTests#aprilClock")
	Clock clock;

	static Clock aprilClock() {
		return Clock.fixed(Instant.parse("2027-04-12T08:00:00Z"), ZoneId.of("Europe/Copenhagen"));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalogs catalogs;

	@Autowired
	CatalogEditing editing;

	@Autowired
	Editions editions;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	Service service(String key) {
		return catalogs.of("aabenraa").service(key).orElseThrow();
	}

	int storedEditions() {
		return jdbc.sql("select count(*) from catalog_edition").query(Integer.class).single();
	}

	int latestNumber() {
		return editions.latest(municipalities.getBySlug("aabenraa").id()).orElseThrow().number();
	}

	String html(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void everyoneCanListTheEditionsAndReadTheFourth() throws Exception {
		assertThat(html(get("/aabenraa/udgaver"))).contains("Udgaver af Indsatskatalog 2026-2027", "4. udgave",
				"1. juli 2026", "Fra kommunens datafil", "/aabenraa/udgaver/4.pdf");

		var fourth = html(get("/aabenraa/udgaver/4"));
		assertThat(fourth).contains("class=\"print-catalog\"", "4. udgave, juli 2026", "Arkiveret udgave", "Indhold",
				"Rehabilitering og forebyggelse", "Aktiv afsoning", "Organisationer og selvejende institutioner",
				"href=\"/aabenraa/udgaver/4.pdf\"", "/css/catalog-print");
		assertThat(fourth).doesNotContain("<bookmarks");

		var english = html(get("/aabenraa/udgaver?lang=en"));
		assertThat(english).contains("Editions of Indsatskatalog 2026-2027");
	}

	@Test
	void theFourthEditionAndTheCurrentCatalogAreOfferedAsPdf() throws Exception {
		var edition = mvc.perform(get("/aabenraa/udgaver/4.pdf"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition",
					org.hamcrest.Matchers.containsString("aabenraa-indsatskatalog-4-udgave.pdf")))
			.andReturn().getResponse().getContentAsByteArray();
		try (var document = Loader.loadPDF(edition)) {
			assertThat(new PDFTextStripper().getText(document)).contains("4. udgave, juli 2026", "Aktiv afsoning");
		}

		var current = mvc.perform(get("/aabenraa/udskriv.pdf"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn().getResponse().getContentAsByteArray();
		try (var document = Loader.loadPDF(current)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(20);
			assertThat(new PDFTextStripper().getText(document)).contains("Udskrevet fra Helhed 12. april 2027");
		}
		assertThat(html(get("/aabenraa/udskriv"))).contains("href=\"/aabenraa/udskriv.pdf\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/aabenraa/udgaver/999", "/aabenraa/udgaver/999.pdf", "/aabenraa/udgaver/0",
			"/aabenraa/udgaver/1234567", "/aabenraa/udgaver/fire", "/aabenraa/udgaver/-4",
			"/aabenraa/udgaver/forskelle?fra=4&til=999", "/findes-ikke/udgaver", "/findes-ikke/udgaver/4.pdf",
			"/findes-ikke/udskriv.pdf", "/aarhus/udgaver/4" })
	void unknownEditionsAreNotFound(String address) throws Exception {
		mvc.perform(get(address)).andExpect(status().isNotFound());
	}

	@Test
	void malformedComparisonsAreBadRequests() throws Exception {
		mvc.perform(get("/aabenraa/udgaver/forskelle?fra=fire")).andExpect(status().isBadRequest());
		mvc.perform(get("/aabenraa/udgaver/forskelle")).andExpect(status().isBadRequest());
		mvc.perform(get("/personale/udgaver/diff?fra=4&til=x").with(user(demo.login("redaktoer"))))
			.andExpect(status().isBadRequest());
	}

	@Test
	void staffPagesNeedALoginAndTheCatalogEditorRole() throws Exception {
		var before = storedEditions();

		mvc.perform(get("/personale/udgaver")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/log-ind"));
		mvc.perform(get("/personale/udgaver/diff?fra=4")).andExpect(redirectedUrl("/log-ind"));
		mvc.perform(post("/personale/udgaver").param("note", "Anonym").with(csrf()))
			.andExpect(redirectedUrl("/log-ind"));
		for (var username : new String[] { "visitation", "admin" }) {
			mvc.perform(get("/personale/udgaver").with(user(demo.login(username)))).andExpect(status().isForbidden());
			mvc.perform(get("/personale/udgaver/diff?fra=4").with(user(demo.login(username))))
				.andExpect(status().isForbidden());
			mvc.perform(post("/personale/udgaver").param("note", "Forsøg").with(user(demo.login(username))).with(csrf()))
				.andExpect(status().isForbidden());
		}
		mvc.perform(post("/personale/udgaver").param("note", "Uden CSRF").with(user(demo.login("redaktoer"))))
			.andExpect(status().isForbidden());

		assertThat(storedEditions()).isEqualTo(before);
		assertThat(html(get("/personale").with(user(demo.login("redaktoer"))))).contains("href=\"/personale/udgaver\"");
		assertThat(html(get("/personale").with(user(demo.login("visitation"))))).doesNotContain("/personale/udgaver");
	}

	@Test
	void theEditorPublishesAfterAChangeAndTheComparisonShowsTheChangedField() throws Exception {
		var editor = demo.staff("redaktoer");
		var previous = latestNumber();
		var advice = service("borgerraadgiver");
		editing.edit(editor, advice.id(), advice.version(), Renamed.summary(advice, "Uvildig hjælp i mødet med kommunen."));

		var page = html(get("/personale/udgaver").with(user(demo.login("redaktoer"))));
		assertThat(page).contains("Udgiv ny udgave", "Ændret siden", "<span>1</span> ændrede indsatser");

		mvc.perform(post("/personale/udgaver").param("label", "").param("note", "Ny tekst om borgerrådgiveren.")
			.param("handling", "udgiv").with(user(demo.login("redaktoer"))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/personale/udgaver"))
			.andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString((previous + 1) + ". udgave")));
		var published = latestNumber();
		assertThat(published).isEqualTo(previous + 1);

		var staffDiff = html(get("/personale/udgaver/diff?fra=" + previous + "&til=" + published)
			.with(user(demo.login("redaktoer"))));
		assertThat(staffDiff).contains("Ændrede indsatser", advice.name(), "Kort beskrivelse", advice.summary(),
				"Uvildig hjælp i mødet med kommunen.");
		var publicDiff = html(get("/aabenraa/udgaver/forskelle?fra=" + previous + "&til=" + published));
		assertThat(publicDiff).contains(advice.name(), "Kort beskrivelse", "Uvildig hjælp i mødet med kommunen.");
		assertThat(html(get("/aabenraa/udgaver"))).contains(published + ". udgave", "12. april 2027",
				"Ny tekst om borgerrådgiveren.");
		assertThat(html(get("/aabenraa/udskriv"))).contains(published + ". udgave, april 2027");

		// Edited after publishing: the edition keeps what it had.
		var edited = service("borgerraadgiver");
		editing.edit(editor, edited.id(), edited.version(), Renamed.name(edited, "Kommunens borgerrådgiver"));
		assertThat(html(get("/aabenraa/udgaver/" + published))).contains(advice.name())
			.doesNotContain("Kommunens borgerrådgiver");
		assertThat(html(get("/aabenraa/indsatser/borgerraadgiver"))).contains("Kommunens borgerrådgiver");
	}

	@Test
	void theComparisonNamesAccessAndOpeningHoursInDanishNotInTheHistorysCodes() throws Exception {
		var editor = demo.staff("redaktoer");
		var previous = latestNumber();
		var cafe = service("den-blaa-it-cafe");
		var before = cafe.content().accessMode();
		var after = before == AccessMode.OPEN_ANONYMOUS ? AccessMode.SELF_REFERRAL : AccessMode.OPEN_ANONYMOUS;
		editing.edit(editor, cafe.id(), cafe.version(), Renamed.accessAndHours(cafe, after,
				List.of(new Service.Schedule(null, null, "MO,TU", LocalTime.of(9, 0), LocalTime.of(15, 0), null))));
		mvc.perform(post("/personale/udgaver").param("label", "").param("note", "Nye åbningstider i it-caféen.")
			.param("handling", "udgiv").with(user(demo.login("redaktoer"))).with(csrf()))
			.andExpect(status().is3xxRedirection());
		var published = latestNumber();

		var publicDiff = html(get("/aabenraa/udgaver/forskelle?fra=" + previous + "&til=" + published));
		var staffDiff = html(get("/personale/udgaver/diff?fra=" + previous + "&til=" + published)
			.with(user(demo.login("redaktoer"))));

		for (var diff : List.of(publicDiff, staffDiff)) {
			assertThat(diff).contains(cafe.name(), "Adgang", "Åbningstider", "mandag")
				.contains(">" + accessLabel(before) + "<", ">" + accessLabel(after) + "<")
				.doesNotContain(">" + before.name() + "<", ">" + after.name() + "<", "MO,TU", "access_mode",
						"schedules");
		}
	}

	/** The short Danish name of an access mode, as the service pages show it. */
	private static String accessLabel(AccessMode mode) {
		return switch (mode) {
			case OPEN -> "Åbent";
			case OPEN_ANONYMOUS -> "Anonymt";
			case ASSESSMENT_DECISION -> "Kommunen vurderer først";
			case SELF_REFERRAL -> "Henvend dig selv";
			case FOR_PROFESSIONALS -> "For fagfolk";
		};
	}

	@Test
	void publishingAnUnchangedCatalogWithoutANoteIsRefusedWithAMessage() throws Exception {
		mvc.perform(post("/personale/udgaver").param("note", "Udgangspunkt").param("handling", "udgiv")
			.with(user(demo.login("redaktoer"))).with(csrf()))
			.andExpect(redirectedUrl("/personale/udgaver"));
		var before = storedEditions();

		var page = mvc.perform(post("/personale/udgaver").param("label", "Igen").param("note", "")
			.with(user(demo.login("redaktoer"))).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Intet er ændret siden", "Skriv i noten", "value=\"Igen\"");
		assertThat(storedEditions()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "long-label", "control-label", "long-note", "control-note", "script" })
	void hostileInputIsRefusedWithAMessageAndNothingIsStored(String attack) throws Exception {
		var before = storedEditions();
		var label = switch (attack) {
			case "long-label" -> "Udgave ".repeat(100);
			case "control-label" -> "Udgave\u0007\u0000";
			case "script" -> "<script>alert(1)</script>".repeat(3);
			default -> "";
		};
		var note = switch (attack) {
			case "long-note" -> "Note ".repeat(5000);
			case "control-note" -> "Note \u001b]8;;https://example.org\u0007";
			default -> "Note";
		};

		var page = mvc.perform(post("/personale/udgaver").param("label", label).param("note", note)
			.with(user(demo.login("redaktoer"))).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).containsAnyOf("Betegnelsen må", "Betegnelsen indeholder", "Noten må", "Noten indeholder");
		assertThat(page).doesNotContain("<script>alert(1)</script>");
		assertThat(storedEditions()).isEqualTo(before);
	}

	@Test
	void publishingAsksForAConfirmationThatSaysWhatHappensThenShowsAReceipt() throws Exception {
		var editor = demo.staff("redaktoer");
		var advice = service("borgerraadgiver");
		editing.edit(editor, advice.id(), advice.version(), Renamed.summary(advice, "Hjælp før et møde med kommunen."));
		var before = storedEditions();
		var next = latestNumber() + 1;

		var confirmation = html(post("/personale/udgaver").param("label", "").param("note", "Rettet beskrivelse.")
			.with(user(demo.login("redaktoer"))).with(csrf()));

		assertThat(confirmation).contains("Udgiv " + "<span>" + next + ". udgave</span>?", "Bekræft: udgiv " + next
				+ ". udgave", "aktive indsatser", "Alle kan læse den", "kan ikke ændres eller trækkes tilbage",
				"<span>1</span> ændrede indsatser", "Rettet beskrivelse.", "Ja, udgiv kataloget",
				"Nej, gå tilbage og ret");
		assertThat(storedEditions()).as("nothing is published before the confirmation").isEqualTo(before);

		var back = html(post("/personale/udgaver").param("label", "Rettet").param("note", "Rettet beskrivelse.")
			.param("handling", "ret").with(user(demo.login("redaktoer"))).with(csrf()));
		assertThat(back).contains("value=\"Rettet\"", "Rettet beskrivelse.</textarea>");
		assertThat(storedEditions()).isEqualTo(before);

		var published = mvc.perform(post("/personale/udgaver").param("label", "").param("note", "Rettet beskrivelse.")
			.param("handling", "udgiv").with(user(demo.login("redaktoer"))).with(csrf()))
			.andExpect(redirectedUrl("/personale/udgaver"))
			.andReturn();
		assertThat(latestNumber()).isEqualTo(next);
		assertThat(published.getFlashMap().get("receipt")).as("the receipt").isNotNull();
		// The receipt is a flash attribute, kept in the session until the page after the redirect shows it.
		var session = published.getResponse().getCookie("SESSION");
		assertThat(session).as("the session that holds the receipt").isNotNull();
		var receipt = html(get("/personale/udgaver").with(user(demo.login("redaktoer"))).cookie(session));
		assertThat(receipt).contains("Kvittering", next + ". udgave", "Udgivet af", "Demo Katalogredaktør",
				"/aabenraa/udgaver/" + next + ".pdf");
	}
}
