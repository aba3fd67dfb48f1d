package dk.helhed.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The real application in a JVM of its own, started as an operator starts it ({@code java -cp … dk.helhed.Application})
 * in a working directory of its own, so that its defaults (the H2 database under {@code ./data}, the log file) land
 * there, configured only through environment variables, on a free port. A test can kill it hard ({@code kill -9}) and
 * start it again on the same database.
 * <p>
 * The classpath is the test JVM's own minus the test classes, so the child runs the classes just built. Every process
 * started here is killed when it is closed, and, should the test JVM itself be stopped, by a shutdown hook.
 */
public final class ApplicationProcess implements AutoCloseable {

	/** The exit status Java reports on Linux for a process ended by SIGKILL (128 + 9). */
	public static final int KILLED = 137;

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Process process;
	private final int port;
	private final Path output;
	private final Thread killAtExit;
	private final long startedAt = System.nanoTime();

	private ApplicationProcess(Process process, int port, Path output) {
		this.process = process;
		this.port = port;
		this.output = output;
		this.killAtExit = new Thread(process::destroyForcibly, "kill-application-" + process.pid());
		Runtime.getRuntime().addShutdownHook(killAtExit);
	}

	/**
	 * Starts the application in the given working directory with the given environment variables on top of a clean
	 * environment (this JVM's, without any Spring, Helhed or server settings it may hold) and a free port.
	 *
	 * @param name names the file the application's console output goes to, in the working directory
	 */
	public static ApplicationProcess start(Path workingDirectory, Map<String, String> settings, String name) {
		var port = freePort();
		var output = workingDirectory.resolve(name + ".out");
		var command = new ArrayList<String>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		// C1 only and a bounded heap: the child starts faster on a busy build machine. Neither changes what the
		// application does, only how fast the JIT makes it.
		command.addAll(List.of("-XX:TieredStopAtLevel=1", "-Xmx768m", "-cp", applicationClasspath(),
				"dk.helhed.Application"));
		var builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
		var environment = builder.environment();
		environment.keySet()
			.removeIf(key -> key.startsWith("SPRING_") || key.startsWith("HELHED_") || key.startsWith("SERVER_")
					|| key.startsWith("LOGGING_") || key.equals("JAVA_TOOL_OPTIONS") || key.equals("JDK_JAVA_OPTIONS"));
		environment.putAll(settings);
		environment.put("SERVER_PORT", String.valueOf(port));
		// the operators' port too (8081 by default), so that two processes, or a Helhed running beside, do not collide
		environment.put("HELHED_MANAGEMENT_PORT", String.valueOf(freePort()));
		try {
			return new ApplicationProcess(builder.start(), port, output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the application: " + command, ex);
		}
	}

	public int port() {
		return port;
	}

	public URI base() {
		return URI.create("http://127.0.0.1:" + port);
	}

	/**
	 * Waits until {@code /readyz} (the readiness check on the public port, with the database) answers UP, and fails at once if the process ends first.
	 *
	 * @return the time from the start of the process until it was healthy
	 */
	public Duration awaitHealthy(Duration timeout) {
		await("the application on port " + port + " to be healthy").atMost(timeout)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				if (!process.isAlive()) {
					throw new AssertionError("The application ended with exit status " + process.exitValue()
							+ " before it was healthy:\n" + outputTail(60));
				}
				return healthy();
			});
		return Duration.ofNanos(System.nanoTime() - startedAt);
	}

	/** Kills the process with SIGKILL, as {@code kill -9} does, and returns its exit status. */
	public int kill() {
		process.destroyForcibly();
		return awaitExit(Duration.ofSeconds(60));
	}

	/** Asks the process to stop (SIGTERM, a graceful shutdown) and returns its exit status. */
	public int stop() {
		process.destroy();
		return awaitExit(Duration.ofSeconds(90));
	}

	/** The last lines the application wrote to its console. */
	public String outputTail(int lines) {
		try {
			var all = Files.readAllLines(output);
			return all.subList(Math.max(0, all.size() - lines), all.size()).stream().collect(Collectors.joining("\n"));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			process.destroyForcibly();
			awaitExit(Duration.ofSeconds(60));
		}
		try {
			Runtime.getRuntime().removeShutdownHook(killAtExit);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down, and the hook kills the process
		}
	}

	private int awaitExit(Duration timeout) {
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
				throw new AssertionError("The application did not end within " + timeout + "; killed it");
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IllegalStateException(ex);
		}
	}

	private boolean healthy() {
		try {
			var response = HTTP.send(HttpRequest.newBuilder(base().resolve("/readyz"))
				.timeout(Duration.ofSeconds(5))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** This JVM's classpath without the test classes (found as where this class was loaded from). */
	private static String applicationClasspath() {
		try {
			var testClasses = Path.of(ApplicationProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
				.filter(entry -> !entry.isBlank() && !Path.of(entry).toAbsolutePath().equals(testClasses.toAbsolutePath()))
				.collect(Collectors.joining(java.io.File.pathSeparator));
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
