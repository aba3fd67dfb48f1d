package dk.helhed.load;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.form;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The load run's scenarios, one per group of users (docs/scale.md, "Load harness"). Every request is named after its
 * endpoint ("area: what"), so that Gatling's statistics, and the table {@link LoadReport} prints, group by endpoint;
 * a request whose name starts with {@value #FLOOR} is the floor the others are compared with.
 *
 * <p>To add a scenario: write a method here that returns a {@link ScenarioBuilder} (log in with {@link #login}, name
 * each request), and give it its users in {@link HelhedSimulation} for each profile. If it has a target, add its
 * request name's prefix to {@link LoadReport#TARGETS}.
 */
final class Scenarios {

	static final String FLOOR = "floor";

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private final LoadData data;
	private final Duration minPause;
	private final Duration maxPause;
	private final int rounds;

	Scenarios(LoadData data, Duration minPause, Duration maxPause, int rounds) {
		this.data = data;
		this.minPause = minPause;
		this.maxPause = maxPause;
		this.rounds = rounds;
	}

	/** The server's floor: the HSDS API's root, which reads nothing but the municipality. */
	ScenarioBuilder floor() {
		return scenario("floor").feed(data.municipalities())
			.exec(http(FLOOR + ": HSDS root").get("/api/municipalities/#{municipality_slug}/hsds/").check(status().is(200)));
	}

	/** Citizens on the public pages: the front page, a search in plain Danish, a result, and a service from outside. */
	ScenarioBuilder citizens() {
		return scenario("citizens").feed(data.visitors())
			.exec(http("public: municipality front page").get("/#{municipality_slug}").check(status().is(200)))
			.pause(minPause, maxPause)
			.exec(http("public: catalog search").get("/#{municipality_slug}/indsatser")
				.queryParam("q", "#{query}")
				.check(status().is(200),
						regex("href=\"(/#{municipality_slug}/indsatser/[a-z0-9-]+)\"").findRandom().optional().saveAs("hit")))
			.pause(minPause, maxPause)
			.doIf(session -> session.contains("hit"))
			.then(exec(http("public: service page").get("#{hit}").check(status().is(200))).pause(minPause, maxPause))
			.exec(http("public: service page").get("#{service_path}").check(status().is(200)));
	}

	/** API clients paging through a municipality's services (HSDS 3.1), 50 a page, at most {@code pages} pages. */
	ScenarioBuilder apiClients(int pages) {
		return scenario("HSDS clients").feed(data.municipalities())
			.exec(session -> session.set("page", 1).set("pages", 1))
			.asLongAs(session -> session.getInt("page") <= Math.min(session.getInt("pages"), pages))
			.on(exec(http("api: HSDS /services page").get("/api/municipalities/#{municipality_slug}/hsds/services")
				.queryParam("page", "#{page}")
				.queryParam("per_page", "50")
				.check(status().is(200), jsonPath("$.total_pages").ofInt().saveAs("pages")))
				.exec(session -> session.set("page", session.getInt("page") + 1)));
	}

	/**
	 * Caseworkers: log in, then a few rounds of finding their citizen by CPR number, opening the citizen's page,
	 * writing a note, opening the plan and the unit's referral queue; log out.
	 */
	ScenarioBuilder caseworkers() {
		var round = exec(http("case: find citizen form").get("/personale/borgere")
			.check(status().is(200), css("#f-search-cpr-form input[name='_csrf']", "value").saveAs("csrf")))
			.exec(http("case: find citizen by CPR").post("/personale/borgere/cpr")
				.formParam("_csrf", "#{csrf}")
				.formParam("cpr", "#{cpr}")
				.check(status().is(200), regex("href=\"/personale/borgere/(" + UUID + ")\"").saveAs("citizen")))
			.pause(minPause, maxPause)
			.exec(http("case: citizen's page").get("/personale/borgere/#{citizen}")
				.check(status().is(200), form("#f-note").saveAs("noteForm"),
						css("#f-note-category option", "value").findAll().saveAs("categories")))
			.pause(minPause, maxPause)
			.exec(http("case: write note").post("/personale/borgere/#{citizen}/notater")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.body(StringBody(session -> urlEncoded(note(session))))
				.disableFollowRedirect()
				.check(status().is(302), header("Location").transform(location -> location.contains("/personale/borgere/"))
					.is(true)))
			.pause(minPause, maxPause)
			.exec(http("case: plan").get("/personale/borgere/#{citizen}/plan").check(status().is(200)))
			.pause(minPause, maxPause)
			.exec(http("case: referral queue").get("/personale/henvisninger").check(status().is(200)))
			.pause(minPause, maxPause);
		return scenario("caseworkers").feed(data.caseworkers())
			.exec(login("#{username}", "#{password}"))
			.exec(repeat(rounds).on(round))
			.exec(logout());
	}

	/** Data-protection officers: the audit log by actor, by citizen (CPR number), by period, and its next pages. */
	ScenarioBuilder dataProtectionOfficers() {
		var round = exec(http("audit: form").get("/personale/revision")
			.check(status().is(200), css("#f-audit input[name='_csrf']", "value").saveAs("csrf")))
			.exec(auditSearch("audit: search by actor", Map.of("username", "#{actor}")))
			.pause(minPause, maxPause)
			.exec(auditSearch("audit: search by citizen", Map.of("cpr", "#{search_cpr}")))
			.pause(minPause, maxPause)
			.exec(session -> session.set("from", LocalDate.now().minusDays(30).toString())
				.set("to", LocalDate.now().toString()))
			.exec(auditSearch("audit: search by period", Map.of("from", "#{from}", "to", "#{to}")))
			.exec(repeat(3).on(doIfOrElse(session -> session.contains("after")).then(exec(http("audit: next page")
				.post("/personale/revision")
				.formParam("_csrf", "#{csrf}")
				.formParam("from", "#{from}")
				.formParam("to", "#{to}")
				.formParam("action", "")
				.formParam("username", "")
				.formParam("borger", "")
				.formParam("efter", "#{after}")
				.check(status().is(200), nextPage()))).orElse(exec(session -> session))))
			.pause(minPause, maxPause);
		return scenario("data-protection officers").feed(data.dataProtectionOfficers())
			.exec(login("#{username}", "#{password}"))
			.exec(repeat(rounds).on(round))
			.exec(logout());
	}

	/**
	 * Editors: a unit editor proposes a change to one of the unit's services (the note on opening hours), then a
	 * catalog editor of the municipality opens the changes waiting and approves it (or, when the service changed
	 * since, rejects it with a reason, as the page asks).
	 */
	ScenarioBuilder editors() {
		return scenario("editors").feed(data.editorPairs())
			.exec(login("#{proposer}", "#{proposer_password}"))
			.exec(http("catalog: staff's services").get("/personale/indsatser")
				.check(status().is(200), regex("href=\"/personale/indsatser/(" + UUID + ")\"").findRandom().saveAs("service")))
			.pause(minPause, maxPause)
			.exec(http("catalog: edit form").get("/personale/indsatser/#{service}")
				.check(status().is(200), form("form.form[novalidate]").saveAs("serviceForm")))
			.pause(minPause, maxPause)
			.exec(http("catalog: propose change").post("/personale/indsatser/#{service}")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.body(StringBody(session -> urlEncoded(proposal(session))))
				.disableFollowRedirect()
				.check(status().is(302)))
			.exec(http("catalog: staff overview").get("/personale")
				.check(status().is(200), regex("href=\"/personale/aendringer/(" + UUID + ")\"").saveAs("request")))
			.exec(logout())
			.pause(minPause, maxPause)
			.exec(login("#{editor}", "#{editor_password}"))
			.exec(http("catalog: staff overview").get("/personale").check(status().is(200)))
			.pause(minPause, maxPause)
			.exec(http("catalog: change request").get("/personale/aendringer/#{request}")
				.check(status().is(200),
						css("form[action$='/godkend'] input[name='_csrf']", "value").optional().saveAs("approve"),
						css("form[action$='/afvis'] input[name='_csrf']", "value").saveAs("csrf")))
			.pause(minPause, maxPause)
			.doIfOrElse(session -> session.contains("approve"))
			.then(exec(http("catalog: approve change").post("/personale/aendringer/#{request}/godkend")
				.formParam("_csrf", "#{approve}")
				.disableFollowRedirect()
				.check(status().is(302))))
			.orElse(exec(http("catalog: reject outdated change").post("/personale/aendringer/#{request}/afvis")
				.formParam("_csrf", "#{csrf}")
				.formParam("begrundelse", "Indsatsen er ændret siden forslaget (belastningstest, syntetisk).")
				.disableFollowRedirect()
				.check(status().is(302))))
			.exec(logout());
	}

	/** Form login with the page's CSRF token; a wrong password is an error (the answer leads back to the login). */
	static ChainBuilder login(String username, String password) {
		return exec(flushCookieJar())
			.exec(http("login: form").get("/log-ind")
				.check(status().is(200), css("input[name='_csrf']", "value").saveAs("csrf")))
			.exec(http("login: sign in").post("/log-ind")
				.formParam("username", username)
				.formParam("password", password)
				.formParam("_csrf", "#{csrf}")
				.disableFollowRedirect()
				.check(status().is(302), header("Location").transform(location -> !location.contains("log-ind")).is(true)));
	}

	static ChainBuilder logout() {
		return exec(http("login: staff overview").get("/personale")
			.check(status().is(200), css("form[action='/log-ud'] input[name='_csrf']", "value").saveAs("csrf")))
			.exec(http("login: sign out").post("/log-ud").formParam("_csrf", "#{csrf}").disableFollowRedirect()
				.check(status().is(302)))
			.exec(flushCookieJar());
	}

	private ChainBuilder auditSearch(String name, Map<String, String> fields) {
		var request = http(name).post("/personale/revision").formParam("_csrf", "#{csrf}");
		for (var field : List.of("from", "to", "action", "username", "cpr")) {
			request = request.formParam(field, fields.getOrDefault(field, ""));
		}
		return exec(session -> session.remove("after")).exec(request.check(status().is(200), nextPage()));
	}

	private static io.gatling.javaapi.core.CheckBuilder nextPage() {
		return css("input[name='efter']", "value").optional().saveAs("after");
	}

	/**
	 * A form's fields as a browser sends them: a field with several values (ticked checkboxes, which Gatling's
	 * {@code form} check keeps as a list) once per value.
	 */
	static String urlEncoded(Map<String, Object> fields) {
		var body = new StringBuilder();
		fields.forEach((name, value) -> {
			for (var one : values(value)) {
				if (!body.isEmpty()) {
					body.append('&');
				}
				body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
					.append(URLEncoder.encode(String.valueOf(one), StandardCharsets.UTF_8));
			}
		});
		return body.toString();
	}

	private static Collection<?> values(Object value) {
		if (value instanceof Collection<?> collection) {
			return collection;
		}
		if (value instanceof scala.collection.Iterable<?> iterable) {
			return scala.jdk.javaapi.CollectionConverters.asJavaCollection(iterable);
		}
		return value == null ? List.of() : List.of(value);
	}

	private static Map<String, Object> note(Session session) {
		Map<String, Object> fields = new LinkedHashMap<>(session.getMap("noteForm"));
		List<String> categories = session.getList("categories").stream().map(String::valueOf)
			.filter(value -> !value.isBlank()).toList();
		fields.put("category", categories.get(ThreadLocalRandom.current().nextInt(categories.size())));
		fields.put("service", "");
		fields.put("text", "Belastningstest (syntetisk): samtale om bolig, økonomi og næste skridt. Runde "
				+ ThreadLocalRandom.current().nextInt(1_000_000) + ".");
		return fields;
	}

	private static Map<String, Object> proposal(Session session) {
		Map<String, Object> fields = new LinkedHashMap<>(session.getMap("serviceForm"));
		fields.remove("handling");
		fields.put("handling", "gem");
		fields.put("scheduleNote", "Ring gerne i forvejen (belastningstest, syntetisk; forslag "
				+ ThreadLocalRandom.current().nextInt(1_000_000) + ").");
		return fields;
	}

}
