package dk.helhed.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * One headless Chromium for a test class: Debian's {@code /usr/bin/chromium} driven by its
 * {@code /usr/bin/chromedriver}, both given explicitly so that Selenium Manager never downloads anything. Override the
 * paths with HELHED_CHROMIUM and HELHED_CHROMEDRIVER.
 */
final class Browser implements AutoCloseable {

	/** What Helhed promises: WCAG 2.1 level AA, which includes 2.0 A and AA. */
	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	/** Best practices beyond WCAG that Helhed keeps: a clear outline of headings and landmarks, a working skip link. */
	private static final List<String> BEST_PRACTICES = List.of("page-has-heading-one", "heading-order",
			"empty-heading", "landmark-one-main", "region", "landmark-unique", "landmark-no-duplicate-banner",
			"landmark-no-duplicate-contentinfo", "landmark-no-duplicate-main", "landmark-banner-is-top-level",
			"landmark-contentinfo-is-top-level", "landmark-main-is-top-level", "skip-link", "meta-viewport-large",
			"label-title-only", "tabindex");

	private static final Path CHROMIUM = Path.of(env("HELHED_CHROMIUM", "/usr/bin/chromium"));
	private static final Path CHROMEDRIVER = Path.of(env("HELHED_CHROMEDRIVER", "/usr/bin/chromedriver"));
	private static final Duration PATIENCE = Duration.ofSeconds(10);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChromeDriver driver;
	private final Path profile;
	private final String baseUrl;

	/** The staff account this browser's session is logged in as, as far as the tests know; null: nobody. */
	private String account;

	private Browser(ChromeDriver driver, Path profile, String baseUrl) {
		this.driver = driver;
		this.profile = profile;
		this.baseUrl = baseUrl;
	}

	static boolean installed() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	static String describe() {
		return "browser " + CHROMIUM + ", driver " + CHROMEDRIVER;
	}

	/** A browser on a computer screen, for the application at the given port on this machine. */
	static Browser desktop(int port) {
		return start(port, 1280, 900, true);
	}

	/** A browser on a small phone's screen (360 by 740 CSS pixels). */
	static Browser phone(int port) {
		return start(port, 360, 740, true);
	}

	/** A browser that runs no JavaScript, as some old phones and some careful users do. */
	static Browser withoutJavaScript(int port) {
		return start(port, 1280, 900, false);
	}

	/** An old phone, or a careful person's: a small screen (360 by 740 CSS pixels) and no JavaScript. */
	static Browser phoneWithoutJavaScript(int port) {
		return start(port, 360, 740, false);
	}

