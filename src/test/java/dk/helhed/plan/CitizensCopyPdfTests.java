package dk.helhed.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The citizen's copy of the demo citizen's plan prints as a tagged PDF (PDF/UA, like the catalog's), with no caching,
 * and the export is in the audit log.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CitizensCopyPdfTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoCitizensCopyIsATaggedPdf() throws Exception {
		var mads = jdbc.sql("select citizen_id from shared_plan").query(java.util.UUID.class).list().getFirst();
		long exports = jdbc.sql("select count(*) from audit_event where citizen_id = ? and action = 'EXPORT'")
			.param(mads)
			.query(Long.class)
			.single();

		var response = mvc.perform(get("/personale/borgere/" + mads + "/plan/borgerens-kopi.pdf")
			.with(user(accounts.loadUserByUsername("jobcenter")))).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		try (var document = Loader.loadPDF(response.getContentAsByteArray())) {
			assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("tagged (PDF/UA)").isNotNull();
			assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			var text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Din plan", "Dit mål", "Det skal ske", "Vi ses igen",
					"Jeg vil have mit eget sted og et arbejde");
		}
		assertThat(jdbc.sql("select count(*) from audit_event where citizen_id = ? and action = 'EXPORT'")
			.param(mads)
			.query(Long.class)
			.single()).isEqualTo(exports + 1);

		var page = mvc.perform(get("/personale/borgere/" + mads + "/plan/borgerens-kopi")
			.with(user(accounts.loadUserByUsername("jobcenter")))).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Din plan", "Jeg vil have mit eget sted og et arbejde");
	}

	@Test
	void theEnglishCopyHasTheFixedTextInEnglishAndTheCitizensWordsAsWritten() throws Exception {
		var mads = jdbc.sql("select citizen_id from shared_plan").query(java.util.UUID.class).list().getFirst();
		var jobcenter = accounts.loadUserByUsername("jobcenter");

		var page = mvc.perform(get("/personale/borgere/" + mads + "/plan/borgerens-kopi").param("sprog", "en")
			.with(user(jobcenter))).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		var html = page.getContentAsString();
		assertThat(html).contains("lang=\"en\"", "Your plan", "Your goal", "What will happen", "When we meet again",
				"Who you can call", "Jeg vil have mit eget sted og et arbejde");
		assertThat(html).doesNotContain("Dit mål", "Vi ses igen");
		assertThat(html).as("the choice of language, and the PDF in the same language")
			.contains("sprog=en", "hreflang=\"da\"", "hreflang=\"en\"");

		var pdf = mvc.perform(get("/personale/borgere/" + mads + "/plan/borgerens-kopi.pdf").param("sprog", "en")
			.with(user(jobcenter))).andReturn().getResponse();
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getHeader("Content-Disposition")).contains("your-plan-");
		try (var document = Loader.loadPDF(pdf.getContentAsByteArray())) {
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
			var text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Your plan", "Your goal", "What will happen",
					"Jeg vil have mit eget sted og et arbejde");
			assertThat(text).doesNotContain("Dit mål");
		}

		var unknown = mvc.perform(get("/personale/borgere/" + mads + "/plan/borgerens-kopi").param("sprog", "<x>")
			.with(user(jobcenter))).andReturn().getResponse();
		assertThat(unknown.getStatus()).as("an unknown language is the Danish copy").isEqualTo(200);
		assertThat(unknown.getContentAsString()).contains("Dit mål").doesNotContain("<x>");
	}
}
