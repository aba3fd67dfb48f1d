package dk.helhed.catalog.hsds;

import java.util.List;

/**
 * The file cannot be imported at all (too large, not UTF-8, not JSON or a zip, malformed): nothing was read into the
 * catalog. The messages say in Danish what is wrong.
 */
class ImportRefused extends RuntimeException {

	private final List<String> problems;

	ImportRefused(String problem) {
		this(List.of(problem));
	}

	ImportRefused(List<String> problems) {
		super(String.join(" ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return problems;
	}
}
