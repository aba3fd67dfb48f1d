package dk.helhed.catalog.hsds;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;

/**
 * A municipality's whole catalog in one download: as one HSDS JSON document, or as the HSDS CSV tables in a zip.
 * Public catalog data only, like the rest of the HSDS API.
 */
@RestController
@AccessRule(Audience.EVERYONE)
@RequestMapping("/api/municipalities/{slug:[a-z0-9-]{1,60}}/hsds")
@Tag(name = "HSDS")
@ApiResponse(responseCode = "404", description = "Kommunen findes ikke",
		content = @Content(mediaType = "application/problem+json"))
class HsdsExportController {

	private static final CacheControl PUBLIC_FOR_FIVE_MINUTES = CacheControl.maxAge(Duration.ofMinutes(5))
		.cachePublic();
	private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

	private final HsdsExport export;
	private final Clock clock;

	HsdsExportController(HsdsExport export, Clock clock) {
		this.export = export;
		this.clock = clock;
	}

	@GetMapping(path = "/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Hele kataloget som ét HSDS-dokument",
			description = "Alle aktive indsatser i fuld form (som /services/{id}) med deres ændringshistorik som "
					+ "metadata, organisationerne, taksonomierne og begreberne. Kan importeres igen i Helhed.")
	@ApiResponse(responseCode = "200", description = "OK")
	ResponseEntity<HsdsExport.Document> json(@Parameter(description = "Kommunens kortnavn i Helhed, fx aabenraa")
	@PathVariable String slug) {
		var document = export.document(slug, siteRoot());
		return download(slug, "json", MediaType.APPLICATION_JSON).body(document);
	}

	@GetMapping(path = "/export.zip", produces = "application/zip")
	@Operation(summary = "Hele kataloget som HSDS-tabeller (CSV i en zip)",
			description = "Én CSV-fil pr. HSDS-tabel med HSDS' kolonnenavne og en datapackage.json, der beskriver "
					+ "dem. Kan importeres igen i Helhed.")
	@ApiResponse(responseCode = "200", description = "OK",
			content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> zip(@Parameter(description = "Kommunens kortnavn i Helhed, fx aabenraa")
	@PathVariable String slug) {
		var document = export.document(slug, siteRoot());
		return download(slug, "zip", ZIP).body(export.zip(document, slug));
	}

	private ResponseEntity.BodyBuilder download(String slug, String extension, MediaType type) {
		var name = "helhed-" + slug + "-hsds-" + LocalDate.now(clock.withZone(HsdsCatalogs.DANISH_TIME)) + "."
				+ extension;
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(PUBLIC_FOR_FIVE_MINUTES)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
	}

	private static String siteRoot() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}
}
