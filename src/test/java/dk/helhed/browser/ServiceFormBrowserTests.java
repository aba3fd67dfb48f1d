package dk.helhed.browser;

import static dk.helhed.browser.Staff.assertAccessible;
import static dk.helhed.browser.Staff.flash;
import static dk.helhed.browser.Staff.follow;
import static dk.helhed.browser.Staff.logIn;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The service form in the browser: mistakes are summed up with links to the fields and nothing is saved; the preview
 * shows the public page and saves nothing; two editors saving the same version do not overwrite each other. Each
 * state of the form is checked with axe-core.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ServiceFormBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	private Browser browser;

	@TestBean(name = "clock", methodName = "dk.helhed.browser.Staff#fixedClock")
	Clock clock;

	@LocalServerPort
	int port;

	@BeforeEach
	void logInAsCatalogEditor() {
		browser = browsers.desktop(port);
		logIn(browser, Staff.CATALOG_EDITOR);
	}

	@Test
	void mistakesAreSummedUpWithLinksThatMoveTheFocusToTheFieldsAndNothingIsSaved() {
		openForm("Fremskudt visitation");
		var form = browser.path();
		assertAccessible(browser);

		browser.find("#f-name").clear();
		var postalCode = browser.find("#f-postalCode");
		postalCode.clear();
		postalCode.sendKeys("62OO");
		browser.andWaitForNewPage(() -> press(browser, "Gem"));

		assertThat(browser.path()).isEqualTo(form);
		var summary = browser.find(".error-summary");
		assertThat(summary.getDomAttribute("role")).isEqualTo("alert");
		assertThat(summary.findElement(By.tagName("h2")).getText()).isEqualTo("Indsatsen er ikke gemt: ret 2 felter");
		assertThat(browser.driver().switchTo().activeElement())
			.as("the focus is on the summary, so that it is read out first")
			.isEqualTo(summary);
		var links = summary.findElements(By.tagName("a"));
		assertThat(links).extracting(WebElement::getText)
			.containsExactly("Feltet skal udfyldes.", "Postnummeret skal være fire cifre.");
		assertThat(browser.find("#f-name").getDomProperty("value")).as("what was typed is kept").isEmpty();
		assertThat(browser.find("#f-postalCode").getDomProperty("value")).isEqualTo("62OO");
		assertThat(errorOf("#f-name")).isEqualTo("Feltet skal udfyldes.");
		assertThat(errorOf("#f-postalCode")).isEqualTo("Postnummeret skal være fire cifre.");
		assertAccessible(browser);

		links.get(0).click();
		assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("f-name");
		browser.find(".error-summary a[href='#f-postalCode']").click();
		assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("f-postalCode");

		browser.open("/aabenraa/indsatser/fremskudt-visitation");
		assertThat(browser.text("h1")).isEqualTo("Fremskudt visitation");
		assertThat(browser.text("main")).contains("6200 Aabenraa");
		browser.open(form + "/historik");
		assertThat(browser.text("main")).contains("Indsatsen er ikke ændret, siden den blev indlæst fra kataloget.");
	}

	@Test
	void thePreviewShowsThePublicPageAndSavesNothing() {
		openForm("Veterankoordinator");
		var summary = browser.find("#f-summary");
		summary.clear();
		summary.sendKeys("Råd og støtte til veteraner og deres pårørende.");
		browser.andWaitForNewPage(() -> press(browser, "Forhåndsvis"));

		var preview = browser.find("section.preview");
		assertThat(preview.findElement(By.tagName("h2")).getText())
			.isEqualTo("Forhåndsvisning af den offentlige side");
		assertThat(preview.findElement(By.cssSelector(".preview-frame .lead")).getText())
			.isEqualTo("Råd og støtte til veteraner og deres pårørende.");
		assertThat(browser.find("#f-summary").getDomProperty("value"))
			.isEqualTo("Råd og støtte til veteraner og deres pårørende.");
		assertAccessible(browser);

		browser.open("/aabenraa/indsatser/veterankoordinator");
		assertThat(browser.text("main .lead")).startsWith("Har du været soldat, kan du få råd og støtte her.");
	}

	@Test
	void whoSavesSecondIsShownWhatChangedAndSavesAfterReviewingIt() {
		var serviceName = "Udvikling af byens rum sammen med borgerne";
		openForm(serviceName);
		var form = browser.path();
		var firstTab = browser.driver().getWindowHandle();

		// A second tab in the same browser stands in for a colleague who opened the service at the same time.
		browser.driver().switchTo().newWindow(WindowType.TAB);
		browser.open(form);
		var summary = browser.find("#f-summary");
		summary.clear();
		summary.sendKeys("Har du en idé til et mødested for socialt udsatte, så kontakt Plan, Teknik & Miljø.");
		browser.andWaitForNewPage(() -> press(browser, "Gem"));
		assertThat(flash(browser)).isEqualTo("Ændringerne er gemt (1 felter).");
		browser.driver().close();
		browser.driver().switchTo().window(firstTab);

		var name = browser.find("#f-name");
		name.clear();
		name.sendKeys("Byens rum for alle");
		browser.andWaitForNewPage(() -> press(browser, "Gem"));

		var conflict = browser.find("main [role=alert]");
		assertThat(conflict.findElement(By.tagName("h2")).getText())
			.isEqualTo("Indsatsen er ændret af en anden, mens du redigerede");
		assertThat(conflict.findElements(By.tagName("li"))).extracting(WebElement::getText)
			.containsExactly("Kort beskrivelse: Har du en idé til et mødested for socialt udsatte, så kontakt Plan, "
					+ "Teknik & Miljø. (" + Staff.CATALOG_EDITOR_NAME + ", " + Staff.NOW_AS_SHOWN + ")");
		assertThat(browser.find("#f-name").getDomProperty("value")).as("the form keeps what was typed")
			.isEqualTo("Byens rum for alle");
		assertAccessible(browser);

		// Having read what the colleague changed, the editor keeps it and saves again.
		summary = browser.find("#f-summary");
		summary.clear();
		summary.sendKeys("Har du en idé til et mødested for socialt udsatte, så kontakt Plan, Teknik & Miljø.");
		browser.andWaitForNewPage(() -> press(browser, "Gem"));
		assertThat(flash(browser)).isEqualTo("Ændringerne er gemt (1 felter).");
		assertThat(browser.text("h1")).isEqualTo("Byens rum for alle");

		follow(browser, "Se den offentlige side");
		assertThat(browser.text("h1")).isEqualTo("Byens rum for alle");
		assertThat(browser.text("main .lead")).startsWith("Har du en idé til et mødested");
	}

	@Test
	void savingTheFormUnchangedChangesNothing() {
		openForm("Job til Mor");
		var form = browser.path();

		browser.andWaitForNewPage(() -> press(browser, "Gem"));

		assertThat(flash(browser)).isEqualTo("Der var ingen ændringer at gemme.");
		browser.open(form + "/historik");
		assertThat(browser.text("main")).contains("Indsatsen er ikke ændret, siden den blev indlæst fra kataloget.");
	}

	private void openForm(String serviceName) {
		browser.open("/personale/indsatser");
		follow(browser, serviceName);
		assertThat(browser.text("h1")).isEqualTo(serviceName);
	}

	/** The error message a field is described by, as a screen reader reads it with the field. */
	private String errorOf(String fieldSelector) {
		var describedBy = browser.find(fieldSelector).getDomAttribute("aria-describedby");
		assertThat(describedBy).as("aria-describedby of " + fieldSelector).isNotNull();
		assertThat(browser.find(fieldSelector).getDomAttribute("aria-invalid")).as("aria-invalid of " + fieldSelector)
			.isEqualTo("true");
		List<String> descriptions = Arrays.stream(describedBy.split("\\s+"))
			.flatMap(id -> browser.findAll("[id='" + id + "']").stream())
			.map(WebElement::getText)
			.toList();
		return String.join(" ", descriptions);
	}
}
