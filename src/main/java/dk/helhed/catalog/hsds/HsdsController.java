package dk.helhed.catalog.hsds;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dk.helhed.catalog.hsds.HsdsParameters.ServiceQuery;
import dk.helhed.platform.NotFoundException;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A municipality's catalog as an Open Referral HSDS 3.1 read API: services, the organizations that provide them,
 * their places and the taxonomies they are classified by. Public catalog data only, so answers may be cached.
 */
@RestController
@AccessRule(Audience.EVERYONE)
@RequestMapping(path = "/api/municipalities/{slug:[a-z0-9-]{1,60}}/hsds", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "HSDS", description = "Kommunens indsatskatalog som Open Referral HSDS 3.1 (Human Services Data "
		+ "Specification). Kun læsning; ingen personoplysninger.")
@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
@ApiResponse(responseCode = "400", description = "En parameter er ugyldig (Problem Details med forklaring på dansk)",
		content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "404", description = "Kommunen eller det efterspurgte findes ikke",
		content = @Content(mediaType = "application/problem+json"))
class HsdsController {

	/**
	 * Helhed follows HSDS 3.1 without a profile of its own, so the description of what it conforms to is the
	 * specification itself.
	 */
	static final String PROFILE = "https://docs.openreferral.org/en/3.1/hsds/overview.html";

	private static final CacheControl PUBLIC_FOR_FIVE_MINUTES = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
	private static final String SLUG = "Kommunens kortnavn i Helhed, fx aabenraa";

	private final HsdsCatalogs catalogs;
	private final String openApiPath;

	HsdsController(HsdsCatalogs catalogs, @Value("${springdoc.api-docs.path:/v3/api-docs}") String openApiPath) {
		this.catalogs = catalogs;
		this.openApiPath = openApiPath;
	}

	@GetMapping({ "", "/" })
	@Operation(summary = "Om API'et", description = "HSDS-versionen, profilen og adressen på OpenAPI-beskrivelsen.")
	ResponseEntity<Hsds.ApiInfo> about(@Parameter(description = SLUG) @PathVariable String slug) {
		catalog(slug); // an unknown municipality has no API
		return cached(new Hsds.ApiInfo(Hsds.VERSION, PROFILE, siteRoot() + openApiPath));
	}

	@GetMapping("/services")
	@Operation(summary = "Indsatser", description = "Kommunens aktive indsatser, en side ad gangen, med de felter der "
			+ "kun findes én gang pr. indsats. Med search sorteret efter relevans, ellers efter navn. Filtrene "
			+ "kombineres med og.")
	ResponseEntity<HsdsPage<Hsds.Service>> services(@Parameter(description = SLUG) @PathVariable String slug,
			@Parameter(description = "Fritekstsøgning på dansk, fx \"tandpleje for hjemløse\"")
			@RequestParam(required = false) String search,
			@Parameter(description = "Sidenummer, fra 1", schema = @Schema(type = "integer", minimum = "1",
					defaultValue = "1")) @RequestParam(required = false) String page,
			@Parameter(description = "Antal pr. side, højst " + HsdsPage.MAX_PER_PAGE, schema = @Schema(
					type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))
			@RequestParam(name = "per_page", required = false) String perPage,
			@Parameter(description = "Kun indsatser med dette begreb (et indsatsområde omfatter også dets spor)",
					schema = @Schema(type = "string", format = "uuid"))
			@RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
			@Parameter(description = "Kun indsatser med et begreb fra denne taksonomi",
					schema = @Schema(type = "string", format = "uuid"))
			@RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
			@Parameter(description = "Kun indsatser, som denne organisation leverer (deres organization_id)",
					schema = @Schema(type = "string", format = "uuid"))
			@RequestParam(name = "organization_id", required = false) String organizationId,
			@Parameter(description = "Kun indsatser ændret eller kontrolleret på eller efter dette tidspunkt "
					+ "(ISO 8601; uden tidszone læses det som dansk tid)",
					schema = @Schema(type = "string", format = "date-time"))
			@RequestParam(name = "modified_after", required = false) String modifiedAfter) {
		var request = HsdsPage.Request.parse(page, perPage);
		var query = ServiceQuery.parse(search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter,
				HsdsCatalogs.DANISH_TIME);
		var catalog = catalog(slug);
		return cached(HsdsPage.of(catalog.services(query), request, catalog::summary));
	}

