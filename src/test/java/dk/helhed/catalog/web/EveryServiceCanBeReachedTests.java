package dk.helhed.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import dk.helhed.catalog.internal.Catalogs;

/**
 * Contact on every service: each of Aabenraa's services says in "Sådan får du hjælpen" how to reach someone (its own
 * phone; else its owning unit's or the municipality's phone, a sourced fact; else the municipality's address and
 * website), and no service page tells the citizen to call ("ring") without a number to call on the page. Prints how
 * many pages have a phone; a page without one is allowed only while no public source gives its unit or the
 * municipality a number.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EveryServiceCanBeReachedTests {

	private static final Pattern HOW_TO = Pattern.compile("<section class=\"howto\".*?</section>", Pattern.DOTALL);
	private static final Pattern ARTICLE = Pattern.compile("<article class=\"service\".*?</article>", Pattern.DOTALL);
	private static final Pattern CALL = Pattern.compile("\\b(ring|ringe|ringer|ring til)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
	private static final Pattern PHONE_LINK = Pattern.compile("href=\"tel:[0-9+]{3,}\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalogs catalogs;

	@Autowired
	ServiceContact serviceContact;

	@Test
	void everyServiceOfAabenraaSaysHowToReachSomeone() throws Exception {
		var services = catalogs.of("aabenraa").services();
		assertThat(services).hasSize(42);
		var problems = new ArrayList<String>();
		var ownPhone = 0;
		var unitOrMunicipalityPhone = 0;
		var withoutPhone = new ArrayList<String>();
		for (var service : services) {
			var path = "/aabenraa/indsatser/" + service.key();
			var page = PublicPages.page(mvc, path, 200);
			var howTo = HOW_TO.matcher(page).results().findFirst().map(match -> match.group()).orElse("");
			if (!howTo.contains("class=\"contact-block\"")) {
				problems.add(path + ": no contact in 'Sådan får du hjælpen'");
				continue;
			}
			var fallback = howTo.contains("class=\"fallback-contact\"");
			if (PHONE_LINK.matcher(howTo).find()) {
				if (fallback) {
					unitOrMunicipalityPhone++;
				}
				else {
					ownPhone++;
				}
			}
			else {
				withoutPhone.add(service.key());
				if (!fallback || !(howTo.contains("href=\"https://www.openstreetmap.org")
						|| howTo.contains("class=\"external\""))) {
					problems.add(path + ": neither a phone nor the municipality's contact");
				}
			}
			// The service's own text (the crisis box, which has its numbers, is outside the article)
			var article = HtmlUtils.htmlUnescape(ARTICLE.matcher(page).results().findFirst().orElseThrow().group()
				.replaceAll("<[^>]+>", " "));
			if (CALL.matcher(article).find() && !PHONE_LINK.matcher(page).find()) {
				problems.add(path + ": says 'ring' without a number");
			}
		}
		System.out.printf("Contact: %d services, %d with a phone of their own, %d with the owning unit's or the"
				+ " municipality's phone, %d without a phone (address and website only): %s%n", services.size(), ownPhone,
				unitOrMunicipalityPhone, withoutPhone.size(), withoutPhone);
		assertThat(problems).isEmpty();
		// Every service whose owning unit (or a parent unit, or the municipality) has a sourced number shows it
		var catalog = catalogs.of("aabenraa");
		assertThat(withoutPhone).as("services without a phone on the page, though their unit or municipality has one")
			.noneMatch(key -> serviceContact.fallback(catalog, catalog.service(key).orElseThrow()) != null);
		// The numbers confirmed on 2026-12-02 (Visitation & Understøttelse) reach at least its own services
		assertThat(unitOrMunicipalityPhone).isGreaterThanOrEqualTo(5);
	}

	@Test
	void thePrintViewShowsTheOwningUnitsNumberWhereTheServiceHasNone() throws Exception {
		var catalog = catalogs.of("aabenraa");
		var print = HtmlUtils.htmlUnescape(PublicPages.page(mvc, "/aabenraa/udskriv", 200));
		var withUnitPhone = catalog.services().stream()
			.filter(service -> serviceContact.ownPhone(service) == null)
			.filter(service -> serviceContact.fallback(catalog, service) != null)
			.toList();
		assertThat(withUnitPhone).isNotEmpty();
		for (var service : withUnitPhone) {
			var fallback = serviceContact.fallback(catalog, service);
			var entry = Pattern.compile("<article class=\"entry\" id=\"" + service.key() + "\".*?</article>", Pattern.DOTALL)
				.matcher(print).results().findFirst().map(match -> match.group()).orElseThrow();
			assertThat(entry).contains(fallback.phone().number() + " (" + fallback.unitName() + ")");
		}
	}

	@Test
	void aPageThatSaysRingWithoutANumberIsFound() {
		assertThat(CALL.matcher("Du kan ringe og spørge.").find()).isTrue();
		assertThat(CALL.matcher("Ring til os").find()).isTrue();
		assertThat(CALL.matcher("Fortæl om din erfaring. Et ringbind.").find()).isFalse();
	}
}
