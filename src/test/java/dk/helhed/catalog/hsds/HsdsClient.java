package dk.helhed.catalog.hsds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the running application over real HTTP, as an HSDS client would.
 */
final class HsdsClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String root;

	HsdsClient(int port) {
		this.root = "http://localhost:" + port;
	}

	/** {@code path} with its query string, already encoded, e.g. {@code /api/municipalities/aabenraa/hsds/}. */
	Response get(String path) {
		var request = HttpRequest.newBuilder(URI.create(root + path))
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		try {
			var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(path, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Cache-Control").orElse(""), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The path of the municipality's HSDS API. */
	static String hsds(String slug) {
		return "/api/municipalities/" + slug + "/hsds";
	}

	record Response(String path, int status, String contentType, String cacheControl, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		/** The body, after checking that the request succeeded with JSON. */
		String okBody() {
			if (status != 200 || !contentType.startsWith("application/json")) {
				throw new AssertionError("GET " + path + " answered " + status + " " + contentType + ": " + body);
			}
			return body;
		}
	}
}
