package dk.helhed.browser;

import static dk.helhed.browser.Citizens.fillIn;
import static dk.helhed.browser.Citizens.recordConsent;
import static dk.helhed.browser.Citizens.register;
import static dk.helhed.browser.Citizens.writeNote;
import static dk.helhed.browser.Staff.as;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;

import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.support.SyntheticCpr;

/**
 * The referral issue's whole scenario in Chromium, as new users would go through it, with and without JavaScript:
 * the job centre registers a citizen, records the citizen's consent for Visitation to see housing and employment and
 * refers the citizen to Visitation & Understøttelse for Overgangsbolig, sharing those two; Visitation accepts, joins
 * the case, offers a free place from the referral, records a decision with its legal basis and reasons, and completes
 * the referral with an outcome; the job centre sees the outcome and closes the loop; the decision letter is a PDF; the
 * data-protection officer finds every step in the audit log. The citizens are synthetic.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReferralLoopBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@TestBean(name = "clock", methodName = "dk.helhed.browser.Staff#fixedClock")
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	Catalogs catalogs;

	@Test
	void theLoopClosesFromReferralToDecisionWithJavaScript() throws Exception {
		scenario(browsers.desktop(port), "Løkke Med Script (syntetisk)");
	}

	@Test
	void theLoopClosesFromReferralToDecisionWithoutJavaScript() throws Exception {
		scenario(browsers.withoutJavaScript(port), "Løkke Uden Script (syntetisk)");
	}

	private void scenario(Browser browser, String name) throws Exception {
		var cpr = SyntheticCpr.random();
		var flats = catalogs.of("aabenraa").service("overgangsbolig").orElseThrow().id();

		// The job centre registers the citizen, records the consent and refers the citizen to Visitation.
		as(browser, Staff.JOB_CENTRE);
		register(browser, cpr, name);
		recordConsent(browser, "Hjælp til bolig og job", List.of("Beskæftigelse", "Bolig"),
				List.of("Visitation & Understøttelse"));
		writeNote(browser, "Bolig", "Sover hos en ven i Aabenraa. (syntetisk)", null);
		browser.andWaitForNewPage(() -> Staff.follow(browser, "Henvis til en anden enhed"));
		new Select(browser.find("#f-indsats")).selectByValue(flats.toString());
		browser.andWaitForNewPage(() -> press(browser, "Vis hvad der kan deles"));
		browser.find("#f-spoergsmaal").sendKeys("Kan hun få en overgangsbolig? (syntetisk)");
		browser.find("#kategori-HOUSING").click();
		browser.find("#kategori-EMPLOYMENT").click();
		browser.andWaitForNewPage(() -> press(browser, "Send henvisningen"));
		assertThat(Staff.flash(browser)).startsWith("Henvisningen er sendt til Visitation");
		var referral = browser.path();
		assertThat(referral).matches("/personale/henvisninger/[0-9a-f-]{36}");

		// Visitation accepts, and joins the case by the CPR number the citizen gives it.
		as(browser, Staff.HOUSING);
		browser.open(referral);
		assertThat(browser.text("main")).contains("Kan hun få en overgangsbolig?", "Sover hos en ven i Aabenraa");
		browser.andWaitForNewPage(() -> press(browser, "Accepter"));
		assertThat(Staff.flash(browser)).contains("accepteret");
		Citizens.openCitizens(browser);
		fillIn(browser, "#f-identified-cpr", cpr);
		fillIn(browser, "#f-identified-name", name);
		browser.andWaitForNewPage(() -> press(browser, "Registrér borger"));
		assertThat(browser.text("h1")).isEqualTo(name);

		// From the referral: a free place of Overgangsbolig is offered to the citizen.
		browser.open(referral);
		browser.andWaitForNewPage(() -> Staff.follow(browser, "Tilbyd en plads"));
		assertThat(new Select(browser.find("#f-tilbud-borger")).getFirstSelectedOption().getText()).isEqualTo(name);
		browser.andWaitForNewPage(() -> press(browser, "Tilbyd en ledig plads"));
		assertThat(Staff.flash(browser)).startsWith("Kvittering: plads");
		assertThat(browser.text("main")).contains(name);

		// From the referral: the decision, with its legal basis and reasons, asked first and then made.
		browser.open(referral);
		browser.andWaitForNewPage(() -> Staff.follow(browser, "Skriv afgørelse"));
		new Select(browser.find("#f-ydelse")).selectByValue(flats.toString());
		browser.find("label[for=f-udfald-GRANTED]").click();
		new Select(browser.find("#f-lovgrundlag")).selectByValue("SEL-107");
		browser.find("#f-bevilget").sendKeys("En overgangsbolig i op til et år.");
		browser.find("#f-begrundelse").sendKeys("Du har ingen bolig, og du har brug for støtte til at få en.");
		browser.andWaitForNewPage(() -> press(browser, "Se afgørelsen før den træffes …"));
		browser.andWaitForNewPage(() -> press(browser, "Ja, træf afgørelsen"));
		assertThat(Staff.flash(browser)).startsWith("Kvittering: afgørelsen er truffet");
		assertThat(browser.text("main")).contains("§ 107", "Hent brevet som PDF");
		var letter = browser.driver()
			.findElement(By.xpath("//a[normalize-space(.)='Hent brevet som PDF']"))
			.getDomAttribute("href");
		var pdf = get(browser, letter);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		// Visitation starts the referral and completes it with the outcome.
		browser.open(referral);
		browser.andWaitForNewPage(() -> press(browser, "Start"));
		browser.find("#f-resultat-COMPLETE").sendKeys("Hun har fået en overgangsbolig og flytter ind i næste uge.");
		browser.andWaitForNewPage(() -> press(browser, "Afslut med resultat"));
		assertThat(Staff.flash(browser)).startsWith("Kvittering:");

		// The job centre sees the outcome and closes the loop.
		as(browser, Staff.JOB_CENTRE);
		browser.open(referral);
		assertThat(browser.text("main")).contains("Hun har fået en overgangsbolig og flytter ind i næste uge.");
		browser.andWaitForNewPage(() -> press(browser, "Luk løkken"));
		assertThat(Staff.flash(browser)).startsWith("Løkken er lukket");

		// The data-protection officer finds every step in the audit log.
		as(browser, Staff.DATA_PROTECTION_OFFICER);
		Staff.follow(browser, "Revisionsspor");
		fillIn(browser, "#f-audit-cpr", cpr);
		browser.andWaitForNewPage(() -> press(browser, "Søg i revisionssporet"));
		var log = browser.findAll("main table tbody tr")
			.stream()
			.map(row -> row.getText())
			.collect(Collectors.joining("\n"));
		assertThat(log).as("the referral, the place, the decision and the case, each by the unit that did it")
			.contains(Staff.JOB_CENTRE, Staff.HOUSING, "henvisning", "plads", "afgørelse");
	}

	/** Fetches an address of the application with the browser's session, e.g. a PDF the browser would download. */
	private HttpResponse<byte[]> get(Browser browser, String path) throws Exception {
		var cookies = browser.driver()
			.manage()
			.getCookies()
			.stream()
			.map(cookie -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", cookies)
			.GET()
			.build();
		try (var client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
	}
}
