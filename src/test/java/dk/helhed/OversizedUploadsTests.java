package dk.helhed;

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
 * A form upload larger than the server accepts, to any address, is answered 413 with a Danish message, never 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.servlet.multipart.max-request-size=1KB")
class OversizedUploadsTests {

	@LocalServerPort
	int port;

	@Test
	void oversizedUploadsAreRefusedPolitely() throws Exception {
		var body = "--grænse\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"x.txt\"\r\n\r\n"
				+ "x".repeat(5000) + "\r\n--grænse--\r\n";
		for (var path : new String[] { "/personale/indsatser", "/aabenraa/indsatser", "/api/municipalities/aabenraa/hsds/services" }) {
			var response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Content-Type", "multipart/form-data; boundary=grænse")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(413);
			assertThat(response.body()).as(path).containsIgnoringCase("for stor");
		}
	}
}
