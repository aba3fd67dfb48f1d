package dk.helhed.scale;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.flywaydb.core.Flyway;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.yaml.snakeyaml.Yaml;

import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.plan.internal.Plans;
import dk.helhed.platform.DeterministicIds;
import net.datafaker.Faker;
import tools.jackson.databind.json.JsonMapper;

/**
 * A synthetic Denmark: the 98 real municipalities with fictitious units, partners, services, staff, citizens and
 * their case work, loaded into an empty database (PostgreSQL by {@code COPY}, H2 by batched inserts) in one
 * transaction, so that a failed run leaves nothing behind. The schema is the application's own Flyway migrations.
 * Run it with {@code scripts/synthetic-denmark.sh} (see docs/scale.md); {@code SyntheticDenmarkTests} runs it at
 * {@code tiny} scale.
 */
public final class SyntheticDenmark {

	/** The one password of every synthetic staff account (the feeder file repeats it). */
	public static final String PASSWORD = "Syntetisk-Danmark-2026";

	/** The embedded trial's keys from application.yaml (helhed.crypto); a real installation has its own. */
	static final String DEFAULT_ENCRYPTION_KEY = "UAz64r3MxwmX1YujfyauUipnzsQSh/JAcQIeGZ611BM=";
	static final String DEFAULT_HASH_KEY = "R+2+f+TiSY69JbaYAmy6bAh/qOR4gJyvKW+ixDjNzwg=";

	private static final String[] UNIT_KEYS = { "social-sundhed", "visitation", "bostoette", "misbrugscenter",
			"jobcenter", "socialpsykiatri", "ungeenhed", "hjemmepleje", "boligsocial", "udsattekonsulenter", "sundhed",
			"familie" };
	private static final String[] UNIT_NAMES = { "Social & Sundhed", "Visitationen", "Bostøtten", "Misbrugscentret",
			"Jobcentret", "Socialpsykiatrien", "Ungeenheden", "Hjemmeplejen", "Boligsocialt team", "Udsattekonsulenterne",
			"Sundhedscentret", "Familieafdelingen" };
	private static final String[][] PARTNERS = { { "frivilligcenter", "Frivilligcentret", "VOLUNTARY_ORGANISATION" },
			{ "vaerestedet", "Værestedet Lyspunktet", "SELF_GOVERNING_INSTITUTION" },
			{ "regionspsykiatri", "Regionspsykiatrien", "REGION" },
			{ "boligforening", "Den almene boligforening", "HOUSING_ASSOCIATION" },
			{ "brugerforeningen", "Brugerforeningen", "USER_ORGANISATION" },
			{ "herberget", "Herberget Havnehuset", "SELF_GOVERNING_INSTITUTION" },
			{ "privat-bosted", "Bostedet Egely", "PRIVATE_PROVIDER" },
			{ "kriminalforsorgen", "Kriminalforsorgen", "STATE_AUTHORITY" } };
	private static final String[] VARIANTS = { "Nord", "Syd", "Øst", "Vest", "Centrum", "for unge", "for ældre",
			"om aftenen", "i weekenden", "på landet", "i byen", "for par", "for familier", "online", "Havnen", "Stationen" };
	private static final String[] CATEGORIES = { "NOTES", "NOTES", "NOTES", "NOTES", "HOUSING", "HOUSING", "EMPLOYMENT",
			"FINANCES", "HEALTH", "HEALTH", "ADDICTION", "NOTES", "HOUSING", "FINANCES", "HEALTH", "EMPLOYMENT", "NOTES",
			"ADDICTION", "NOTES", "CRIMINAL" };
	private static final String[] NOTE_SENTENCES = { "Borgeren kom til samtale som aftalt.",
			"Vi talte om, hvordan det går med boligen.", "Borgeren fortæller, at det går lidt bedre.",
			"Der er aftalt et nyt møde om to uger.", "Borgeren ønsker hjælp til at få styr på økonomien.",
			"Borgeren har været til lægen og venter på svar.", "Vi ringede sammen til jobcentret.",
			"Borgeren mødte ikke op. Jeg har sendt en sms.", "Bostøtten har været på hjemmebesøg.",
			"Borgeren vil gerne i gang med en aktivitet på værestedet.", "Vi har søgt om hjælp til depositum.",
			"Borgeren sover dårligt og er træt.", "Borgeren har haft en god uge og har overholdt sine aftaler.",
			"Vi har gennemgået breve fra kommunen sammen.", "Borgeren har fået en tid i misbrugscentret.",
			"Pårørende ringede og spurgte til borgeren.", "Borgeren vil gerne tale med en gældsrådgiver.",
			"Aftalen om udbetaling af ydelse er fornyet.", "Borgeren overvejer at flytte tættere på familien.",
			"Borgeren har brug for hjælp til at handle ind." };
	private static final String[] QUESTIONS = { "Kan borgeren få en plads hurtigst muligt?",
			"Borgeren har brug for støtte i hverdagen. Kan I hjælpe?", "Vi beder om en vurdering af borgerens behov.",
			"Borgeren ønsker at komme i gang. Hvornår kan I starte?", "Kan I tage en samtale med borgeren i denne uge?" };
	private static final String[] STATUSES = { "REQUESTED", "ACCEPTED", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED",
			"COMPLETED", "COMPLETED", "REJECTED", "CANCELLED", "ON_HOLD", "FAILED", "ACCEPTED" };
	private static final String[] REASONS = { "NO_FREE_PLACE", "CITIZEN_DECLINES", "NOT_TARGET_GROUP", "NOT_REACHED",
			"SENT_BY_MISTAKE", "NEED_CHANGED", "CASE_CLOSED" };
	/** Tables whose secondary indexes and foreign keys are dropped during the load and built again after it. */
	private static final List<String> REBUILT = List.of("audit_event", "case_note", "involvement", "referral",
			"shared_plan_version", "citizen", "consent");

	final Options options;
	final Scale scale;
	private final PrintStream out;
	private final long seed;
	private final Instant now;
	private final LocalDate today;
	private final List<Municipality> municipalities = new ArrayList<>();
	private final List<Map<String, Object>> serviceTemplates;
	private final List<UUID> subThemes = new ArrayList<>();
	private final List<UUID> levels = new ArrayList<>();
	private final JsonMapper json = JsonMapper.builder().build();
	private final SecretKeySpec encryptionKey;
	private final SecretKeySpec hashKey;
	private final String passwordHash;
	private Progress progress;
	private Connection connection;
	private boolean postgres;
	// Citizens, by global index.
	private UUID[] citizenIds;
	private int[] citizenMunicipality;
	private int[] citizenUnit;
	private String[] citizenNames;

