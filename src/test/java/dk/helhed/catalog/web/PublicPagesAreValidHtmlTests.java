package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;

import nu.validator.client.EmbeddedValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every public page, in Danish and in English, the legal pages and the error pages, checked with the W3C Nu HTML
 * Checker (vnu, run in-process): no errors. Warnings are printed, not failed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicPagesAreValidHtmlTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService accounts;

	@Test
	void theCheckerFindsErrorsWhereThereAreSome() throws Exception {
		var errors = errors("<!DOCTYPE html><html lang=\"da\"><head><title>x</title></head>"
				+ "<body><p hx-get=\"/x\"><div></p></body></html>");
		assertThat(errors).as("hx-get is no HTML attribute; a stray end tag").isNotEmpty();
		assertThat(errors("<!DOCTYPE html><html lang=\"da\"><head><title>x</title></head>"
				+ "<body><p data-hx-get=\"/x\">Hej</p></body></html>")).isEmpty();
	}

	@Test
	void everyPublicPageIsValidHtml() throws Exception {
		PublicPages.withParticipationExamples(mvc, accounts);
		Map<String, String> pages = new LinkedHashMap<>();
		PublicPages.crawl(mvc).forEach((path, html) -> {
			pages.put(path, html);
		});
		for (var path : List.copyOf(pages.keySet())) {
			pages.put(PublicPages.inEnglish(path), PublicPages.page(mvc, PublicPages.inEnglish(path), 200));
		}
		pages.put(PublicPages.MISSING, PublicPages.page(mvc, PublicPages.MISSING, 404));
		pages.put(PublicPages.inEnglish(PublicPages.MISSING),
				PublicPages.page(mvc, PublicPages.inEnglish(PublicPages.MISSING), 404));
		// What the servlet container shows when an error happens outside the application (plain HTML, no Thymeleaf)
		for (var template : List.of("404", "4xx", "5xx")) {
			pages.put("templates/error/" + template + ".html", new ClassPathResource("templates/error/" + template
					+ ".html").getContentAsString(StandardCharsets.UTF_8));
		}
		List<String> found = new ArrayList<>();
		var started = System.nanoTime();
		for (var page : pages.entrySet()) {
			for (var error : errors(page.getValue())) {
				found.add(page.getKey() + ": " + error);
			}
		}
		System.out.printf("Nu HTML Checker: %d sider, %d fejl, %.1f s%n", pages.size(), found.size(),
				(System.nanoTime() - started) / 1e9);
		found.stream().limit(200).forEach(System.out::println);
		assertThat(found).as("errors from the Nu HTML Checker").isEmpty();
	}

	static List<String> errors(String html) throws Exception {
		var validator = new EmbeddedValidator();
		validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
		validator.setNoLangDetect(true);
		var report = JSON.readTree(validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
		List<String> errors = new ArrayList<>();
		for (JsonNode message : report.path("messages")) {
			var type = message.path("type").asString();
			if ("error".equals(type) || "non-document-error".equals(type)) {
				errors.add("line " + message.path("lastLine").asInt() + ": " + message.path("message").asString()
						+ " [" + message.path("extract").asString().strip() + "]");
			}
		}
		return errors;
	}
}
