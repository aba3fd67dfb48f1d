package dk.helhed.scale;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The client of {@code scripts/cluster.sh}: proves against several Helhed instances behind HAProxy that a session lives
 * in the database, and that killing one instance with {@code kill -9} in the middle of a write load loses no
 * acknowledged write while the others keep serving. Not a test of the build (its name does not end in Tests): it needs
 * the running cluster. JDK only, so the script runs it as a single source file ({@code java KillNineRun.java ...}).
 *
 * <p>The write: caseworkers register anonymous contacts (pseudonym {@code Klynge-<run>-<writer>-<n>}, unique per
 * request); the application acknowledges with a 302 to the new contact's page only after the transaction (contact,
 * involvement, audit row) has committed. Every acknowledged pseudonym is written to a file; the script's database check
 * ({@code psql}) counts which are missing.
 */
public final class KillNineRun {

	private static final String HEADER = "X-Helhed-Instance";
	private static final String PASSWORD = "demo-Helhed-2026";
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
	private static final Pattern CONTACT_PAGE = Pattern.compile("/personale/borgere/([0-9a-f-]{36})$");

	private KillNineRun() {
	}

	/** One answer, with the instance that gave it. */
	record Answer(int status, String location, String instance, String body) {
	}

	/** A member of staff at a browser: keeps its cookies, never follows redirects. */
	static final class Browser {

		private final URI base;
		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		private final HttpClient http;

		Browser(URI base) {
			this.base = base;
			this.http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.cookieHandler(cookies)
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
		}

		/** The same person at another address: the same session cookie, sent to an instance directly. */
		Browser at(URI other) {
			var copy = new Browser(other);
			for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
				var moved = (HttpCookie) cookie.clone();
				moved.setDomain(null);
				copy.cookies.getCookieStore().add(other, moved);
			}
			return copy;
		}

