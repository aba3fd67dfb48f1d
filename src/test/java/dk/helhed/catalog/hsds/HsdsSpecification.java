package dk.helhed.catalog.hsds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the official Open Referral HSDS 3.1 files (schemas, {@code openapi.json} and the specification's examples)
 * are. They are not part of this repository; the setting {@code helhed.hsds-schema} (a system property, e.g.
 * {@code ./mvnw verify -Dhelhed.hsds-schema=/path/to/hsds-schema}, or the environment variable
 * {@code HELHED_HSDS_SCHEMA}) names the folder, and without it the folder {@code ../shared/hsds-schema} next to the
 * checkout is used. The files come from the specification's repository (github.com/openreferral/specification, branch
 * 3.1): the folder holds its {@code schema} folder's files with {@code examples} beside them.
 */
final class HsdsSpecification {

	static final String PROPERTY = "helhed.hsds-schema";
	static final String ENVIRONMENT_VARIABLE = "HELHED_HSDS_SCHEMA";
	static final String DEFAULT_FOLDER = "../shared/hsds-schema";

	/** Files whose absence means the folder is not there or not complete; each test reads more of it. */
	private static final List<String> EXPECTED = List.of("compiled/service.json", "openapi.json",
			"examples/tabular.json", "examples/csv");

	private HsdsSpecification() {
	}

	static Path folder() {
		var configured = System.getProperty(PROPERTY);
		if (configured == null || configured.isBlank()) {
			configured = System.getenv(ENVIRONMENT_VARIABLE);
		}
		if (configured == null || configured.isBlank()) {
			configured = DEFAULT_FOLDER;
		}
		return Path.of(configured).toAbsolutePath().normalize();
	}

	static Path examples() {
		return folder().resolve("examples");
	}

	/** The expected files that are not in the folder; empty when the specification is there. */
	static List<String> missing() {
		var folder = folder();
		return EXPECTED.stream().filter(file -> !Files.exists(folder.resolve(file))).toList();
	}

	/** Says what is missing and how to provide it. */
	static String describeMissing() {
		return "the official HSDS 3.1 files are not in " + folder() + " (missing " + String.join(", ", missing())
				+ "): put the specification's schema folder (with compiled/, openapi.json and examples/) there, or "
				+ "name another folder with -D" + PROPERTY + "=... or " + ENVIRONMENT_VARIABLE + "; default "
				+ DEFAULT_FOLDER + " next to the checkout";
	}
}