	@GetMapping("/services/{id}")
	@Operation(summary = "Én indsats", description = "Indsatsen med organisation, kontakter, telefoner, "
			+ "åbningstider, sted og adresse, priser, pladser med kendt antal ledige, sprog og begreber.")
	ResponseEntity<Hsds.Service> service(@Parameter(description = SLUG) @PathVariable String slug,
			@Parameter(description = "Indsatsens id", schema = @Schema(type = "string", format = "uuid"))
			@PathVariable String id) {
		var serviceId = HsdsParameters.id(id);
		return cached(catalog(slug).service(serviceId)
			.orElseThrow(() -> new NotFoundException("Der er ingen indsats med id'et " + serviceId + ".")));
	}

	@GetMapping("/service_at_locations")
	@Operation(summary = "Indsatser på steder", description = "De indsatser, der har et sted, med stedet og "
			+ "adressen. Filtrene virker som for /services.")
	ResponseEntity<HsdsPage<Hsds.ServiceAtLocation>> serviceAtLocations(
			@Parameter(description = SLUG) @PathVariable String slug,
			@Parameter(description = "Fritekstsøgning på dansk") @RequestParam(required = false) String search,
			@Parameter(description = "Sidenummer, fra 1", schema = @Schema(type = "integer", minimum = "1",
					defaultValue = "1")) @RequestParam(required = false) String page,
			@Parameter(description = "Antal pr. side, højst " + HsdsPage.MAX_PER_PAGE, schema = @Schema(
					type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))
			@RequestParam(name = "per_page", required = false) String perPage,
			@Parameter(schema = @Schema(type = "string", format = "uuid"))
			@RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
			@Parameter(schema = @Schema(type = "string", format = "uuid"))
			@RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
			@Parameter(schema = @Schema(type = "string", format = "uuid"))
			@RequestParam(name = "organization_id", required = false) String organizationId,
			@Parameter(schema = @Schema(type = "string", format = "date-time"))
			@RequestParam(name = "modified_after", required = false) String modifiedAfter) {
		var request = HsdsPage.Request.parse(page, perPage);
		var query = ServiceQuery.parse(search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter,
				HsdsCatalogs.DANISH_TIME);
		return cached(HsdsPage.of(catalog(slug).serviceAtLocations(query), request, found -> found));
	}

	@GetMapping("/service_at_locations/{id}")
	@Operation(summary = "Én indsats på et sted")
	ResponseEntity<Hsds.ServiceAtLocation> serviceAtLocation(@Parameter(description = SLUG) @PathVariable String slug,
			@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String id) {
		var serviceAtLocationId = HsdsParameters.id(id);
		return cached(catalog(slug).serviceAtLocation(serviceAtLocationId)
			.orElseThrow(() -> new NotFoundException("Der er ingen indsats på et sted med id'et " + serviceAtLocationId
					+ ".")));
	}

	@GetMapping("/organizations")
	@Operation(summary = "Organisationer", description = "Kommunen selv, dens enheder (med den overordnede enhed "
			+ "som parent_organization_id) og de organisationer, kommunen samarbejder med.")
	ResponseEntity<HsdsPage<Hsds.Organization>> organizations(@Parameter(description = SLUG) @PathVariable String slug,
			@Parameter(description = "Sidenummer, fra 1", schema = @Schema(type = "integer", minimum = "1",
					defaultValue = "1")) @RequestParam(required = false) String page,
			@Parameter(description = "Antal pr. side, højst " + HsdsPage.MAX_PER_PAGE, schema = @Schema(
					type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))
			@RequestParam(name = "per_page", required = false) String perPage) {
		var request = HsdsPage.Request.parse(page, perPage);
		return cached(HsdsPage.of(catalog(slug).organizations(), request, organization -> organization));
	}

