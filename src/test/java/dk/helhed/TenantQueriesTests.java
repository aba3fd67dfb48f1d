package dk.helhed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.junit.jupiter.api.Test;

import dk.helhed.identity.internal.StaffPrincipal;
import dk.helhed.participation.internal.Proposals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every statement the main pages and API calls of catalog, plan, referral, participation and audit send to the
 * database names {@code municipality_id} for each tenant table it reads, changes or joins (a tenant table is any
 * table with a {@code municipality_id} column, read from {@code information_schema}). On a schema distributed by
 * municipality (Citus) a statement that does not is sent to every node. Inserts carry the column as a value and are
 * not checked; the select of an {@code insert ... select} is.
 * <p>
 * The check counts the conditions on {@code municipality_id} after the statement's {@code from} (for an update after
 * its {@code where}) and asks for at least one per tenant table named: {@code s.municipality_id = ?} scopes one table,
 * {@code c.municipality_id = s.municipality_id} two. Statements are attributed to the module of the innermost
 * {@code dk.helhed} class on the stack; this test judges the modules named in {@link #CHECKED_MODULES} and prints the
 * others' statements for their owners.
 */
@AutoConfigureMockMvc
abstract class TenantQueriesTests {

	/** The modules whose statements must be scoped; citizen, identity and municipality are being reworked by others. */
	static final Set<String> CHECKED_MODULES = Set.of("catalog", "plan", "referral", "participation", "audit",
			"metrics", "platform");

	/** Tables with the column that are shared by all: the list of municipalities itself. */
	static final Set<String> REFERENCE_TABLES = Set.of("municipality");

	/**
	 * What Spring Data JDBC generates for the catalog's {@code Service} aggregate and cannot be given a condition: the
	 * children are read and deleted by the back reference {@code service_id}, and the optimistic update names the id
	 * and the version. The aggregate's root is looked up with its municipality; docs/scale.md ("Queries by
	 * municipality") names these as the one remaining family and the way out (a composite id for the aggregate). Only
	 * these exact shapes pass; any other unscoped statement of a checked module fails.
	 */
	static final List<Pattern> KNOWN_AGGREGATE_STATEMENTS = List.of(
			Pattern.compile("select .* from (service_[a-z_]+) where \\1\\.service_id = \\? order by position"),
			Pattern.compile("delete from (service_[a-z_]+) where \\1\\.service_id = \\?"),
			Pattern.compile("update service set .* where service\\.id = \\? and service\\.version = \\?"));

	private static final Pattern TABLE = Pattern
		.compile("\\b(?:from|join|update|into)\\s+([a-z_][a-z0-9_]*)(?:\\s+(?:as\\s+)?([a-z_][a-z0-9_]*))?");

	private static final Pattern CONDITION = Pattern
		.compile("municipality_id\\s*(?:=|in\\s*\\(|is\\s+null)|=\\s*(?:[a-z_][a-z0-9_]*\\.)?municipality_id\\b");

	private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Statements statements;

	@Autowired
	Proposals proposals;

	@Test
	void everyStatementOfTheMainPagesNamesTheMunicipalityOfEachTenantTable() throws Exception {
		var tenantTables = new TreeSet<String>(jdbc.sql("""
				select distinct lower(table_name) from information_schema.columns
				where lower(column_name) = 'municipality_id' and lower(table_schema) = 'public'""")
			.query(String.class)
			.list());
		tenantTables.removeAll(REFERENCE_TABLES);
		assertThat(tenantTables).contains("service", "referral", "shared_plan", "audit_event", "participation_proposal");

		var service = jdbc.sql("select s.id from service s join municipality m on m.id = s.municipality_id "
				+ "where m.slug = 'aabenraa' and s.service_key = 'overgangsbolig'").query(String.class).single();
		var citizen = jdbc.sql("select citizen_id from shared_plan fetch first 1 rows only").query(String.class).single();
		var referral = jdbc.sql("select id from referral fetch first 1 rows only").query(String.class).single();
		// The seed has no meetings or proposals: the coordinator plans one and enters a proposal met in person.
		var coordinator = accounts.loadUserByUsername("inddragelse");
		var planned = mvc.perform(post("/personale/dialog/moeder").param("body", "dialogforum-for-udsatte")
			.param("title", "Dialogmøde om byens rum (syntetisk)")
			.param("date", "2027-03-04")
			.param("starts", "17:00")
			.param("ends", "19:00")
			.param("mode", "HYBRID")
			.param("place", "Folkehjem, Aabenraa")
			.param("onlineUrl", "https://moede.example/dialog")
			.param("registration", "ja")
			.param("slots", "2")
			.with(user(coordinator))
			.with(csrf())).andReturn().getResponse();
		assertThat(planned.getStatus()).isEqualTo(302);
		proposals.enterOnBehalf(((StaffPrincipal) coordinator).member(), new Proposals.NewProposal(
				"dialogforum-for-udsatte", "PROPOSAL", "Bænke ved havnen (syntetisk)",
				"Der er ingen steder at sidde ved havnen. Flere bænke, tak.", ""), "Mødt på værestedet.");
		var meeting = jdbc.sql("select id from participation_meeting fetch first 1 rows only").query(String.class)
			.optional();
		var body = jdbc.sql("select body_key from participation_body fetch first 1 rows only").query(String.class).single();
		var proposal = jdbc.sql("select id from participation_proposal fetch first 1 rows only")
			.query(String.class)
			.optional();
		var proposalNumber = jdbc.sql("select cast(number as varchar(12)) from participation_proposal fetch first 1 rows only")
			.query(String.class)
			.optional();

		statements.start();
		var requests = new ArrayList<Call>();
		// The public catalog and its API
		requests.add(new Call(null, get("/")));
		requests.add(new Call(null, get("/aabenraa")));
		requests.add(new Call(null, get("/aabenraa/indsatser")));
		requests.add(new Call(null, get("/aabenraa/indsatser").param("q", "bolig")));
		requests.add(new Call(null, get("/partials/aabenraa/indsatser").param("q", "hjemløs")));
		requests.add(new Call(null, get("/aabenraa/indsatser/overgangsbolig")));
		requests.add(new Call(null, get("/aabenraa/udgaver")));
		requests.add(new Call(null, get("/aabenraa/udskriv")));
		requests.add(new Call(null, get("/sitemap.xml")));
		requests.add(new Call(null, get("/api/municipalities/aabenraa/hsds/services")));
		requests.add(new Call(null, get("/api/municipalities/aabenraa/hsds/services").param("page", "2")
			.param("per_page", "10")));
		requests.add(new Call(null, get("/api/municipalities/aabenraa/hsds/services/" + service)));
		requests.add(new Call(null, get("/api/municipalities/aabenraa/hsds/service_at_locations")));
		requests.add(new Call(null, get("/api/municipalities/aabenraa/hsds/organizations")));
		requests.add(new Call(null, get("/api/municipalities/aabenraa/hsds/taxonomies")));
		requests.add(new Call(null, get("/api/municipalities/aabenraa/hsds/taxonomy_terms")));
		// The catalog as staff
		requests.add(new Call("redaktoer", get("/personale")));
		requests.add(new Call("redaktoer", get("/personale/indsatser")));
		requests.add(new Call("redaktoer", get("/personale/indsatser/" + service)));
		requests.add(new Call("redaktoer", get("/personale/indsatser/" + service + "/historik")));
		requests.add(new Call("redaktoer", get("/personale/udgaver")));
		requests.add(new Call("visitation", post("/personale/indsatser/" + service + "/kontrolleret")));
		// Plans
		requests.add(new Call("jobcenter", get("/personale/mine-borgere")));
		requests.add(new Call("jobcenter", get("/personale/borgere/" + citizen + "/plan")));
		requests.add(new Call("jobcenter", get("/personale/borgere/" + citizen + "/helhedsvurdering")));
		requests.add(new Call("jobcenter", get("/personale/borgere/" + citizen + "/plan/borgerens-kopi")));
		// Referrals and places
		requests.add(new Call("boligsag", get("/personale/henvisninger")));
		requests.add(new Call("jobcenter", get("/personale/henvisninger")));
		requests.add(new Call("boligsag", get("/personale/henvisninger/" + referral)));
		requests.add(new Call("boligsag", get("/personale/pladser")));
		// A service's places: on PostgreSQL this answered 500 while its audit row was written in a read-only transaction.
		requests.add(new Call("boligsag", get("/personale/pladser/" + service)));
		// Participation
		requests.add(new Call(null, get("/aabenraa/dialog")));
		requests.add(new Call(null, get("/aabenraa/dialog/" + body)));
		meeting.ifPresent(id -> requests.add(new Call(null, get("/aabenraa/dialog/moeder/" + id))));
		requests.add(new Call(null, get("/aabenraa/dialog/forslag")));
		proposalNumber.ifPresent(number -> requests.add(new Call(null, get("/aabenraa/dialog/forslag/" + number))));
		requests.add(new Call("inddragelse", get("/personale/dialog")));
		proposal.ifPresent(id -> requests.add(new Call("inddragelse", get("/personale/dialog/forslag/" + id))));
		meeting.ifPresent(id -> requests.add(new Call("inddragelse", get("/personale/dialog/moeder/" + id))));
		// The data-protection officer's audit search: by period, by staff member, by citizen
		requests.add(new Call("dpo", get("/personale/revision")));
		requests.add(new Call("dpo", post("/personale/revision").param("from", "2020-01-01").param("to", "2099-12-31")));
		requests.add(new Call("dpo", post("/personale/revision").param("username", "jobcenter")));
		requests.add(new Call("dpo", post("/personale/revision").param("borger", citizen)));

		var answers = new TreeMap<String, Integer>();
		for (var call : requests) {
			var request = call.request().with(csrf());
			if (call.username() != null) {
				request = request.with(user(accounts.loadUserByUsername(call.username())));
			}
			var status = mvc.perform(request).andReturn().getResponse().getStatus();
			answers.put(call.describe(), status);
		}
		var seen = statements.stop();

		// A page that fails sends fewer statements than it would: every call must have worked.
		assertThat(answers).allSatisfy((call, status) -> assertThat(status).as(call).isBetween(200, 399));

		Map<String, List<String>> unscopedByModule = new TreeMap<>();
		var known = new ArrayList<String>();
		for (var entry : seen.entrySet()) {
			var problem = unscoped(entry.getKey(), tenantTables);
			if (problem != null && KNOWN_AGGREGATE_STATEMENTS.stream()
				.anyMatch(pattern -> pattern.matcher(normalised(entry.getKey())).matches())) {
				known.add(entry.getKey());
			}
			else if (problem != null) {
				unscopedByModule.computeIfAbsent(entry.getValue(), module -> new ArrayList<>())
					.add(problem + "\n      " + entry.getKey());
			}
		}
		System.out.printf("Tenant queries: %d requests, %d distinct statements, %d tenant tables%n", requests.size(),
				seen.size(), tenantTables.size());
		System.out.printf("  catalog (known, Spring Data JDBC's statements for the Service aggregate's children and "
				+ "its optimistic update, docs/scale.md): %d%n", known.size());
		unscopedByModule.forEach((module, list) -> {
			System.out.printf("  %s %s: %d statement(s) without municipality_id%n", module,
					CHECKED_MODULES.contains(module) ? "(checked)" : "(printed for its owner)", list.size());
			list.forEach(line -> System.out.println("    " + line));
		});
		var checked = new TreeMap<>(unscopedByModule);
		checked.keySet().retainAll(CHECKED_MODULES);
		assertThat(checked).as("statements on tenant tables without municipality_id").isEmpty();
	}

	/** Why the statement is not scoped, or null when it is (or touches no tenant table). */
	static String unscoped(String sql, Set<String> tenantTables) {
		var text = normalised(sql);
		if (text.startsWith("insert") && !text.contains(" select ")) {
			return null;
		}
		if (text.startsWith("insert")) {
			text = text.substring(text.indexOf(" select "));
		}
		var tables = new ArrayList<String>();
		var matcher = TABLE.matcher(text);
		while (matcher.find()) {
			if (tenantTables.contains(matcher.group(1))) {
				tables.add(matcher.group(1));
			}
		}
		if (tables.isEmpty()) {
			return null;
		}
		int start = text.startsWith("update") ? text.indexOf(" where ") : text.indexOf(" from ");
		var conditions = start < 0 ? "" : text.substring(start);
		int scoped = 0;
		var condition = CONDITION.matcher(conditions);
		while (condition.find()) {
			scoped++;
		}
		return scoped >= tables.size() ? null
				: "tenant tables " + tables + ", conditions on municipality_id: " + scoped;
	}

	/** Lower case, without quotes around names, string literals emptied, one space between words. */
	static String normalised(String sql) {
		return LITERAL.matcher(sql.toLowerCase(Locale.ROOT).replace("\"", "")).replaceAll("''")
			.replaceAll("\\s+", " ")
			.strip();
	}

	record Call(String username, MockHttpServletRequestBuilder request) {
		String describe() {
			var built = request.buildRequest(new org.springframework.mock.web.MockServletContext());
			var query = built.getQueryString() == null ? "" : "?" + built.getQueryString();
			return built.getMethod() + " " + built.getRequestURI() + query + " as " + username;
		}
	}

	/** The statements sent while recording, each with the module of the innermost Helhed class that sent it. */
	static final class Statements implements QueryExecutionListener {

		private final Map<String, String> seen = new ConcurrentHashMap<>();
		private volatile boolean recording;

		void start() {
			seen.clear();
			recording = true;
		}

		Map<String, String> stop() {
			recording = false;
			return new TreeMap<>(seen);
		}

		@Override
		public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		}

		@Override
		public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
			if (!recording) {
				return;
			}
			var module = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
				.walk(frames -> frames.map(frame -> frame.getDeclaringClass().getName())
					.filter(name -> name.startsWith("dk.helhed.") && !name.startsWith("dk.helhed.TenantQueries"))
					.findFirst()
					.map(name -> name.substring("dk.helhed.".length()).split("\\.")[0])
					.orElse("(none)"));
			for (var query : queryInfoList) {
				seen.putIfAbsent(query.getQuery(), module);
			}
		}
	}

	@TestConfiguration
	static class Recording {

		@Bean
		Statements statements() {
			return new Statements();
		}

		@Bean
		static BeanPostProcessor recordingDataSource(org.springframework.beans.factory.ObjectProvider<Statements> statements) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
						return ProxyDataSourceBuilder.create(dataSource).name("tenant-queries")
							.listener(statements.getObject())
							.build();
					}
					return bean;
				}
			};
		}
	}
}
