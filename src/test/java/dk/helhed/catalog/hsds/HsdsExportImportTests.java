package dk.helhed.catalog.hsds;

import static dk.helhed.catalog.hsds.HsdsFiles.bytes;
import static dk.helhed.catalog.hsds.HsdsFiles.csv;
import static dk.helhed.catalog.hsds.HsdsFiles.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.CatalogChanged;
import dk.helhed.catalog.Charge;
import dk.helhed.catalog.Service;
import dk.helhed.catalog.ServiceStatus;
import dk.helhed.catalog.internal.CatalogEditing.Saved;
import dk.helhed.catalog.internal.CatalogEditing;
import dk.helhed.catalog.internal.ServiceRepository;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.municipality.PartnerOrganisation;
import dk.helhed.platform.DeterministicIds;
import dk.helhed.support.StaffFixture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeping the catalog alive across systems: a municipality's catalog exported as HSDS (one JSON document, or the CSV
 * tables in a zip) conforms to the official HSDS 3.1 schemas, imports into another municipality and exports again as
 * the same data, imports again without changing anything, and the specification's own example package imports into
 * an empty catalog. Files with problems are refused as a whole, each problem named by record and field. Runs on H2
 * ({@link HsdsExportImportOnH2Tests}) and PostgreSQL ({@link HsdsExportImportOnPostgresTests}).
 * <p>
 * Each test imports into a municipality of its own ({@link FreshMunicipalities}), never into the seed
 * municipalities, which other tests read.
 */
@AutoConfigureMockMvc
@RecordApplicationEvents
abstract class HsdsExportImportTests {

	@Autowired
	StaffFixture demo;

	/** Fields that say when and by whom, which an import cannot and should not carry over. */
	private static final List<String> BOOKKEEPING = List.of("last_modified", "metadata");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Municipalities municipalities;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	HsdsImporter importer;

	@Autowired
	ServiceRepository services;

	@Autowired
	CatalogEditing editing;

	FreshMunicipalities fresh;

	@BeforeEach
	void fixtures() {
		fresh = new FreshMunicipalities(jdbc, municipalities, accounts);
	}

	// Export

