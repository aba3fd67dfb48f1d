package dk.helhed.catalog.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import dk.helhed.municipality.Municipalities;

/**
 * Findings 10 and 13 of the outside probe (issue 8), through HTTP: a value starting with {@code =} went unescaped
 * into the public CSV export that staff open in Excel; zip entries the import skips ({@code __MACOSX/}) were inflated
 * without being counted, so a small upload cost seconds of CPU.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SpreadsheetAndZipAttacksTests {

	static final String FORMULA = "=HYPERLINK(\"https://angriber.example/\";\"Klik\")";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	@Autowired
	UserDetailsService accounts;

	FreshMunicipalities.Fresh editor;

	@BeforeEach
	void freshMunicipality() {
		editor = new FreshMunicipalities(jdbc, municipalities, accounts).copyOf("aarhus");
	}

	@NeedsHsdsSpecification
	@Test
	void aFormulaIsWarnedAboutOnImportAndEscapedInTheCsvExport() throws Exception {
		var files = HsdsFiles.unzip(HsdsFiles.exampleCsvZip());
		var services = new String(files.get("csv/services.csv"), StandardCharsets.UTF_8);
		files.put("csv/services.csv", services.replace(",Community Counselling,", ",\"" + FORMULA.replace("\"", "\"\"")
				+ "\",").getBytes(StandardCharsets.UTF_8));
		var zip = new MockMultipartFile("fil", "katalog.zip", "application/zip", HsdsFiles.zip(files));

		var checked = mvc.perform(multipart("/personale/import").file(zip).param("handling", "kontroller")
			.with(user(editor.login())).with(csrf())).andReturn().getResponse();
		assertThat(checked.getStatus()).isEqualTo(200);
		assertThat(checked.getContentAsString()).contains("kan blive læst som en formel");

		var imported = mvc.perform(multipart("/personale/import").file(zip).param("handling", "importer")
			.with(user(editor.login())).with(csrf())).andReturn().getResponse();
		assertThat(imported.getStatus()).isEqualTo(302);

		var export = mvc.perform(get("/api/municipalities/" + editor.municipality().slug() + "/hsds/export.zip"))
			.andReturn().getResponse();
		var exported = new String(HsdsFiles.unzip(export.getContentAsByteArray()).get("services.csv"),
				StandardCharsets.UTF_8);
		assertThat(exported).as("escaped with an apostrophe, as OWASP advises").contains("'=HYPERLINK(")
			.doesNotContain(",\"=HYPERLINK(", ",=HYPERLINK(");
	}

	@NeedsHsdsSpecification
	@Test
	void skippedZipEntriesCountTowardsTheUnpackedLimit() throws Exception {
		var files = new LinkedHashMap<String, byte[]>();
		files.putAll(HsdsFiles.unzip(HsdsFiles.exampleCsvZip()));
		files.put("__MACOSX/csv/._services.csv", new byte[40 * 1024 * 1024]);
		var zip = HsdsFiles.zip(files);
		assertThat(zip.length).as("a small upload").isLessThan(1024 * 1024);
		var answer = mvc.perform(multipart("/personale/import")
			.file(new MockMultipartFile("fil", "katalog.zip", "application/zip", zip))
			.param("handling", "kontroller").with(user(editor.login())).with(csrf())).andReturn().getResponse();
		assertThat(answer.getStatus()).isBetween(400, 499);
		assertThat(answer.getContentAsString()).contains("fylder for meget, når den pakkes ud");
	}

	@Test
	void spreadsheetCellsAreEscapedAndReadBack() {
		for (var value : new String[] { "=1+1", "+45 7376 7676", "-cmd", "@SUM(A1)", "\tx", "\rx" }) {
			assertThat(SpreadsheetCells.escape(value)).isEqualTo("'" + value);
			assertThat(SpreadsheetCells.unescape(SpreadsheetCells.escape(value))).isEqualTo(value);
		}
		for (var value : new String[] { "-5", "+4.5", "Varmestuen", "", "'tekst" }) {
			assertThat(SpreadsheetCells.escape(value)).isEqualTo(value);
			assertThat(SpreadsheetCells.unescape(value)).isEqualTo(value);
		}
	}
}