	SyntheticDenmark(Options options, PrintStream out) {
		this.options = options;
		this.scale = Scale.of(options.scale, options.factor);
		this.out = out;
		this.seed = options.seed;
		this.now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.today = LocalDate.now(ZoneOffset.UTC);
		this.serviceTemplates = serviceTemplates();
		readTerms();
		this.encryptionKey = new SecretKeySpec(Base64.getDecoder().decode(options.encryptionKey), "AES");
		this.hashKey = new SecretKeySpec(Base64.getDecoder().decode(options.hashKey), "HmacSHA256");
		this.passwordHash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
	}

	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(Options.USAGE);
			System.exit(2);
			return;
		}
		try {
			new SyntheticDenmark(options, System.out).run();
		}
		catch (Refused ex) {
			System.err.println(ex.getMessage());
			System.exit(3);
		}
		System.exit(0);
	}

	/** Fills the database and writes the feeder files; returns the rows per table. */
	Map<String, Long> run() {
		long started = System.nanoTime();
		out.printf(Locale.ROOT, "Synthetic Denmark, scale %s: %d municipalities, %,d services, %,d staff, %,d citizens, "
				+ "%,d notes, %,d audit rows, %,d plans (%,d versions), %,d referrals%n", scale.name(), scale.municipalities(),
				scale.services(), scale.staff(), scale.citizens(), scale.notes(), scale.audit(), scale.plans(),
				scale.planVersions(), scale.referrals());
		try (var connection = DriverManager.getConnection(options.url, options.user, options.password)) {
			this.connection = connection;
			this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
			prepareSchema();
			connection.setAutoCommit(false);
			try (var progress = new Progress(out, options.live)) {
				this.progress = progress;
				var dropped = postgres ? dropSecondary() : List.<String>of();
				generate();
				if (!dropped.isEmpty()) {
					long t = System.nanoTime();
					try (var statement = connection.createStatement()) {
						statement.execute("set local maintenance_work_mem = '512MB'");
						for (var ddl : dropped) {
							long one = System.nanoTime();
							statement.execute(ddl);
							if (System.nanoTime() - one > 1_000_000_000L) {
								progress.step(describe(ddl), System.nanoTime() - one);
							}
						}
					}
					progress.step("indexes and foreign keys, all", System.nanoTime() - t);
				}
				long commit = System.nanoTime();
				connection.commit();
				progress.step("commit", System.nanoTime() - commit);
				if (postgres) {
					long analyze = System.nanoTime();
					connection.setAutoCommit(true);
					try (var statement = connection.createStatement()) {
						statement.execute("analyze");
					}
					progress.step("analyze", System.nanoTime() - analyze);
				}
				long feeders = System.nanoTime();
				new Feeders(this).write(options.feeders);
				progress.step("feeder files", System.nanoTime() - feeders);
				progress.summary();
				out.printf(Locale.ROOT, "Done in %.1f s. Feeder files in %s%n", (System.nanoTime() - started) / 1e9,
						options.feeders.toAbsolutePath());
				return progress.rows();
			}
			catch (RuntimeException | SQLException ex) {
				try {
					connection.rollback();
				}
				catch (SQLException rollback) {
					ex.addSuppressed(rollback);
				}
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Database error: " + ex.getMessage(), ex);
		}
	}

	private static String describe(String ddl) {
		var words = ddl.split("\\s+");
		var lower = ddl.toLowerCase(Locale.ROOT);
		if (lower.startsWith("create")) {
			return "index " + words[lower.startsWith("create unique") ? 3 : 2];
		}
		return "foreign key " + words[5];
	}

	// ------------------------------------------------------------------------------------------------- schema

	private void prepareSchema() throws SQLException {
		boolean holdsData;
		try (var statement = connection.createStatement()) {
			holdsData = tableExists("municipality") && count("select count(*) from municipality") > 0
					|| tableExists("flyway_schema_history") && tableExists("staff_user")
							&& count("select count(*) from staff_user") > 0;
			if (holdsData && !options.replace) {
				throw new Refused("Databasen indeholder allerede data (" + options.url
						+ "). Brug --replace for at slette alt i den og fylde den igen.");
			}
			if (options.replace) {
				if (postgres) {
					statement.execute("drop schema if exists public cascade");
					statement.execute("create schema public");
				}
				else {
					statement.execute("drop all objects");
				}
			}
		}
		long t = System.nanoTime();
		Flyway.configure()
			.dataSource(options.url, options.user, options.password)
			.locations("classpath:db/migration")
			.javaMigrations(applicationJavaMigrations())
			.load()
			.migrate();
		out.printf(Locale.ROOT, "Schema migrated by Flyway in %.1f s%n", (System.nanoTime() - t) / 1e9);
		if (tableExists("municipality") && count("select count(*) from municipality") > 0) {
			throw new Refused("Databasen indeholder allerede kommuner efter migreringen; den skal være tom.");
		}
	}

	/**
	 * The application's own Java migrations (the audit log's append-only trigger, the tenant keys): Spring registers
	 * them as components, so a plain Flyway run must be handed them, or the schema it builds is not the application's.
	 */
	static org.flywaydb.core.api.migration.JavaMigration[] applicationJavaMigrations() {
		var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new org.springframework.core.type.filter.AssignableTypeFilter(
				org.flywaydb.core.api.migration.JavaMigration.class));
		return scanner.findCandidateComponents("dk.helhed").stream().map(candidate -> {
			try {
				var type = Class.forName(candidate.getBeanClassName());
				var constructor = type.getDeclaredConstructor();
				constructor.setAccessible(true);
				return (org.flywaydb.core.api.migration.JavaMigration) constructor.newInstance();
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException("cannot create the migration " + candidate.getBeanClassName(), e);
			}
		}).toArray(org.flywaydb.core.api.migration.JavaMigration[]::new);
	}

	boolean tableExists(String table) throws SQLException {
		try (var rs = connection.getMetaData().getTables(null, null, table, new String[] { "TABLE" })) {
			if (rs.next()) {
				return true;
			}
		}
		try (var rs = connection.getMetaData()
			.getTables(null, null, table.toUpperCase(Locale.ROOT), new String[] { "TABLE" })) {
			return rs.next();
		}
	}

	private long count(String sql) throws SQLException {
		try (var statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * Drops the big tables' secondary indexes and their foreign keys inside the load's transaction and returns the
	 * statements that create them again (building an index once is faster than keeping it up to date row by row).
	 */
	private List<String> dropSecondary() throws SQLException {
		var recreate = new ArrayList<String>();
		var drops = new ArrayList<String>();
		var tables = "'" + String.join("','", REBUILT) + "'";
		try (var statement = connection.createStatement()) {
			try (var rs = statement.executeQuery("""
					select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint
					where contype = 'f' and connamespace = 'public'::regnamespace
					  and (conrelid::regclass::text in (%s) or confrelid::regclass::text in (%s))
					""".formatted(tables, tables))) {
				while (rs.next()) {
					drops.add("alter table " + rs.getString(1) + " drop constraint " + rs.getString(2));
					recreate.add("alter table " + rs.getString(1) + " add constraint " + rs.getString(2) + " "
							+ rs.getString(3));
				}
			}
			var indexes = new ArrayList<String>();
			try (var rs = statement.executeQuery("""
					select i.indexname, i.indexdef from pg_indexes i
					where i.schemaname = 'public' and i.tablename in (%s)
					  and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
					""".formatted(tables))) {
				while (rs.next()) {
					drops.add("drop index " + rs.getString(1));
					indexes.add(rs.getString(2));
				}
			}
			for (var drop : drops) {
				statement.execute(drop);
			}
			// Indexes first: the foreign keys' checks use the primary keys, which stay.
			indexes.addAll(recreate);
			return indexes;
		}
	}

	// ------------------------------------------------------------------------------------------------- reference data

	private List<Map<String, Object>> serviceTemplates() {
		try (InputStream in = resource("seed/municipalities/aabenraa/catalog.yaml")) {
			Map<String, Object> catalog = new Yaml().load(in);
			@SuppressWarnings("unchecked")
			var services = (List<Map<String, Object>>) catalog.get("services");
			return services;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void readTerms() {
		for (var line : lines("plan/ffb-themes-20240530.csv")) {
			var cells = line.split(";", -1);
			if (!cells[1].isEmpty()) {
				subThemes.add(UUID.fromString(cells[0]));
			}
		}
		for (var line : lines("plan/ffb-levels-20240530.csv")) {
			levels.add(UUID.fromString(line.split(";", -1)[0]));
		}
	}

	static List<String> lines(String name) {
		try (InputStream in = resource(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("code;"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static InputStream resource(String name) {
		var in = SyntheticDenmark.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new IllegalStateException("Missing resource " + name);
		}
		return in;
	}

	private List<String[]> chosenMunicipalities() {
		var all = lines("scale/municipalities.csv").stream().map(line -> line.split(";")).toList();
		if (scale.municipalities() >= all.size()) {
			return all;
		}
		var chosen = new ArrayList<String[]>();
		for (var slug : List.of("aabenraa", "ballerup")) {
			all.stream().filter(m -> m[2].equals(slug)).findFirst().ifPresent(chosen::add);
		}
		return chosen.subList(0, scale.municipalities());
	}

	// ------------------------------------------------------------------------------------------------- generation

	private void generate() throws SQLException {
		var faker = new Faker(Locale.of("da", "DK"), new Random(seed));
		var names = new NamePool(faker, new SplittableRandom(seed), Math.min(3000, 50 + scale.citizens() / 20));
		var chosen = chosenMunicipalities();
		int m = chosen.size();
		int citizenStart = 0;
		int staffStart = 0;
		for (int i = 0; i < m; i++) {
			var row = chosen.get(i);
			var municipality = new Municipality(i, Integer.parseInt(row[0]), row[1], row[2]);
			int staff = (int) Scale.share(scale.staff(), i, m);
			int units = Math.min(UNIT_KEYS.length, Math.max(3, staff / 6));
			municipality.units = new UUID[units];
			for (int u = 0; u < units; u++) {
				municipality.units[u] = DeterministicIds.of(municipality.slug, "unit", UNIT_KEYS[u]);
			}
			municipality.partners = new UUID[PARTNERS.length];
			for (int p = 0; p < PARTNERS.length; p++) {
				municipality.partners[p] = DeterministicIds.of(municipality.slug, "partner", PARTNERS[p][0]);
			}
			municipality.staffFrom = staffStart;
			municipality.staff = new Staff[staff];
			municipality.caseworkers = new int[units][];
			var byUnit = new ArrayList<List<Integer>>();
			for (int u = 0; u < units; u++) {
				byUnit.add(new ArrayList<>());
			}
			for (int j = 0; j < staff; j++) {
				int unit = j % units;
				var role = role(j, units);
				var person = names.person();
				municipality.staff[j] = new Staff(uuid(new SplittableRandom(seed * 31 + staffStart + j)),
						String.format(Locale.ROOT, "syn.%s.%05d", municipality.slug, j + 1), person, role, unit);
				if (role.equals("CASEWORKER")) {
					byUnit.get(unit).add(j);
				}
			}
			for (int u = 0; u < units; u++) {
				municipality.caseworkers[u] = byUnit.get(u).stream().mapToInt(Integer::intValue).toArray();
			}
			staffStart += staff;
			int services = (int) Scale.share(scale.services(), i, m);
			municipality.services = new UUID[services];
			municipality.serviceUnits = new int[services];
			municipality.serviceKeys = new String[services];
			for (int s = 0; s < services; s++) {
				var template = serviceTemplates.get(s % serviceTemplates.size());
				int round = s / serviceTemplates.size();
				municipality.serviceKeys[s] = template.get("key") + (round == 0 ? "" : "-" + (round + 1));
				municipality.services[s] = DeterministicIds.of(municipality.slug, "service", municipality.serviceKeys[s]);
				municipality.serviceUnits[s] = s % units;
			}
			municipality.citizenFrom = citizenStart;
			citizenStart += (int) Scale.share(scale.citizens(), i, m);
			municipality.citizenTo = citizenStart;
			municipalities.add(municipality);
		}
		int citizens = citizenStart;
		citizenIds = new UUID[citizens];
		citizenMunicipality = new int[citizens];
		citizenUnit = new int[citizens];
		citizenNames = new String[citizens];
		for (var municipality : municipalities) {
			for (int c = municipality.citizenFrom; c < municipality.citizenTo; c++) {
				var random = random(1, c);
				citizenIds[c] = uuid(random);
				citizenMunicipality[c] = municipality.index;
				citizenUnit[c] = random.nextInt(municipality.units.length);
				citizenNames[c] = kind(c).equals("IDENTIFIED") ? names.person() : null;
			}
		}

		loadMunicipalities(names);
		loadServices(names);
		loadStaff();
		loadCitizens(names);
		loadInvolvements();
		loadConsents();
		loadLegalBases();
		loadEmergencyAccess();
		loadNotes();
		loadAudit();
		loadPlans();
		loadPlaces();
		loadReferrals();
	}

	private static String role(int j, int units) {
		if (j < units) {
			return "CASEWORKER";
		}
		int k = j - units;
		return switch (k) {
			case 0 -> "ADMINISTRATOR";
			case 1 -> "DATA_PROTECTION_OFFICER";
			case 2 -> "TEAM_LEAD";
			case 3 -> "CATALOG_EDITOR";
			default -> switch (k % 20) {
				case 0, 1 -> "TEAM_LEAD";
				case 2 -> "CATALOG_EDITOR";
				case 3 -> "UNIT_EDITOR";
				case 4, 5 -> "OUTREACH_WORKER";
				case 6 -> k % 200 == 6 ? "DATA_PROTECTION_OFFICER" : "CASEWORKER";
				default -> "CASEWORKER";
			};
		};
	}

	private TableSink sink(String table, long total, String... columns) {
		return TableSink.open(connection, postgres, table, List.of(columns), progress.start(table, total));
	}

	private void done(TableSink sink) {
		sink.close();
		progress.finish(sink.counter);
	}

	private void loadMunicipalities(NamePool names) throws SQLException {
		var sink = sink("municipality", municipalities.size(), "id", "municipality_id", "slug", "name", "short_name",
				"address", "website", "created_at");
		for (var m : municipalities) {
			sink.row(m.id, m.id, m.slug, m.name + " Kommune", m.name, names.street() + ", " + m.name,
					"https://" + m.slug + ".syntetisk.invalid", now);
		}
		done(sink);
		var units = sink("organisational_unit", municipalities.stream().mapToLong(m -> m.units.length).sum(), "id",
				"municipality_id", "unit_key", "name", "parent_id", "description", "position");
		for (var m : municipalities) {
			for (int u = 0; u < m.units.length; u++) {
				units.row(m.units[u], m.id, UNIT_KEYS[u], UNIT_NAMES[u], u == 0 ? null : m.units[0],
						"Syntetisk enhed i " + m.name + " Kommune.", u + 1);
			}
		}
		done(units);
		var partners = sink("partner_organisation", (long) municipalities.size() * PARTNERS.length, "id",
				"municipality_id", "partner_key", "name", "kind", "description", "website", "position");
		for (var m : municipalities) {
			for (int p = 0; p < PARTNERS.length; p++) {
				partners.row(m.partners[p], m.id, PARTNERS[p][0], PARTNERS[p][1] + " " + m.name, PARTNERS[p][2],
						"Syntetisk samarbejdspartner.", null, p + 1);
			}
		}
		done(partners);
		var catalogs = sink("catalog", municipalities.size(), "id", "municipality_id", "title", "edition",
				"edition_label", "published", "owning_unit_id", "contact_role", "contact_name", "introduction");
		for (var m : municipalities) {
			catalogs.row(DeterministicIds.of(m.slug, "catalog"), m.id, "Indsatskatalog (syntetisk)", 1, "1. udgave",
					today.minusMonths(3), m.units[0], "Konsulent", names.person(),
					"Et syntetisk indsatskatalog til afprøvning af Helhed i national skala.");
		}
		done(catalogs);
	}

	@SuppressWarnings("unchecked")
	private void loadServices(NamePool names) {
		var sink = sink("service", scale.services(), "id", "municipality_id", "service_key", "name", "summary",
				"description", "owning_unit_id", "provider_id", "access_mode", "deciding_unit_id", "first_step",
				"target_group", "minimum_age", "maximum_age", "charge", "location_name", "street", "postal_code", "city",
				"schedule_note", "phone", "email", "url", "legal_basis", "status", "last_verified", "created_at",
				"updated_at", "version");
		for (var m : municipalities) {
			var random = random(2, m.index);
			for (int s = 0; s < m.services.length; s++) {
				var t = serviceTemplates.get(s % serviceTemplates.size());
				int round = s / serviceTemplates.size();
				var access = (Map<String, Object>) t.getOrDefault("access", Map.of());
				var eligibility = (Map<String, Object>) t.getOrDefault("eligibility", Map.of());
				var location = (Map<String, Object>) t.get("location");
				String mode = capacity(s) ? "ASSESSMENT_DECISION" : String.valueOf(access.getOrDefault("mode", "OPEN"));
				String name = t.get("name") + (round == 0 ? "" : " " + VARIANTS[(round - 1) % VARIANTS.length]);
				Integer min = (Integer) eligibility.get("minAge");
				Integer max = (Integer) eligibility.get("maxAge");
				sink.row(m.services[s], m.id, m.serviceKeys[s], cut(name, 200), cut(text(t.get("summary")), 300),
						cut(text(t.get("description")), 6000), m.units[m.serviceUnits[s]],
						random.nextInt(4) == 0 ? m.partners[random.nextInt(m.partners.length)] : null, mode,
						mode.equals("ASSESSMENT_DECISION") ? m.units[1 % m.units.length] : null,
						cut(text(access.getOrDefault("firstStep", "Kontakt os.")), 1000),
						cut(text(t.getOrDefault("targetGroup", "Voksne i kommunen.")), 2000), min,
						min != null && max != null && max < min ? null : max, String.valueOf(t.getOrDefault("charge", "FREE")),
						location == null ? null : cut(text(location.get("name")), 200), names.street(),
						String.valueOf(6000 + random.nextInt(3000)), m.name, cut(text(t.get("scheduleNote")), 1000),
						"+45 " + (70000000 + random.nextInt(10000000)), "indsats@" + m.slug + ".syntetisk.invalid", null,
						null, "ACTIVE", today.minusDays(random.nextInt(120)), now, now, 1);
			}
		}
		done(sink);
		var capacities = sink("service_capacity",
				municipalities.stream().mapToLong(m -> (m.services.length + 2) / 5).sum(), "id", "service_id",
				"municipality_id", "position", "unit_name", "maximum", "available", "description", "updated_at");
		for (var m : municipalities) {
			for (int s = 0; s < m.services.length; s++) {
				if (capacity(s)) {
					int max = places(m, s);
					capacities.row(capacityId(m, s), m.services[s], m.id, 1, "pladser", max, null, null, now);
				}
			}
		}
		done(capacities);
	}

	private static boolean capacity(int service) {
		return service % 5 == 2;
	}

	private int places(Municipality m, int service) {
		return 4 + (int) ((m.index * 7L + service * 13L) % 13);
	}

	private static UUID capacityId(Municipality m, int service) {
		return DeterministicIds.of(m.slug, "capacity", m.serviceKeys[service]);
	}

	private static String text(Object value) {
		return value == null ? null : value.toString().strip();
	}

	private static String cut(String value, int length) {
		return value == null || value.length() <= length ? value : value.substring(0, length);
	}

	private void loadStaff() throws SQLException {
		var sink = sink("staff_user", scale.staff(), "id", "municipality_id", "username", "display_name", "email",
				"partner_id", "password_hash", "enabled", "failed_logins", "created_at", "version");
		for (var m : municipalities) {
			for (var s : m.staff) {
				sink.row(s.id, m.id, s.username, s.name, s.username + "@syntetisk.invalid", null, passwordHash, true, 0,
						now, 0);
			}
		}
		done(sink);
		var roles = sink("staff_role", scale.staff(), "user_id", "municipality_id", "role");
		for (var m : municipalities) {
			for (var s : m.staff) {
				roles.row(s.id, m.id, s.role);
			}
		}
		done(roles);
		var units = sink("staff_unit", scale.staff(), "user_id", "municipality_id", "unit_id");
		for (var m : municipalities) {
			for (var s : m.staff) {
				units.row(s.id, m.id, m.units[s.unit]);
			}
		}
		done(units);
		if (tableExists("login_name")) {
			var logins = sink("login_name", scale.staff(), "username", "municipality_id", "staff_id");
			for (var m : municipalities) {
				for (var s : m.staff) {
					logins.row(s.username, m.id, s.id);
				}
			}
			done(logins);
		}
	}

	String kind(int citizen) {
		return citizen % 10 == 9 ? "ANONYMOUS" : "IDENTIFIED";
	}

	/**
	 * A valid-looking CPR number, unique per citizen: a real date of birth from 1940 to 1999 and a serial whose first
	 * digit (0 to 3) places the birth in the 1900s, as {@code CprNumber} reads it.
	 */
	static String cpr(int citizen) {
		var born = born(citizen);
		int serial = (int) ((citizen / 21_900L * 7919) % 4_000);
		return String.format(Locale.ROOT, "%02d%02d%02d%04d", born.getDayOfMonth(), born.getMonthValue(),
				born.getYear() % 100, serial);
	}

	static LocalDate born(int citizen) {
		return LocalDate.of(1940, 1, 1).plusDays(citizen % 21_900);
	}

	String encrypt(String digits) {
		try {
			var nonce = new byte[12];
			var random = random(3, digits.hashCode());
			for (int i = 0; i < nonce.length; i++) {
				nonce[i] = (byte) random.nextInt(256);
			}
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
			var sealed = cipher.doFinal(digits.getBytes(StandardCharsets.US_ASCII));
			var all = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, all, 0, nonce.length);
			System.arraycopy(sealed, 0, all, nonce.length, sealed.length);
			return "v1:" + Base64.getEncoder().encodeToString(all);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String hash(String digits) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(hashKey);
			return java.util.HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void loadCitizens(NamePool names) {
		var sink = sink("citizen", citizenIds.length, "id", "municipality_id", "kind", "cpr_encrypted", "cpr_hash",
				"name", "pseudonym", "birth_year", "phone", "email", "address", "preferred_language", "status",
				"closed_on", "synthetic", "created_at", "created_by", "version");
		for (int c = 0; c < citizenIds.length; c++) {
			var m = municipalities.get(citizenMunicipality[c]);
			var random = random(4, c);
			boolean identified = kind(c).equals("IDENTIFIED");
			var digits = cpr(c);
			boolean closed = c % 20 == 13;
			int birthYear = born(c).getYear();
			sink.row(citizenIds[c], m.id, kind(c), identified ? encrypt(digits) : null, identified ? hash(digits) : null,
					citizenNames[c], identified ? null : "Anonym " + (1000 + c), identified ? birthYear : null,
					identified ? "+45 " + (20000000 + random.nextInt(10000000)) : null, null,
					identified ? names.street() + ", " + m.name : null, "da", closed ? "CLOSED" : "OPEN",
					closed ? today.minusDays(random.nextInt(300)) : null, true, created(c), caseworker(m, citizenUnit[c], random).id,
					0);
		}
		done(sink);
	}

	Instant created(int citizen) {
		return now.minus(Duration.ofDays(400 + citizen % 700));
	}

	private Staff caseworker(Municipality m, int unit, SplittableRandom random) {
		var list = m.caseworkers[unit];
		return m.staff[list[random.nextInt(list.length)]];
	}

	/** Which extra party a citizen has: -1 none; otherwise the index of a second unit. */
	private int secondUnit(Municipality m, int citizen) {
		if (citizen % 3 != 0 || m.units.length < 2) {
			return -1;
		}
		return (citizenUnit[citizen] + 1 + citizen % (m.units.length - 1)) % m.units.length;
	}

	/** A citizen's consent state: 0 none, 1 active, 2 expired, 3 withdrawn. */
	static int consentState(int citizen) {
		return switch (citizen % 12) {
			case 0, 3, 6 -> 1;
			case 1, 4 -> 2;
			case 7 -> 3;
			default -> 0;
		};
	}

	private static boolean legalBasis(int citizen) {
		return citizen % 12 == 9;
	}

	private void loadInvolvements() {
		var sink = sink("involvement", citizenIds.length * 14L / 10, "id", "municipality_id", "citizen_id", "unit_id",
				"partner_id", "basis", "basis_ref", "since", "ended_on", "recorded_by", "recorded_at", "reason");
		for (int c = 0; c < citizenIds.length; c++) {
			var m = municipalities.get(citizenMunicipality[c]);
			var random = random(5, c);
			var since = created(c);
			var recorder = caseworker(m, citizenUnit[c], random);
			sink.row(uuid(random), m.id, citizenIds[c], m.units[citizenUnit[c]], null, "OWN_CASE", null,
					date(since), null, recorder.id, since, null);
			int second = secondUnit(m, c);
			if (second >= 0 && (consentState(c) == 1 || legalBasis(c))) {
				sink.row(uuid(random), m.id, citizenIds[c], m.units[second], null,
						consentState(c) == 1 ? "CONSENT" : "LEGAL_BASIS", null, date(since.plus(Duration.ofDays(30))), null,
						recorder.id, since.plus(Duration.ofDays(30)), null);
			}
			if (c % 7 == 2) {
				sink.row(uuid(random), m.id, citizenIds[c], null, m.partners[c % m.partners.length], "INVOLVED_BY_UNIT",
						null, date(since.plus(Duration.ofDays(60))), null, recorder.id, since.plus(Duration.ofDays(60)),
						"Borgeren ønsker, at partneren er med i forløbet.");
			}
		}
		done(sink);
	}

	private void loadConsents() {
		var consents = sink("consent", citizenIds.length / 2, "id", "municipality_id", "citizen_id", "purpose",
				"categories", "given_on", "expires_on", "given_how", "recorded_by", "recorded_at", "withdrawn_at",
				"withdrawn_by", "recorded_unit_id", "recorded_partner_id", "signed_reference", "withdrawal_words");
		var recipients = new ArrayList<Object[]>();
		for (int c = 0; c < citizenIds.length; c++) {
			int state = consentState(c);
			var m = municipalities.get(citizenMunicipality[c]);
			if (state == 0) {
				continue;
			}
			var random = random(6, c);
			var recorder = caseworker(m, citizenUnit[c], random);
			var id = uuid(random);
			LocalDate given = state == 2 ? today.minusDays(400 + random.nextInt(200)) : today.minusDays(random.nextInt(200));
			LocalDate expires = state == 2 ? given.plusDays(365) : given.plusDays(365 + random.nextInt(365));
			var recordedAt = given.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(10));
			var withdrawn = state == 3 ? recordedAt.plus(Duration.ofDays(20)) : null;
			consents.row(id, m.id, citizenIds[c], "Samarbejde om borgerens forløb", "HOUSING,NOTES", given, expires,
					c % 3 == 0 ? "WRITTEN" : c % 3 == 1 ? "VERBAL" : "DIGITAL", recorder.id, recordedAt, withdrawn,
					withdrawn == null ? null : recorder.id, m.units[citizenUnit[c]], null, null,
					withdrawn == null ? null : "Borgeren ønsker ikke længere, at oplysningerne deles.");
			int second = secondUnit(m, c);
			int unit = second >= 0 ? second : (citizenUnit[c] + 1) % m.units.length;
			recipients.add(new Object[] { id, m.id, 1, m.units[unit], null });
			if (c % 2 == 0) {
				recipients.add(new Object[] { id, m.id, 2, null, m.partners[c % m.partners.length] });
			}
		}
		done(consents);
		var sink = sink("consent_recipient", recipients.size(), "consent_id", "municipality_id", "position", "unit_id",
				"partner_id");
		recipients.forEach(sink::row);
		done(sink);
	}

	private void loadLegalBases() {
		var sink = sink("legal_basis", citizenIds.length / 12, "id", "municipality_id", "citizen_id", "basis_code",
				"categories", "unit_id", "partner_id", "valid_until", "recorded_by", "recorded_at", "revoked_at",
				"recorded_unit_id");
		for (int c = 0; c < citizenIds.length; c++) {
			if (!legalBasis(c)) {
				continue;
			}
			var m = municipalities.get(citizenMunicipality[c]);
			var random = random(7, c);
			int second = secondUnit(m, c);
			int unit = second >= 0 ? second : (citizenUnit[c] + 1) % m.units.length;
			var recorder = caseworker(m, citizenUnit[c], random);
			sink.row(uuid(random), m.id, citizenIds[c], c % 2 == 0 ? "RETSSIKKERHEDSLOVEN_11B" : "RETSPLEJELOVEN_115",
					"HOUSING,NOTES", m.units[unit], null, today.plusDays(30 + random.nextInt(300)), recorder.id,
					now.minus(Duration.ofDays(random.nextInt(100))), null, m.units[citizenUnit[c]]);
		}
		done(sink);
	}

	private void loadEmergencyAccess() {
		var sink = sink("emergency_access", citizenIds.length / 50, "id", "municipality_id", "citizen_id", "staff_id",
				"unit_id", "reason", "granted_at", "expires_at", "seen_by_lead", "seen_at", "reviewer_id");
		for (int c = 0; c < citizenIds.length; c++) {
			if (c % 50 != 17) {
				continue;
			}
			var m = municipalities.get(citizenMunicipality[c]);
			var random = random(8, c);
			int unit = (citizenUnit[c] + 1) % m.units.length;
			var staff = caseworker(m, unit, random);
			var granted = now.minus(Duration.ofHours(1 + random.nextInt(2000)));
			sink.row(uuid(random), m.id, citizenIds[c], staff.id, m.units[unit],
					"Borgeren var i akut krise, og vagten havde brug for kontaktoplysninger.", granted,
					granted.plus(Duration.ofHours(8)), null, null, null);
		}
		done(sink);
	}

	private void loadNotes() {
		var sink = sink("case_note", scale.notes(), "id", "municipality_id", "citizen_id", "unit_id", "partner_id",
				"service_id", "category", "text", "written_by", "written_by_name", "written_at");
		var text = new StringBuilder();
		for (int c = 0; c < citizenIds.length; c++) {
			var m = municipalities.get(citizenMunicipality[c]);
			var random = random(9, c);
			long notes = Scale.share(scale.notes(), c, citizenIds.length);
			int second = secondUnit(m, c);
			long start = created(c).getEpochSecond();
			long span = now.getEpochSecond() - start;
			for (long n = 0; n < notes; n++) {
				int unit = second >= 0 && consentState(c) == 1 && random.nextInt(5) == 0 ? second : citizenUnit[c];
				var writer = caseworker(m, unit, random);
				text.setLength(0);
				int sentences = 2 + random.nextInt(4);
				for (int k = 0; k < sentences; k++) {
					if (k > 0) {
						text.append(' ');
					}
					text.append(NOTE_SENTENCES[random.nextInt(NOTE_SENTENCES.length)]);
				}
				sink.row(uuid(random), m.id, citizenIds[c], m.units[unit], null,
						random.nextInt(3) == 0 ? m.services[random.nextInt(m.services.length)] : null,
						CATEGORIES[random.nextInt(CATEGORIES.length)], text.toString(), writer.id, writer.name,
						Instant.ofEpochSecond(start + (span * (n + 1)) / (notes + 1)));
			}
		}
		done(sink);
	}

	private void loadAudit() {
		var sink = sink("audit_event", scale.audit(), "id", "municipality_id", "occurred_at", "actor_id", "actor_name",
				"actor_unit_id", "actor_role", "partner_id", "citizen_id", "action", "category", "basis", "basis_ref",
				"purpose", "resource", "criterion", "outcome");
		for (int c = 0; c < citizenIds.length; c++) {
			var m = municipalities.get(citizenMunicipality[c]);
			var random = random(10, c);
			long rows = Scale.share(scale.audit(), c, citizenIds.length);
			long start = created(c).getEpochSecond();
			long span = now.getEpochSecond() - start;
			for (long n = 0; n < rows; n++) {
				var at = Instant.ofEpochSecond(start + (span * (n + 1)) / (rows + 1));
				int pick = random.nextInt(100);
				if (pick == 0) {
					int unit = (citizenUnit[c] + 1) % m.units.length;
					var actor = caseworker(m, unit, random);
					sink.row(uuid(random), m.id, at, actor.id, actor.username, m.units[unit], "CASEWORKER", null,
							citizenIds[c], "READ", "health", "NONE", null, null, "timeline", null, "REFUSED");
					continue;
				}
				var actor = caseworker(m, citizenUnit[c], random);
				String action = pick < 80 ? "READ" : pick < 92 ? "CREATE" : pick < 97 ? "UPDATE" : pick < 98 ? "EXPORT" : "SEARCH";
				sink.row(uuid(random), m.id, at, actor.id, actor.username, m.units[citizenUnit[c]], "CASEWORKER", null,
						citizenIds[c], action,
						action.equals("SEARCH") ? null : CATEGORIES[random.nextInt(CATEGORIES.length)].toLowerCase(Locale.ROOT),
						"OWN_CASE", null, null, action.equals("SEARCH") ? "citizen-search" : action.equals("READ") ? "timeline" : "case-note",
						action.equals("SEARCH") ? "navn" : null, "ALLOWED");
			}
		}
		done(sink);
	}

	private void loadPlans() {
		int plans = Math.min(scale.plans(), citizenIds.length);
		int versions = Math.max(plans, scale.planVersions());
		var heads = sink("shared_plan", plans, "municipality_id", "id", "citizen_id", "current_version",
				"next_follow_up", "created_at");
		for (int p = 0; p < plans; p++) {
			int c = (int) ((long) p * citizenIds.length / plans);
			var m = municipalities.get(citizenMunicipality[c]);
			heads.row(m.id, planId(p), citizenIds[c], (int) Scale.share(versions, p, plans),
					today.plusDays(10 + p % 90), created(c).plus(Duration.ofDays(5)));
		}
		done(heads);
		var sink = sink("shared_plan_version", versions, "municipality_id", "plan_id", "number", "content",
				"change_kind", "change_item", "changed_by", "unit_id", "partner_id", "changed_at");
		for (int p = 0; p < plans; p++) {
			int c = (int) ((long) p * citizenIds.length / plans);
			var m = municipalities.get(citizenMunicipality[c]);
			var random = random(11, c);
			int count = (int) Scale.share(versions, p, plans);
			var party = new Recipient(m.units[citizenUnit[c]], null);
			var by = caseworker(m, citizenUnit[c], random);
			var at = created(c).plus(Duration.ofDays(5));
			var followUp = today.plusDays(10 + p % 90);
			var basics = new Plans.Basics("Jeg vil gerne have mit eget sted at bo.", "At borgeren får en stabil hverdag.",
					"Støtte i hjemmet to gange om ugen.", "Et år", null, Plans.Offer.ACCEPTED, null,
					Plans.Participation.PRESENT, null, null, followUp);
			var goals = new ArrayList<Plans.Goal>();
			var actions = new ArrayList<Plans.Action>();
			var followUps = new ArrayList<Plans.FollowUp>();
			for (int v = 1; v <= count; v++) {
				String kind;
				UUID item = null;
				if (v == 1) {
					kind = "BASICS";
				}
				else if (v % 3 == 2) {
					kind = "GOAL";
					item = uuid(random);
					goals.add(new Plans.Goal(item, subThemes.get(random.nextInt(subThemes.size())),
							levels.get(random.nextInt(levels.size())), Plans.GoalType.DEVELOP,
							"Borgeren klarer selv at handle ind.", today.plusDays(180), "Borgeren fortæller det ved opfølgningen.",
							party));
				}
				else if (v % 3 == 0) {
					kind = "ACTION";
					item = uuid(random);
					actions.add(new Plans.Action(item, goals.getLast().id(), party,
							m.services[random.nextInt(m.services.length)], "Bostøtte hjælper med indkøb hver uge.",
							today.minusDays(10), today.plusDays(170), party));
				}
				else {
					kind = "FOLLOW_UP";
					item = uuid(random);
					followUps.add(new Plans.FollowUp(item, today.minusDays(5), Plans.Outcome.CONTINUE,
							"Det går godt. Vi fortsætter.", followUp, party));
				}
				var content = new Plans.Content(basics, party, false, List.copyOf(goals), List.copyOf(actions),
						List.copyOf(followUps));
				sink.row(m.id, planId(p), v, json.writeValueAsString(content), kind, item, by.id, party.unitId(), null,
						at.plus(Duration.ofDays(v)));
			}
		}
		done(sink);
	}

	private UUID planId(int plan) {
		return uuid(random(12, plan));
	}

	private void loadPlaces() {
		long places = 0;
		for (var m : municipalities) {
			for (int s = 0; s < m.services.length; s++) {
				if (capacity(s)) {
					places += places(m, s);
				}
			}
		}
		var sink = sink("place", places, "municipality_id", "id", "service_id", "capacity_id", "number", "version");
		for (var m : municipalities) {
			for (int s = 0; s < m.services.length; s++) {
				if (capacity(s)) {
					for (int n = 1; n <= places(m, s); n++) {
						sink.row(m.id, placeId(m, s, n), m.services[s], capacityId(m, s), n, 0);
					}
				}
			}
		}
		done(sink);
		var entries = sink("waiting_list_entry", places, "municipality_id", "id", "service_id", "citizen_id",
				"owner_unit_id", "urgency", "requested_on", "tie_breaker", "status", "active_citizen_id", "created_at",
				"created_by", "ended_at", "end_reason", "version");
		var allocations = new ArrayList<Object[]>();
		for (var m : municipalities) {
			int citizens = m.citizenTo - m.citizenFrom;
			for (int s = 0; s < m.services.length; s++) {
				if (!capacity(s)) {
					continue;
				}
				var random = random(13, m.index * 100_000 + s);
				int count = places(m, s);
				int start = random.nextInt(citizens);
				int used = 0;
				// Occupied places, and one earlier stay that ended, per place.
				for (int n = 1; n <= count && used < citizens; n++) {
					int c = m.citizenFrom + (start + used++) % citizens;
					var by = caseworker(m, citizenUnit[c], random);
					var begun = now.minus(Duration.ofDays(30 + random.nextInt(300)));
					if (n * 4 <= count * 3) {
						allocations.add(new Object[] { m.id, uuid(random), placeId(m, s, n), m.services[s], citizenIds[c],
								"OCCUPANCY", "ACTIVE", begun, null, null, null, null, by.id, null, null, null,
								placeId(m, s, n), null });
					}
					int earlier = m.citizenFrom + (start + citizens / 2 + n) % citizens;
					allocations.add(new Object[] { m.id, uuid(random), placeId(m, s, n), m.services[s], citizenIds[earlier],
							"OCCUPANCY", "ENDED", begun.minus(Duration.ofDays(400)), null, null, begun.minus(Duration.ofDays(40)),
							"MOVED_OUT", by.id, null, null, null, null, null });
				}
				// The waiting list: distinct citizens while they wait, and some who were placed or removed.
				for (int k = 0; k < count && used < citizens; k++) {
					int c = m.citizenFrom + (start + used++) % citizens;
					var by = caseworker(m, citizenUnit[c], random);
					String status = k % 4 == 3 ? "PLACED" : k % 6 == 5 ? "REMOVED" : "WAITING";
					boolean active = status.equals("WAITING");
					var created = now.minus(Duration.ofDays(5 + random.nextInt(200)));
					entries.row(m.id, uuid(random), m.services[s], citizenIds[c], m.units[citizenUnit[c]],
							k % 10 == 0 ? "ACUTE" : k % 3 == 0 ? "HIGH" : "NORMAL", date(created), random.nextInt(1_000_000),
							status, active ? citizenIds[c] : null, created, by.id, active ? null : created.plus(Duration.ofDays(3)),
							active ? null : status.equals("PLACED") ? "PLACED" : "CITIZEN_NO_LONGER_NEEDS", 0);
				}
			}
		}
		done(entries);
		var sinkAllocations = sink("place_allocation", allocations.size(), "municipality_id", "id", "place_id",
				"service_id", "citizen_id", "kind", "status", "started_at", "expires_at", "planned_move_out", "ended_at",
				"end_reason", "created_by", "waiting_entry_id", "rule_version", "rule_inputs", "active_place_id",
				"active_offer_citizen_id");
		allocations.forEach(sinkAllocations::row);
		done(sinkAllocations);
	}

	private static UUID placeId(Municipality m, int service, int number) {
		return DeterministicIds.of(m.slug, "place", m.serviceKeys[service], Integer.toString(number));
	}

	private void loadReferrals() {
		var sink = sink("referral", scale.referrals(), "municipality_id", "id", "citizen_id", "service_id",
				"sender_unit_id", "sender_partner_id", "receiver_unit_id", "question", "wished_start", "plan_action_id",
				"status", "reason_code", "outcome", "created_at", "created_by", "first_answer_at", "outcome_at",
				"loop_closed_at", "version");
		for (int c = 0; c < citizenIds.length; c++) {
			var m = municipalities.get(citizenMunicipality[c]);
			var random = random(14, c);
			long count = Scale.share(scale.referrals(), c, citizenIds.length);
			for (long r = 0; r < count; r++) {
				int s = random.nextInt(m.services.length);
				var by = caseworker(m, citizenUnit[c], random);
				String status = STATUSES[random.nextInt(STATUSES.length)];
				var created = now.minus(Duration.ofDays(1 + random.nextInt(600)));
				boolean answered = !status.equals("REQUESTED");
				boolean closed = status.equals("COMPLETED") || status.equals("REJECTED") || status.equals("CANCELLED")
						|| status.equals("FAILED");
				sink.row(m.id, uuid(random), citizenIds[c], m.services[s], m.units[citizenUnit[c]], null,
						m.units[m.serviceUnits[s]], QUESTIONS[random.nextInt(QUESTIONS.length)], date(created).plusDays(14),
						null, status,
						status.equals("REJECTED") || status.equals("CANCELLED") || status.equals("FAILED")
								? REASONS[random.nextInt(REASONS.length)] : null,
						status.equals("COMPLETED") ? "Borgeren har fået hjælpen, og forløbet er afsluttet." : null, created,
						by.id, answered ? created.plus(Duration.ofDays(2)) : null,
						closed ? created.plus(Duration.ofDays(40)) : null, closed ? created.plus(Duration.ofDays(41)) : null, 0);
			}
		}
		done(sink);
	}

	// ------------------------------------------------------------------------------------------------- helpers

	private SplittableRandom random(int table, long index) {
		return new SplittableRandom(seed * 1_000_003L + table * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L);
	}

	/** A random (version 4) UUID from the generator's own random numbers: fast, and repeatable for a seed. */
	static UUID uuid(SplittableRandom random) {
		long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
		long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

	private static LocalDate date(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	List<Municipality> municipalities() {
		return municipalities;
	}

	UUID citizenId(int citizen) {
		return citizenIds[citizen];
	}

	int citizens() {
		return citizenIds.length;
	}

	int citizenMunicipality(int citizen) {
		return citizenMunicipality[citizen];
	}

	int citizenUnit(int citizen) {
		return citizenUnit[citizen];
	}

	static String unitKey(int unit) {
		return UNIT_KEYS[unit];
	}

	String status(int citizen) {
		return citizen % 20 == 13 ? "CLOSED" : "OPEN";
	}

	/** Refused to run: the database already holds data, and {@code --replace} was not given. */
	static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}
	}

	static final class Municipality {

		final int index;
		final int code;
		final String name;
		final String slug;
		final UUID id;
		UUID[] units;
		UUID[] partners;
		UUID[] services;
		String[] serviceKeys;
		int[] serviceUnits;
		Staff[] staff;
		int[][] caseworkers;
		int staffFrom;
		int citizenFrom;
		int citizenTo;

		Municipality(int index, int code, String name, String slug) {
			this.index = index;
			this.code = code;
			this.name = name;
			this.slug = slug;
			this.id = DeterministicIds.of("municipality", slug);
		}
	}

	record Staff(UUID id, String username, String name, String role, int unit) {
	}

	/** Danish first names, surnames and streets from Datafaker (da-DK), drawn once and combined. */
	static final class NamePool {

		private final String[] first;
		private final String[] last;
		private final String[] streets;
		private final SplittableRandom random;

		NamePool(Faker faker, SplittableRandom random, int draws) {
			this.random = random;
			Set<String> firsts = new HashSet<>();
			Set<String> lasts = new HashSet<>();
			Set<String> streetNames = new HashSet<>();
			for (int i = 0; i < draws; i++) {
				firsts.add(faker.name().firstName());
				lasts.add(faker.name().lastName());
				streetNames.add(faker.address().streetName());
			}
			first = firsts.toArray(String[]::new);
			last = lasts.toArray(String[]::new);
			streets = streetNames.toArray(String[]::new);
			java.util.Arrays.sort(first);
			java.util.Arrays.sort(last);
			java.util.Arrays.sort(streets);
		}

		String person() {
			return first[random.nextInt(first.length)] + " " + last[random.nextInt(last.length)];
		}

		String street() {
			return streets[random.nextInt(streets.length)] + " " + (1 + random.nextInt(120));
		}
	}

	/** The command line. */
	static final class Options {

		static final String USAGE = """
				Usage: scripts/synthetic-denmark.sh [--scale tiny|municipality|national] [--factor F]
				         [--url JDBC_URL] [--user USER] [--password PASSWORD] [--replace] [--feeders DIR] [--seed N]
				Defaults: --scale municipality --url jdbc:postgresql://127.0.0.1:5432/helhed_synthetic --user postgres
				          --feeders target/synthetic-denmark/feeders --seed 14""";

		String scale = "municipality";
		double factor = 1;
		String url = "jdbc:postgresql://127.0.0.1:5432/helhed_synthetic";
		String user = "postgres";
		String password = "";
		boolean replace;
		boolean live = true;
		Path feeders = Path.of("target/synthetic-denmark/feeders");
		long seed = 14;
		String encryptionKey = System.getenv().getOrDefault("HELHED_CRYPTO_CPR_ENCRYPTION_KEY", DEFAULT_ENCRYPTION_KEY);
		String hashKey = System.getenv().getOrDefault("HELHED_CRYPTO_CPR_HASH_KEY", DEFAULT_HASH_KEY);

		static Options parse(String... args) {
			var options = new Options();
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				switch (arg) {
					case "--replace" -> options.replace = true;
					case "--no-progress" -> options.live = false;
					case "--scale", "--factor", "--url", "--user", "--password", "--feeders", "--seed" -> {
						if (i + 1 >= args.length) {
							throw new IllegalArgumentException(arg + " mangler en værdi");
						}
						String value = args[++i];
						switch (arg) {
							case "--scale" -> options.scale = value;
							case "--factor" -> options.factor = Double.parseDouble(value);
							case "--url" -> options.url = value;
							case "--user" -> options.user = value;
							case "--password" -> options.password = value;
							case "--feeders" -> options.feeders = Path.of(value);
							default -> options.seed = Long.parseLong(value);
						}
					}
					default -> throw new IllegalArgumentException("Ukendt valgmulighed: " + arg);
				}
			}
			Scale.of(options.scale, options.factor);
			return options;
		}
	}

	static void writeLines(Path file, List<String> lines) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, lines, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
