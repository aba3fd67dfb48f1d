package dk.helhed.catalog.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dk.helhed.catalog.internal.ServiceRepository;
import dk.helhed.municipality.Municipalities;

/**
 * The import page through HTTP: only catalog editors may use it, every form needs its CSRF token, and whatever is
 * uploaded (empty, too large, the wrong type, not UTF-8, malformed, a zip bomb, script in the data) is answered with
 * a 4xx page that says in Danish what is wrong, never a 5xx, and nothing from the file is ever rendered as HTML.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	ServiceRepository services;

	FreshMunicipalities.Fresh editor;

	@BeforeEach
	void freshMunicipality() {
		editor = new FreshMunicipalities(jdbc, municipalities, accounts).copyOf("aarhus");
	}

	@Test
	void anonymousVisitorsAreSentToTheLogin() throws Exception {
		mvc.perform(get("/personale/import")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/log-ind"));
		mvc.perform(multipart("/personale/import").file(json("a.json", "{}")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/log-ind"));
	}

	@Test
	void onlyCatalogEditorsMayImport() throws Exception {
		var unitEditor = accounts.loadUserByUsername("visitation");
		var aabenraa = municipalities.getBySlug("aabenraa");
		var before = services.findByMunicipalityId(aabenraa.id()).size();

		mvc.perform(get("/personale/import").with(user(unitEditor))).andExpect(status().isForbidden());
		mvc.perform(multipart("/personale/import").file(anyJson())
			.param("handling", "importer")
			.with(user(unitEditor))
			.with(csrf())).andExpect(status().isForbidden());
		var overview = mvc.perform(get("/personale").with(user(unitEditor))).andExpect(status().isOk()).andReturn();
		assertThat(body(overview)).doesNotContain("Import og eksport");

		assertThat(services.findByMunicipalityId(aabenraa.id())).hasSize(before);
	}

	@Test
	void aCatalogEditorSeesTheExportOfTheirOwnMunicipalityAndTheUploadForm() throws Exception {
		var page = mvc.perform(get("/personale/import").with(user(editor.login()))).andExpect(status().isOk()).andReturn();

		var slug = editor.municipality().slug();
		assertThat(body(page)).contains("Import og eksport", "enctype=\"multipart/form-data\"", "name=\"_csrf\"",
				"/api/municipalities/" + slug + "/hsds/export.json", "/api/municipalities/" + slug + "/hsds/export.zip");
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
		mvc.perform(multipart("/personale/import").file(anyJson())
			.param("handling", "importer")
			.with(user(editor.login()))).andExpect(status().isForbidden());

		assertThat(services.findByMunicipalityId(editor.municipality().id())).isEmpty();
	}

	@Test
	@NeedsHsdsSpecification
	void checkingAFileShowsWhatWouldChangeAndChangesNothing() throws Exception {
		var result = mvc.perform(multipart("/personale/import").file(exampleJson())
			.param("handling", "kontroller")
			.with(user(editor.login()))
			.with(csrf())).andExpect(status().isOk()).andReturn();

		assertThat(body(result)).contains("Kontrolleret – intet er importeret endnu", "Community Counselling",
				"Example Organization Inc.", "Øvrige indsatser", "service.wait_time");
		assertThat(services.findByMunicipalityId(editor.municipality().id())).isEmpty();
	}

	@Test
	@NeedsHsdsSpecification
	void importingAFileSavesItAndShowsTheReportAfterARedirect() throws Exception {
		var result = mvc.perform(multipart("/personale/import").file(exampleJson())
			.param("handling", "importer")
			.with(user(editor.login()))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/personale/import"))
			.andExpect(flash().attribute("message", "Filen er importeret. Nye indsatser: 1. Ændrede indsatser: 0."))
			.andReturn();

		assertThat(services.findByMunicipalityId(editor.municipality().id())).singleElement()
			.satisfies(service -> assertThat(service.name()).isEqualTo("Community Counselling"));
		// The flash message travels in the session (Spring Session), which the session cookie names.
		var page = mvc.perform(get("/personale/import").with(user(editor.login()))
			.cookie(result.getResponse().getCookies())).andExpect(status().isOk()).andReturn();
		assertThat(body(page)).contains("Importeret", "Filen er importeret", "Community Counselling");
	}

	static Stream<Arguments> refusedFiles() {
		var bomb = new LinkedHashMap<String, byte[]>();
		bomb.put("services.csv", new byte[30 * 1024 * 1024]);
		var crowded = new LinkedHashMap<String, byte[]>();
		for (int i = 0; i < 150; i++) {
			crowded.put("table" + i + ".csv", "id\n".getBytes(StandardCharsets.UTF_8));
		}
		Map<String, byte[]> badCsv = Map.of("services.csv", "id,name,status\n\"abc,Varmestuen,active\n"
			.getBytes(StandardCharsets.UTF_8));
		return Stream.of(
				Arguments.of("an empty file", new MockMultipartFile("fil", "tom.json", "application/json", new byte[0]),
						"Filen er tom."),
				Arguments.of("a file over 10 MB",
						new MockMultipartFile("fil", "stor.json", "application/json", new byte[10 * 1024 * 1024 + 1]),
						"Filen er for stor. Den må højst fylde 10 MB."),
				Arguments.of("a web page", new MockMultipartFile("fil", "side.html", "text/html",
						"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
						"Filen er af typen »text/html«."),
				Arguments.of("an image", new MockMultipartFile("fil", "billede.png", "image/png",
						new byte[] { (byte) 0x89, 'P', 'N', 'G' }), "Filen er af typen »image/png«."),
				Arguments.of("text that is neither JSON nor a zip", new MockMultipartFile("fil", "noter.json",
						"application/json", "Varmestuen, åben 8-16".getBytes(StandardCharsets.UTF_8)),
						"Filen er hverken et HSDS-dokument i JSON eller en zip-fil med HSDS-tabeller i CSV."),
				Arguments.of("JSON in Windows-1252", new MockMultipartFile("fil", "ansi.json", "application/json",
						"{\"services\": [{\"name\": \"Værestedet\"}]}".getBytes(StandardCharsets.ISO_8859_1)),
						"Filen er ikke gemt som UTF-8."),
				Arguments.of("malformed JSON", new MockMultipartFile("fil", "brudt.json", "application/json",
						"{\"services\": [{\"name\": \"Værestedet\",}\n".getBytes(StandardCharsets.UTF_8)),
						"Filen er ikke gyldig JSON (linje 1"),
				Arguments.of("JSON with a key twice", new MockMultipartFile("fil", "dobbelt.json", "application/json",
						"{\"services\": [], \"services\": []}".getBytes(StandardCharsets.UTF_8)),
						"Filen har den samme nøgle to gange i ét objekt"),
				Arguments.of("JSON nested too deep", new MockMultipartFile("fil", "dyb.json", "application/json",
						("[".repeat(100) + "]".repeat(100)).getBytes(StandardCharsets.UTF_8)),
						"Filen går ud over grænserne for et JSON-dokument"),
				Arguments.of("a zip bomb", new MockMultipartFile("fil", "bombe.zip", "application/zip",
						HsdsFiles.zip(bomb)), "Zip-filen fylder for meget, når den pakkes ud. Den må højst fylde 25 MB"),
				Arguments.of("a zip with too many files", new MockMultipartFile("fil", "mange.zip", "application/zip",
						HsdsFiles.zip(crowded)), "Zip-filen indeholder for mange filer. Den må højst indeholde 100."),
				Arguments.of("a zip without services.csv", new MockMultipartFile("fil", "uden.zip", "application/zip",
						HsdsFiles.zip(Map.of("organizations.csv", "id,name\n".getBytes(StandardCharsets.UTF_8)))),
						"Zip-filen indeholder ingen services.csv."),
				Arguments.of("a broken zip", new MockMultipartFile("fil", "brudt.zip", "application/zip",
						new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0, 9, 9, 9 }), "Zip-filen"),
				Arguments.of("malformed CSV", new MockMultipartFile("fil", "brudt.zip", "application/zip",
						HsdsFiles.zip(badCsv)), "services.csv er ikke gyldig CSV"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedFiles")
	void aFileThatCannotBeReadIsRefusedWithAMessageAndNothingChanges(String what, MockMultipartFile file,
			String message) throws Exception {
		var result = mvc.perform(multipart("/personale/import").file(file)
			.param("handling", "importer")
			.with(user(editor.login()))
			.with(csrf())).andExpect(status().isBadRequest()).andReturn();

		assertThat(body(result)).contains("Filen kan ikke importeres", "intet er ændret i kataloget")
			.contains(escaped(message))
			.doesNotContain("<script>alert");
		assertThat(services.findByMunicipalityId(editor.municipality().id())).isEmpty();
	}

	@Test
	void aRequestWithoutAFileIsRefused() throws Exception {
		var noFile = mvc.perform(post("/personale/import").param("handling", "importer")
			.with(user(editor.login()))
			.with(csrf())).andExpect(status().isBadRequest()).andReturn();
		var notMultipart = mvc.perform(post("/personale/import").contentType("application/json")
			.content("{\"services\": []}")
			.with(user(editor.login()))
			.with(csrf())).andExpect(status().isBadRequest()).andReturn();

		assertThat(body(noFile)).contains("Vælg en fil at importere.");
		assertThat(body(notMultipart)).contains("Vælg en fil at importere.");
	}

	@Test
	void problemsNamingHostileIdsAndFileNamesAreShownAsText() throws Exception {
		var document = HsdsFiles.JSON.createObjectNode();
		document.putArray("services")
			.addObject()
			.put("id", "<script>alert(1)</script>")
			.put("name", "<b>fed</b>")
			.put("status", "<img src=x onerror=alert(2)>");
		var file = new MockMultipartFile("fil", "<img src=x onerror=alert(3)>.json", "application/json",
				HsdsFiles.bytes(document));

		var result = mvc.perform(multipart("/personale/import").file(file)
			.param("handling", "importer")
			.with(user(editor.login()))
			.with(csrf())).andExpect(status().isBadRequest()).andReturn();

		var page = body(result);
		assertThat(page).doesNotContain("<script>alert", "<img src=x", "<b>fed")
			.contains("services[0] (id &lt;script&gt;alert(1)&lt;/script&gt;): feltet id er ikke et gyldigt UUID",
					"&lt;img src=x onerror=alert(3)&gt;.json");
		assertThat(services.findByMunicipalityId(editor.municipality().id())).isEmpty();
	}

	@Test
	void aRefusedFileListsEveryProblemOnThePage() throws Exception {
		Map<String, byte[]> files = new LinkedHashMap<>();
		var first = UUID.randomUUID().toString();
		var second = UUID.randomUUID().toString();
		files.put("services.csv", HsdsFiles.csv(List.of("id", "name", "status"),
				List.of(List.of(first, "", "active"), List.of(second, "Natcafé", "lukket"))));
		var file = new MockMultipartFile("fil", "fejl.zip", "application/zip", HsdsFiles.zip(files));

		var result = mvc.perform(multipart("/personale/import").file(file)
			.param("handling", "kontroller")
			.with(user(editor.login()))
			.with(csrf())).andExpect(status().isBadRequest()).andReturn();

		assertThat(body(result)).contains("services.csv, række 2 (id " + first + "): feltet name mangler",
				"services.csv, række 3 (id " + second + "): feltet status skal være active, inactive, defunct eller "
						+ "temporarily closed");
	}

	/** A file for requests that must be refused before it is read (no right, no CSRF token). */
	private static MockMultipartFile anyJson() {
		return json("tabular.json", "{\"services\": []}");
	}

	private static MockMultipartFile exampleJson() {
		return new MockMultipartFile("fil", "tabular.json", "application/json", HsdsFiles.example("tabular.json"));
	}

	private static MockMultipartFile json(String name, String content) {
		return new MockMultipartFile("fil", name, "application/json", content.getBytes(StandardCharsets.UTF_8));
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** As Thymeleaf writes text into the page. */
	private static String escaped(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace("'", "&#39;");
	}
}
