package dk.helhed.identity;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at a browser, over real HTTP: keeps cookies (for every host, as a browser does) and follows redirects one
 * step at a time, so that a test can see the session cookie after each step of a login.
 */
final class Visitor {

	/** One answer, with the session cookie the visitor holds after it. */
	record Step(URI uri, int status, String location, String body, String sessionAfter,
			Map<String, List<String>> headers) {

		String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.flatMap(entry -> entry.getValue().stream())
				.collect(Collectors.joining("\n"));
		}
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;
	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient http;

	Visitor(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	Step get(String pathOrUrl) {
		return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
	}

	Step post(String pathOrUrl, Map<String, String> form) {
		var body = form.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(pathOrUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** The steps from this one on, following redirects to the first answer that is not one (at most ten). */
	List<Step> follow(Step first) {
		var steps = new ArrayList<Step>(List.of(first));
		var step = first;
		while (step.location() != null && steps.size() < 10) {
			step = get(step.uri().resolve(step.location()).toString());
			steps.add(step);
		}
		return steps;
	}

	/**
	 * Clicks the login page's button for the identity provider and follows every redirect: to the provider, back to
	 * the application with a code, and on to wherever the application sends the visitor.
	 */
	List<Step> clickProviderButton() {
		var page = get("/log-ind");
		if (!page.body().contains("href=\"/oauth2/authorization/kommune\"")) {
			throw new AssertionError("The login page has no button for the identity provider");
		}
		return follow(get("/oauth2/authorization/kommune"));
	}

	/** The step that answered a request for the given path. */
	static Step stepTo(List<Step> steps, String path) {
		return steps.stream()
			.filter(step -> step.uri().getPath().equals(path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No request for " + path + " among " + steps));
	}

	/** The value of the session cookie (Spring Session's {@code SESSION}) the visitor holds, or null. */
	String session() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("SESSION"))
			.map(cookie -> cookie.getValue())
			.findFirst()
			.orElse(null);
	}

	/** The CSRF token of the first form on a page. */
	static String csrfToken(Step page) {
		var matcher = CSRF.matcher(page.body());
		if (!matcher.find()) {
			throw new AssertionError("No CSRF token on " + page.uri());
		}
		return matcher.group(1);
	}

	/** A form with the CSRF token of the given page, and the given fields. */
	static Map<String, String> form(Step page, String... namesAndValues) {
		var form = new LinkedHashMap<String, String>();
		form.put("_csrf", csrfToken(page));
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return form;
	}

	/** What another browser holding only the given session cookie is answered at the given path. */
	Step getWithOnlySession(String path, String session) {
		var request = HttpRequest.newBuilder(uri(path)).header("Cookie", "SESSION=" + session).GET().build();
		try (var other = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
			var response = other.send(request, HttpResponse.BodyHandlers.ofString());
			return new Step(response.uri(), response.statusCode(),
					response.headers().firstValue("Location").orElse(null), response.body(), session,
					response.headers().map());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private Step send(HttpRequest.Builder request) {
		try {
			var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Step(response.uri(), response.statusCode(),
					response.headers().firstValue("Location").orElse(null), response.body(), session(),
					response.headers().map());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
