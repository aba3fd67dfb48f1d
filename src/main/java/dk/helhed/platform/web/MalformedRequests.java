package dk.helhed.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests no page or client of Helhed sends are refused before anything reads them (security.md item 14a): an
 * invalid percent-encoding in the address or the form, a form body over {@value #MAX_FORM_BYTES} bytes, more
 * parameters than the server takes, field names no form has ({@code categories[-1]}, {@code contacts[-1].name}),
 * a direct request for the error page. Each answers 4xx with Helhed's page (through the error page's templates) or,
 * under {@code /api/}, Problem Details, and writes one WARN line that names what was wrong, never a value sent: the
 * server's own messages quote parameters, which may be CPR numbers and names. A language cookie that is not a
 * language is ignored. Errors raised outside Spring MVC reach the error page; under {@code /api/} they are answered
 * as Problem Details too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class MalformedRequests extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

	/** Tomcat's own limit for a form body (server.tomcat.max-http-form-post-size); stated so it is checked first. */
	static final long MAX_FORM_BYTES = 2L * 1024 * 1024;

	private static final Pattern BAD_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

	/** A field name as Helhed's forms write them: words, list indexes 0-99 (no form has more rows), dots between. */
	private static final Pattern FIELD_NAME = Pattern
		.compile("[A-Za-z_][A-Za-z0-9_-]{0,60}(\\[[0-9]{1,2}])?"
				+ "(\\.[A-Za-z_][A-Za-z0-9_-]{0,60}(\\[[0-9]{1,2}])?){0,3}");

	private static final Pattern MANY_ROWS = Pattern.compile("\\[[0-9]{3,}]");

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([_-][A-Za-z]{2})?");

	private static final String LANGUAGE_COOKIE = "helhed-sprog";

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			var original = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			if (original != null && original.startsWith("/api/") && !response.isCommitted()) {
				var status = response.getStatus() >= 400 ? response.getStatus() : 500;
				problem(response, status, status >= 500 ? "Der skete en fejl" : "Forespørgslen blev afvist",
						status >= 500 ? "Der skete en uventet fejl. Prøv igen om lidt." : "Forespørgslen kunne ikke forstås.");
				return;
			}
			chain.doFilter(withoutBadLanguageCookie(request), response);
			return;
		}
		var refusal = refusal(request);
		if (refusal != null) {
			log.warn("Refused a malformed request: {} {} ({})", request.getMethod(), safePath(request), refusal.why);
			if (request.getRequestURI().startsWith("/api/")) {
				problem(response, refusal.status, "Forespørgslen er ugyldig", refusal.detail);
			}
			else {
				page(response, refusal.status, refusal.detail);
			}
			return;
		}
		chain.doFilter(withoutBadLanguageCookie(request), response);
	}

	private record Refusal(int status, String why, String detail) {
	}

	private static Refusal refusal(HttpServletRequest request) {
		if ("/error".equals(request.getRequestURI()) || request.getRequestURI().startsWith("/error/")) {
			return new Refusal(404, "the error page asked for directly", "Siden findes ikke.");
		}
		var query = request.getQueryString();
		if (query != null && BAD_PERCENT.matcher(query).find()) {
			return new Refusal(400, "invalid percent-encoding in the address",
					"Adressen indeholder et %-tegn, der ikke er kodet rigtigt.");
		}
		var type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
		if (type.startsWith("multipart/")) {
			return null; // uploads have their own limits (OversizedUploads, the import page)
		}
		if (type.startsWith("application/x-www-form-urlencoded") && request.getContentLengthLong() > MAX_FORM_BYTES) {
			return new Refusal(413, "form body over " + MAX_FORM_BYTES + " bytes",
					"Formularen er større, end Helhed tager imod.");
		}
		java.util.Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (RuntimeException ex) {
			// The server's message quotes the parameter: it is not logged.
			return new Refusal(400, "parameters could not be read (" + ex.getClass().getSimpleName() + ")",
					"Formularen kunne ikke læses. Gå tilbage til siden, og send den derfra.");
		}
		if (request.getAttribute("org.apache.catalina.parameter_parse_failed") != null
				|| request.getAttribute("org.apache.catalina.parameter_parse_failed_reason") != null) {
			return new Refusal(400, "parameters could not be read (" + request
				.getAttribute("org.apache.catalina.parameter_parse_failed_reason") + ")",
					"Formularen kunne ikke læses. Gå tilbage til siden, og send den derfra.");
		}
		for (var name : parameters.keySet()) {
			if (!FIELD_NAME.matcher(name).matches()) {
				if (MANY_ROWS.matcher(name).find()) {
					return new Refusal(400, "a list index no form sends", IndexedFieldLimit.TOO_MANY_ROWS);
				}
				return new Refusal(400, "a field name no form has",
						"Formularen har et felt, Helhed ikke kender. Gå tilbage til siden, og send formularen derfra.");
			}
		}
		return null;
	}

	private static HttpServletRequest withoutBadLanguageCookie(HttpServletRequest request) {
		var cookies = request.getCookies();
		if (cookies == null || Arrays.stream(cookies)
			.noneMatch(cookie -> LANGUAGE_COOKIE.equals(cookie.getName()) && !LANGUAGE.matcher(cookie.getValue()).matches())) {
			return request;
		}
		var kept = Arrays.stream(cookies)
			.filter(cookie -> !LANGUAGE_COOKIE.equals(cookie.getName()) || LANGUAGE.matcher(cookie.getValue()).matches())
			.toArray(Cookie[]::new);
		return new HttpServletRequestWrapper(request) {
			@Override
			public Cookie[] getCookies() {
				return kept;
			}
		};
	}

	/** The path as far as it is plain: ids, slugs and words, never a query or anything encoded. */
	private static String safePath(HttpServletRequest request) {
		var path = request.getRequestURI();
		var plain = path.replaceAll("[^A-Za-z0-9/_.-]", "?");
		return plain.length() > 120 ? plain.substring(0, 120) + "…" : plain;
	}

	/**
	 * Helhed's error page, written here rather than through the error page's templates: rendering those reads the
	 * request's parameters again, which is what could not be read. The texts are Helhed's own, never the request's.
	 */
	private static void page(HttpServletResponse response, int status, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Cache-Control", "no-store");
		var body = """
				<!DOCTYPE html>
				<html lang="da">
				<head>
				  <meta charset="utf-8">
				  <meta name="viewport" content="width=device-width, initial-scale=1">
				  <title>Forespørgslen blev afvist – Helhed</title>
				  <link rel="stylesheet" href="/css/helhed.css">
				</head>
				<body>
				<main id="indhold" class="wrap error-page">
				  <h1>Forespørgslen blev afvist</h1>
				  <p>%s</p>
				  <p><a class="button" href="/">Gå til forsiden</a></p>
				</main>
				</body>
				</html>
				""".formatted(detail);
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json;charset=UTF-8");
		var body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
				+ detail + "\"}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}
}
