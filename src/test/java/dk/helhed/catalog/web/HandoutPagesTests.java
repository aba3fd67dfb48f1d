package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dk.helhed.catalog.Services;
import dk.helhed.municipality.Municipalities;

/**
 * The handout (udleveringsark) from a shortlist in the address: the page and the tagged PDF in Danish and English,
 * with each service's facts and the crisis numbers, and nothing about a citizen; hostile or unknown parameters are
 * refused with a Danish message, never a server error.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HandoutPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Services services;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aShortlistBecomesAHandoutWithEachServicesFactsAndTheCrisisNumbers() throws Exception {
		var dentalCare = service("socialtandpleje");
		var addiction = service("rusmiddelcenter-aabenraa");
		var response = mvc.perform(as("jobcenter", get("/personale/udleveringsark").param("indsats",
				dentalCare.id().toString(), addiction.id().toString(), dentalCare.id().toString())))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		var body = response.getContentAsString();
		assertThat(body).contains("Steder, hvor du kan få hjælp", "Socialtandpleje", "Rusmiddelcenter Aabenraa",
				"Sådan kommer du i gang", "Her er der åbent", "Pris", "Brug for hjælp nu?", "112",
				"Sønderport 49", "https://www.openstreetmap.org/search?query=",
				"udleveringsark.pdf?indsats=" + dentalCare.id());
		assertThat(body.indexOf("Socialtandpleje")).as("in the order chosen")
			.isLessThan(body.indexOf("Rusmiddelcenter Aabenraa"));
		assertThat(body.split("<h2 id=\"sted-", -1)).as("each service once").hasSize(3);
		assertThat(body).doesNotContain("(syntetisk)");
	}

	@Test
	void theHandoutIsAlsoInEnglishAndAsATaggedPdf() throws Exception {
		var bopladsen = service("bopladsen");
		var english = mvc.perform(as("udsatte", get("/personale/udleveringsark").param("indsats",
				bopladsen.id().toString()).param("sprog", "en"))).andReturn().getResponse();
		assertThat(english.getStatus()).isEqualTo(200);
		assertThat(english.getContentAsString()).contains("Places where you can get help", "How to start",
				"Need help now?", "lang=\"en\"");

		var pdf = mvc.perform(as("jobcenter", get("/personale/udleveringsark.pdf").param("indsats",
				bopladsen.id().toString()).param("sprog", "da"))).andReturn().getResponse();
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(pdf.getHeader("Cache-Control")).contains("no-store");
		try (var document = Loader.loadPDF(pdf.getContentAsByteArray())) {
			assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("tagged (PDF/UA)").isNotNull();
			var text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Steder, hvor du kan få hjælp", "Bopladsen", "Brug for hjælp nu?", "112");
			assertThat(text).doesNotContain("Læg på udleveringsarket", "Fjern fra arket");
		}
	}

	@Test
	void anEmptyShortlistIsAnEmptySheetWithThePickerAndTheCrisisNumbers() throws Exception {
		var response = mvc.perform(as("jobcenter", get("/personale/udleveringsark"))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("Der er ingen steder på arket endnu.", "Tilføj en indsats",
				"Brug for hjælp nu?");
	}

	@Test
	void makingAHandoutWritesNothingAboutAnyCitizen() throws Exception {
		long audit = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
		mvc.perform(as("jobcenter", get("/personale/udleveringsark").param("indsats",
				service("bopladsen").id().toString())));
		assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(audit);
	}

	@Test
	void hostileUnknownOrTooManyParametersAreRefusedWithAMessageNeverAServerError() throws Exception {
		Map<String, String> hostile = new LinkedHashMap<>();
		hostile.put("script", "<script>alert('helhed')</script>");
		hostile.put("quotes and SQL", "x' OR '1'='1'; DROP TABLE citizen; --\"");
		hostile.put("100 kB", "a".repeat(100_000));
		hostile.put("control characters", "ok\u0000\u0007\u001b[31m");
		hostile.put("emoji", "\uD83C\uDFE0\uD83D\uDE42");
		hostile.put("impossible date", "2026-02-30");
		hostile.put("unknown id", UUID.randomUUID().toString());
		List<String> wrong = new ArrayList<>();
		for (var path : List.of("/personale/udleveringsark", "/personale/udleveringsark.pdf")) {
			for (var parameter : List.of("indsats", "sprog")) {
				for (var value : hostile.entrySet()) {
					var response = mvc.perform(as("jobcenter", get(path).param(parameter, value.getValue())))
						.andReturn()
						.getResponse();
					var body = response.getContentAsString();
					if (response.getStatus() != 400) {
						wrong.add(path + " " + parameter + " = " + value.getKey() + ": " + response.getStatus());
					}
					else if (!body.contains(parameter.equals("sprog") ? "Vælg dansk eller engelsk"
							: "Vælg indsatser fra kommunens katalog")) {
						wrong.add(path + " " + parameter + " = " + value.getKey() + ": no message");
					}
					if (body.contains("<script>alert")) {
						wrong.add(path + " " + parameter + " = " + value.getKey() + ": shown as markup");
					}
				}
			}
		}
		var all = services.activeOf(aabenraa()).stream().map(service -> service.id().toString()).toList();
		var tooMany = mvc.perform(as("jobcenter", get("/personale/udleveringsark").param("indsats",
				all.subList(0, 21).toArray(String[]::new)))).andReturn().getResponse();
		assertThat(tooMany.getStatus()).isEqualTo(400);
		assertThat(tooMany.getContentAsString()).contains("Der kan højst være 20 indsatser på et ark.");
		assertThat(wrong).isEmpty();
	}

	@Test
	void anotherMunicipalitysServiceIsNotOnTheSheet() throws Exception {
		var response = mvc.perform(as("sagsbehandler-aarhus", get("/personale/udleveringsark").param("indsats",
				service("bopladsen").id().toString()))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).doesNotContain("Bopladsen");
	}

	@Test
	void nobodySignedInGetsNoHandout() throws Exception {
		var response = mvc.perform(get("/personale/udleveringsark")).andReturn().getResponse();
		assertThat(response.getStatus()).isIn(302, 401, 403);
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(accounts.loadUserByUsername(username)));
	}

	private Services.Summary service(String key) {
		return services.activeOf(aabenraa())
			.stream()
			.filter(service -> service.key().equals(key))
			.findFirst()
			.orElseThrow();
	}

	private UUID aabenraa() {
		return municipalities.getBySlug("aabenraa").id();
	}
}
