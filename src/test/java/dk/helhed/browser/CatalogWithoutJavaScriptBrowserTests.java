package dk.helhed.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without JavaScript the search and the filters still work: the form is sent, and a new page shows the results. */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CatalogWithoutJavaScriptBrowserTests {

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	private Browser browser;

	@LocalServerPort
	int port;

	@BeforeEach
	void firstVisit() {
		browser = browsers.withoutJavaScript(port);
		browser.asNewVisitor();
	}

	@Test
	void searchesAndFiltersWithPlainForms() {
		browser.open("/aabenraa");
		browser.find("#q").sendKeys("tandpleje for hjemløse");
		browser.andWaitForNewPage(() -> browser.find("form[role=search] button[type=submit]").click());
		assertThat(browser.text(".result-count")).startsWith("15 indsatser passer");

		browser.showFilters();
		browser.find("label[for=gratis]").click();
		new Select(browser.find("#adgang")).selectByValue("aaben");
		browser.find("#alder").sendKeys("30");
		browser.andWaitForNewPage(() -> browser.find(".filters button[type=submit]").click());

		assertThat(browser.path())
			.isEqualTo("/aabenraa/indsatser?q=tandpleje+for+hjeml%C3%B8se&omraade=&adgang=aaben&alder=30&gratis=ja");
		assertThat(browser.text(".result-count")).startsWith("5 indsatser passer");
		assertThat(browser.find("#gratis").isSelected()).isTrue();

		browser.andWaitForNewPage(() -> browser.driver().findElement(By.linkText("Socialtandpleje")).click());
		assertThat(browser.text("section.howto h2")).isEqualTo("Sådan får du hjælpen");
	}
}
