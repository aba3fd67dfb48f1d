package dk.helhed.catalog.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The CSV tables Helhed writes and reads are the specification's: each written table has the file name and columns
 * its schema file gives, and every other table of HSDS 3.1 is known by name, so that an import can say it leaves it
 * out rather than call it unknown.
 */
@NeedsHsdsSpecification
class HsdsTablesTests {

	private static final HsdsSchemas SCHEMAS = HsdsSchemas.load();

	@Test
	void everyWrittenTableHasItsSchemasFileNameAndColumns() {
		for (var table : HsdsTables.WRITTEN) {
			var schemaFile = table.name() + ".json";
			assertThat(SCHEMAS.pathOf(schemaFile)).as(schemaFile).isEqualTo(table.file());
			assertThat(table.columns()).as(schemaFile).isEqualTo(SCHEMAS.columnsOf(schemaFile));
		}
	}

	@Test
	void everyTableOfTheSpecificationIsKnown() throws IOException {
		var folder = HsdsFiles.examples().getParent();
		try (var files = Files.list(folder)) {
			var tables = files.map(Path::getFileName)
				.map(Path::toString)
				.filter(name -> name.endsWith(".json") && !name.equals("openapi.json"))
				.toList();
			assertThat(tables).hasSizeGreaterThan(20);
			for (var schemaFile : tables) {
				var file = SCHEMAS.pathOf(schemaFile);
				assertThat(HsdsTables.byFile(file).isPresent() || HsdsTables.NOT_HELD.containsKey(file))
					.as(schemaFile + " (" + file + ")")
					.isTrue();
			}
		}
	}
}
