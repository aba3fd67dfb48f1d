package dk.helhed.catalog.hsds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import found wrong with a file, record by record and field by field, and what it leaves out. Errors stop
 * the import; notes only tell the editor what the file said that Helhed does not keep.
 */
final class ImportProblems {

	/** Enough to fix a file by; a file with thousands of broken rows does not need thousands of lines. */
	static final int MAX_ERRORS = 500;

	private final List<String> errors = new ArrayList<>();
	private int moreErrors;
	private final Map<String, Integer> notes = new LinkedHashMap<>();
	private final boolean recording;

	private ImportProblems(boolean recording) {
		this.recording = recording;
	}

	static ImportProblems collecting() {
		return new ImportProblems(true);
	}

	/** For reading Helhed's own export of a service back, to compare with the file: its problems do not count. */
	static ImportProblems ignoring() {
		return new ImportProblems(false);
	}

	/** e.g. {@code services.csv, række 3 (id 9f2c…): feltet name mangler}. */
	void field(ImportItem item, String field, String problem) {
		error(item.label() + ": feltet " + field + " " + problem);
	}

	void record(ImportItem item, String problem) {
		error(item.label() + ": " + problem);
	}

	void error(String message) {
		if (!recording) {
			return;
		}
		if (errors.size() < MAX_ERRORS) {
			errors.add(message);
		}
		else {
			moreErrors++;
		}
	}

	/** A note; the same note from many records is shown once, with how many times it applied. */
	void note(String message) {
		if (recording) {
			notes.merge(message, 1, Integer::sum);
		}
	}

	boolean hasErrors() {
		return !errors.isEmpty();
	}

	int errorCount() {
		return errors.size() + moreErrors;
	}

	List<String> errors() {
		var all = new ArrayList<>(errors);
		if (moreErrors > 0) {
			all.add("… og " + moreErrors + " fejl mere. Ret de første, og prøv igen.");
		}
		return all;
	}

	List<String> notes() {
		return notes.entrySet()
			.stream()
			.map(note -> note.getValue() == 1 ? note.getKey() : note.getKey() + " (" + note.getValue() + " gange)")
			.toList();
	}
}
