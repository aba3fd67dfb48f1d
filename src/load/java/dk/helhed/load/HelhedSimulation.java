package dk.helhed.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Helhed under load: every group of users at once, with the floor measured in the same run (docs/scale.md, "Load
 * harness"). Started by {@code scripts/load.sh}; the settings are system properties:
 * <ul>
 * <li>{@code baseUrl}: the instance, e.g. {@code http://127.0.0.1:18380}</li>
 * <li>{@code feeders}: the folder with staff.csv, citizens.csv, services.csv and queries.csv</li>
 * <li>{@code profile}: {@code smoke} (about a minute, a few users of each kind) or {@code national} (100 concurrent
 * staff sessions for 10 minutes: 80 caseworkers, 10 data-protection officers, 10 editors; plus citizens and API
 * clients)</li>
 * </ul>
 */
public class HelhedSimulation extends Simulation {

	private record Profile(Duration length, Duration rampUp, int caseworkers, int officers, int editors,
			double citizensPerSecond, double apiClientsPerSecond, double floorPerSecond, Duration minPause,
			Duration maxPause, int rounds, int apiPages) {

		static Profile named(String name) {
			return switch (name) {
				case "smoke" -> new Profile(Duration.ofSeconds(60), Duration.ofSeconds(5), 4, 1, 1, 1, 0.5, 2,
						Duration.ofMillis(300), Duration.ofMillis(1000), 3, 3);
				case "national" -> new Profile(Duration.ofMinutes(10), Duration.ofSeconds(30), 80, 10, 10, 8, 1, 5,
						Duration.ofSeconds(1), Duration.ofSeconds(3), 5, 10);
				default -> throw new IllegalArgumentException("Unknown load profile " + name + ": smoke or national");
			};
		}

	}

	public HelhedSimulation() {
		var baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:18380");
		var feeders = Path.of(System.getProperty("feeders", "src/load/feeders/demo")).toAbsolutePath();
		var profileName = System.getProperty("profile", "smoke");
		var profile = Profile.named(profileName);
		var data = new LoadData(feeders);
		var scenarios = new Scenarios(data, profile.minPause(), profile.maxPause(), profile.rounds());
		System.out.printf("Load profile %s against %s with the data in %s%n", profileName, baseUrl, feeders);

		var protocol = http.baseUrl(baseUrl)
			.acceptHeader("text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8")
			.acceptLanguageHeader("da-DK,da;q=0.9,en;q=0.5")
			.acceptEncodingHeader("gzip, deflate")
			.userAgentHeader("Helhed load harness (Gatling)");

		List<PopulationBuilder> populations = new ArrayList<>();
		var length = profile.length();
		populations.add(scenarios.floor().injectOpen(constantUsersPerSec(profile.floorPerSecond()).during(length)));
		populations.add(scenarios.citizens().injectOpen(constantUsersPerSec(profile.citizensPerSecond()).during(length)));
		populations.add(scenarios.apiClients(profile.apiPages())
			.injectOpen(constantUsersPerSec(profile.apiClientsPerSecond()).during(length)));
		populations.add(staff(scenarios.caseworkers(), profile.caseworkers(), profile));
		populations.add(staff(scenarios.dataProtectionOfficers(), profile.officers(), profile));
		if (data.hasEditorPairs()) {
			populations.add(staff(scenarios.editors(), profile.editors(), profile));
		}
		else {
			System.out.println("NOT RUN: editors approving a change (staff.csv has no UNIT_EDITOR in a municipality "
					+ "with a CATALOG_EDITOR, so nobody proposes the change they would approve)");
		}

		setUp(populations).protocols(protocol).maxDuration(length.plus(profile.rampUp()).plusMinutes(2));
	}

	/** Staff sessions are a closed model: this many at once, each logging in, working a few rounds, logging out. */
	private static PopulationBuilder staff(io.gatling.javaapi.core.ScenarioBuilder scenario, int concurrent,
			Profile profile) {
		return scenario.injectClosed(rampConcurrentUsers(0).to(concurrent).during(profile.rampUp()),
				constantConcurrentUsers(concurrent).during(profile.length().minus(profile.rampUp())));
	}

}
