package dk.helhed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Finding 14 of the outside probe (issue 8), over real HTTP: {@code X-Forwarded-Host} and {@code -Proto} were trusted
 * from any client, so redirects and the OpenAPI server URL followed them. Now only configured proxies are trusted
 * ({@code server.tomcat.remoteip.internal-proxies}), and by default none.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ForwardedHeadersTests {

	@LocalServerPort
	int port;

	HttpResponse<String> get(String path) throws Exception {
		try (var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("X-Forwarded-Host", "angriber.example")
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Port", "443")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	@Test
	void forwardedHeadersFromAnUnconfiguredClientAreIgnored() throws Exception {
		var redirect = get("/personale");
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location").orElse("")).doesNotContain("angriber.example")
			.doesNotStartWith("https:");
		var openApi = get("/api/openapi");
		assertThat(openApi.statusCode()).isEqualTo(200);
		assertThat(openApi.body()).doesNotContain("angriber.example");
	}
}
