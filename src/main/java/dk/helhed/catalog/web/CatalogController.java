package dk.helhed.catalog.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.CatalogSettings;
import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.catalog.internal.crisis.CrisisHelp;
import dk.helhed.catalog.internal.search.SearchText;
import dk.helhed.municipality.Municipalities;
import dk.helhed.municipality.Strategy.FocusArea;
import dk.helhed.platform.NotFoundException;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;

/**
 * The public catalog: the list of municipalities, a municipality's front page, the searchable list of services, a
 * service's page and the print view. No login; nothing personal.
 */
@Controller
@AccessRule(Audience.EVERYONE)
class CatalogController {

	private static final String SLUG = "{slug:[a-z0-9-]{1,60}}";
	private static final int SEARCH_LIMIT = 60;

	private final Municipalities municipalities;
	private final Catalogs catalogs;
	private final CatalogSettings settings;
	private final CrisisHelp crisisHelp;
	private final OpeningHours openingHours;
	private final TimeOfNeed timeOfNeed;
	private final ServiceStructuredData structuredData;
	private final Clock clock;

	CatalogController(Municipalities municipalities, Catalogs catalogs, CatalogSettings settings,
			CrisisHelp crisisHelp, OpeningHours openingHours, TimeOfNeed timeOfNeed,
			ServiceStructuredData structuredData, Clock clock) {
		this.municipalities = municipalities;
		this.catalogs = catalogs;
		this.settings = settings;
		this.crisisHelp = crisisHelp;
		this.openingHours = openingHours;
		this.timeOfNeed = timeOfNeed;
		this.structuredData = structuredData;
		this.clock = clock;
	}

	@GetMapping("/")
	String municipalities(Model model) {
		model.addAttribute("catalogs", municipalities.all().stream().map(catalogs::of).toList());
		return "catalog/home";
	}

	@GetMapping("/" + SLUG)
	String front(@PathVariable String slug, Model model) {
		var catalog = catalogs.of(slug);
		model.addAttribute("catalog", catalog);
		model.addAttribute("municipality", catalog.municipality());
		model.addAttribute("counts", countsByFocusArea(catalog));
		return "catalog/front";
	}

	@GetMapping("/" + SLUG + "/indsatser")
	String services(@PathVariable String slug, @RequestParam(required = false) String q,
			@RequestParam(name = "omraade", required = false) String area,
			@RequestParam(name = "adgang", required = false) String access,
			@RequestParam(name = "anonym", required = false) String anonymous,
			@RequestParam(name = "alder", required = false) String age,
			@RequestParam(name = "gratis", required = false) String free,
			@RequestParam(name = "aabent", required = false) String open, Model model) {
		resultsModel(slug, q, area, access, anonymous, age, free, open, model);
		return "catalog/services";
	}

	/** The result list alone, for htmx to swap in while the visitor types or changes a filter. */
	@GetMapping("/partials/" + SLUG + "/indsatser")
	String servicesPartial(@PathVariable String slug, @RequestParam(required = false) String q,
			@RequestParam(name = "omraade", required = false) String area,
			@RequestParam(name = "adgang", required = false) String access,
			@RequestParam(name = "anonym", required = false) String anonymous,
			@RequestParam(name = "alder", required = false) String age,
			@RequestParam(name = "gratis", required = false) String free,
			@RequestParam(name = "aabent", required = false) String open, Model model,
			jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
		resultsModel(slug, q, area, access, anonymous, age, free, open, model);
		// The address bar follows the search, so that reload, back, bookmarks and shared links keep it.
		var query = request.getQueryString();
		response.setHeader("HX-Replace-Url", "/" + slug + "/indsatser" + (query == null ? "" : "?" + query));
		return "catalog/services :: results";
	}

