package dk.helhed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.helhed.support.ApplicationProcess;
import dk.helhed.support.StaffBrowser;

/**
 * Every write the application has acknowledged survives a hard kill of the application ({@code kill -9}) in the
 * middle of a load (security.md item 16). The real application runs in a JVM of its own; several caseworkers
 * register anonymous contacts over HTTP as fast as it answers, and each 302 to the new contact's page is an
 * acknowledgement. The process is killed with SIGKILL while requests are in flight, started again on the same
 * database, and then every acknowledged contact must be there, each with its involvement and its audit row (both
 * written in the same transaction as the contact), and nothing half-written.
 */
abstract class DurabilityTests {

	/** Generous: two other builds share this machine's two cores. */
	private static final Duration START = Duration.ofMinutes(4);
	private static final Duration LOAD = Duration.ofSeconds(4);
	private static final int WRITERS = 4;
	private static final int AT_LEAST_ACKNOWLEDGED = 20;
	private static final Pattern CONTACT_PAGE = Pattern.compile("/personale/borgere/([0-9a-f-]{36})$");

	@TempDir
	Path directory;

	/** The environment variables that put the application on the database under test (none: the default). */
	abstract Map<String, String> database();

	/** A connection to the database under test, for when the application has stopped. */
	abstract Connection connectAfterwards() throws SQLException;

	abstract String databaseName();

	/** What the database takes on disk afterwards, for the figures; empty when the test cannot tell. */
	String storage() {
		return "";
	}

	@Test
	void everyAcknowledgedRegistrationSurvivesAHardKillMidLoad() throws Exception {
		var settings = database();
		var run = "Varig-" + UUID.randomUUID().toString().substring(0, 8);
		var acknowledged = new ConcurrentLinkedQueue<UUID>();
		var unexpected = new ConcurrentLinkedQueue<String>();
		var inFlightAtKill = new AtomicInteger();
		var killing = new AtomicBoolean();
		Duration firstStart;
		Duration loadTime;
		int exitStatus;

		try (var application = ApplicationProcess.start(directory, settings, "first-start")) {
			firstStart = application.awaitHealthy(START);
			var writers = Executors.newFixedThreadPool(WRITERS);
			try {
				for (int writer = 0; writer < WRITERS; writer++) {
					var name = run + "-" + writer;
					writers.submit(() -> register(application, name, acknowledged, unexpected, inFlightAtKill,
							killing));
				}
				var loadStarted = System.nanoTime();
				await("at least " + AT_LEAST_ACKNOWLEDGED + " acknowledged registrations").pollDelay(LOAD)
					.atMost(START)
					.until(() -> acknowledged.size() >= AT_LEAST_ACKNOWLEDGED || !unexpected.isEmpty());
				loadTime = Duration.ofNanos(System.nanoTime() - loadStarted);
				killing.set(true);
				exitStatus = application.kill();
			}
			finally {
				writers.shutdown();
				if (!writers.awaitTermination(2, TimeUnit.MINUTES)) {
					writers.shutdownNow();
				}
			}
		}
		assertThat(unexpected).as("answers other than an acknowledgement before the kill").isEmpty();
		assertThat(exitStatus).as("the exit status of a process ended by SIGKILL").isEqualTo(ApplicationProcess.KILLED);

		Duration restart;
		var lastAcknowledged = new ArrayList<>(acknowledged).reversed().stream().limit(5).toList();
		var foundByTheApplication = new HashMap<UUID, Integer>();
		try (var application = ApplicationProcess.start(directory, settings, "restart")) {
			restart = application.awaitHealthy(START);
			var browser = new StaffBrowser(application.base());
			browser.logIn("jobcenter", "demo-Helhed-2026");
			for (var id : lastAcknowledged) {
				foundByTheApplication.put(id, browser.get("/personale/borgere/" + id).status());
			}
			assertThat(application.stop()).as("exit status after a graceful stop").isIn(0, 143);
		}

		var stored = new HashMap<UUID, List<Integer>>();
		int auditRowsWithoutContact;
		try (var connection = connectAfterwards()) {
			try (var statement = connection.prepareStatement("""
					select c.id,
					       (select count(*) from involvement i where i.citizen_id = c.id),
					       (select count(*) from audit_event a where a.citizen_id = c.id and a.action = 'CREATE')
					from citizen c where c.pseudonym like ?""")) {
				statement.setString(1, run + "-%");
				try (var rows = statement.executeQuery()) {
					while (rows.next()) {
						stored.put(rows.getObject(1, UUID.class), List.of(rows.getInt(2), rows.getInt(3)));
					}
				}
			}
			try (var statement = connection.createStatement(); var rows = statement.executeQuery("""
					select count(*) from audit_event a
					where a.action = 'CREATE' and a.citizen_id is not null
					  and not exists (select 1 from citizen c where c.id = a.citizen_id)""")) {
				rows.next();
				auditRowsWithoutContact = rows.getInt(1);
			}
		}

		Set<UUID> missing = new HashSet<>(acknowledged);
		missing.removeAll(stored.keySet());
		var unacknowledgedButCommitted = stored.size() - (acknowledged.size() - missing.size());
		System.out.printf("""
				Durability on %s: first start healthy after %.1f s; %d writers had %d registrations acknowledged in \
				%.1f s (%.0f per second) when the application was killed (exit status %d) with %d requests in flight.
				Restart healthy after %.1f s. Found after the restart: %d of the %d acknowledged registrations \
				(%d missing), plus %d committed whose answer never came. %s%n""", databaseName(),
				seconds(firstStart), WRITERS, acknowledged.size(), seconds(loadTime),
				acknowledged.size() / seconds(loadTime), exitStatus, inFlightAtKill.get(), seconds(restart),
				acknowledged.size() - missing.size(), acknowledged.size(), missing.size(), unacknowledgedButCommitted,
				storage());

		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(AT_LEAST_ACKNOWLEDGED);
		assertThat(missing).as("acknowledged registrations missing after the kill and restart").isEmpty();
		assertThat(stored).as("each stored contact has exactly one involvement and one CREATE audit row")
			.allSatisfy((id, counts) -> assertThat(counts).containsExactly(1, 1));
		assertThat(auditRowsWithoutContact).as("audit rows of a creation whose contact is not there").isZero();
		assertThat(foundByTheApplication).as("the restarted application shows the last acknowledged contacts")
			.allSatisfy((id, status) -> assertThat(status).isEqualTo(200));
	}

