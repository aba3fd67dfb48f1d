package dk.helhed.catalog.hsds;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import dk.helhed.catalog.internal.CatalogImport;
import dk.helhed.identity.StaffMember;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports an uploaded HSDS file (one JSON document or the CSV tables in a zip) into a catalog editor's own
 * municipality: reads it ({@link HsdsFileReader}), decides what each service becomes ({@link HsdsImport}) and saves
 * it all or nothing ({@link CatalogImport}). Or only checks it, so the editor can see what would change first.
 */
@Component
public class HsdsImporter {

	private static final Logger log = LoggerFactory.getLogger(HsdsImporter.class);

	private final long maxFileSize;
	private final HsdsFileReader reader;
	private final HsdsCatalogs catalogs;
	private final CatalogImport catalogImport;
	private final JsonMapper json;
	private final Clock clock;
	private final MeterRegistry metrics;

	/** How an import run ended, for the operators' counter {@code helhed.catalog.imports} (docs/production.md). */
	enum RunResult {
		/** Saved (or, for a check, would have been saved). */
		DONE,
		/** The file or its contents were refused; nothing saved. */
		REFUSED,
		/** Someone changed a service during the import; nothing saved. */
		CONFLICT,
		/** The database failed while saving; nothing saved. */
		FAILED
	}

	HsdsImporter(HsdsImportSettings settings, HsdsCatalogs catalogs, CatalogImport catalogImport, JsonMapper json,
			Clock clock, MeterRegistry metrics) {
		this.metrics = metrics;
		for (var mode : new String[] { "check", "apply" }) {
			for (var result : RunResult.values()) {
				counter(mode, result);
			}
		}
		this.maxFileSize = settings.maxFileSize().toBytes();
		this.reader = new HsdsFileReader(settings);
		this.catalogs = catalogs;
		this.catalogImport = catalogImport;
		this.json = json;
		this.clock = clock;
	}

	/** The largest file an import accepts, in bytes. */
	public long maxFileSize() {
		return maxFileSize;
	}

	/**
	 * @param fileName the name of the uploaded file, only for the report
	 * @param contentType the type the browser declared for the file
	 * @param apply false to only check the file and tell what an import would do
	 */
	public ImportReport importFile(StaffMember editor, String fileName, String contentType, byte[] bytes,
			boolean apply) {
		var name = fileName == null || fileName.isBlank() ? "filen" : ImportItem.abbreviate(fileName.strip(), 120);
		var problems = ImportProblems.collecting();
		ImportPackage file;
		try {
			file = reader.read(contentType, bytes, problems);
		}
		catch (ImportRefused refused) {
			counted(apply, RunResult.REFUSED);
			return ImportReport.refused(name, refused.problems(), List.of());
		}
		var reading = catalogs.reading(editor.municipalityId(), "");
		CatalogImport.Result result;
		try {
			result = catalogImport.run(editor, apply, new HsdsImport(file, problems, reading, json, clock.instant()));
		}
		catch (OptimisticLockingFailureException ex) {
			counted(apply, RunResult.CONFLICT);
			return ImportReport.refused(name, List.of("En indsats blev ændret af en anden, mens filen blev importeret. "
					+ "Intet er importeret. Prøv igen."), problems.notes());
		}
		catch (DataAccessException | IllegalArgumentException ex) {
			counted(apply, RunResult.FAILED);
			log.warn("Import of {} into municipality {} failed while saving", name, editor.municipalityId(), ex);
			return ImportReport.refused(name, List.of("Filen kunne ikke gemmes i kataloget. Intet er importeret."),
					problems.notes());
		}
		counted(apply, result instanceof CatalogImport.Done ? RunResult.DONE : RunResult.REFUSED);
		return switch (result) {
			case CatalogImport.Refused refused -> ImportReport.refused(name, refused.problems(), problems.notes());
			case CatalogImport.Done done -> new ImportReport(name, done.applied(), false, List.of(), problems.notes(),
					done.changes()
						.stream()
						.map(change -> new ImportReport.ServiceLine(change.serviceId(), change.name(), change.created(),
								change.fields().stream().map(field -> field.field()).toList()))
						.toList(),
					done.unchanged(), done.createdPartners(), done.createdFocusArea());
		};
	}

	private void counted(boolean apply, RunResult result) {
		counter(apply ? "apply" : "check", result).increment();
	}

	private Counter counter(String mode, RunResult result) {
		return Counter.builder("helhed.catalog.imports")
			.description("HSDS import runs by catalog editors, by mode (check or apply) and how they ended")
			.tag("mode", mode)
			.tag("result", result.name())
			.register(metrics);
	}
}
