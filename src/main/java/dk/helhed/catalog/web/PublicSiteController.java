package dk.helhed.catalog.web;

import java.util.ArrayList;
import java.util.List;


import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.PublicPageSource;

/**
 * The pages every public site needs besides its content: the accessibility statement (tilgængelighedserklæring), the
 * privacy notice, and what search engines read (robots.txt and the sitemap). No login; nothing personal.
 */
@Controller
@AccessRule(Audience.EVERYONE)
class PublicSiteController {

	private final Municipalities municipalities;
	private final Catalogs catalogs;
	private final List<PublicPageSource> otherModules;

	PublicSiteController(Municipalities municipalities, Catalogs catalogs, List<PublicPageSource> otherModules) {
		this.municipalities = municipalities;
		this.catalogs = catalogs;
		this.otherModules = otherModules;
	}

	@GetMapping("/tilgaengelighed")
	String accessibility(Model model) {
		model.addAttribute("municipalities", municipalities.all());
		return "site/accessibility";
	}

	@GetMapping("/privatliv")
	String privacy(Model model) {
		model.addAttribute("municipalities", municipalities.all());
		return "site/privacy";
	}

	@GetMapping(value = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> robots() {
		var base = base();
		var text = """
				User-agent: *
				Disallow: /personale
				Disallow: /partials/
				Disallow: /log-ind
				Sitemap: %s/sitemap.xml
				""".formatted(base);
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(text);
	}

	/** Every public page worth finding from a search engine, with the day a service was last checked. */
	@GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> sitemap() {
		var base = base();
		List<String> entries = new ArrayList<>();
		entries.add(url(base + "/", null));
		for (var municipality : municipalities.all()) {
			var catalog = catalogs.of(municipality.slug());
			var root = base + "/" + municipality.slug();
			entries.add(url(root, null));
			entries.add(url(root + "/strategi", null));
			entries.add(url(root + "/indsatser", null));
			entries.add(url(root + "/udskriv", null));
			for (var service : catalog.services()) {
				entries.add(url(root + "/indsatser/" + service.key(),
						service.lastVerified() == null ? null : service.lastVerified().toString()));
			}
		}
		// The other modules' public pages (participation's dialogue forum, meetings and proposals)
		for (var source : otherModules) {
			for (var page : source.publicPages()) {
				entries.add(url(base + page.path(),
						page.lastModified() == null ? null : page.lastModified().toString()));
			}
		}
		entries.add(url(base + "/tilgaengelighed", null));
		entries.add(url(base + "/privatliv", null));
		var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		entries.forEach(xml::append);
		xml.append("</urlset>\n");
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
	}

	private static String url(String location, String lastModified) {
		return "  <url><loc>" + HtmlUtils.htmlEscape(location) + "</loc>"
				+ (lastModified == null ? "" : "<lastmod>" + lastModified + "</lastmod>") + "</url>\n";
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}
}