	/**
	 * One caseworker's session: registers anonymous contacts one after another until the application stops
	 * answering. A request the application never answered is not acknowledged.
	 */
	private static void register(ApplicationProcess application, String name, ConcurrentLinkedQueue<UUID> acknowledged,
			ConcurrentLinkedQueue<String> unexpected, AtomicInteger inFlightAtKill, AtomicBoolean killing) {
		var browser = new StaffBrowser(application.base());
		String token;
		try {
			browser.logIn("jobcenter", "demo-Helhed-2026");
			token = StaffBrowser.csrfToken(browser.get("/personale/borgere"));
		}
		catch (IOException | AssertionError ex) {
			unexpected.add(name + " could not log in: " + ex);
			return;
		}
		for (int n = 1; !Thread.currentThread().isInterrupted(); n++) {
			try {
				var answer = browser.post("/personale/borgere/anonym", token,
						Map.of("pseudonym", name + "-" + n, "birthYear", "1980"));
				var page = answer.location() == null ? null : CONTACT_PAGE.matcher(answer.location());
				if (answer.status() == 302 && page != null && page.find()) {
					acknowledged.add(UUID.fromString(page.group(1)));
				}
				else if (!killing.get()) {
					unexpected.add(name + "-" + n + " was answered " + answer.status() + " " + answer.location());
					return;
				}
			}
			catch (IOException ex) {
				if (killing.get()) {
					inFlightAtKill.incrementAndGet();
				}
				else {
					unexpected.add(name + "-" + n + " failed before the kill: " + ex);
				}
				return;
			}
		}
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}
}