	@Test
	@NeedsHsdsSpecification
	void theWholeCatalogIsOneHsdsDocumentThatConformsToTheSchemas() throws Exception {
		var response = mvc.perform(get("/api/municipalities/aabenraa/hsds/export.json"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();

		assertThat(response.getContentType()).startsWith("application/json");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment")
			.contains("helhed-aabenraa-hsds-");
		var body = response.getContentAsString(StandardCharsets.UTF_8);
		HsdsSchemas.load().exportDocument().assertValid("GET export.json", body);
		var document = json(body.getBytes(StandardCharsets.UTF_8));
		assertThat(document.get("services")).hasSize(42);
		assertThat(document.get("organizations").valueStream().map(o -> o.get("name").asString()))
			.contains("Aabenraa Kommune", "Sundhed", "Blå Kors");
		for (var service : document.get("services")) {
			HsdsSchemas.load().file("compiled/service.json").assertValid("service " + service.get("id"), service.toString());
		}
	}

	@Test
	@NeedsHsdsSpecification
	void theCsvExportHasEveryHsdsTableWithTheSpecificationsColumnsAndADataPackage() throws Exception {
		var response = mvc.perform(get("/api/municipalities/aabenraa/hsds/export.zip"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();

		assertThat(response.getContentType()).isEqualTo("application/zip");
		var files = HsdsFiles.unzip(response.getContentAsByteArray());
		assertThat(files.keySet()).containsAll(HsdsTables.WRITTEN.stream().map(HsdsTables.Table::file).toList())
			.contains("datapackage.json");
		for (var table : HsdsTables.WRITTEN) {
			var schemaFile = table.name() + ".json";
			var csv = csv(files.get(table.file()));
			assertThat(csv.header()).as(table.file()).isEqualTo(HsdsSchemas.load().columnsOf(schemaFile));
			var rowSchema = HsdsSchemas.load().tableRow(schemaFile);
			for (int i = 0; i < csv.rows().size(); i++) {
				rowSchema.assertValid(table.file() + " row " + (i + 2), typedRow(schemaFile, csv.rows().get(i)));
			}
		}
		var services = csv(files.get("services.csv")).rows();
		assertThat(services).hasSize(42);
		var serviceIds = services.stream().map(row -> row.get("id")).toList();
		for (var file : List.of("schedules.csv", "cost_options.csv", "contacts.csv", "service_at_location.csv",
				"languages.csv", "service_capacity.csv")) {
			assertThat(csv(files.get(file)).rows()).as(file + " belong to services of the file")
				.allSatisfy(row -> assertThat(serviceIds).contains(row.get("service_id")));
		}
		assertThat(csv(files.get("attributes.csv")).rows())
			.allSatisfy(row -> assertThat(serviceIds).contains(row.get("link_id")));

		var dataPackage = json(files.get("datapackage.json"));
		assertThat(dataPackage.get("profile").asString()).isEqualTo("tabular-data-package");
		for (var resource : dataPackage.get("resources")) {
			var file = resource.get("path").asString();
			assertThat(resource.get("schema").get("fields").valueStream().map(field -> field.get("name").asString()))
				.as(file)
				.containsExactlyElementsOf(csv(files.get(file)).header());
		}
		assertThat(dataPackage.get("resources")).hasSize(HsdsTables.WRITTEN.size());
	}

	@Test
	void theHistoryIsExportedAsMetadataNamingTheMunicipalityNotTheStaff() throws Exception {
		var copy = fresh.copyOf("aabenraa");
		var original = exportJson("aabenraa");
		var one = oneServiceDocument(original, "Den Blå Oase");
		assertThat(importer.importFile(copy.editor(), "oase.json", "application/json", bytes(one), true).refused())
			.isFalse();
		var service = services.findByMunicipalityId(copy.municipality().id()).getFirst();
		var renamed = editing.edit(copy.editor(), service.id(), service.version(),
				new Service.Content("Den Blå Oase – café", service.summary(), service.description(),
						service.focusAreaIds(), service.owningUnitId(), service.providerId(), service.partnerIds(),
						service.accessMode(), service.decidingUnitId(), service.firstStep(), service.targetGroup(),
						service.minimumAge(), service.maximumAge(), service.situations(), service.charge(),
						service.locationName(), service.street(), service.postalCode(), service.city(),
						service.scheduleNote(), service.phone(), service.email(), service.url(), service.legalBasis(),
						service.lastVerified(), service.contacts(), service.capacities(), service.costs(),
						service.schedules(), service.keyFigures()));
		assertThat(renamed).isInstanceOf(Saved.class);
		editing.assignReview(copy.editor(), service.id(), copy.editor().id(), 3);

		var exported = exportJson(copy.municipality().slug());
		var metadata = exported.get("services").get(0).get("metadata");
		assertThat(metadata.valueStream().map(row -> row.get("last_action_type").asString() + " "
				+ row.get("field_name").asString()))
			.contains("import name", "import description", "update name")
			.noneMatch(row -> row.endsWith(" owner") || row.endsWith(" review_interval")
					|| row.endsWith(" contacts"));
		var update = metadata.valueStream()
			.filter(row -> row.get("last_action_type").asString().equals("update"))
			.findFirst()
			.orElseThrow();
		assertThat(update.get("previous_value").asString()).isEqualTo("Den Blå Oase");
		assertThat(update.get("replacement_value").asString()).isEqualTo("Den Blå Oase – café");
		assertThat(update.get("resource_id").asString()).isEqualTo(service.id().toString());
		assertThat(update.get("resource_type").asString()).isEqualTo("service");
		assertThat(metadata.valueStream().map(row -> row.get("updated_by").asString()))
			.containsOnly(copy.municipality().name());
		assertThat(exported.toString()).doesNotContain(copy.editorName());
		var metadataCsv = csv(HsdsFiles.unzip(exportZip(copy.municipality().slug())).get("metadata.csv"));
		assertThat(metadataCsv.rows()).hasSize(metadata.size());
	}

	// Round trip

	@Test
	void aCatalogExportedAsJsonImportsIntoAnotherMunicipalityAndExportsAsTheSameData() throws Exception {
		var copy = fresh.copyOf("aabenraa");
		var original = exportJson("aabenraa");

		var report = importer.importFile(copy.editor(), "aabenraa.json", "application/json", bytes(original), true);

		assertThat(report.problems()).isEmpty();
		assertThat(report.created()).isEqualTo(42);
		assertThat(report.createdPartners()).as("every organization is one of the copy's own, found by name")
			.isEmpty();
		assertThat(report.createdFocusArea()).isNull();
		assertSameData(original, exportJson(copy.municipality().slug()), copy);
	}

	@Test
	void aCatalogExportedAsCsvTablesImportsIntoAnotherMunicipalityAndExportsAsTheSameData() throws Exception {
		var copy = fresh.copyOf("aabenraa");

		var report = importer.importFile(copy.editor(), "aabenraa.zip", "application/zip", exportZip("aabenraa"),
				true);

		assertThat(report.problems()).isEmpty();
		assertThat(report.created()).isEqualTo(42);
		assertSameData(exportJson("aabenraa"), exportJson(copy.municipality().slug()), copy);
	}

	/**
	 * What differs, and why: the ids (Aabenraa's services keep theirs, so the copy's get ids made from the copy and
	 * Aabenraa's id, the same at every import; the other ids Helhed makes from the municipality), the copy's name and
	 * address where they are part of a text or link, when each service was last changed, and its history (the copy's
	 * starts with the import).
	 */
	private void assertSameData(JsonNode original, JsonNode copied, FreshMunicipalities.Fresh copy) {
		var municipality = copy.municipality();
		var aabenraa = municipalities.getBySlug("aabenraa");
		var differences = HsdsFiles.differences(original, copied,
				Map.of(municipality.name(), aabenraa.name(), "/" + municipality.slug() + "/", "/aabenraa/"),
				BOOKKEEPING);
		assertThat(differences).isEmpty();
		var firstId = UUID.fromString(original.get("services").get(0).get("id").asString());
		assertThat(copied.get("services").get(0).get("id").asString())
			.isEqualTo(DeterministicIds.of("import", municipality.id().toString(), "SERVICE", firstId.toString())
				.toString());
		assertThat(copied.get("services").valueStream().map(service -> service.get("metadata").get(0)))
			.allSatisfy(change -> assertThat(change.get("last_action_type").asString()).isEqualTo("import"));
	}

	@Test
	void importingTheSameFileAgainChangesNothing() throws Exception {
		var copy = fresh.copyOf("aabenraa");
		var json = bytes(exportJson("aabenraa"));
		var zip = exportZip("aabenraa");
		importer.importFile(copy.editor(), "aabenraa.json", "application/json", json, true);
		var history = historyRows(copy.municipality().id());
		var versions = versions(copy.municipality().id());

		var again = importer.importFile(copy.editor(), "aabenraa.json", "application/json", json, true);
		var asCsv = importer.importFile(copy.editor(), "aabenraa.zip", "application/zip", zip, true);
		var ownExport = importer.importFile(copy.editor(), "kopi.zip", "application/zip",
				exportZip(copy.municipality().slug()), true);

		for (var report : List.of(again, asCsv, ownExport)) {
			assertThat(report.refused()).isFalse();
			assertThat(report.services()).isEmpty();
			assertThat(report.unchanged()).isEqualTo(42);
		}
		assertThat(historyRows(copy.municipality().id())).isEqualTo(history);
		assertThat(versions(copy.municipality().id())).isEqualTo(versions);
		assertThat(partnerCount(copy.municipality().id())).isEqualTo(partnerCount(municipalities.getBySlug("aabenraa").id()));
	}

	@Test
	void aMunicipalitysOwnExportImportsIntoItWithoutChangingAnythingAndKeepsItsIds() throws Exception {
		var aabenraa = municipalities.getBySlug("aabenraa");
		var editor = demo.staff("redaktoer");
		var history = historyRows(aabenraa.id());
		var versions = versions(aabenraa.id());

		var json = importer.importFile(editor, "aabenraa.json", "application/json", bytes(exportJson("aabenraa")),
				true);
		var csv = importer.importFile(editor, "aabenraa.zip", "application/zip", exportZip("aabenraa"), true);

		assertThat(json.services()).isEmpty();
		assertThat(json.unchanged()).isEqualTo(42);
		assertThat(csv.services()).isEmpty();
		assertThat(csv.unchanged()).isEqualTo(42);
		assertThat(json.notes()).as("Helhed's own export holds nothing Helhed does not keep").isEmpty();
		assertThat(csv.notes()).isEmpty();
		assertThat(historyRows(aabenraa.id())).isEqualTo(history);
		assertThat(versions(aabenraa.id())).isEqualTo(versions);
	}

	@Test
	void anImportThatChangesSomethingAnnouncesItOnce(@Autowired ApplicationEvents events) throws Exception {
		var copy = fresh.copyOf("aabenraa");
		var json = bytes(exportJson("aabenraa"));

		importer.importFile(copy.editor(), "aabenraa.json", "application/json", json, true);
		importer.importFile(copy.editor(), "aabenraa.json", "application/json", json, true);
		importer.importFile(copy.editor(), "aabenraa.json", "application/json", json, false);

		assertThat(events.stream(CatalogChanged.class)).containsExactly(new CatalogChanged(copy.municipality().id()));
	}

	@Test
	void theImportGoesOnlyIntoTheImportersOwnMunicipality() throws Exception {
		var aabenraa = municipalities.getBySlug("aabenraa");
		var history = historyRows(aabenraa.id());
		var versions = versions(aabenraa.id());
		var copy = fresh.copyOf("aabenraa");

		importer.importFile(copy.editor(), "aabenraa.json", "application/json", bytes(exportJson("aabenraa")), true);

		assertThat(services.findByMunicipalityId(copy.municipality().id())).hasSize(42)
			.allSatisfy(service -> assertThat(services.findById(service.id()).orElseThrow().municipalityId())
				.isEqualTo(copy.municipality().id()));
		assertThat(historyRows(aabenraa.id())).isEqualTo(history);
		assertThat(versions(aabenraa.id())).isEqualTo(versions);
	}

	// Updating what exists

	@Test
	void anExistingServiceChangesOnlyWhereTheFileSaysSomethingElseAndKeepsWhatHsdsCannotHold() throws Exception {
		var copy = fresh.copyOf("aabenraa");
		importer.importFile(copy.editor(), "aabenraa.json", "application/json", bytes(exportJson("aabenraa")), true);
		var cafe = serviceNamed(copy, "Den Blå Oase");
		var partner = municipalities.partnersOf(copy.municipality().id()).getFirst().id();
		var kept = (Saved) editing.edit(copy.editor(), cafe.id(), cafe.version(), new Service.Content(cafe.name(),
				cafe.summary(), cafe.description(), cafe.focusAreaIds(), cafe.owningUnitId(), cafe.providerId(),
				List.of(partner), cafe.accessMode(), cafe.decidingUnitId(), cafe.firstStep(), cafe.targetGroup(),
				cafe.minimumAge(), cafe.maximumAge(), cafe.situations(), cafe.charge(), cafe.locationName(),
				cafe.street(), cafe.postalCode(), cafe.city(), cafe.scheduleNote(), cafe.phone(), cafe.email(),
				cafe.url(), "Servicelovens § 104", cafe.lastVerified(), cafe.contacts(), cafe.capacities(),
				cafe.costs(), cafe.schedules(), List.of("120 gæster om ugen")));
		var document = (ObjectNode) exportJson(copy.municipality().slug());
		var file = (ObjectNode) service(document, "Den Blå Oase");
		file.putArray("phones").addObject().put("id", UUID.randomUUID().toString()).put("number", "74 62 00 00");
		var bopladsen = (ObjectNode) service(document, "Bopladsen");
		bopladsen.put("status", "inactive");
		var before = historyRows(copy.municipality().id());

		var report = importer.importFile(copy.editor(), "rettet.json", "application/json", bytes(document), true);

		assertThat(report.services()).extracting(ImportReport.ServiceLine::name, ImportReport.ServiceLine::fields)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Den Blå Oase", List.of("phone")),
					org.assertj.core.groups.Tuple.tuple("Bopladsen", List.of("status")));
		assertThat(report.unchanged()).isEqualTo(40);
		var after = services.findById(cafe.id()).orElseThrow();
		assertThat(after.phone()).isEqualTo("74 62 00 00");
		assertThat(after.partnerIds()).containsExactly(partner);
		assertThat(after.legalBasis()).isEqualTo("Servicelovens § 104");
		assertThat(after.keyFigures()).containsExactly("120 gæster om ugen");
		assertThat(after.summary()).isEqualTo(kept.service().summary());
		assertThat(after.version()).isEqualTo(kept.service().version() + 1);
		assertThat(serviceNamed(copy, "Bopladsen").status()).isEqualTo(ServiceStatus.RETIRED);
		assertThat(historyRows(copy.municipality().id())).isEqualTo(before + 2);
	}

	@Test
	void aFileMadeBeforeTheServiceWasLastChangedIsRefusedRatherThanUndoTheChange() throws Exception {
		var copy = fresh.copyOf("aabenraa");
		importer.importFile(copy.editor(), "aabenraa.json", "application/json", bytes(exportJson("aabenraa")), true);
		var older = (ObjectNode) exportJson(copy.municipality().slug());
		var dental = serviceNamed(copy, "Socialtandpleje");
		var newer = dental.content();
		editing.edit(copy.editor(), dental.id(), dental.version(),
				new Service.Content(newer.name(), newer.summary(), newer.description(), newer.focusAreaIds(),
						newer.owningUnitId(), newer.providerId(), newer.partnerIds(), newer.accessMode(),
						newer.decidingUnitId(), newer.firstStep(), newer.targetGroup(), newer.minimumAge(),
						newer.maximumAge(), newer.situations(), newer.charge(), newer.locationName(), newer.street(),
						newer.postalCode(), newer.city(), newer.scheduleNote(), "73 76 76 76", newer.email(),
						newer.url(), newer.legalBasis(), newer.lastVerified(), newer.contacts(), newer.capacities(),
						newer.costs(), newer.schedules(), newer.keyFigures()));

		var refused = importer.importFile(copy.editor(), "gammel.json", "application/json", bytes(older), true);

		assertThat(refused.refused()).isTrue();
		assertThat(refused.problems()).singleElement()
			.asString()
			.startsWith("services[")
			.contains("(id " + dental.id() + ")", "efter filens last_modified", "phone");
		assertThat(serviceNamed(copy, "Socialtandpleje").phone()).isEqualTo("73 76 76 76");

		((ObjectNode) service(older, "Socialtandpleje")).remove("last_modified");
		var applied = importer.importFile(copy.editor(), "gammel.json", "application/json", bytes(older), true);

		assertThat(applied.services()).singleElement().satisfies(line -> assertThat(line.fields()).contains("phone"));
		assertThat(serviceNamed(copy, "Socialtandpleje").phone()).isEqualTo(dental.phone());
	}

	// The specification's example

	@Test
	@NeedsHsdsSpecification
	void theSpecificationsExamplePackageImportsCleanlyAsCsvAndAsJson() throws Exception {
		var empty = fresh.copyOf("aarhus");
		// The example's own ids, unless another municipality (in this database, another test) imported it first.
		var serviceId = idIn(empty, "service", "SERVICE", "ac148810-d857-441c-9679-408f346de14b");
		var scheduleId = idIn(empty, "service_schedule", "SCHEDULE", "48102e86-bb50-41c4-8f1e-e269368c41d1");
		var partnerId = idIn(empty, "partner_organisation", "PARTNER", "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");

		var csvReport = importer.importFile(empty.editor(), "csv.zip", "application/zip", HsdsFiles.exampleCsvZip(),
				true);

		assertThat(csvReport.refused()).as(String.join("\n", csvReport.problems())).isFalse();
		assertThat(csvReport.created()).isEqualTo(1);
		assertThat(csvReport.createdPartners()).containsExactly("Example Organization Inc.");
		assertThat(csvReport.createdFocusArea()).isEqualTo("Øvrige indsatser");
		assertThat(csvReport.notes()).anyMatch(note -> note.contains("service.wait_time"))
			.anyMatch(note -> note.startsWith("programs.csv"))
			.anyMatch(note -> note.startsWith("attributes.csv: 1 række hører ikke til en indsats"));
		var counselling = services.findById(serviceId).orElseThrow();
		assertThat(counselling.municipalityId()).isEqualTo(empty.municipality().id());
		assertThat(counselling.name()).isEqualTo("Community Counselling");
		assertThat(counselling.summary()).startsWith("Counselling Services provided by trained professionals.");
		assertThat(counselling.status()).isEqualTo(ServiceStatus.ACTIVE);
		assertThat(counselling.accessMode()).isEqualTo(AccessMode.SELF_REFERRAL);
		assertThat(counselling.firstStep()).startsWith("If you are an NHS patient");
		assertThat(counselling.charge()).isEqualTo(Charge.UNKNOWN);
		assertThat(counselling.minimumAge()).isEqualTo(12);
		assertThat(counselling.maximumAge()).isEqualTo(100);
		assertThat(counselling.lastVerified()).isEqualTo(LocalDate.of(2005, 1, 1));
		assertThat(counselling.phone()).isEqualTo("+44 1234 234567");
		assertThat(counselling.email()).isEqualTo("email@example.com");
		assertThat(counselling.url()).isEqualTo("http://example.com/counselling");
		assertThat(counselling.locationName()).isEqualTo("MyCity Civic Center");
		assertThat(counselling.street()).isEqualTo("1-30 Main Street");
		assertThat(counselling.postalCode()).isEqualTo("ABC 1234");
		assertThat(counselling.city()).isEqualTo("MyCity");
		assertThat(counselling.schedules()).singleElement().satisfies(schedule -> {
			assertThat(schedule.days()).isEqualTo("TH,FR");
			assertThat(schedule.opensAt()).isEqualTo(LocalTime.of(10, 0));
			assertThat(schedule.closesAt()).isEqualTo(LocalTime.of(18, 0));
			assertThat(schedule.id()).isEqualTo(scheduleId);
		});
		assertThat(counselling.costs()).singleElement().satisfies(cost -> {
			assertThat(cost.option()).isEqualTo("Under 18s and Over 60s");
			assertThat(cost.amount()).isEqualByComparingTo(new BigDecimal("35"));
			assertThat(cost.currency()).isEqualTo("GBP");
			assertThat(cost.description()).isEqualTo("per 1 hour session");
		});
		assertThat(counselling.contacts()).singleElement().satisfies(contact -> {
			assertThat(contact.name()).isEqualTo("Ann Persona");
			assertThat(contact.role()).isEqualTo("Reception Manager");
			assertThat(contact.email()).isEqualTo("email@example.com");
			assertThat(contact.phone()).isEqualTo("+44 1234 234567");
		});
		assertThat(counselling.capacities()).as("the example's capacity belongs to a service not in the file")
			.isEmpty();
		var partner = municipalities.partnersOf(empty.municipality().id())
			.stream()
			.filter(candidate -> candidate.id().equals(counselling.providerId()))
			.findFirst()
			.orElseThrow();
		assertThat(partner.name()).isEqualTo("Example Organization Inc.");
		assertThat(partner.kind()).isEqualTo(PartnerOrganisation.Kind.OTHER);
		assertThat(partner.id()).isEqualTo(partnerId);
		var fallback = municipalities.strategyOf(empty.municipality().id()).orElseThrow().focusAreas().getLast();
		assertThat(fallback.name()).isEqualTo("Øvrige indsatser");
		assertThat(counselling.focusAreaIds()).containsExactly(fallback.id());

		var exported = exportJson(empty.municipality().slug());
		HsdsSchemas.load().exportDocument().assertValid("export after importing the example", exported.toString());

		var history = historyRows(empty.municipality().id());
		var asJson = importer.importFile(empty.editor(), "tabular.json", "application/json",
				HsdsFiles.example("tabular.json"), true);
		var csvAgain = importer.importFile(empty.editor(), "csv.zip", "application/zip", HsdsFiles.exampleCsvZip(),
				true);
		for (var report : List.of(asJson, csvAgain)) {
			assertThat(report.refused()).as(String.join("\n", report.problems())).isFalse();
			assertThat(report.services()).as("the same data as JSON and again as CSV").isEmpty();
			assertThat(report.unchanged()).isEqualTo(1);
		}
		assertThat(historyRows(empty.municipality().id())).isEqualTo(history);

		var other = fresh.copyOf("aarhus");
		var jsonFirst = importer.importFile(other.editor(), "tabular.json", "application/json",
				HsdsFiles.example("tabular.json"), true);
		assertThat(jsonFirst.refused()).as(String.join("\n", jsonFirst.problems())).isFalse();
		assertThat(jsonFirst.created()).isEqualTo(1);
	}

	@Test
	@NeedsHsdsSpecification
	void theSpecificationsFullServiceExampleIsRefusedForItsImpossibleCapacity() throws Exception {
		var empty = fresh.copyOf("aarhus");

		for (var file : List.of("service_full.json", "organization_full.json")) {
			var report = importer.importFile(empty.editor(), file, "application/json", HsdsFiles.example(file), true);

			assertThat(report.refused()).isTrue();
			assertThat(report.problems()).as(file)
				.singleElement()
				.asString()
				.endsWith("capacities[0] (id 8896b788-7b3e-11ef-8db9-7f3d040352b3): feltet available er større end "
						+ "maximum (12 ledige af 10 pladser)");
		}
		assertThat(services.findByMunicipalityId(empty.municipality().id())).isEmpty();
		assertThat(partnerCount(empty.municipality().id())).isEqualTo(partnerCount(municipalities.getBySlug("aarhus").id()));
	}

	// Problems

	@Test
	void aCsvFileWithSeveralProblemsReportsEachByRowAndFieldAndChangesNothing() {
		var empty = fresh.copyOf("aarhus");
		var first = UUID.randomUUID().toString();
		var second = UUID.randomUUID().toString();
		var third = UUID.randomUUID().toString();
		var contact = UUID.randomUUID().toString();
		var schedule = UUID.randomUUID().toString();
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("services.csv", csv(List.of("id", "name", "status", "email", "minimum_age", "url"), List.of(
				List.of(first, "", "active", "", "", ""),
				List.of(second, "Varmestuen", "open", "ikke-en-adresse", "tolv", "javascript:alert(1)"),
				List.of(third, "Natcaféen", "active", "", "18", "https://example.org"))));
		files.put("contacts.csv", csv(List.of("id", "service_id", "name", "email"),
				List.of(List.of(contact, third, "Ida", "ida@"))));
		files.put("schedules.csv", csv(List.of("id", "service_id", "byday", "opens_at", "closes_at"),
				List.of(List.of(schedule, third, "MO,XX", "25:00", "22:00"))));
		files.put("organizations.csv", csv(List.of("id", "name"), List.of()));

		var report = importer.importFile(empty.editor(), "fejl.zip", "application/zip", HsdsFiles.zip(files), true);

		assertThat(report.refused()).isTrue();
		assertThat(report.problems()).containsExactlyInAnyOrder(
				"services.csv, række 2 (id " + first + "): feltet name mangler",
				"services.csv, række 3 (id " + second + "): feltet status skal være active, inactive, defunct eller "
						+ "temporarily closed",
				"services.csv, række 3 (id " + second + "): feltet url skal være en webadresse, der begynder med "
						+ "https:// eller http://",
				"services.csv, række 3 (id " + second + "): feltet email er ikke en gyldig e-mailadresse",
				"services.csv, række 3 (id " + second + "): feltet minimum_age skal være et helt tal mellem 0 og 120",
				"contacts.csv, række 2 (id " + contact + "): feltet email er ikke en gyldig e-mailadresse",
				"schedules.csv, række 2 (id " + schedule + "): feltet byday skal være ugedage som MO,TU,WE,TH,FR,SA,SU",
				"schedules.csv, række 2 (id " + schedule + "): feltet opens_at skal være et klokkeslæt som 08:30 eller "
						+ "08:30:00+01:00");
		assertNothingImported(empty);
	}

	@Test
	void aJsonFileWithSeveralProblemsReportsEachByRecordAndFieldAndChangesNothing() {
		var empty = fresh.copyOf("aarhus");
		var document = HsdsFiles.JSON.createObjectNode();
		var list = document.putArray("services");
		list.addObject().put("id", "ikke-et-uuid").put("name", "Værestedet").put("status", "active");
		var second = list.addObject().put("id", UUID.randomUUID().toString()).put("status", "active")
			.put("name", "Café").put("minimum_age", 30).put("maximum_age", 20);
		second.putArray("cost_options").addObject().put("id", UUID.randomUUID().toString()).put("amount", -5);
		second.putArray("capacities")
			.addObject()
			.put("id", UUID.randomUUID().toString())
			.put("available", 3)
			.put("maximum", 2)
			.putObject("unit")
			.put("name", "senge");
		var third = list.addObject().put("id", second.get("id").asString()).put("status", "active").put("name", "Igen");
		third.put("organization_id", UUID.randomUUID().toString());

		var report = importer.importFile(empty.editor(), "fejl.json", "application/json", bytes(document), true);

		var secondId = "(id " + second.get("id").asString() + ")";
		assertThat(report.refused()).isTrue();
		assertThat(report.problems()).contains("services[0] (id ikke-et-uuid): feltet id er ikke et gyldigt UUID",
				"services[1] " + secondId + ": feltet maximum_age er mindre end minimum_age",
				"services[2] " + secondId + ": feltet id bruges også af en anden indsats i filen",
				"services[2] " + secondId + ": feltet organization_id peger på en organisation, der hverken findes "
						+ "i filen eller i kommunen");
		assertThat(report.problems()).anySatisfy(problem -> assertThat(problem)
			.matches("services\\[1\\]\\.cost_options\\[0\\] \\(id [0-9a-f-]{36}\\): feltet amount skal være et beløb .*"));
		assertThat(report.problems()).anySatisfy(problem -> assertThat(problem).matches(
				"services\\[1\\]\\.capacities\\[0\\] \\(id [0-9a-f-]{36}\\): feltet available er større end maximum .*"));
		assertThat(report.problems()).hasSize(6);
		assertNothingImported(empty);
	}

	@Test
	void hostileTextIsRefusedOrStoredAsPlainTextAndNeverRenderedAsHtml() throws Exception {
		var empty = fresh.copyOf("aarhus");
		var refused = HsdsFiles.JSON.createObjectNode();
		var bad = refused.putArray("services");
		bad.addObject()
			.put("id", UUID.randomUUID().toString())
			.put("name", "Lang")
			.put("status", "active")
			.put("description", "x".repeat(100_000));
		bad.addObject()
			.put("id", UUID.randomUUID().toString())
			.put("name", "Klokke\u0007tegn")
			.put("status", "active");
		bad.addObject()
			.put("id", UUID.randomUUID().toString())
			.put("name", "Usynlig\u202Eretning")
			.put("status", "active");

		var report = importer.importFile(empty.editor(), "fjendtlig.json", "application/json", bytes(refused), true);

		assertThat(report.refused()).isTrue();
		assertThat(report.problems()).hasSize(3)
			.anySatisfy(problem -> assertThat(problem).endsWith("feltet description er for langt: højst 6302 tegn, "
					+ "men det er 100000"))
			.anySatisfy(problem -> assertThat(problem).endsWith("feltet name indeholder usynlige kontroltegn"));
		assertThat(String.join("", report.problems())).doesNotContain("xxxxxxxxxx");
		assertNothingImported(empty);

		var script = "<script>alert('x')</script> Café 🙂 '; drop table service; --";
		var stored = HsdsFiles.JSON.createObjectNode();
		stored.putArray("services")
			.addObject()
			.put("id", UUID.randomUUID().toString())
			.put("name", script)
			.put("status", "active")
			.put("description", "<img src=x onerror=alert(1)>");

		var accepted = importer.importFile(empty.editor(), "script.json", "application/json", bytes(stored), true);

		assertThat(accepted.refused()).isFalse();
		var service = services.findByMunicipalityId(empty.municipality().id()).getFirst();
		assertThat(service.name()).isEqualTo(script);
		assertThat(service.summary()).isEqualTo("<img src=x onerror=alert(1)>");
		var page = mvc.perform(get("/" + empty.municipality().slug() + "/indsatser/" + service.key()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).doesNotContain("<script>alert", "<img src=x")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Café 🙂", "&lt;img src=x onerror=alert(1)&gt;");
		assertThat(jdbc.sql("select count(*) from service").query(Integer.class).single()).isPositive();
	}

	// Helpers

	private void assertNothingImported(FreshMunicipalities.Fresh municipality) {
		var id = municipality.municipality().id();
		assertThat(services.findByMunicipalityId(id)).isEmpty();
		assertThat(historyRows(id)).isZero();
		assertThat(partnerCount(id)).isEqualTo(partnerCount(municipalities.getBySlug("aarhus").id()));
		assertThat(municipalities.strategyOf(id).orElseThrow().focusAreas()).noneMatch(
				area -> area.key().equals(HsdsImport.FALLBACK_KEY));
	}

	/**
	 * The id a row from a file gets in the municipality: the file's own, unless a row of the table already has it;
	 * then one made from the municipality and the file's id.
	 */
	private UUID idIn(FreshMunicipalities.Fresh municipality, String table, String kind, String fileId) {
		var taken = jdbc.sql("select count(*) from " + table + " where id = ?")
			.param(UUID.fromString(fileId))
			.query(Integer.class)
			.single() > 0;
		return taken ? DeterministicIds.of("import", municipality.municipality().id().toString(), kind, fileId)
				: UUID.fromString(fileId);
	}

	JsonNode exportJson(String slug) throws Exception {
		return json(mvc.perform(get("/api/municipalities/" + slug + "/hsds/export.json"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
	}

	byte[] exportZip(String slug) throws Exception {
		return mvc.perform(get("/api/municipalities/" + slug + "/hsds/export.zip"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	/** An export document with only the named service. */
	private static ObjectNode oneServiceDocument(JsonNode document, String name) {
		var copy = (ObjectNode) document.deepCopy();
		var only = HsdsFiles.JSON.createArrayNode().add(service(copy, name).deepCopy());
		copy.set("services", only);
		return copy;
	}

	private static JsonNode service(JsonNode document, String name) {
		return document.get("services")
			.valueStream()
			.filter(service -> service.get("name").asString().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private Service serviceNamed(FreshMunicipalities.Fresh municipality, String name) {
		return services.findByMunicipalityId(municipality.municipality().id())
			.stream()
			.filter(service -> service.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	int historyRows(UUID municipalityId) {
		return jdbc.sql("select count(*) from service_change where municipality_id = ?")
			.param(municipalityId)
			.query(Integer.class)
			.single();
	}

	/** Each service's version, by id. */
	Map<UUID, Integer> versions(UUID municipalityId) {
		Map<UUID, Integer> versions = new LinkedHashMap<>();
		services.findByMunicipalityId(municipalityId).forEach(service -> versions.put(service.id(), service.version()));
		return versions;
	}

	int partnerCount(UUID municipalityId) {
		return municipalities.partnersOf(municipalityId).size();
	}

	/**
	 * A CSV row as JSON with numbers where the table schema has numbers. An empty cell is an empty text where the
	 * column is required (CSV cannot tell an empty text from none), and left out elsewhere.
	 */
	private static String typedRow(String schemaFile, Map<String, String> row) {
		var node = HsdsFiles.JSON.createObjectNode();
		var numbers = Set.of("minimum_age", "maximum_age", "amount", "available", "maximum", "latitude", "longitude",
				"year_incorporated", "extension", "timezone", "count", "interval");
		var required = HsdsSchemas.load().requiredColumnsOf(schemaFile);
		row.forEach((column, value) -> {
			if (value.isEmpty() && !required.contains(column)) {
				return;
			}
			if (numbers.contains(column)) {
				node.put(column, new BigDecimal(value));
			}
			else {
				node.put(column, value);
			}
		});
		return node.toString();
	}
}
