package dk.helhed.browser;

import static dk.helhed.browser.Staff.assertAccessible;
import static dk.helhed.browser.Staff.flash;
import static dk.helhed.browser.Staff.follow;
import static dk.helhed.browser.Staff.logIn;
import static dk.helhed.browser.Staff.logOut;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The way a change reaches the public: a unit editor changes a service's opening hours and reports free places, the
 * catalog editor approves, and the public page and the history show it; or the catalog editor rejects, and the unit
 * editor reads why. Every staff page on the way is checked with axe-core.
 */
@OnChromium
// Units report free places by hand where Helhed does not keep the places (here: turned off for the whole catalog)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "helhed.referral.keep-places=false")
class EditorsKeepAServiceTrueBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	private Browser browser;

	@TestBean(name = "clock", methodName = "dk.helhed.browser.Staff#fixedClock")
	Clock clock;

	@LocalServerPort
	int port;

	@BeforeEach
	void startBrowser() {
		browser = browsers.desktop(port);
	}

	@Test
	void aUnitEditorsNewOpeningHoursAreApprovedAndPublished() {
		logIn(browser, Staff.UNIT_EDITOR);
		assertThat(browser.text("h1")).isEqualTo("Oversigt");
		assertAccessible(browser);

		follow(browser, "Indsatser");
		assertThat(browser.path()).isEqualTo("/personale/indsatser");
		assertAccessible(browser);
		follow(browser, "Overgangsbolig");
		var form = browser.path();
		assertThat(browser.text("h1")).isEqualTo("Overgangsbolig");
		assertThat(browser.text("main .notice")).startsWith("Du er enhedsredaktør");
		assertAccessible(browser);

		// Free places are live figures: they are published at once, without approval.
		var freePlaces = browser.find("#ledige-0");
		assertThat(browser.find("label[for=ledige-0]").getText()).isEqualTo("Ledige boliger af 6");
		freePlaces.clear();
		freePlaces.sendKeys("2");
		browser.andWaitForNewPage(() -> freePlaces.findElement(By.xpath("following-sibling::button")).click());
		assertThat(flash(browser)).isEqualTo("Antallet af ledige pladser er opdateret.");
		assertThat(browser.find("#ledige-0").getDomProperty("value")).isEqualTo("2");
		assertThat(browser.text("#free-title + form .hint")).isEqualTo("Senest opdateret " + Staff.NOW_AS_SHOWN);

		follow(browser, "Se den offentlige side");
		assertThat(browser.path()).isEqualTo("/aabenraa/indsatser/overgangsbolig");
		assertThat(practicalFacts()).contains("2 af 6 boliger ledige (opdateret " + Staff.NOW_AS_SHOWN + ")");
		browser.open(form);

		// Overgangsbolig has no opening hours yet: the form offers empty rows for new ones.
		for (var day : List.of("MO", "TU", "WE", "TH", "FR")) {
			browser.find("label[for=day-0-" + day + "]").click();
		}
		browser.find("#f-schedules-0-opens").sendKeys("8.30");
		browser.find("#f-schedules-0-closes").sendKeys("15:00");
		browser.find("#f-schedules-0-description").sendKeys("kontoret på Sønderport 49");
		browser.find("#f-scheduleNote").sendKeys("Ring før du kommer, så vi kan vise dig boligen.");
		browser.andWaitForNewPage(() -> press(browser, "Send forslag til godkendelse"));

		assertThat(browser.path()).isEqualTo(form);
		assertThat(flash(browser))
			.isEqualTo("Dit ændringsforslag (2 felter) er sendt til godkendelse hos katalogredaktøren.");
		assertThat(browser.text(".service-status .messages"))
			.contains("Der er et ændringsforslag fra " + Staff.UNIT_EDITOR_NAME + ", der venter");
		assertAccessible(browser);

		browser.open("/aabenraa/indsatser/overgangsbolig");
		assertThat(practicalFacts()).as("the proposal is not public before it is approved")
			.doesNotContain("Åbningstider");

		follow(browser, "Medarbejder");
		logOut(browser);
		assertAccessible(browser);

		logIn(browser, Staff.CATALOG_EDITOR);
		var proposal = pendingProposalFor("Overgangsbolig");
		assertThat(proposal.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
			.startsWith("Overgangsbolig", Staff.UNIT_EDITOR_NAME);
		assertAccessible(browser);

		browser.andWaitForNewPage(proposal.findElement(By.tagName("a"))::click);
		assertThat(browser.text("h1")).isEqualTo("Ændringsforslag: Overgangsbolig");
		assertThat(browser.text("main")).contains("Foreslået af " + Staff.UNIT_EDITOR_NAME);
		assertThat(changedFields()).containsExactlyInAnyOrder("Åbningstider", "Note om åbningstider");
		assertThat(browser.text("main table tbody")).contains("Ring før du kommer");
		assertAccessible(browser);

		browser.andWaitForNewPage(() -> press(browser, "Godkend og gem"));
		assertThat(browser.path()).isEqualTo("/personale");
		assertThat(flash(browser)).isEqualTo("Ændringsforslaget er godkendt og gemt.");
		assertThat(browser.findAll("section[aria-labelledby=pending-title] table a").stream().map(WebElement::getText))
			.doesNotContain("Overgangsbolig");
		assertAccessible(browser);

		browser.open("/aabenraa/indsatser/overgangsbolig");
		assertThat(practicalFacts()).contains("Åbningstider")
			.contains("mandag–fredag kl. 8.30–15: kontoret på Sønderport 49")
			.contains("Ring før du kommer, så vi kan vise dig boligen.")
			.contains("2 af 6 boliger ledige");

		browser.open(form + "/historik");
		assertThat(browser.text("h1")).isEqualTo("Historik: Overgangsbolig");
		var approvedBy = Staff.UNIT_EDITOR_NAME + " (godkendt af " + Staff.CATALOG_EDITOR_NAME + ")";
		assertThat(historyRows()).contains(List.of(Staff.NOW_AS_SHOWN, approvedBy, "Åbningstider"),
				List.of(Staff.NOW_AS_SHOWN, approvedBy, "Note om åbningstider"),
				List.of(Staff.NOW_AS_SHOWN, Staff.UNIT_EDITOR_NAME, "Ledige pladser (boliger)"));
		assertAccessible(browser);

		assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
	}

	@Test
	void aRejectedProposalTellsTheUnitEditorWhy() {
		logIn(browser, Staff.UNIT_EDITOR);
		follow(browser, "Indsatser");
		follow(browser, "Bopladsen");
		var summary = browser.find("#f-summary");
		summary.clear();
		summary.sendKeys("Et sted at bo for dig, der ikke kan bo i en almindelig lejlighed.");
		browser.andWaitForNewPage(() -> press(browser, "Send forslag til godkendelse"));
		assertThat(flash(browser)).startsWith("Dit ændringsforslag (1 felter) er sendt til godkendelse");
		logOut(browser);

		logIn(browser, Staff.CATALOG_EDITOR);
		browser.andWaitForNewPage(pendingProposalFor("Bopladsen").findElement(By.tagName("a"))::click);
		assertThat(changedFields()).containsExactly("Kort beskrivelse");
		var reason = "Bopladsen er ikke en lejlighed, men små huse. Skriv det, så borgeren ved, hvad de siger ja til.";
		browser.find("label[for=begrundelse]").click();
		browser.driver().switchTo().activeElement().sendKeys(reason);
		browser.andWaitForNewPage(() -> press(browser, "Afvis"));
		assertThat(browser.path()).isEqualTo("/personale");
		assertThat(flash(browser)).isEqualTo("Ændringsforslaget er afvist. Forslagsstilleren kan se begrundelsen.");
		assertAccessible(browser);
		logOut(browser);

		logIn(browser, Staff.UNIT_EDITOR);
		var mine = browser.findAll("section[aria-labelledby=mine-title] tbody tr")
			.stream()
			.filter(row -> row.getText().startsWith("Bopladsen"))
			.toList();
		assertThat(mine).hasSize(1);
		assertThat(mine.getFirst().findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
			.containsExactly("Bopladsen", "Afvist", reason);
		assertAccessible(browser);

		browser.andWaitForNewPage(mine.getFirst().findElement(By.tagName("a"))::click);
		assertThat(browser.text("main .notice")).contains("Forslaget er afvist af " + Staff.CATALOG_EDITOR_NAME)
			.contains(reason);
		assertAccessible(browser);

		browser.open("/aabenraa/indsatser/bopladsen");
		assertThat(browser.text("main .lead")).doesNotContain("almindelig lejlighed");
	}

	@Test
	void anOverdueServiceIsConfirmedFromTheOverviewWithOneClick() {
		logIn(browser, Staff.CATALOG_EDITOR);
		var overdue = browser.findAll("section[aria-labelledby=overdue-title] tbody tr")
			.stream()
			.filter(row -> row.getText().startsWith("Hjemløsemonitorering"))
			.toList();
		assertThat(overdue).hasSize(1);
		assertThat(overdue.getFirst().findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
			.containsExactly("Hjemløsemonitorering", "1. jul. 2026", "45 dage", "Stadig korrekt");
		var confirm = overdue.getFirst().findElement(By.tagName("button"));
		assertThat(confirm.getAccessibleName()).isEqualTo("Stadig korrekt: Hjemløsemonitorering");

		browser.andWaitForNewPage(confirm::click);

		assertThat(browser.path()).isEqualTo("/personale");
		assertThat(flash(browser)).isEqualTo("„Hjemløsemonitorering“ er markeret som kontrolleret i dag.");
		assertThat(browser.text("section[aria-labelledby=overdue-title]")).doesNotContain("Hjemløsemonitorering");
		assertAccessible(browser);
		browser.open("/aabenraa/indsatser/hjemloesemonitorering");
		assertThat(browser.text("main .verified")).startsWith("Oplysningerne blev senest kontrolleret 15. februar 2027");
	}

	@Test
	void freePlacesReportedWhileAProposalWaitsDoNotStopItsApproval() {
		logIn(browser, Staff.UNIT_EDITOR);
		follow(browser, "Indsatser");
		follow(browser, "Boliger på Kirkeplads");
		browser.find("#f-scheduleNote").sendKeys("Ring og aftal en tid, før du kommer.");
		browser.andWaitForNewPage(() -> press(browser, "Send forslag til godkendelse"));
		assertThat(flash(browser)).startsWith("Dit ændringsforslag (1 felter) er sendt til godkendelse");
		var freePlaces = browser.find("#ledige-0");
		freePlaces.clear();
		freePlaces.sendKeys("1");
		browser.andWaitForNewPage(() -> freePlaces.findElement(By.xpath("following-sibling::button")).click());
		assertThat(flash(browser)).isEqualTo("Antallet af ledige pladser er opdateret.");
		logOut(browser);

		logIn(browser, Staff.CATALOG_EDITOR);
		browser.andWaitForNewPage(pendingProposalFor("Boliger på Kirkeplads").findElement(By.tagName("a"))::click);
		assertThat(changedFields()).containsExactly("Note om åbningstider");
		browser.andWaitForNewPage(() -> press(browser, "Godkend og gem"));

		assertThat(flash(browser)).isEqualTo("Ændringsforslaget er godkendt og gemt.");
		browser.open("/aabenraa/indsatser/boliger-paa-kirkeplads");
		assertThat(practicalFacts()).contains("Ring og aftal en tid, før du kommer.").contains("1 af ");
	}

	/** The row of the overview's table of proposals waiting for approval that concerns the named service. */
	private WebElement pendingProposalFor(String serviceName) {
		var rows = browser.findAll("section[aria-labelledby=pending-title] tbody tr")
			.stream()
			.filter(row -> row.findElement(By.tagName("a")).getText().equals(serviceName))
			.toList();
		assertThat(rows).as("proposals waiting for approval for " + serviceName).hasSize(1);
		return rows.getFirst();
	}

	private List<String> changedFields() {
		return browser.findAll("main table tbody th").stream().map(WebElement::getText).toList();
	}

	/** Each change in the history as when, who and which field. */
	private List<List<String>> historyRows() {
		return browser.findAll("table.history tbody tr")
			.stream()
			// when, who, and the field (the row's header cell, from the shared change table's cells)
			.map(row -> row.findElements(By.cssSelector("td, th")).stream().limit(3).map(WebElement::getText).toList())
			.toList();
	}

	/** The service's facts: opening hours and contact in "Sådan får du hjælpen", price and places under "Praktisk". */
	private String practicalFacts() {
		return browser.text("main");
	}
}