	/** Starts a browser with a window of the given size and a fresh, empty profile. */
	private static Browser start(int port, int width, int height, boolean javaScript) {
		Path profile;
		try {
			profile = Files.createTempDirectory("helhed-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
				"--disable-quic", "--disable-extensions", "--lang=da", "--user-data-dir=" + profile,
				"--window-size=" + width + "," + height);
		if (!javaScript) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		var logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		// The network part of the performance log says which addresses the browser asked for (see addresses()).
		logging.enable(LogType.PERFORMANCE, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
		// With the driver given, Selenium never runs Selenium Manager (which would try to download one).
		var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		var driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
		// --window-size sets the outer size; make the viewport itself the size asked for.
		var inner = viewport(driver);
		var outer = driver.manage().window().getSize();
		driver.manage()
			.window()
			.setSize(new Dimension(outer.width + width - inner.width, outer.height + height - inner.height));
		var browser = new Browser(driver, profile, "http://localhost:" + port);
		var viewport = viewport(driver);
		if (viewport.width != width || viewport.height != height) {
			browser.close();
			throw new IllegalStateException("Chromium made its window " + viewport.width + " by " + viewport.height
					+ " CSS pixels instead of " + width + " by " + height);
		}
		return browser;
	}

	ChromeDriver driver() {
		return driver;
	}

	/** Opens a page of the application, given by its path (and query). */
	Browser open(String path) {
		driver.get(baseUrl + path);
		return this;
	}

	/**
	 * Forgets what the site remembered about this visitor (the language cookie), as for a first visit, and what the
	 * console said so far.
	 */
	Browser asNewVisitor() {
		driver.manage().deleteAllCookies();
		account = null;
		consoleErrors();
		return this;
	}

	/** The staff account the browser is logged in as (null: nobody); see {@link Staff#as(Browser, String)}. */
	String account() {
		return account;
	}

	void loggedInAs(String account) {
		this.account = account;
	}

	String path() {
		return driver.getCurrentUrl().substring(baseUrl.length());
	}

	WebElement find(String cssSelector) {
		return driver.findElement(By.cssSelector(cssSelector));
	}

	List<WebElement> findAll(String cssSelector) {
		return driver.findElements(By.cssSelector(cssSelector));
	}

	String text(String cssSelector) {
		return find(cssSelector).getText();
	}

	WebDriverWait waiting() {
		return new WebDriverWait(driver, PATIENCE);
	}

	/** Does something that loads a new page (follows a link, submits a form) and waits until the new page is there. */
	void andWaitForNewPage(Runnable action) {
		var page = find("html");
		action.run();
		waiting().until(d -> gone(page));
		waiting().until(d -> "complete".equals(script("return document.readyState")));
	}

	/**
	 * Whether the element belongs to a page that has been replaced. Chromium reports a node of the old document in two
	 * ways while the new one loads: as stale, or as "does not belong to the document".
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.StaleElementReferenceException ex) {
			return true;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	/**
	 * Does something that makes htmx replace {@code #results}, waits until it has and nothing more is on its way, and
	 * checks that the page was updated in place rather than loaded anew.
	 */
	void andWaitForNewResults(Runnable action) {
		var results = find("#results");
		script("window.helhedSamePage = true");
		action.run();
		waiting().until(d -> gone(results));
		// One change can trigger two requests (a field's change on leaving it, then the form's submit): htmx queues
		// the second, so wait until no request is in flight and no swap is settling.
		waiting().until(d -> Boolean.TRUE.equals(script("return document.readyState === 'complete' "
				+ "&& document.getElementById('results') !== null "
				+ "&& document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling') === null")));
		if (!Boolean.TRUE.equals(script("return window.helhedSamePage === true"))) {
			throw new AssertionError("The page was loaded anew instead of htmx updating the results in place");
		}
	}

	/** Unfolds the catalog's filters (a {@code <details>}, folded until a filter is in use). */
	Browser showFilters() {
		if (find("details.filters-fold").getDomAttribute("open") == null) {
			find("details.filters-fold > summary").click();
		}
		return this;
	}

	Object script(String javaScript, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(javaScript, arguments);
	}

	/**
	 * What axe-core finds broken on the current page, written out for a person to act on: the rules of WCAG 2.1 A and
	 * AA, and those of its best practices that we hold ourselves to as well. Empty when nothing is.
	 */
	String accessibilityViolations() {
		var tags = new ArrayList<>(WCAG_21_AA);
		tags.add("best-practice");
		// The pages have no frames: run axe in the page itself, which saves opening a window for every check.
		var results = new AxeBuilder().withTags(tags).setLegacyMode(true).analyze(driver);
		if (results.isErrored()) {
			throw new IllegalStateException("axe-core failed on " + path() + ": " + results.getErrorMessage());
		}
		var violations = results.getViolations()
			.stream()
			.filter(rule -> BEST_PRACTICES.contains(rule.getId())
					|| rule.getTags().stream().anyMatch(WCAG_21_AA::contains))
			.toList();
		var report = new StringBuilder();
		for (Rule rule : violations) {
			report.append("\n- ")
				.append(rule.getId())
				.append(" (")
				.append(rule.getImpact())
				.append("): ")
				.append(rule.getHelp())
				.append(" <")
				.append(rule.getHelpUrl())
				.append('>');
			for (var node : rule.getNodes()) {
				report.append("\n    at ").append(node.getTarget());
				if (node.getFailureSummary() != null) {
					report.append("\n       ").append(node.getFailureSummary().replace("\n", "\n       "));
				}
			}
		}
		return report.isEmpty() ? "" : "axe-core found violations on " + path() + ":" + report;
	}

	/**
	 * How far the page sticks out sideways beyond the window, in CSS pixels: zero or less when it needs no horizontal
	 * scrolling. (A classic scroll bar makes the page itself narrower than the window, so the result may be negative.)
	 */
	long horizontalOverflow() {
		var sizes = (Map<?, ?>) script(
				"return {page: document.documentElement.scrollWidth, window: window.innerWidth}");
		return ((Number) sizes.get("page")).longValue() - ((Number) sizes.get("window")).longValue();
	}

	/** What the page's scripts and the browser's security checks (CSP) reported as errors since the last call. */
	List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/**
	 * Every address the browser has asked for since the last call, in order: the pages it opened, the forms it sent,
	 * the redirects it followed, and what the pages loaded themselves (style sheets, scripts, htmx's requests).
	 */
	List<String> addresses() {
		return driver.manage()
			.logs()
			.get(LogType.PERFORMANCE)
			.getAll()
			.stream()
			.map(entry -> JSON.readTree(entry.getMessage()).path("message"))
			.filter(message -> message.path("method").asString().equals("Network.requestWillBeSent"))
			.map(message -> message.path("params").path("request").path("url").asString())
			.toList();
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException ex) {
			// best effort: a temporary profile left behind is harmless
		}
	}

	private static Dimension viewport(ChromeDriver driver) {
		var sizes = (Map<?, ?>) driver.executeScript("return {w: window.innerWidth, h: window.innerHeight}");
		return new Dimension(((Number) sizes.get("w")).intValue(), ((Number) sizes.get("h")).intValue());
	}

	private static String env(String name, String fallback) {
		var value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