	@GetMapping("/" + SLUG + "/indsatser/{key:[a-z0-9-]{1,80}}")
	String service(@PathVariable String slug, @PathVariable String key, Model model) {
		var catalog = catalogs.of(slug);
		var service = catalog.service(key).orElseThrow(() -> new NotFoundException("Indsatsen findes ikke."));
		model.addAttribute("catalog", catalog);
		model.addAttribute("municipality", catalog.municipality());
		model.addAttribute("service", service);
		model.addAttribute("verifiedDaysAgo", Math.max(0, ChronoUnit.DAYS.between(service.lastVerified(), today())));
		model.addAttribute("stale", service.isStale(today(), settings.staleAfterMonths()));
		var pageUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/{slug}/indsatser/{key}")
			.buildAndExpand(slug, key)
			.toUriString();
		model.addAttribute("structuredData", structuredData.of(catalog, service, pageUrl));
		return "catalog/service";
	}

	@GetMapping("/" + SLUG + "/udskriv")
	String print(@PathVariable String slug, Model model) {
		var catalog = catalogs.of(slug);
		model.addAttribute("catalog", catalog);
		model.addAttribute("municipality", catalog.municipality());
		model.addAttribute("today", today());
		return "catalog/print";
	}

	private void resultsModel(String slug, String q, String area, String access, String anonymous, String age,
			String free, String open, Model model) {
		var catalog = catalogs.of(slug);
		var parsed = CatalogFilter.parse(catalog, q, area, access, anonymous, age, free);
		// "Åbent nu": by the weekly opening hours and the application's clock (Europe/Copenhagen).
		var openNow = "nu".equals(open == null ? null : open.strip());
		var filter = open != null && !open.isBlank() && !openNow ? parsed.withMessage("catalog.filter.open.invalid")
				: parsed;
		java.util.function.Predicate<Service> accepted = openNow
				? service -> filter.accepts(service) && openingHours.isOpenNow(service) : filter::accepts;
		model.addAttribute("openNow", openNow);
		model.addAttribute("catalog", catalog);
		model.addAttribute("municipality", catalog.municipality());
		model.addAttribute("filter", filter);
		model.addAttribute("accessKeys", CatalogFilter.accessKeys());
		model.addAttribute("maxQueryLength", SearchText.MAX_LENGTH);
		model.addAttribute("crisis", crisisHelp.forSearch(slug, filter.text().text()).orElse(null));
		if (filter.text().isEmpty()) {
			var groups = groups(catalog, accepted);
			model.addAttribute("groups", groups);
			model.addAttribute("count", groups.values().stream().mapToInt(List::size).sum());
		}
		else {
			var results = catalogs.search(catalog.municipality(), filter.text(), SEARCH_LIMIT)
				.stream()
				.map(Catalogs.Found::service)
				.filter(accepted)
				.toList();
			// "i nat", "nu", "weekend": the services open then come first, otherwise in the order of the search.
			var when = timeOfNeed.of(filter.text().text());
			if (!when.isEmpty()) {
				results = java.util.stream.Stream.concat(results.stream().filter(service -> openWhen(service, when)),
						results.stream().filter(service -> !openWhen(service, when))).toList();
				model.addAttribute("openFirst", true);
			}
			model.addAttribute("results", results);
			model.addAttribute("count", results.size());
		}
	}

	/** The services that pass the filter, under their primary focus area, in the strategy's order. */
	private boolean openWhen(Service service, java.util.Set<TimeOfNeed.When> when) {
		return when.contains(TimeOfNeed.When.NOW) && openingHours.isOpenNow(service)
				|| when.contains(TimeOfNeed.When.TONIGHT) && openingHours.isOpenTonight(service)
				|| when.contains(TimeOfNeed.When.WEEKEND) && openingHours.isOpenAtTheWeekend(service);
	}

	private static Map<FocusArea, List<Service>> groups(CatalogSnapshot catalog,
			java.util.function.Predicate<Service> filter) {
		Map<FocusArea, List<Service>> groups = new LinkedHashMap<>();
		for (var area : catalog.focusAreas()) {
			var services = catalog.servicesPrimarilyIn(area).stream().filter(filter).toList();
			if (!services.isEmpty()) {
				groups.put(area, services);
			}
		}
		return groups;
	}

	private static Map<FocusArea, Integer> countsByFocusArea(CatalogSnapshot catalog) {
		Map<FocusArea, Integer> counts = new LinkedHashMap<>();
		catalog.focusAreas().forEach(area -> counts.put(area, catalog.servicesIn(area).size()));
		return counts;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
