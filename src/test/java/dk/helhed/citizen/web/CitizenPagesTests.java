package dk.helhed.citizen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dk.helhed.catalog.Services;
import dk.helhed.municipality.Municipalities;
import dk.helhed.support.SyntheticCpr;

/**
 * The citizen pages through HTTP, with case work's real access decisions: who may see which page, one audit row
 * per request that touches a citizen, no CPR number in any URL the application produces, emergency access that
 * does not tell whether a person is known before a reason is given, and hostile input that is refused with a
 * Danish message and stores nothing. All citizens are synthetic.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CitizenPagesTests {

	private static final Pattern URL_ATTRIBUTE = Pattern.compile("(?:href|action|src)=\"([^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	@Autowired
	Services services;

	static String syntheticCpr() {
		return SyntheticCpr.random();
	}

	MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String username) throws Exception {
		var response = mvc.perform(request.with(user(accounts.loadUserByUsername(username))).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as("never a server error").isLessThan(500);
		assertNoCprInUrls(response);
		return response;
	}

	static void assertNoCprInUrls(MockHttpServletResponse response) throws Exception {
		var location = response.getHeader("Location");
		if (location != null) {
			assertThat(SyntheticCpr.appearsIn(location)).as("CPR-like number in Location " + location).isFalse();
		}
		var body = response.getContentAsString();
		var urls = URL_ATTRIBUTE.matcher(body);
		while (urls.find()) {
			assertThat(SyntheticCpr.appearsIn(urls.group(1))).as("CPR-like number in URL " + urls.group(1)).isFalse();
		}
	}

	int auditRows() {
		return jdbc.sql("select count(*) from audit_event").query(Integer.class).single();
	}

	int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	/** Performs the request and checks that it wrote exactly this many audit rows. */
	MockHttpServletResponse audited(int rows, MockHttpServletRequestBuilder request, String username)
			throws Exception {
		int before = auditRows();
		var response = perform(request, username);
		assertThat(auditRows() - before).as("audit rows written by " + request).isEqualTo(rows);
		return response;
	}

	UUID register(String username, String cpr, String name) throws Exception {
		var response = audited(1, post("/personale/borgere").param("cpr", cpr).param("name", name)
			.param("phone", "").param("email", "").param("address", "").param("preferredLanguage", ""), username);
		assertThat(response.getStatus()).isEqualTo(302);
		return UUID.fromString(response.getRedirectedUrl().substring("/personale/borgere/".length()));
	}

	UUID unit(String key) {
		return municipalities.unitsOf(municipalities.getBySlug("aabenraa").id())
			.stream()
			.filter(unit -> unit.key().equals(key))
			.findFirst()
			.orElseThrow()
			.id();
	}

	@Test
	void everyPageRendersForItsRoleAndIsRefusedToOthers() throws Exception {
		assertThat(perform(get("/personale/borgere"), "jobcenter").getContentAsString()).contains("Find en borger",
				"Registrér en borger", "Registrér en anonym kontakt");
		assertThat(perform(get("/personale/noedadgang"), "teamleder").getContentAsString())
			.contains("Nødadgang i dine enheder");
		assertThat(perform(get("/personale/noedadgang"), "jobcenter").getStatus()).isEqualTo(403);
		assertThat(perform(get("/personale/revision"), "dpo").getContentAsString()).contains("Revisionsspor");
		assertThat(perform(get("/personale/revision"), "jobcenter").getStatus()).isEqualTo(403);
		assertThat(perform(get("/personale/aktindsigt"), "dpo").getContentAsString()).contains("CPR-nummer");
		assertThat(perform(get("/personale/aktindsigt"), "teamleder").getStatus()).isEqualTo(403);
		assertThat(audited(1, post("/personale/revision").param("cpr", ""), "jobcenter").getStatus()).isEqualTo(403);
		assertThat(audited(1, post("/personale/aktindsigt").param("cpr", syntheticCpr()), "boligsag").getStatus())
			.isEqualTo(403);
		assertThat(mvc.perform(get("/personale/borgere")).andReturn().getResponse().getStatus()).isEqualTo(302);
	}

	@Test
	void aCaseworkerRegistersFindsAndWorksWithACitizenOneAuditRowPerRequest() throws Exception {
		var cpr = syntheticCpr();
		var id = register("jobcenter", cpr, "Side Testesen (syntetisk)");

		var page = audited(1, get("/personale/borgere/" + id), "jobcenter");
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getHeader("Cache-Control")).contains("no-store");
		assertThat(page.getContentAsString()).contains("Side Testesen (syntetisk)", cpr.substring(0, 6) + "-xxxx",
				"Jobcenteret", "Skriv et notat", "Registrér et samtykke").doesNotContain(cpr.substring(7));

		var found = audited(1, post("/personale/borgere/cpr").param("cpr", cpr), "jobcenter");
		assertThat(found.getStatus()).as("results in the POST response, no redirect").isEqualTo(200);
		assertThat(found.getContentAsString()).contains("/personale/borgere/" + id, "Side Testesen (syntetisk)");
		assertThat(audited(1, post("/personale/borgere/navn").param("navn", "Side Testesen"), "jobcenter")
			.getContentAsString()).contains("/personale/borgere/" + id);

		assertThat(audited(1, post("/personale/borgere/" + id + "/notater").param("category", "HOUSING")
			.param("text", "Bor hos sin søster. <b>fed</b>"), "jobcenter").getStatus()).isEqualTo(302);
		var withNote = audited(1, get("/personale/borgere/" + id), "jobcenter").getContentAsString();
		assertThat(withNote).contains("Bor hos sin søster. &lt;b&gt;fed&lt;/b&gt;").doesNotContain("<b>fed</b>");

		var consent = audited(1, post("/personale/borgere/" + id + "/samtykker").param("purpose", "Bolighjælp")
			.param("categories", "HOUSING").param("recipients", "enhed:" + unit("visitation"))
			.param("givenOn", LocalDate.now().toString()).param("expiresOn", LocalDate.now().plusMonths(6).toString())
			.param("givenHow", "VERBAL"), "jobcenter");
		assertThat(consent.getStatus()).isEqualTo(302);

		var seenByHousing = audited(1, get("/personale/borgere/" + id), "boligsag");
		assertThat(seenByHousing.getStatus()).isEqualTo(200);
		assertThat(seenByHousing.getContentAsString()).contains("Bor hos sin søster", "Bolighjælp")
			.doesNotContain("Skriv et notat");

		var consentId = jdbc.sql("select id from consent where citizen_id = ?").param(id).query(UUID.class).single();
		assertThat(audited(1, post("/personale/borgere/" + id + "/samtykker/" + consentId + "/tilbagekald")
			.param("ord", "Borgeren sagde: det vil jeg ikke mere."), "jobcenter").getStatus()).isEqualTo(302);
		assertThat(audited(1, get("/personale/borgere/" + id), "boligsag").getStatus())
			.as("withdrawal takes effect at once").isEqualTo(404);

		assertThat(audited(1, post("/personale/borgere/" + id + "/lovgrundlag").param("code", "RETSPLEJELOVEN_115")
			.param("categories", "HOUSING").param("recipient", "enhed:" + unit("visitation"))
			.param("validUntil", LocalDate.now().plusMonths(3).toString()), "jobcenter").getStatus())
			.as("only team leads record legal bases").isEqualTo(403);

		assertThat(audited(1, post("/personale/borgere/" + id + "/afslut"), "jobcenter").getStatus()).isEqualTo(302);
		assertThat(audited(1, get("/personale/borgere/" + id), "jobcenter").getStatus())
			.as("the last unit ended its case: nobody works with the citizen any more").isEqualTo(404);
		assertThat(jdbc.sql("select status from citizen where id = ?").param(id).query(String.class).single())
			.isEqualTo("CLOSED");
	}

	/** An active service of Aabenraa, by its name. */
	Services.Summary service(String name) {
		return services.activeOf(municipalities.getBySlug("aabenraa").id())
			.stream()
			.filter(service -> service.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	int notesOf(UUID citizenId) {
		return jdbc.sql("select count(*) from case_note where citizen_id = ?").param(citizenId).query(Integer.class)
			.single();
	}

	@Test
	void aNoteNamesTheServiceItWasWrittenIn() throws Exception {
		var id = register("jobcenter", syntheticCpr(), "Mentor Testesen (syntetisk)");
		var mentor = service("Beskæftigelsesrettet mentor");

		var form = audited(1, get("/personale/borgere/" + id), "jobcenter").getContentAsString();
		assertThat(form).contains("<option value=\"" + mentor.id() + "\">Beskæftigelsesrettet mentor</option>");

		assertThat(audited(1, post("/personale/borgere/" + id + "/notater").param("category", "EMPLOYMENT")
			.param("text", "Første møde med mentoren.").param("service", mentor.id().toString()), "jobcenter")
			.getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("select service_id from case_note where citizen_id = ?").param(id).query(UUID.class)
			.single()).isEqualTo(mentor.id());
		assertThat(audited(1, get("/personale/borgere/" + id), "jobcenter").getContentAsString())
			.contains("Indsats: Beskæftigelsesrettet mentor", "Første møde med mentoren.");

		assertThat(audited(1, post("/personale/borgere/" + id + "/notater").param("category", "HOUSING")
			.param("text", "Skal finde en bolig.").param("service", ""), "jobcenter").getStatus())
			.as("the service is optional").isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from case_note where citizen_id = ? and service_id is null").param(id)
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aServiceThatKeepsNoRecordsIsShownDisabledAndANoteInItIsRefused() throws Exception {
		var id = register("jobcenter", syntheticCpr(), "Pårørende Testesen (syntetisk)");
		var counsellor = service("Pårørenderådgiver");
		assertThat(counsellor.keepsNoRecords()).isTrue();
		assertThat(audited(1, get("/personale/borgere/" + id), "jobcenter").getContentAsString())
			.contains("<option value=\"" + counsellor.id() + "\" disabled=\"disabled\">Pårørenderådgiver (fører ikke "
					+ "notater)</option>");

		var refused = audited(1, post("/personale/borgere/" + id + "/notater").param("category", "NOTES")
			.param("text", "Talte med pårørenderådgiveren.").param("service", counsellor.id().toString()), "jobcenter");

		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("Det er ikke gemt",
				"„Pårørenderådgiver“ fører ikke optegnelser om de borgere, den hjælper. Der kan ikke skrives notater "
						+ "om en borger som en del af den.");
		assertThat(notesOf(id)).isZero();
	}

	@ParameterizedTest
	@MethodSource("servicesThatAreNotInTheList")
	void aNoteForAServiceThatIsNotInTheListIsRefused(String service, String message) throws Exception {
		var id = register("jobcenter", syntheticCpr(), "Ukendt Testesen (syntetisk)");

		var refused = audited(1, post("/personale/borgere/" + id + "/notater").param("category", "HOUSING")
			.param("text", "Et notat.").param("service", service), "jobcenter");

		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("Det er ikke gemt", message)
			.doesNotContain("<script>alert(1)</script>");
		assertThat(notesOf(id)).isZero();
	}

	static Stream<Arguments> servicesThatAreNotInTheList() {
		var listOnly = "Vælg indsatsen fra listen, eller lad feltet stå tomt.";
		return Stream.of(Arguments.of("ikke-et-id", listOnly), Arguments.of("<script>alert(1)</script>", listOnly),
				Arguments.of("x".repeat(100_000), listOnly),
				Arguments.of(UUID.randomUUID().toString(), "Indsatsen findes ikke i kommunens katalog."));
	}

	@Test
	void citizensOutsideOnesCaseOrMunicipalityAreNotFound() throws Exception {
		var id = register("jobcenter", syntheticCpr(), "Skjult Testesen (syntetisk)");
		assertThat(audited(1, get("/personale/borgere/" + id), "boligsag").getStatus()).isEqualTo(404);
		assertThat(audited(1, get("/personale/borgere/" + id), "nyansat").getStatus()).isEqualTo(404);
		assertThat(audited(1, get("/personale/borgere/" + id), "blaakors").getStatus()).isEqualTo(404);
		assertThat(audited(1, get("/personale/borgere/" + id), "sagsbehandler-aarhus").getStatus())
			.as("an id from another municipality").isEqualTo(404);
		assertThat(audited(1, get("/personale/borgere/" + UUID.randomUUID()), "jobcenter").getStatus())
			.isEqualTo(404);
		assertThat(audited(1, post("/personale/borgere/" + id + "/notater").param("category", "HOUSING")
			.param("text", "Forsøg"), "sagsbehandler-aarhus").getStatus()).isEqualTo(404);
		assertThat(audited(1, post("/personale/borgere/" + id + "/afslut"), "boligsag").getStatus()).isEqualTo(404);
		assertThat(perform(get("/personale/borgere/ikke-et-id"), "jobcenter").getStatus()).isEqualTo(400);
	}

	@Test
	void emergencyAccessDoesNotRevealWhetherACitizenExistsBeforeAReasonIsGiven() throws Exception {
		var cpr = syntheticCpr();
		var id = register("jobcenter", cpr, "Nød Testesen (syntetisk)");
		var unknownCpr = "01" + cpr.substring(2, 7) + "0000".substring(0, 4);

		var known = audited(1, post("/personale/borgere/cpr").param("cpr", cpr), "boligsag");
		var unknown = audited(1, post("/personale/borgere/cpr").param("cpr", unknownCpr), "boligsag");
		assertThat(known.getStatus()).isEqualTo(unknown.getStatus()).isEqualTo(200);
		assertThat(known.getContentAsString().replace(cpr, "X").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""))
			.as("the same page whether the municipality knows the person or not")
			.isEqualTo(unknown.getContentAsString().replace(unknownCpr, "X")
				.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""));
		assertThat(known.getContentAsString()).contains("Bed om nødadgang");

		int accesses = count("emergency_access");
		var tooShort = audited(0, post("/personale/borgere/noedadgang").param("cpr", cpr).param("reason", "akut"),
				"boligsag");
		assertThat(tooShort.getStatus()).isEqualTo(400);
		assertThat(tooShort.getContentAsString()).contains("mindst 20 tegn");
		assertThat(count("emergency_access")).isEqualTo(accesses);

		var reason = "Borgeren er kommet til skade og skal have akut hjælp nu";
		var noOne = audited(1, post("/personale/borgere/noedadgang").param("cpr", unknownCpr).param("reason", reason),
				"boligsag");
		assertThat(noOne.getStatus()).isEqualTo(404);
		assertThat(noOne.getContentAsString()).contains("Kommunen har ingen borger med det CPR-nummer");

		var granted = audited(1, post("/personale/borgere/noedadgang").param("cpr", cpr).param("reason", reason),
				"boligsag");
		assertThat(granted.getRedirectedUrl()).isEqualTo("/personale/borgere/" + id);
		assertThat(audited(1, get("/personale/borgere/" + id), "boligsag").getContentAsString())
			.contains("Du ser siden gennem nødadgang");
		assertThat(audited(1, post("/personale/borgere/noedadgang").param("cpr", cpr).param("reason", reason),
				"nyansat").getStatus()).as("no unit: refused before the lookup").isEqualTo(403);

		var review = perform(get("/personale/noedadgang"), "teamleder").getContentAsString();
		assertThat(review).contains(reason, "Demo Sagsbehandler, Visitation");
		var accessId = jdbc.sql("select id from emergency_access where citizen_id = ?").param(id).query(UUID.class)
			.single();
		assertThat(perform(post("/personale/noedadgang/" + accessId + "/set"), "teamleder").getStatus())
			.isEqualTo(302);
		assertThat(jdbc.sql("select seen_at from emergency_access where id = ?").param(accessId).query(Object.class)
			.single()).isNotNull();
		assertThat(perform(post("/personale/noedadgang/" + accessId + "/set"), "boligsag").getStatus())
			.isEqualTo(403);
	}

	@Test
	void anAnonymousContactIsJoinedWithTheCitizensAgreement() throws Exception {
		var anonymous = perform(post("/personale/borgere/anonym").param("pseudonym", "Fyrtårnet (syntetisk)")
			.param("birthYear", "1971"), "jobcenter");
		var anonymousId = UUID.fromString(anonymous.getRedirectedUrl().substring("/personale/borgere/".length()));
		var cpr = syntheticCpr();
		var identifiedId = register("jobcenter", cpr, "Samlet Testesen (syntetisk)");

		var confirm = audited(1, post("/personale/borgere/" + anonymousId + "/sammenlaeg/find").param("cpr", cpr),
				"jobcenter");
		assertThat(confirm.getContentAsString()).contains("Samlet Testesen (syntetisk)", "Borgeren har sagt ja");
		var withoutAgreement = audited(1, post("/personale/borgere/" + anonymousId + "/sammenlaeg")
			.param("identificeret", identifiedId.toString()), "jobcenter");
		assertThat(withoutAgreement.getStatus()).isEqualTo(400);
		assertThat(jdbc.sql("select status from citizen where id = ?").param(anonymousId).query(String.class)
			.single()).isEqualTo("OPEN");
		var joined = audited(1, post("/personale/borgere/" + anonymousId + "/sammenlaeg")
			.param("identificeret", identifiedId.toString()).param("samtykke", "ja"), "jobcenter");
		assertThat(joined.getRedirectedUrl()).isEqualTo("/personale/borgere/" + identifiedId);
		assertThat(jdbc.sql("select joined_into from citizen where id = ?").param(anonymousId).query(UUID.class)
			.single()).isEqualTo(identifiedId);
	}

	@Test
	void theDataProtectionOfficerSearchesTheLogAndProducesTheAccessAccount() throws Exception {
		var cpr = syntheticCpr();
		var id = register("jobcenter", cpr, "Revision Testesen (syntetisk)");
		perform(get("/personale/borgere/" + id), "jobcenter");

		var log = audited(1, post("/personale/revision").param("cpr", cpr).param("from", "").param("to", "")
			.param("action", "").param("username", ""), "dpo");
		assertThat(log.getStatus()).isEqualTo(200);
		assertThat(log.getContentAsString()).contains("jobcenter", "Jobcenteret", "Oprettet", "Læst", "Egen sag")
			.doesNotContain(cpr.substring(7));
		assertThat(audited(1, post("/personale/revision").param("username", "jobcenter").param("action", "READ")
			.param("from", LocalDate.now().minusDays(1).toString()).param("to", LocalDate.now().toString()), "dpo")
			.getContentAsString()).contains("jobcenter").doesNotContain("<td>dpo</td>");

		var account = audited(1, post("/personale/aktindsigt").param("cpr", cpr), "dpo");
		assertThat(account.getContentAsString()).contains("Jobcenteret", "Hent som PDF")
			.doesNotContain("Demo Sagsbehandler");
		var pdf = audited(1, post("/personale/aktindsigt/pdf").param("cpr", cpr), "dpo");
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
		assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment").doesNotContain(cpr.substring(0, 6));
		assertThat(audited(0, post("/personale/aktindsigt").param("cpr", "123"), "dpo").getStatus()).isEqualTo(400);
	}

	@Test
	void theAuditLogSpeaksInWordsAndARefusedReadNamesWhomItConcerned() throws Exception {
		var cpr = syntheticCpr();
		var name = "Ordret Revisionsen (syntetisk)";
		var id = register("jobcenter", cpr, name);
		perform(get("/personale/borgere/" + id), "blaakors");
		perform(get("/personale/borgere/" + id), "redaktoer");

		var log = audited(1, post("/personale/revision").param("cpr", cpr).param("from", "").param("to", "")
			.param("action", "").param("username", ""), "dpo").getContentAsString();

		var table = log.substring(log.indexOf("<table"), log.indexOf("</table>"));
		assertThat(table).contains(name, "Oprettet: borgerens sag", "Jobcenteret · Sagsbehandler", "Egen sag",
				"Formål: sagsbehandling", "Afvist", "blaakors", "redaktoer")
			.doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-")
			.doesNotContain("CASEWORKER", "OWN_CASE", "REFUSED", ">citizen<");
		var refused = table.split("<tr").length;
		assertThat(java.util.Arrays.stream(table.split("<tr"))
			.filter(row -> row.contains("Afvist"))
			.toList()).as("each refused read names the citizen it concerned").hasSize(2)
			.allSatisfy(row -> assertThat(row).contains(name));
		assertThat(refused).isGreaterThan(3);
	}

	@Test
	void theAccessAccountIsALetterByDayAndUnitWithTheOfficersChecksApartAndATaggedPdf() throws Exception {
		var cpr = syntheticCpr();
		var id = register("jobcenter", cpr, "Brev Modtagersen (syntetisk)");
		perform(get("/personale/borgere/" + id), "jobcenter");
		audited(1, post("/personale/revision").param("cpr", cpr), "dpo");

		var page = audited(1, post("/personale/aktindsigt").param("cpr", cpr), "dpo").getContentAsString();

		var letter = page.substring(page.indexOf("class=\"access-letter\""), page.indexOf("action=\"/personale/aktindsigt/pdf\""));
		var caseWork = letter.substring(0, letter.indexOf("Når kommunen kontrollerer loggen"));
		var checks = letter.substring(letter.indexOf("Når kommunen kontrollerer loggen"), letter.indexOf("Dine rettigheder"));
		assertThat(caseWork).contains("<h3>", "<h4>Jobcenteret</h4>", "Kl. ", "Skrev nye oplysninger",
				"Så dine oplysninger").doesNotContain("Kontrollerede loggen").doesNotContain("Demo Sagsbehandler");
		assertThat(checks).contains("Kontrollerede loggen").doesNotContain("Jobcenteret");
		assertThat(letter).contains("Dine rettigheder", "få rettet oplysninger", "Hvis du vil klage", "Datatilsynet")
			.doesNotContain(cpr.substring(7));

		var pdf = audited(1, post("/personale/aktindsigt/pdf").param("cpr", cpr), "dpo").getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			var catalog = document.getDocumentCatalog();
			assertThat(catalog.getMarkInfo()).as("tagged").isNotNull();
			assertThat(catalog.getMarkInfo().isMarked()).isTrue();
			assertThat(catalog.getStructureTreeRoot()).as("structure tree").isNotNull();
			assertThat(catalog.getLanguage()).isEqualTo("da");
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Hvem har brugt dine oplysninger");
			for (var pageOfPdf : document.getPages()) {
				for (var fontName : pageOfPdf.getResources().getFontNames()) {
					var font = pageOfPdf.getResources().getFont(fontName);
					assertThat(font.isEmbedded()).as("%s is embedded", font.getName()).isTrue();
				}
			}
			var text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("Hvem har set dine oplysninger", "Jobcenteret", "Dine rettigheder",
					"Datatilsynet");
		}
	}

	@Test
	void aPageWithMistakesSaysSoInItsTitleAndFocusesTheSummaryAndSoDoErrorPages() throws Exception {
		var mistaken = perform(post("/personale/borgere").param("cpr", "320199-1234").param("name", "A")
			.param("phone", "").param("email", "").param("address", "").param("preferredLanguage", ""), "jobcenter");
		assertThat(mistaken.getStatus()).isEqualTo(400);
		assertThat(mistaken.getContentAsString()).contains("<title>Fejl: Borgere – Helhed</title>")
			.containsPattern("class=\"messages error-summary\" role=\"alert\" tabindex=\"-1\" autofocus");
		assertThat(perform(get("/personale/borgere"), "jobcenter").getContentAsString())
			.contains("<title>Borgere – Helhed</title>");

		var missing = perform(get("/personale/borgere/" + UUID.randomUUID()), "jobcenter");
		assertThat(missing.getStatus()).isEqualTo(404);
		assertThat(missing.getContentAsString()).contains("<title>Fejl: ")
			.contains("class=\"error-summary\" tabindex=\"-1\" autofocus");
	}

	static Stream<Arguments> hostileInput() {
		var huge = "x".repeat(100_000);
		var script = "<script>alert(1)</script>";
		var control = "Navn\u0000med\u0007kontrol";
		return Stream.of(
				Arguments.of("/personale/borgere", new String[] { "cpr", "3213999-1234", "name", "A" }, "citizen"),
				Arguments.of("/personale/borgere", new String[] { "cpr", "320101-1234", "name", "A" }, "citizen"),
				Arguments.of("/personale/borgere", new String[] { "cpr", script, "name", script }, "citizen"),
				Arguments.of("/personale/borgere", new String[] { "cpr", "010101-1234", "name", huge }, "citizen"),
				Arguments.of("/personale/borgere", new String[] { "cpr", "010101-1234", "name", control }, "citizen"),
				Arguments.of("/personale/borgere",
						new String[] { "cpr", "010101-1234", "name", "A", "email", "ikke en adresse" }, "citizen"),
				Arguments.of("/personale/borgere/anonym", new String[] { "pseudonym", huge }, "citizen"),
				Arguments.of("/personale/borgere/anonym", new String[] { "pseudonym", "Ok", "birthYear", "1'; drop" },
						"citizen"),
				Arguments.of("/personale/borgere/anonym", new String[] { "pseudonym", "Ok", "birthYear", "1800" },
						"citizen"),
				Arguments.of("/personale/borgere/cpr", new String[] { "cpr", huge }, "citizen"),
				Arguments.of("/personale/borgere/navn", new String[] { "navn", control }, "citizen"),
				Arguments.of("/personale/borgere/navn", new String[] { "navn", huge }, "citizen"),
				Arguments.of("/personale/borgere/noedadgang", new String[] { "cpr", "999999-9999", "reason", huge },
						"emergency_access"),
				Arguments.of("/personale/borgere/noedadgang",
						new String[] { "cpr", script, "reason", "En lang nok begrundelse for adgang" },
						"emergency_access"));
	}

	@ParameterizedTest
	@MethodSource("hostileInput")
	void hostileInputIsRefusedWithADanishMessageAndStoresNothing(String path, String[] fields, String table)
			throws Exception {
		var request = post(path);
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		int rows = count(table);
		var response = perform(request, "jobcenter");
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).containsAnyOf("skal", "Skriv", "må", "ser ikke", "Vælg", "Beskriv")
			.doesNotContain("<script>alert(1)</script>");
		assertThat(count(table)).isEqualTo(rows);
	}

	static Stream<Arguments> hostileCaseInput() {
		var huge = "x".repeat(100_000);
		var today = LocalDate.now();
		return Stream.of(
				Arguments.of("notater", new String[] { "category", "HOUSING", "text", huge }, "case_note"),
				Arguments.of("notater", new String[] { "category", "HOUSING", "text", "ok\u0000" }, "case_note"),
				Arguments.of("notater", new String[] { "category", "<script>", "text", "ok" }, "case_note"),
				Arguments.of("notater", new String[] { "category", "HOUSING", "text", "   " }, "case_note"),
				Arguments.of("samtykker", new String[] { "purpose", "Formål", "categories", "HOUSING", "recipients",
						"enhed:" + UUID.randomUUID(), "givenOn", today.toString(), "expiresOn",
						today.plusMonths(1).toString(), "givenHow", "WRITTEN" }, "consent"),
				Arguments.of("samtykker", new String[] { "purpose", "Formål", "categories", "HOUSING", "recipients",
						"enhed:x", "givenOn", "31-02-2026", "expiresOn", "i morgen", "givenHow", "WRITTEN" },
						"consent"),
				Arguments.of("samtykker", new String[] { "purpose", "Formål", "categories", "HOUSING", "givenOn",
						today.toString(), "expiresOn", today.minusDays(3).toString(), "givenHow", "ORALLY" },
						"consent"),
				Arguments.of("samtykker", new String[] { "purpose", huge, "categories", "SECRETS" }, "consent"));
	}

	@ParameterizedTest
	@MethodSource("hostileCaseInput")
	void hostileInputOnTheCitizensPageIsRefusedAndStoresNothing(String action, String[] fields, String table)
			throws Exception {
		var id = register("jobcenter", syntheticCpr(), "Fjendtlig Testesen (syntetisk)");
		var request = post("/personale/borgere/" + id + "/" + action);
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		int rows = count(table);
		var response = audited(1, request, "jobcenter");
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("Det er ikke gemt")
			.containsAnyOf("skal", "Skriv", "må", "Vælg", "findes ikke");
		assertThat(count(table)).isEqualTo(rows);
	}

	@Test
	void theDemoCitizensAreThereAndSynthetic() throws Exception {
		assertThat(jdbc.sql("select count(*) from citizen where synthetic = true and (name like '%(syntetisk)' "
				+ "or pseudonym like '%(syntetisk)')").query(Integer.class).single()).isGreaterThanOrEqualTo(4);
		var found = perform(post("/personale/borgere/navn").param("navn", "syntetisk"), "rusmiddel")
			.getContentAsString();
		assertThat(found).contains("Mads Testesen (syntetisk)", "Ali Eksempelsen (syntetisk)")
			.doesNotContain("Sofie Prøvesen");
	}
}
