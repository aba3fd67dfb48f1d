package dk.helhed.browser;

import static dk.helhed.browser.Citizens.fillIn;
import static dk.helhed.browser.Citizens.findByCpr;
import static dk.helhed.browser.Citizens.notes;
import static dk.helhed.browser.Citizens.openByCpr;
import static dk.helhed.browser.Citizens.recordConsent;
import static dk.helhed.browser.Citizens.register;
import static dk.helhed.browser.Citizens.writeNote;
import static dk.helhed.browser.Staff.flash;
import static dk.helhed.browser.Staff.logIn;
import static dk.helhed.browser.Staff.logOut;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;

import dk.helhed.support.SyntheticCpr;

/**
 * The scenario, in Chromium, through the login form and the citizen pages as the staff would use them: the
 * job centre registers a citizen, records the citizen's consent to share employment and housing information with
 * Visitation & Understøttelse and writes a note of each; the addiction centre joins the case and writes its own note;
 * Visitation finds the citizen and reads the housing and employment notes, not the addiction note; the consent is
 * withdrawn and Visitation no longer finds the citizen; the data-protection officer finds every access in the audit
 * log and produces the citizen's access account. No CPR number is in any address the browser asks for on the way.
 * The scenario runs with JavaScript and without.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CaseWorkAcrossUnitsBrowserTests {

	private static final String HOUSING_NOTE = "Sover hos en ven og søger egen bolig. (syntetisk)";
	private static final String EMPLOYMENT_NOTE = "Vil gerne i praktik på et værksted. (syntetisk)";
	private static final String ADDICTION_NOTE = "Kommer til samtale om sit forbrug hver tirsdag. (syntetisk)";

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	@TestBean(name = "clock", methodName = "dk.helhed.browser.Staff#fixedClock")
	Clock clock;

	@LocalServerPort
	int port;

	@Test
	void consentDecidesWhatAnotherUnitSeesWithJavaScript() {
		sharingFollowsTheCitizensConsent(browsers.desktop(port), true);
	}

	@Test
	void consentDecidesWhatAnotherUnitSeesWithoutJavaScript() {
		sharingFollowsTheCitizensConsent(browsers.withoutJavaScript(port), false);
	}

	private void sharingFollowsTheCitizensConsent(Browser browser, boolean javaScript) {
		var cpr = SyntheticCpr.random();
		var name = "Tværgående Testesen (syntetisk)";
		browser.addresses();

		// The job centre registers the citizen, records the consent and writes a housing and an employment note.
		logIn(browser, Staff.JOB_CENTRE);
		assertThat(browser.script("return typeof htmx !== 'undefined'")).as("htmx, loaded by every page, runs")
			.isEqualTo(javaScript);
		Staff.follow(browser, "Borgere");
		register(browser, cpr, name);
		var citizenPage = browser.path();
		assertThat(citizenPage).matches("/personale/borgere/[0-9a-f-]{36}");
		assertThat(browser.text("main .facts")).contains(cpr.substring(0, 6) + "-xxxx")
			.doesNotContain(cpr.substring(7));
		recordConsent(browser, "Koordineret hjælp til bolig og job", List.of("Beskæftigelse", "Bolig"),
				List.of("Visitation & Understøttelse"));
		assertThat(browser.text("#samtykker + .card")).contains("Koordineret hjælp til bolig og job",
				"Bolig, Beskæftigelse", "Visitation & Understøttelse", "Gælder");
		writeNote(browser, "Bolig", HOUSING_NOTE, null);
		writeNote(browser, "Beskæftigelse", EMPLOYMENT_NOTE, "Beskæftigelsesrettet mentor");
		assertThat(notes(browser)).hasSize(2)
			.anySatisfy(note -> assertThat(note).contains("Beskæftigelse", "Jobcenteret",
					"Indsats: Beskæftigelsesrettet mentor", EMPLOYMENT_NOTE))
			.anySatisfy(note -> assertThat(note).contains("Bolig", "Jobcenteret", HOUSING_NOTE)
				.doesNotContain("Indsats:"));
		logOut(browser);

		// The addiction centre registers the same person: it joins the case and writes its own note.
		logIn(browser, Staff.ADDICTION_CENTRE);
		register(browser, cpr, name);
		assertThat(browser.path()).as("the same citizen").isEqualTo(citizenPage);
		assertThat(notes(browser)).as("the job centre's notes are not the addiction centre's to see").isEmpty();
		writeNote(browser, "Rusmidler", ADDICTION_NOTE, null);
		logOut(browser);

		// Visitation finds the citizen through the consent: housing and employment, not addiction.
		logIn(browser, Staff.HOUSING);
		openByCpr(browser, cpr, name);
		assertThat(browser.text("main .facts")).contains("Samtykke eller lovgrundlag");
		assertThat(String.join("\n", notes(browser))).contains(HOUSING_NOTE, EMPLOYMENT_NOTE)
			.doesNotContain(ADDICTION_NOTE);
		assertThat(browser.findAll("#f-note")).as("no notes in another unit's case").isEmpty();
		logOut(browser);

		// The citizen withdraws the consent at the job centre.
		logIn(browser, Staff.JOB_CENTRE);
		openByCpr(browser, cpr, name);
		// First a page that says what will happen, with the citizen's own words; then a receipt.
		Staff.follow(browser, "Træk samtykket tilbage");
		fillIn(browser, "#f-withdraw-words", "Jeg vil ikke dele mere (syntetisk).");
		browser.andWaitForNewPage(() -> press(browser, "Ja, træk samtykket tilbage"));
		assertThat(flash(browser)).startsWith("Kvittering: samtykket er trukket tilbage i dag.");
		assertThat(browser.text("#samtykker + .card")).contains("Trukket tilbage");
		logOut(browser);

		// Visitation no longer finds the citizen.
		logIn(browser, Staff.HOUSING);
		assertThat(findByCpr(browser, cpr)).isEmpty();
		assertThat(browser.text("#results-title + p"))
			.isEqualTo("Der er ingen borger, som du har adgang til, der passer på søgningen.");
		logOut(browser);

		// The data-protection officer finds the accesses in the audit log and produces the access account.
		logIn(browser, Staff.DATA_PROTECTION_OFFICER);
		Staff.follow(browser, "Revisionsspor");
		fillIn(browser, "#f-audit-cpr", cpr);
		browser.andWaitForNewPage(() -> press(browser, "Søg i revisionssporet"));
		var rows = rows(browser, "main table");
		// In words: the staff member with unit and role, the citizen by name, what was done, the category, the basis.
		assertThat(rows).as("who read the citizen's page, from which unit, on which basis")
			.anySatisfy(row -> {
				assertThat(row.get(1)).contains(Staff.JOB_CENTRE, "Jobcenteret · Sagsbehandler");
				assertThat(row.get(2)).isEqualTo(name);
				assertThat(row.get(3)).startsWith("Oprettet: borgerens sag");
			})
			.anySatisfy(row -> {
				assertThat(row.get(1)).contains(Staff.ADDICTION_CENTRE, "Rusmiddelcenter Aabenraa · Sagsbehandler");
				assertThat(row.get(3)).startsWith("Ændret");
			})
			.anySatisfy(row -> {
				assertThat(row.get(1)).contains(Staff.HOUSING, "Visitation & Understøttelse · Sagsbehandler");
				assertThat(row.subList(3, 6)).satisfies(cells -> {
					assertThat(cells.get(0)).startsWith("Læst");
					assertThat(cells.get(1)).isEqualTo("Bolig, Beskæftigelse");
					assertThat(cells.get(2)).isEqualTo("Samtykke");
				});
			});
		assertThat(browser.text("main table")).as("no ids in the officer's view")
			.doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
		assertThat(browser.script("var t = document.querySelector('.audit-table'); return t.scrollWidth - t.clientWidth"))
			.as("no sideways scrolling at 1280 px").isEqualTo(0L);
		assertThat(browser.find("#f-audit-cpr").getDomProperty("value")).as("the number is not kept in the form")
			.isEmpty();

		Staff.follow(browser, "Aktindsigt");
		fillIn(browser, "#f-account-cpr", cpr);
		browser.andWaitForNewPage(() -> press(browser, "Vis oversigt"));
		// A letter to the citizen: by day, then by unit, with the time, what was done and which information; the
		// officer's own search of the log kept apart from the case work.
		assertThat(browser.findAll(".access-letter h3")).extracting(WebElement::getText).as("all of it today")
			.containsExactly("15. februar 2027");
		assertThat(browser.findAll(".access-letter h4")).extracting(WebElement::getText)
			.as("the units that looked at the citizen's data")
			.containsExactlyInAnyOrder("Jobcenteret", "Visitation & Understøttelse", "Rusmiddelcenter Aabenraa");
		var letter = browser.text(".access-letter");
		var caseWork = letter.substring(0, letter.indexOf("Når kommunen kontrollerer loggen"));
		var checks = letter.substring(letter.indexOf("Når kommunen kontrollerer loggen"), letter.indexOf("Dine rettigheder"));
		assertThat(caseWork).contains("Kl. 10:30: Skrev nye oplysninger", "Så dine oplysninger (Bolig, Beskæftigelse)")
			.doesNotContain("Kontrollerede loggen");
		assertThat(checks).as("the officer's search of the log, apart").contains("15. februar 2027 kl. 10:30: Kontrollerede loggen");
		assertThat(letter).contains("Dine rettigheder", "Hvis du vil klage", "Datatilsynet");
		assertThat(browser.text("main")).doesNotContain("Demo Sagsbehandler");
		logOut(browser);

		var addresses = browser.addresses();
		assertThat(addresses).as("the addresses the browser asked for")
			.anySatisfy(address -> assertThat(address).endsWith(citizenPage))
			.anySatisfy(address -> assertThat(address).endsWith("/personale/borgere/cpr"))
			.anySatisfy(address -> assertThat(address).endsWith("/personale/aktindsigt"));
		assertThat(addresses).as("addresses with a CPR number in them")
			.filteredOn(address -> SyntheticCpr.appearsIn(address)
					|| SyntheticCpr.appearsIn(URLDecoder.decode(address, StandardCharsets.UTF_8)))
			.isEmpty();
	}

	/** The rows of a table's body, each as the texts of its cells. */
	private static List<List<String>> rows(Browser browser, String tableSelector) {
		return browser.find(tableSelector)
			.findElements(By.cssSelector("tbody tr"))
			.stream()
			.map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
			.toList();
	}
}