	@GetMapping("/organizations/{id}")
	@Operation(summary = "Én organisation", description = "Organisationen med de indsatser, den leverer.")
	ResponseEntity<Hsds.Organization> organization(@Parameter(description = SLUG) @PathVariable String slug,
			@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String id) {
		var organizationId = HsdsParameters.id(id);
		return cached(catalog(slug).organization(organizationId)
			.orElseThrow(() -> new NotFoundException("Der er ingen organisation med id'et " + organizationId + ".")));
	}

	@GetMapping("/taxonomies")
	@Operation(summary = "Taksonomier", description = "Strategiens indsatsområder (med spor) og livssituationer.")
	ResponseEntity<HsdsPage<Hsds.Taxonomy>> taxonomies(@Parameter(description = SLUG) @PathVariable String slug,
			@Parameter(description = "Sidenummer, fra 1", schema = @Schema(type = "integer", minimum = "1",
					defaultValue = "1")) @RequestParam(required = false) String page,
			@Parameter(description = "Antal pr. side, højst " + HsdsPage.MAX_PER_PAGE, schema = @Schema(
					type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))
			@RequestParam(name = "per_page", required = false) String perPage) {
		var request = HsdsPage.Request.parse(page, perPage);
		return cached(HsdsPage.of(catalog(slug).taxonomies(), request, taxonomy -> taxonomy));
	}

	@GetMapping("/taxonomies/{id}")
	@Operation(summary = "Én taksonomi")
	ResponseEntity<Hsds.Taxonomy> taxonomy(@Parameter(description = SLUG) @PathVariable String slug,
			@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String id) {
		var taxonomyId = HsdsParameters.id(id);
		return cached(catalog(slug).taxonomy(taxonomyId)
			.orElseThrow(() -> new NotFoundException("Der er ingen taksonomi med id'et " + taxonomyId + ".")));
	}

	@GetMapping("/taxonomy_terms")
	@Operation(summary = "Begreber", description = "Indsatsområder, spor (med indsatsområdet som parent_id) og "
			+ "livssituationer.")
	ResponseEntity<HsdsPage<Hsds.TaxonomyTerm>> taxonomyTerms(@Parameter(description = SLUG) @PathVariable String slug,
			@Parameter(description = "Sidenummer, fra 1", schema = @Schema(type = "integer", minimum = "1",
					defaultValue = "1")) @RequestParam(required = false) String page,
			@Parameter(description = "Antal pr. side, højst " + HsdsPage.MAX_PER_PAGE, schema = @Schema(
					type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))
			@RequestParam(name = "per_page", required = false) String perPage,
			@Parameter(description = "Kun begreber fra denne taksonomi", schema = @Schema(type = "string",
					format = "uuid")) @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
			@Parameter(description = "Kun begreber under dette begreb", schema = @Schema(type = "string",
					format = "uuid")) @RequestParam(name = "parent_id", required = false) String parentId) {
		var request = HsdsPage.Request.parse(page, perPage);
		var taxonomy = HsdsParameters.optionalId("taxonomy_id", taxonomyId);
		var parent = HsdsParameters.optionalId("parent_id", parentId);
		return cached(HsdsPage.of(catalog(slug).terms(taxonomy, parent), request, term -> term));
	}

	@GetMapping("/taxonomy_terms/{id}")
	@Operation(summary = "Ét begreb")
	ResponseEntity<Hsds.TaxonomyTerm> taxonomyTerm(@Parameter(description = SLUG) @PathVariable String slug,
			@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String id) {
		var termId = HsdsParameters.id(id);
		return cached(catalog(slug).term(termId)
			.orElseThrow(() -> new NotFoundException("Der er intet begreb med id'et " + termId + ".")));
	}

	private HsdsCatalog catalog(String slug) {
		return catalogs.of(slug, siteRoot());
	}

	private static String siteRoot() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	private static <T> ResponseEntity<T> cached(T body) {
		return ResponseEntity.ok().cacheControl(PUBLIC_FOR_FIVE_MINUTES).body(body);
	}
}
