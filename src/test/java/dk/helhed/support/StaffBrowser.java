package dk.helhed.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A member of staff at a browser, over real HTTP against a running application: keeps its cookies, never follows
 * redirects (a test reads them), and sends forms with the CSRF token of the page they are on, as a browser does.
 * Network failures are thrown as {@link IOException}, so that a test can tell a request the server never answered.
 */
public final class StaffBrowser {

	/** One answer. */
	public record Page(int status, String location, String body) {
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final URI base;
	private final HttpClient http;

	public StaffBrowser(URI base) {
		this.base = base;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** Logs in through the login form; fails unless the application sends the new session on to the staff pages. */
	public void logIn(String username, String password) throws IOException {
		var form = get("/log-ind");
		var answer = post("/log-ind", csrfToken(form), Map.of("username", username, "password", password));
		if (answer.status() != 302 || answer.location() == null || !answer.location().endsWith("/personale")) {
			throw new AssertionError("Login as " + username + " was answered " + answer.status() + " to "
					+ answer.location());
		}
	}

	public Page get(String path) throws IOException {
		return send(HttpRequest.newBuilder(base.resolve(path)).GET());
	}

	/** Posts a form with the given CSRF token and fields. */
	public Page post(String path, String csrfToken, Map<String, String> fields) throws IOException {
		var form = new LinkedHashMap<String, String>();
		form.put("_csrf", csrfToken);
		form.putAll(fields);
		var body = form.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(base.resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** The CSRF token of the forms on a page. */
	public static String csrfToken(Page page) {
		var matcher = CSRF.matcher(page.body());
		if (!matcher.find()) {
			throw new AssertionError("No CSRF token on the page (status " + page.status() + ")");
		}
		return matcher.group(1);
	}

	private Page send(HttpRequest.Builder request) throws IOException {
		try {
			var response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
					response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
