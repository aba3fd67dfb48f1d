package dk.helhed.catalog.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.node.ObjectNode;

/**
 * Every form an HSDS catalog comes in is read into the same services with what belongs to them: Helhed's export
 * document, one service or organization as the specification's examples, a list of services, the tables as JSON
 * (named by file or by table) and the CSV tables in a zip.
 */
class HsdsFileReaderTests {

	private final HsdsFileReader reader = new HsdsFileReader(
			new HsdsImportSettings(DataSize.ofMegabytes(10), 100, DataSize.ofMegabytes(25), 5000));

	@Test
	@NeedsHsdsSpecification
	void theExamplePackageReadsTheSameAsCsvAndAsTablesInJson() {
		var fromCsv = read(HsdsFiles.exampleCsvZip());
		var fromJson = read(HsdsFiles.example("tabular.json"));

		for (var file : List.of(fromCsv, fromJson)) {
			var service = file.services().getFirst();
			assertThat(file.services()).hasSize(1);
			assertThat(service.service().rawId()).isEqualTo("ac148810-d857-441c-9679-408f346de14b");
			assertThat(service.organization().node().get("name").asString()).isEqualTo("Example Organization Inc.");
			assertThat(service.phones()).hasSize(1);
			assertThat(service.schedules()).hasSize(1);
			assertThat(service.costs()).hasSize(1);
			assertThat(service.contacts()).singleElement()
				.satisfies(contact -> assertThat(contact.phones()).hasSize(1));
			assertThat(service.places()).singleElement().satisfies(place -> {
				assertThat(place.location().node().get("name").asString()).isEqualTo("MyCity Civic Center");
				assertThat(place.addresses()).hasSize(1);
			});
			assertThat(service.attributes()).as("the example's attribute links to something else").isEmpty();
			assertThat(file.notes()).anyMatch(note -> note.startsWith("attributes.csv: 1 række hører ikke til"));
		}
		assertThat(fromCsv.services().getFirst().service().label())
			.isEqualTo("services.csv, række 2 (id ac148810-d857-441c-9679-408f346de14b)");
		assertThat(fromCsv.services().getFirst().capacities()).as("its capacity belongs to another service").isEmpty();
		assertThat(fromJson.services().getFirst().capacities()).as("the JSON tables have no capacity table").isNull();
	}

	@Test
	@NeedsHsdsSpecification
	void tablesAsJsonMayBeNamedByTableInsteadOfFile() {
		var byFile = (ObjectNode) HsdsFiles.json(HsdsFiles.example("tabular.json"));
		var byName = HsdsFiles.JSON.createObjectNode();
		byFile.properties().forEach(entry -> byName.set(
				HsdsTables.byFile(entry.getKey()).map(HsdsTables.Table::name).orElse(entry.getKey().replace(".csv", "")),
				entry.getValue()));
		byName.set("program", byName.remove("programs"));

		var file = read(HsdsFiles.bytes(byName));

		assertThat(file.services()).singleElement().satisfies(service -> {
			assertThat(service.phones()).hasSize(1);
			assertThat(service.service().label()).startsWith("service[0]");
		});
	}

	@Test
	@NeedsHsdsSpecification
	void oneServiceOrOneOrganizationWithItsServicesAsTheSpecificationsExamples() {
		var service = read(HsdsFiles.example("service_full.json"));
		var organization = read(HsdsFiles.example("organization_full.json"));

		assertThat(service.services()).singleElement().satisfies(record -> {
			assertThat(record.service().where()).isEqualTo("service");
			assertThat(record.organization().node().get("name").asString()).isEqualTo("Example Organization Inc.");
			assertThat(record.capacities()).singleElement()
				.satisfies(capacity -> assertThat(capacity.unit().node().get("name").asString()).isEqualTo("Kilogram"));
			assertThat(record.attributes()).singleElement()
				.satisfies(attribute -> assertThat(attribute.term()).isNotNull());
		});
		assertThat(organization.services()).singleElement().satisfies(record -> {
			assertThat(record.service().where()).isEqualTo("organization.services[0]");
			assertThat(record.organization().where()).isEqualTo("organization");
		});
	}

	@Test
	@NeedsHsdsSpecification
	void aListOfServicesOrOrganizations() {
		var service = HsdsFiles.json(HsdsFiles.example("service_full.json"));
		var services = HsdsFiles.JSON.createArrayNode().add(service).add(service.deepCopy());
		var organizations = HsdsFiles.JSON.createArrayNode().add(HsdsFiles.json(HsdsFiles.example("organization_full.json")));

		assertThat(read(HsdsFiles.bytes(services)).services()).extracting(record -> record.service().where())
			.containsExactly("[0]", "[1]");
		assertThat(read(HsdsFiles.bytes(organizations)).services()).extracting(record -> record.service().where())
			.containsExactly("[0].services[0]");
	}

	@Test
	void aNestedListOfTheWrongKindIsAProblemOfItsRecord() {
		var document = HsdsFiles.JSON.createObjectNode();
		var service = document.putArray("services").addObject().put("id", "x").put("name", "Café");
		service.put("phones", "12345678");
		service.putArray("contacts").add("Ida");
		var problems = ImportProblems.collecting();

		reader.read("application/json", HsdsFiles.bytes(document), problems);

		assertThat(problems.errors()).containsExactly("services[0] (id x): feltet phones skal være en liste",
				"services[0].contacts[0]: skal være et objekt.");
	}

	@Test
	void aByteOrderMarkIsNotPartOfTheText() {
		var text = "\uFEFF{\"services\": []}";

		assertThat(read(text.getBytes(StandardCharsets.UTF_8)).services()).isEmpty();
	}

	@Test
	void aCsvRowWithMoreFieldsThanItsHeaderIsRefused() {
		var zip = HsdsFiles.zip(java.util.Map.of("services.csv",
				"id,name\n1,Café,ekstra\n".getBytes(StandardCharsets.UTF_8)));

		assertThatThrownBy(() -> read(zip)).isInstanceOf(ImportRefused.class)
			.hasMessage("services.csv, række 2: rækken har 3 felter, men overskriften kun 2.");
	}

	private ImportPackage read(byte[] bytes) {
		return reader.read("", bytes, ImportProblems.collecting());
	}
}