		String sessionCookie() {
			return cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("SESSION"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElse("");
		}

		void logIn(String username) throws IOException {
			var form = get("/log-ind");
			var answer = post("/log-ind", csrf(form), Map.of("username", username, "password", PASSWORD));
			if (answer.status() != 302 || answer.location() == null || !answer.location().endsWith("/personale")) {
				throw new IOException("login as " + username + " answered " + answer.status() + " " + answer.location());
			}
		}

		Answer get(String path) throws IOException {
			return send(HttpRequest.newBuilder(base.resolve(path)).GET());
		}

		Answer post(String path, String token, Map<String, String> fields) throws IOException {
			var form = new LinkedHashMap<String, String>();
			form.put("_csrf", token);
			form.putAll(fields);
			var body = form.entrySet()
				.stream()
				.map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(HttpRequest.newBuilder(base.resolve(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		private Answer send(HttpRequest.Builder request) throws IOException {
			try {
				var response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.ofString());
				return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
						response.headers().firstValue(HEADER).orElse("?"), response.body());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted", ex);
			}
		}

		static String csrf(Answer page) throws IOException {
			var matcher = CSRF.matcher(page.body());
			if (!matcher.find()) {
				throw new IOException("no CSRF token on the page (status " + page.status() + ")");
			}
			return matcher.group(1);
		}
	}

	/**
	 * Arguments: {@code sessions <balancer> <instance-id>=<url>...} or {@code load <balancer> <writers> <seconds>
	 * <kill-after-seconds> <victim-id> <victim-pid> <acknowledged-file>}.
	 */
	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "sessions" -> System.exit(sessions(URI.create(args[1]), List.of(args).subList(2, args.length)));
			case "load" -> System.exit(load(URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
					Integer.parseInt(args[4]), args[5], Long.parseLong(args[6]), Path.of(args[7])));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	/**
	 * Logs in once through the balancer, then opens the staff pages with that one session: through the balancer until
	 * every instance has answered, and at each instance's own port. Every answer must be the signed-in page.
	 */
	static int sessions(URI balancer, List<String> instances) throws IOException {
		var browser = new Browser(balancer);
		browser.logIn("jobcenter");
		var login = browser.get("/personale");
		System.out.printf("Logged in as jobcenter through HAProxy (login served by %s), session %s…%n",
				login.instance(), browser.sessionCookie().substring(0, 8));
		int failures = 0;
		var servedBy = new TreeMap<String, Integer>();
		for (int n = 0; n < 4 * instances.size(); n++) {
			var page = browser.get("/personale/borgere");
			boolean signedIn = page.status() == 200 && page.body().contains("name=\"_csrf\"");
			servedBy.merge(page.instance() + (signedIn ? " signed in" : " NOT SIGNED IN (" + page.status() + ")"), 1,
					Integer::sum);
			failures += signedIn ? 0 : 1;
		}
		System.out.println("Through HAProxy, GET /personale/borgere with that session, answers by instance:");
		servedBy.forEach((instance, count) -> System.out.printf("  %-40s %d%n", instance, count));
		for (var instance : instances) {
			var id = instance.substring(0, instance.indexOf('='));
			var direct = browser.at(URI.create(instance.substring(instance.indexOf('=') + 1)));
			var page = direct.get("/personale/borgere");
			boolean signedIn = page.status() == 200 && page.body().contains("name=\"_csrf\"")
					&& page.instance().equals(id);
			System.out.printf("Directly at %s (%s) with the same cookie: %d, %s%n", id, direct.base, page.status(),
					signedIn ? "signed in" : "NOT signed in");
			failures += signedIn ? 0 : 1;
		}
		long distinct = servedBy.keySet().stream().map(k -> k.substring(0, k.indexOf(' '))).distinct().count();
		if (distinct < instances.size()) {
			System.out.printf("Only %d of %d instances answered through HAProxy%n", distinct, instances.size());
			failures++;
		}
		System.out.println(failures == 0 ? "Sessions: OK, one session worked on every instance"
				: "Sessions: FAILED (" + failures + ")");
		return failures == 0 ? 0 : 1;
	}

	static int load(URI balancer, int writers, int seconds, int killAfter, String victim, long victimPid,
			Path acknowledgedFile) throws Exception {
		var run = UUID.randomUUID().toString().substring(0, 8);
		var acknowledged = new ConcurrentLinkedQueue<String>();
		var sent = new AtomicInteger();
		var errors = new ConcurrentHashMap<String, AtomicInteger>();
		var byInstanceBefore = new ConcurrentHashMap<String, AtomicInteger>();
		var byInstanceAfter = new ConcurrentHashMap<String, AtomicInteger>();
		var killed = new AtomicBoolean();
		var killedAt = new AtomicLong();
		var lastErrorAt = new AtomicLong();
		var stop = new AtomicBoolean();
		var ready = new CountDownLatch(writers);
		var firstMessages = new ConcurrentHashMap<String, String>();
		var threads = new ArrayList<Thread>();
		for (int w = 0; w < writers; w++) {
			var writer = w;
			var thread = Thread.ofPlatform().name("writer-" + w).start(() -> {
				var counted = new AtomicBoolean();
				Browser browser = null;
				String token = null;
				try {
					for (int n = 1; !stop.get(); n++) {
						try {
							if (browser == null) {
								// a login that fails (the instance died under it) is an error; the next try logs in again
								var signingIn = new Browser(balancer);
								signingIn.logIn("jobcenter");
								token = Browser.csrf(signingIn.get("/personale/borgere"));
								browser = signingIn;
								if (counted.compareAndSet(false, true)) {
									ready.countDown();
								}
							}
							var pseudonym = "Klynge-" + run + "-" + writer + "-" + n;
							sent.incrementAndGet();
							var answer = browser.post("/personale/borgere/anonym", token,
									Map.of("pseudonym", pseudonym, "birthYear", "1980"));
							var page = answer.location() == null ? null : CONTACT_PAGE.matcher(answer.location());
							(killed.get() ? byInstanceAfter : byInstanceBefore)
								.computeIfAbsent(answer.instance(), k -> new AtomicInteger())
								.incrementAndGet();
							if (answer.status() == 302 && page != null && page.find()) {
								acknowledged.add(pseudonym);
							}
							else {
								errors.computeIfAbsent("HTTP " + answer.status() + (killed.get() ? "" : " before kill"),
										k -> new AtomicInteger()).incrementAndGet();
								lastErrorAt.set(System.nanoTime());
							}
						}
						catch (IOException ex) {
							firstMessages.putIfAbsent(ex.getClass().getSimpleName() + (killed.get() ? "" : " before kill"),
									String.valueOf(ex.getMessage()));
							errors.computeIfAbsent(ex.getClass().getSimpleName() + (killed.get() ? "" : " before kill"),
									k -> new AtomicInteger()).incrementAndGet();
							lastErrorAt.set(System.nanoTime());
						}
					}
				}
				finally {
					if (counted.compareAndSet(false, true)) {
						ready.countDown();
					}
				}
			});
			threads.add(thread);
		}
		ready.await(60, TimeUnit.SECONDS);
		var started = System.nanoTime();
		Thread.sleep(Duration.ofSeconds(killAfter));
		int sentAtKill = sent.get();
		int acknowledgedAtKill = acknowledged.size();
		var victimProcess = ProcessHandle.of(victimPid);
		killed.set(true);
		killedAt.set(System.nanoTime());
		boolean signalled = victimProcess.map(ProcessHandle::destroyForcibly).orElse(false); // SIGKILL on Linux
		System.out.printf("kill -9 %s (pid %d) after %d s: %s%n", victim, victimPid, killAfter,
				signalled ? "sent" : "FAILED, no such process");
		Thread.sleep(Duration.ofSeconds(Math.max(1, seconds - killAfter)));
		stop.set(true);
		for (var thread : threads) {
			thread.join(Duration.ofSeconds(40));
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		Files.write(acknowledgedFile, new ArrayList<>(acknowledged));

		int errorCount = errors.values().stream().mapToInt(AtomicInteger::get).sum();
		int survivorsAfter = byInstanceAfter.entrySet()
			.stream()
			.filter(e -> !e.getKey().equals(victim))
			.mapToInt(e -> e.getValue().get())
			.sum();
		long failoverMillis = lastErrorAt.get() > killedAt.get() ? (lastErrorAt.get() - killedAt.get()) / 1_000_000 : 0;

		System.out.printf("%nWrite load through HAProxy: %d caseworkers, %.0f s, kill -9 of %s after %d s%n", writers,
				elapsed, victim, killAfter);
		System.out.println("| count | value |");
		System.out.println("|---|---|");
		row("writes sent", sent.get());
		row("  of them before the kill", sentAtKill);
		row("acknowledged (302 to the new contact)", acknowledged.size());
		row("  of them before the kill", acknowledgedAtKill);
		row("errors (no acknowledgement)", errorCount);
		errors.forEach((kind, count) -> row("  " + kind, count.get()));
		row("last error, ms after the kill", failoverMillis);
		byInstanceBefore.forEach((instance, count) -> row("answered by " + instance + " before the kill", count.get()));
		byInstanceAfter.forEach((instance, count) -> row("answered by " + instance + " after the kill", count.get()));
		row("answered by the survivors after the kill", survivorsAfter);
		System.out.printf("Acknowledged pseudonyms written to %s%n", acknowledgedFile);

		int status = 0;
		if (!signalled) {
			status = 1;
		}
		if (survivorsAfter == 0) {
			System.out.println("FAILED: no surviving instance served a write after the kill");
			status = 1;
		}
		// not a failure of the run (the machine may simply be too busy), but worth a look
		firstMessages.forEach((kind, message) -> System.out.printf("First %s: %s%n", kind, message));
		Set<String> unique = new HashSet<>(acknowledged);
		if (unique.size() != acknowledged.size()) {
			status = 1;
		}
		return status;
	}

	private static void row(String name, long value) {
		System.out.printf("| %s | %d |%n", name, value);
	}
}
