package dk.helhed.catalog.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import dk.helhed.catalog.internal.ServiceRepository;
import dk.helhed.identity.Role;
import dk.helhed.municipality.Municipalities;

/**
 * The import page through the real web server, as a browser uses it: logged in, with the CSRF token in the form and
 * the file as a multipart upload. Checks what only the server decides: that a catalog's export fits within the upload
 * limit, and that a file over it is turned away with a 4xx, never a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ImportOverHttpTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	ServiceRepository services;

	HttpClient http;

	@BeforeEach
	void browser() {
		http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Test
	void aCatalogEditorUploadsAnExportThroughTheForm() throws Exception {
		var copy = new FreshMunicipalities(jdbc, municipalities, accounts).copyOf("aabenraa");
		logIn(copy.login().getUsername());
		var export = send(HttpRequest.newBuilder(uri("/api/municipalities/aabenraa/hsds/export.json")).GET(),
				HttpResponse.BodyHandlers.ofByteArray()).body();

		var response = upload("aabenraa.json", "application/json", export);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/personale/import");
		assertThat(services.findByMunicipalityId(copy.municipality().id())).hasSize(42);
		var page = send(HttpRequest.newBuilder(uri("/personale/import")).GET(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("Importeret", "Nye indsatser: 42.");
	}

	@Test
	void aFileOverTheLimitIsTurnedAwayWithoutAnError() throws Exception {
		var copy = new FreshMunicipalities(jdbc, municipalities, accounts).editorOf(
				municipalities.getBySlug("ballerup"), Set.of(Role.CATALOG_EDITOR));
		logIn(copy.login().getUsername());

		var justOver = upload("stor.json", "application/json", new byte[10 * 1024 * 1024 + 1]);
		var farOver = upload("meget-stor.json", "application/json", new byte[12 * 1024 * 1024]);

		assertThat(justOver.statusCode()).isEqualTo(400);
		assertThat(justOver.body()).contains("Filen kan ikke importeres", "Filen er for stor. Den må højst fylde 10 MB.");
		assertThat(farOver.statusCode()).isEqualTo(413);
		assertThat(farOver.body()).contains("Filen er for stor", "Den må højst fylde 10 MB.");
		assertThat(services.findByMunicipalityId(copy.municipality().id())).isEmpty();
	}

	private void logIn(String username) throws Exception {
		var form = send(HttpRequest.newBuilder(uri("/log-ind")).GET(), HttpResponse.BodyHandlers.ofString());
		var body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=not-used&_csrf="
				+ token(form.body());
		var login = send(HttpRequest.newBuilder(uri("/log-ind"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/personale");
	}

	private HttpResponse<String> upload(String fileName, String type, byte[] content) throws Exception {
		var page = send(HttpRequest.newBuilder(uri("/personale/import")).GET(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		var boundary = "----helhed" + UUID.randomUUID();
		var body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
				+ token(page.body()) + "\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"handling\"\r\n\r\nimporter\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri("/personale/import"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), HttpResponse.BodyHandlers.ofString());
	}

	private static String token(String html) {
		var matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("the page has a CSRF token").isTrue();
		return matcher.group(1);
	}

	private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) throws Exception {
		return http.send(request.timeout(Duration.ofSeconds(60)).build(), body);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
