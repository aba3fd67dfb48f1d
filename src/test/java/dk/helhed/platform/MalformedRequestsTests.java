package dk.helhed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Findings 7, 8, 11 and 12 of the outside probe (issue 8), over real HTTP as the attacker sent them: invalid
 * percent-encoding, a form body over 2 MB, more than 1,000 parameters, crafted field names when logged in, a bad
 * language cookie and {@code GET /error}. Each answers 4xx (never 5xx) with Helhed's page or Problem Details and one
 * WARN line; and the CPR numbers and names sent appear in no log line.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsTests {

	static final String CPR = "170566-7788";
	static final String NAME = "Bodil Hemmeligsen";

	@LocalServerPort
	int port;

	/** The session cookie, as a browser keeps it. */
	String session;

	/** An answer: status, headers (lower-case names) and body. */
	record Answer(int statusCode, Map<String, String> headers, String body) {
	}

	/**
	 * Sends the request as bytes on a socket, exactly as written: an HTTP client library refuses to send an address
	 * with an invalid percent-encoding, which is what the attacker sent.
	 */
	Answer send(String method, String target, String body, String... headers) throws Exception {
		try (var socket = new java.net.Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			var bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
			var head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port
					+ "\r\nConnection: close\r\n");
			var cookie = new StringBuilder(session == null ? "" : "SESSION=" + session);
			for (int i = 0; i < headers.length; i += 2) {
				if (headers[i].equalsIgnoreCase("Cookie")) {
					cookie.append(cookie.isEmpty() ? "" : "; ").append(headers[i + 1]);
				}
				else {
					head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
				}
			}
			if (!cookie.isEmpty()) {
				head.append("Cookie: ").append(cookie).append("\r\n");
			}
			if (body != null) {
				head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(bytes.length)
					.append("\r\n");
			}
			head.append("\r\n");
			var out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			try {
				out.write(bytes);
				out.flush();
			}
			catch (java.io.IOException ex) {
				// The server may answer and close before reading an oversized body.
			}
			var raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			var split = raw.indexOf("\r\n\r\n");
			var lines = raw.substring(0, split < 0 ? raw.length() : split).split("\r\n");
			Map<String, String> answerHeaders = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				var colon = lines[i].indexOf(':');
				if (colon > 0) {
					var name = lines[i].substring(0, colon).strip().toLowerCase();
					var value = lines[i].substring(colon + 1).strip();
					answerHeaders.merge(name, value, (a, b) -> a + "\n" + b);
					if (name.equals("set-cookie") && value.startsWith("SESSION=")) {
						session = value.substring("SESSION=".length(), value.indexOf(';') < 0 ? value.length()
								: value.indexOf(';'));
					}
				}
			}
			return new Answer(Integer.parseInt(lines[0].split(" ")[1]), answerHeaders,
					split < 0 ? "" : raw.substring(split + 4));
		}
	}

	String csrf(String page) {
		var matcher = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	static String form(Map<String, String> fields) {
		var out = new StringBuilder();
		fields.forEach((name, value) -> out.append(out.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return out.toString();
	}

	@Test
	void malformedRequestsAnswer4xxWithOneWarningAndNoValueInTheLog(CapturedOutput output) throws Exception {
		int cases = 0;
		// Anonymous: encoding, size, parameter count, the error page, a bad cookie, the API.
		var token = csrf(send("GET", "/log-ind", null).body());
		assertThat(send("GET", "/?%zz=1", null).statusCode()).isEqualTo(400);
		assertThat(send("GET", "/aabenraa/indsatser?q=%", null).statusCode()).isEqualTo(400);
		var api = send("GET", "/api/municipalities/aabenraa/hsds/services?q=%zz", null);
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.headers().getOrDefault("content-type", "")).startsWith("application/problem+json");
		cases += 3;
		var big = send("POST", "/log-ind", "_csrf=" + token + "&username=" + "a".repeat(2_200_000));
		assertThat(big.statusCode()).isEqualTo(413);
		cases++;
		var many = new StringBuilder("_csrf=" + token);
		for (int i = 0; i < 1_100; i++) {
			many.append("&p").append(i).append('=').append(i);
		}
		assertThat(send("POST", "/log-ind", many.toString()).statusCode()).isBetween(400, 499);
		cases++;
		var leaking = send("POST", "/log-ind", "_csrf=" + token + "&username=x&cpr=" + CPR + "%zz&name="
				+ URLEncoder.encode(NAME, StandardCharsets.UTF_8));
		assertThat(leaking.statusCode()).isBetween(400, 499);
		cases++;
		var error = send("GET", "/error", null);
		assertThat(error.statusCode()).isEqualTo(404);
		assertThat(error.body()).contains("Helhed");
		cases++;
		assertThat(send("GET", "/aabenraa", null, "Cookie", "helhed-sprog=%%%").statusCode())
			.as("a language cookie that is not a language is ignored").isEqualTo(200);

		// Logged in: crafted field names on the case-work, user and service forms.
		var login = send("POST", "/log-ind", "_csrf=" + token + "&username=jobcenter&password=demo-Helhed-2026");
		assertThat(login.headers().getOrDefault("location", "")).endsWith("/personale");
		var staffToken = csrf(send("GET", "/personale/borgere", null).body());
		for (var crafted : new String[] { "categories[-1]", "cpr[0]", "roles[-1]", "contacts[-1].name",
				"schedules[0].days[255]", "recipients[x]" }) {
			var fields = new LinkedHashMap<String, String>();
			fields.put("_csrf", staffToken);
			fields.put("cpr", CPR);
			fields.put("name", NAME);
			fields.put(crafted, CPR);
			for (var path : new String[] { "/personale/borgere", "/personale/borgere/cpr", "/personale/brugere",
					"/personale/indsatser" }) {
				var answer = send("POST", path, form(fields));
				// A name no form has is refused; where the handler reads named parameters only (the CPR search),
				// an extra one is simply not read. Never a server error.
				assertThat(answer.statusCode()).as(crafted + " to " + path).isLessThan(500);
				if (answer.statusCode() == 400) {
					cases++;
				}
				else if (answer.statusCode() != 403) { // a caseworker may not post to the user or service forms

					assertThat(path).as(crafted + " accepted by " + path).isEqualTo("/personale/borgere/cpr");
				}
			}
		}

		var log = output.getAll();
		assertThat(log).as("no CPR number in the log").doesNotContain(CPR).doesNotContain("1705667788");
		assertThat(log).as("no name in the log").doesNotContain("Hemmeligsen");
		assertThat(log).as("no server error").doesNotContain("Unexpected error");
		long warnings = log.lines().filter(line -> line.contains("Refused a malformed request")).count();
		assertThat(warnings).as("one line per refused request").isEqualTo(cases);
		System.out.println("Malformed requests: " + cases + " refused with 4xx, " + warnings
				+ " WARN lines, no CPR number or name in the log");
	}
}
