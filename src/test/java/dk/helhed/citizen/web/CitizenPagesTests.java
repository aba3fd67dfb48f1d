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
				"Jobcenteret", "Skriv et notat", "Registrér et samtykke").doesNotContainPattern(standalone(cpr.substring(7)));

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
			.doesNotContainPattern(standalone(cpr.substring(7)));
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
			.doesNotContainPattern(standalone(cpr.substring(7)));

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

	/** Sends a form that redirects with a receipt, checks that it wrote one audit row, and gives the receipt. */
	String receipt(MockHttpServletRequestBuilder request, String username) throws Exception {
		int before = auditRows();
		var result = mvc.perform(request.with(user(accounts.loadUserByUsername(username))).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(auditRows() - before).as("audit rows").isEqualTo(1);
		return String.valueOf(result.getFlashMap().get("message"));
	}

	UUID partner(String key) {
		return municipalities.partnersOf(municipalities.getBySlug("aabenraa").id())
			.stream()
			.filter(partner -> partner.key().equals(key))
			.findFirst()
			.orElseThrow()
			.id();
	}

	/**
	 * Issue 8: a partner organisation does not join a record by CPR number; a unit of the case involves it, with a
	 * reason, through a confirmation page and a receipt. Before, Blå Kors sees nothing; after, its own case (its own
	 * notes) and of other units' notes only what a consent the holding unit recorded gives it; the other units of the
	 * case are told; the unit ends the organisation's work again, and Blå Kors sees nothing.
	 */
	@Test
	void aUnitInvolvesAPartnerOrganisationWhichThenSeesOnlyItsOwnCaseAndWhatAConsentGivesIt() throws Exception {
		var cpr = syntheticCpr();
		var id = register("jobcenter", cpr, "Partner Testesen (syntetisk)");
		var blaaKors = partner("blaa-kors").toString();
		assertThat(perform(post("/personale/borgere/" + id + "/notater").param("category", "HOUSING")
			.param("text", "Jobcentrets boligsnotat"), "jobcenter").getStatus()).isEqualTo(302);
		assertThat(perform(post("/personale/borgere/" + id + "/notater").param("category", "EMPLOYMENT")
			.param("text", "Jobcentrets beskæftigelsesnotat"), "jobcenter").getStatus()).isEqualTo(302);
		register("boligsag", cpr, "Partner Testesen (syntetisk)");
		assertThat(perform(post("/personale/borgere/" + id + "/notater").param("category", "HOUSING")
			.param("text", "Visitations boligsnotat"), "boligsag").getStatus()).isEqualTo(302);

		assertThat(audited(1, get("/personale/borgere/" + id), "blaakors").getStatus()).as("before").isEqualTo(404);
		assertThat(audited(1, post("/personale/borgere/" + id + "/samarbejdspartnere/bekraeft")
			.param("organisation", blaaKors).param("begrundelse", "Borgeren vil have støtte fra værestedet."),
				"blaakors").getStatus()).as("the organisation cannot involve itself").isEqualTo(404);

		var page = perform(get("/personale/borgere/" + id), "jobcenter").getContentAsString();
		assertThat(page).contains("Samarbejdspartnere", "Inddrag samarbejdspartneren", "Blå Kors");

		int involvements = count("involvement");
		var tooShort = audited(1, post("/personale/borgere/" + id + "/samarbejdspartnere/bekraeft")
			.param("organisation", blaaKors).param("begrundelse", "kort"), "jobcenter");
		assertThat(tooShort.getStatus()).isEqualTo(400);
		assertThat(tooShort.getContentAsString()).contains("hvorfor samarbejdspartneren skal med i sagen");
		var unknown = audited(1, post("/personale/borgere/" + id + "/samarbejdspartnere")
			.param("organisation", UUID.randomUUID().toString()).param("begrundelse", "Borgeren vil have støtte."),
				"jobcenter");
		assertThat(unknown.getStatus()).isEqualTo(400);
		assertThat(unknown.getContentAsString()).contains("Samarbejdspartneren findes ikke i kommunen.");
		assertThat(count("involvement")).as("nothing changed by the refusals").isEqualTo(involvements);

		var confirm = audited(1, post("/personale/borgere/" + id + "/samarbejdspartnere/bekraeft")
			.param("organisation", blaaKors).param("begrundelse", "Borgeren vil have støtte fra værestedet."),
				"jobcenter");
		assertThat(confirm.getStatus()).isEqualTo(200);
		assertThat(confirm.getContentAsString()).contains("Inddrag en samarbejdspartner", "Ja, inddrag organisationen",
				"Visitation");
		assertThat(count("involvement")).as("the confirmation page changes nothing").isEqualTo(involvements);
		assertThat(receipt(post("/personale/borgere/" + id + "/samarbejdspartnere").param("organisation", blaaKors)
			.param("begrundelse", "Borgeren vil have støtte fra værestedet."), "jobcenter"))
			.startsWith("Kvittering: Blå Kors er med");
		assertThat(jdbc.sql("select count(*) from audit_event where citizen_id = ? and resource = ?")
			.params(id, "partner involved " + blaaKors).query(Integer.class).single()).isEqualTo(1);
		assertThat(perform(get("/personale/borgere/" + id), "boligsag").getContentAsString())
			.as("the other unit is told").contains("Blå Kors er kommet med i sagen.");
		assertThat(perform(get("/personale/borgere/" + id), "jobcenter").getContentAsString())
			.contains("Afslut samarbejdet med Blå Kors", "/samarbejdspartnere/afslut?organisation=" + blaaKors);

		// Its own case: its own notes, none of the units' notes without a consent.
		assertThat(perform(post("/personale/borgere/" + id + "/notater").param("category", "NOTES")
			.param("text", "Blå Kors' eget notat"), "blaakors").getStatus()).isEqualTo(302);
		var own = audited(1, get("/personale/borgere/" + id), "blaakors");
		assertThat(own.getStatus()).isEqualTo(200);
		assertThat(own.getContentAsString()).contains("Blå Kors&#39; eget notat")
			.doesNotContain("Jobcentrets boligsnotat", "Visitations boligsnotat", "Jobcentrets beskæftigelsesnotat");
		assertThat(perform(post("/personale/borgere/" + id + "/samarbejdspartnere/bekraeft")
			.param("organisation", partner("arwos").toString()).param("begrundelse", "Borgeren vil gerne have hjælp."),
				"blaakors").getStatus()).as("a partner does not involve others").isEqualTo(403);

		// A consent the job centre records for housing passes on the job centre's housing note, nothing else.
		assertThat(perform(post("/personale/borgere/" + id + "/samtykker").param("purpose", "Støtte fra Blå Kors")
			.param("categories", "HOUSING").param("recipients", "organisation:" + blaaKors)
			.param("givenOn", LocalDate.now().toString()).param("expiresOn", LocalDate.now().plusMonths(3).toString())
			.param("givenHow", "WRITTEN"), "jobcenter").getStatus()).isEqualTo(302);
		assertThat(perform(get("/personale/borgere/" + id), "blaakors").getContentAsString())
			.contains("Jobcentrets boligsnotat")
			.doesNotContain("Visitations boligsnotat", "Jobcentrets beskæftigelsesnotat");

		// The unit ends the organisation's work: a confirmation page, a receipt, and Blå Kors sees nothing.
		var ending = audited(1, get("/personale/borgere/" + id + "/samarbejdspartnere/afslut")
			.param("organisation", blaaKors), "jobcenter");
		assertThat(ending.getStatus()).isEqualTo(200);
		assertThat(ending.getContentAsString()).contains("Ja, afslut organisationens arbejde");
		assertThat(receipt(post("/personale/borgere/" + id + "/samarbejdspartnere/afslut")
			.param("organisation", blaaKors), "jobcenter")).startsWith("Kvittering: Blå Kors arbejder ikke");
		assertThat(audited(1, get("/personale/borgere/" + id), "blaakors").getContentAsString())
			.as("after: only what the consent still gives").contains("Jobcentrets boligsnotat")
			.doesNotContain("eget notat", "Visitations boligsnotat");
		var consent = jdbc.sql("select id from consent where citizen_id = ?").param(id).query(UUID.class).single();
		assertThat(perform(post("/personale/borgere/" + id + "/samtykker/" + consent + "/tilbagekald")
			.param("ord", "Jeg vil ikke dele mere med Blå Kors."), "jobcenter").getStatus()).isEqualTo(302);
		assertThat(audited(1, get("/personale/borgere/" + id), "blaakors").getStatus())
			.as("after the consent, too, is withdrawn").isEqualTo(404);
		assertThat(perform(get("/personale/borgere/" + id), "boligsag").getContentAsString())
			.contains("Blå Kors arbejder ikke længere med borgeren.");
		assertThat(audited(1, post("/personale/borgere/" + id + "/samarbejdspartnere/afslut")
			.param("organisation", blaaKors), "jobcenter").getStatus()).as("ended twice").isEqualTo(400);
	}

	/** The note's card on the citizen's page, found by its text. */
	static String noteCard(String page, String text) {
		for (var card : page.split("<article class=\"card note\"")) {
			if (card.contains(text)) {
				return card.substring(0, card.indexOf("</article>"));
			}
		}
		throw new AssertionError("no note " + text);
	}

	/**
	 * Issue 10, visible sharing: each note says which units and organisations can read it and on which ground, as the
	 * access policy decides it; a reader outside the case sees only their own ground. And the write-back: the unit
	 * that recorded a consent sees what a receiving unit writes under it in its categories, once that unit confirmed
	 * the consent; not what it wrote before the consent, not other categories, and nothing after a withdrawal.
	 */
	@Test
	void aNoteSaysWhoCanReadItAndTheUnitThatRecordedAConsentSeesWhatIsWrittenUnderIt() throws Exception {
		var cpr = syntheticCpr();
		var id = register("jobcenter", cpr, "Deling Testesen (syntetisk)");
		register("boligsag", cpr, "Deling Testesen (syntetisk)");
		assertThat(perform(post("/personale/borgere/" + id + "/notater").param("category", "HOUSING")
			.param("text", "Visitations notat før samtykket"), "boligsag").getStatus()).isEqualTo(302);
		assertThat(perform(post("/personale/borgere/" + id + "/notater").param("category", "HOUSING")
			.param("text", "Jobcentrets delte boligsnotat"), "jobcenter").getStatus()).isEqualTo(302);
		assertThat(perform(post("/personale/borgere/" + id + "/notater").param("category", "HEALTH")
			.param("text", "Jobcentrets helbredsnotat"), "jobcenter").getStatus()).isEqualTo(302);
		var today = LocalDate.now();
		assertThat(perform(post("/personale/borgere/" + id + "/samtykker").param("purpose", "Bolig og job")
			.param("categories", "HOUSING").param("recipients", "enhed:" + unit("visitation"))
			.param("givenOn", today.toString()).param("expiresOn", today.plusMonths(6).toString())
			.param("givenHow", "WRITTEN"), "jobcenter").getStatus()).isEqualTo(302);
		var given = Labels.DANISH_LABELS.date(today);

		var jobCentre = perform(get("/personale/borgere/" + id), "jobcenter").getContentAsString();
		assertThat(noteCard(jobCentre, "Jobcentrets delte boligsnotat")).contains("Kan læses af:",
				"Jobcenteret (egen sag)", "Visitation &amp; Understøttelse (samtykke af " + given + ")");
		assertThat(noteCard(jobCentre, "Jobcentrets helbredsnotat")).contains("Jobcenteret (egen sag)")
			.doesNotContain("Visitation");
		var housing = perform(get("/personale/borgere/" + id), "boligsag").getContentAsString();
		assertThat(noteCard(housing, "Jobcentrets delte boligsnotat"))
			.contains("Visitation &amp; Understøttelse (samtykke af " + given + ")");
		assertThat(housing).doesNotContain("Jobcentrets helbredsnotat");

		// Visitation writes under the consent; the job centre sees it once Visitation confirmed the consent.
		assertThat(perform(post("/personale/borgere/" + id + "/notater").param("category", "HOUSING")
			.param("text", "Visitations svar under samtykket"), "boligsag").getStatus()).isEqualTo(302);
		assertThat(perform(post("/personale/borgere/" + id + "/notater").param("category", "EMPLOYMENT")
			.param("text", "Visitations jobnotat"), "boligsag").getStatus()).isEqualTo(302);
		assertThat(perform(get("/personale/borgere/" + id), "jobcenter").getContentAsString())
			.as("not before Visitation confirmed").doesNotContain("Visitations svar under samtykket");
		var consent = jdbc.sql("select id from consent where citizen_id = ?").param(id).query(UUID.class).single();
		assertThat(perform(post("/personale/borgere/" + id + "/samtykker/" + consent + "/bekraeft"), "boligsag")
			.getStatus()).isEqualTo(302);
		jobCentre = perform(get("/personale/borgere/" + id), "jobcenter").getContentAsString();
		assertThat(noteCard(jobCentre, "Visitations svar under samtykket")).contains(
				"Visitation &amp; Understøttelse (egen sag)", "Jobcenteret (samtykke af " + given + ")");
		assertThat(jobCentre).doesNotContain("Visitations notat før samtykket", "Visitations jobnotat");
		assertThat(noteCard(perform(get("/personale/borgere/" + id), "boligsag").getContentAsString(),
				"Visitations svar under samtykket")).contains("Jobcenteret (samtykke af " + given + ")");

		assertThat(perform(post("/personale/borgere/" + id + "/samtykker/" + consent + "/tilbagekald")
			.param("ord", "Jeg vil ikke dele mere."), "boligsag").getStatus()).isEqualTo(302);
		jobCentre = perform(get("/personale/borgere/" + id), "jobcenter").getContentAsString();
		assertThat(jobCentre).doesNotContain("Visitations svar under samtykket");
		assertThat(noteCard(jobCentre, "Jobcentrets delte boligsnotat")).contains("Jobcenteret (egen sag)")
			.doesNotContain("Visitation &amp; Understøttelse (samtykke");
	}

	/**
	 * The CPR number's last four digits as a number of their own or after a (masked or not) date of birth, not as part
	 * of an id or a content hash in the page: a random UUID holds a given four digits, between hyphens, often enough
	 * to make a plain "does not contain" fail now and then.
	 */
	private static String standalone(String digits) {
		return "(?<![0-9A-Za-z-])" + digits + "(?![0-9A-Za-z-])|[0-9x]{6}-?" + digits + "(?![0-9A-Za-z-])";
	}
}
