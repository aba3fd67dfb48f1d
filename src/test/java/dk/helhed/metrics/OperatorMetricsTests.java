package dk.helhed.metrics;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditLog;
import dk.helhed.catalog.hsds.HsdsImporter;
import dk.helhed.citizen.CitizenRecordErased;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;

/**
 * The operators' metrics (docs/production.md, "Metrics") over real HTTP: {@code /actuator/prometheus} answers on the
 * management port with request timings, the database pool, the JVM and Helhed's own counters, and the counters move
 * when something happens; the public port gives nobody any metrics, signed in or not; and no tag value is an id or a
 * CPR number, however the addresses asked for were written. All data here is synthetic.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OperatorMetricsTests {

	private static final String PASSWORD = "demo-Helhed-2026";

	private static final Pattern UUID_LIKE = Pattern
		.compile("(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}");

	/** Ten digits, with or without the dash after the date: what a CPR number looks like. */
	private static final Pattern CPR_LIKE = Pattern.compile("(?<!\\d)\\d{6}-?\\d{4}(?!\\d)");

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	AuditLog auditLog;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Municipalities municipalities;

	@Autowired
	HsdsImporter importer;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void theManagementPortServesRequestTimingsPoolJvmAndHelhedsCounters() {
		new Browser(port).get("/");
		var scrape = scrape();

		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.contentType()).startsWith("text/plain");
		var names = samples(scrape.body()).stream().map(Sample::name).collect(Collectors.toSet());
		assertThat(names).contains("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
				"hikaricp_connections_active", "hikaricp_connections_max", "jvm_memory_used_bytes",
				"jvm_threads_live_threads", "process_cpu_usage", "helhed_audit_rows_total",
				"helhed_login_failures_total", "helhed_requests_refused_total", "helhed_catalog_imports_total",
				"helhed_retention_erasures_total");
		assertThat(value(scrape.body(), "http_server_requests_seconds_count", Map.of("uri", "/", "method", "GET")))
			.as("the front page's request is timed under its template")
			.isGreaterThanOrEqualTo(1);
		// registered at zero when the application starts; other tests in the same context may have moved it since
		assertThat(samples(scrape.body())).as("every counter exists from the start")
			.anyMatch(sample -> sample.name().equals("helhed_login_failures_total")
					&& "ACCOUNT_DISABLED".equals(sample.labels().get("reason")));
	}

	@Test
	void aFailedLoginMovesTheLoginAndAuditCounters() {
		var failures = Map.of("reason", "WRONG_USERNAME_OR_PASSWORD");
		var auditRows = Map.of("action", "LOGIN_FAILED", "outcome", "REFUSED", "actor", "staff");
		var before = scrape().body();

		var browser = new Browser(port);
		var answer = browser.logIn("syntetisk-ukendt-" + UUID.randomUUID(), "forkert-" + UUID.randomUUID());
		assertThat(answer.headers().firstValue("Location").orElse("")).contains("/log-ind?fejl");

		var after = scrape().body();
		assertThat(value(after, "helhed_login_failures_total", failures))
			.isEqualTo(value(before, "helhed_login_failures_total", failures) + 1);
		assertThat(value(after, "helhed_audit_rows_total", auditRows))
			.isEqualTo(value(before, "helhed_audit_rows_total", auditRows) + 1);
	}

	@Test
	void anAuditRowIsCountedWhenItsTransactionCommitsAndNotWhenItRollsBack() {
		var tags = Map.of("action", "EXPORT", "outcome", "ALLOWED", "actor", "staff");
		var municipality = municipalities.findBySlug("aabenraa").orElseThrow().id();
		var event = new AuditEvent(municipality, Instant.now(), null, "syntetisk-metrik", null, "CASEWORKER", null,
				null, AuditEvent.Action.EXPORT, null, AuditEvent.Basis.NONE, null, "syntetisk test", "metrics-test",
				null, AuditEvent.Outcome.ALLOWED);
		double before = value(scrape().body(), "helhed_audit_rows_total", tags);

		transactions.executeWithoutResult(status -> {
			auditLog.record(event);
			status.setRollbackOnly();
		});
		assertThat(value(scrape().body(), "helhed_audit_rows_total", tags)).as("rolled back: never written")
			.isEqualTo(before);

		transactions.executeWithoutResult(status -> auditLog.record(event));
		assertThat(value(scrape().body(), "helhed_audit_rows_total", tags)).isEqualTo(before + 1);
	}

	@Test
	void anImportRunIsCountedByModeAndResult() {
		var tags = Map.of("mode", "check", "result", "REFUSED");
		var municipality = municipalities.findBySlug("aabenraa").orElseThrow().id();
		var editor = new StaffMember(UUID.randomUUID(), municipality, "syntetisk-redaktoer", "Syntetisk Redaktør",
				Set.of(Role.CATALOG_EDITOR), Set.of(), null);
		double before = value(scrape().body(), "helhed_catalog_imports_total", tags);

		var report = importer.importFile(editor, "syntetisk.json", "application/json",
				"ikke en HSDS-fil".getBytes(StandardCharsets.UTF_8), false);

		assertThat(report.problems()).isNotEmpty();
		assertThat(value(scrape().body(), "helhed_catalog_imports_total", tags)).isEqualTo(before + 1);
	}

	@Test
	void anErasureIsCountedWhenItsTransactionCommits() {
		var municipality = municipalities.findBySlug("aabenraa").orElseThrow().id();
		double before = value(scrape().body(), "helhed_retention_erasures_total", Map.of());

		// a synthetic citizen no module holds anything about: the modules' erasures find nothing to delete
		transactions.executeWithoutResult(status -> {
			events.publishEvent(new CitizenRecordErased(municipality, UUID.randomUUID(), Instant.now()));
			status.setRollbackOnly();
		});
		assertThat(value(scrape().body(), "helhed_retention_erasures_total", Map.of())).as("rolled back")
			.isEqualTo(before);

		transactions.executeWithoutResult(
				status -> events.publishEvent(new CitizenRecordErased(municipality, UUID.randomUUID(), Instant.now())));
		assertThat(value(scrape().body(), "helhed_retention_erasures_total", Map.of())).isEqualTo(before + 1);
	}

	@Test
	void thePublicPortGivesNoMetricsToAnyone() {
		var anonymous = new Browser(port);
		var signedIn = new Browser(port);
		assertThat(signedIn.logIn("admin", PASSWORD).headers().firstValue("Location").orElse(""))
			.endsWith("/personale");
		var dpo = new Browser(port);
		assertThat(dpo.logIn("dpo", PASSWORD).headers().firstValue("Location").orElse("")).endsWith("/personale");

		for (var browser : List.of(anonymous, signedIn, dpo)) {
			for (var path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
					"/actuator", "/actuator/env", "/prometheus", "/metrics")) {
				var answer = browser.get(path);
				assertThat(answer.statusCode()).as(path).isNotEqualTo(200);
				assertThat(answer.body()).as(path)
					.doesNotContain("# HELP", "# TYPE", "jvm_memory_used_bytes", "helhed_audit_rows_total", "\"measurements\"",
							"\"names\"");
			}
		}
		// the public port still says whether Helhed is ready, for load balancers
		var ready = anonymous.get("/readyz");
		assertThat(ready.statusCode()).isEqualTo(200);
		assertThat(ready.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void theManagementPortExposesNothingButHealthAndTheScrape() {
		var operator = new Browser(managementPort);
		assertThat(operator.get("/actuator/health").statusCode()).isEqualTo(200);
		for (var path : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
				"/actuator/metrics", "/actuator/loggers")) {
			assertThat(operator.get(path).statusCode()).as(path).isNotEqualTo(200);
		}
	}

	@Test
	void noTagValueIsAnIdOrACprNumber() {
		var id = UUID.randomUUID();
		var anonymous = new Browser(port);
		var caseworker = new Browser(port);
		caseworker.logIn("jobcenter", PASSWORD);
		for (var browser : List.of(anonymous, caseworker)) {
			browser.get("/api/municipalities/aabenraa/hsds/services/" + id);
			browser.get("/api/municipalities/aabenraa/hsds/services/0101901234");
			browser.get("/api/municipalities/aabenraa/hsds/services/010190-1234?cpr=0101901234");
			browser.get("/personale/borgere/" + id + "/plan");
			browser.get("/personale/borgere/010190-1234");
			browser.get("/personale/indsatser/" + id);
			browser.get("/ukendt/" + id + "/0101901234");
			browser.get("/" + id);
		}

		var samples = samples(scrape().body());
		assertThat(samples).isNotEmpty();
		var offending = offendingTags(samples);
		assertThat(offending).as("tag values holding an id or a CPR number").isEmpty();
		var uris = samples.stream()
			.filter(sample -> sample.name().equals("http_server_requests_seconds_count"))
			.map(sample -> sample.labels().get("uri"))
			.collect(Collectors.toSet());
		System.out.println("Prometheus scrape: " + samples.size() + " series, "
				+ samples.stream().filter(sample -> sample.name().startsWith("helhed_")).count() + " of them Helhed's own, "
				+ uris.size() + " distinct uri tags " + uris.stream().sorted().toList()
				+ "; tag values holding an id or a CPR number: " + offending.size());
		assertThat(uris).as("requests are tagged by their endpoint's template")
			.anyMatch(uri -> uri.startsWith("/api/municipalities/{slug") && uri.endsWith("/hsds/services/{id}"));
	}

	@Test
	void theTagCheckFindsIdsAndCprNumbersInAnyTag() {
		var exposition = """
				http_server_requests_seconds_count{method="GET",uri="/personale/borgere/3f2c9a4e-1b7d-4c1e-9a55-0d6f2b8e7c11"} 1
				http_server_requests_seconds_count{method="GET",uri="/personale/borgere/{id}",cpr="0101901234"} 1
				http_server_requests_seconds_count{method="GET",uri="/x/010190-1234"} 1
				http_server_requests_seconds_count{method="GET",uri="/{slug:[a-z0-9-]{1,60}}",status="200"} 1
				""";
		assertThat(offendingTags(samples(exposition))).hasSize(3);
	}

	// --- helpers ---

	/** Every tag whose value holds something that looks like a UUID or a CPR number. */
	private static List<String> offendingTags(List<Sample> samples) {
		var offending = new ArrayList<String>();
		for (var sample : samples) {
			for (var label : sample.labels().entrySet()) {
				if (UUID_LIKE.matcher(label.getValue()).find() || CPR_LIKE.matcher(label.getValue()).find()) {
					offending.add(sample.name() + " " + label.getKey() + "=" + label.getValue());
				}
			}
		}
		return offending;
	}

	private record Sample(String name, Map<String, String> labels, double value) {
	}

	private record Scrape(int status, String contentType, String body) {
	}

	private Scrape scrape() {
		var answer = new Browser(managementPort).get("/actuator/prometheus");
		return new Scrape(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), answer.body());
	}

	private static List<Sample> samples(String exposition) {
		var samples = new ArrayList<Sample>();
		for (var line : exposition.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			var matcher = SAMPLE.matcher(line);
			if (!matcher.find()) {
				throw new AssertionError("Not a Prometheus sample: " + line);
			}
			var labels = new LinkedHashMap<String, String>();
			if (matcher.group(2) != null) {
				var label = LABEL.matcher(matcher.group(2));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
		}
		return samples;
	}

	/** The sum of the samples of a metric whose labels include the given ones (0 when there are none). */
	private static double value(String exposition, String name, Map<String, String> labels) {
		return samples(exposition).stream()
			.filter(sample -> sample.name().equals(name))
			.filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
			.mapToDouble(Sample::value)
			.sum();
	}

	/** A browser without JavaScript: keeps its cookies, follows no redirects. */
	private static final class Browser {

		private final String base;
		private final HttpClient http;

		Browser(int port) {
			this.base = "http://localhost:" + port;
			this.http = HttpClient.newBuilder()
				.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(10))
				.build();
		}

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
		}

		HttpResponse<String> logIn(String username, String password) {
			var page = get("/log-ind");
			var csrf = CSRF.matcher(page.body());
			if (!csrf.find()) {
				throw new AssertionError("No CSRF token on the login page");
			}
			var form = Map.of("_csrf", csrf.group(1), "username", username, "password", password)
				.entrySet()
				.stream()
				.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(HttpRequest.newBuilder(URI.create(base + "/log-ind"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build());
		}

		private HttpResponse<String> send(HttpRequest request) {
			try {
				return http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}
}
