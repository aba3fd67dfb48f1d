package dk.helhed.catalog.hsds;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * What an import of an HSDS file did, or with {@code applied} false would do: for the import page. Kept in the
 * session between the upload and the page that shows it, so it is serializable and holds only the catalog's public
 * data and the file's own words.
 *
 * @param refused true if nothing was imported because of the problems
 * @param problems what stops the import, each naming the record and field
 * @param notes what the file holds that Helhed does not keep
 */
public record ImportReport(String fileName, boolean applied, boolean refused, List<String> problems,
		List<String> notes, List<ServiceLine> services, int unchanged, List<String> createdPartners,
		String createdFocusArea) implements Serializable {

	/** One service the import creates or changes, with the fields that change. */
	public record ServiceLine(UUID id, String name, boolean created, List<String> fields) implements Serializable {
	}

	static ImportReport refused(String fileName, List<String> problems, List<String> notes) {
		return new ImportReport(fileName, false, true, List.copyOf(problems), List.copyOf(notes), List.of(), 0,
				List.of(), null);
	}

	public long created() {
		return services.stream().filter(ServiceLine::created).count();
	}

	public long updated() {
		return services.stream().filter(line -> !line.created()).count();
	}
}
