package dk.helhed.catalog.editions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.convention.TestBean;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.CatalogEditing;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.catalog.internal.ServiceFields.FieldChange;
import dk.helhed.catalog.internal.editions.Edition.Origin;
import dk.helhed.catalog.internal.editions.Edition;
import dk.helhed.catalog.internal.editions.EditionDiff;
import dk.helhed.catalog.internal.editions.Editions;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.support.StaffFixture;

/**
 * Publishing numbered, frozen editions of the catalog and comparing them. Runs on H2 and on PostgreSQL.
 * <p>
 * The tests share one database and do not assume an order: each compares with the latest edition as it finds it.
 */
abstract class EditionsTests {

	@Autowired
	StaffFixture demo;

	static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

	@TestBean(name = "clock", methodName = "dk.helhed.catalog.editions.EditionsTests#marchClock")
	Clock clock;

	static Clock marchClock() {
		return Clock.fixed(NOW, ZoneId.of("Europe/Copenhagen"));
	}

	@Autowired
	Editions editions;

	@Autowired
	CatalogEditing editing;

	@Autowired
	Catalogs catalogs;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	UUID aabenraa() {
		return municipalities.getBySlug("aabenraa").id();
	}

	Service service(String key) {
		return catalogs.of("aabenraa").service(key).orElseThrow();
	}

	int storedEditions() {
		return jdbc.sql("select count(*) from catalog_edition").query(Integer.class).single();
	}

	@Test
	void theDataFilesEditionIsStoredAsTheFourthEditionOfJuly2026() {
		var seeded = editions.get(aabenraa(), 4);

		assertThat(seeded.label()).isEqualTo("4. udgave");
		assertThat(seeded.published()).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(seeded.origin()).isEqualTo(Origin.SEED);
		assertThat(seeded.recordedByName()).isNull();
		assertThat(seeded.serviceCount()).isEqualTo(42);
		var contents = editions.snapshot(seeded);
		assertThat(contents.services()).hasSize(42);
		assertThat(contents.info().title()).isEqualTo("Indsatskatalog 2026-2027");
		assertThat(contents.info().editionLabel()).isEqualTo("4. udgave");
		assertThat(contents.focusAreas()).extracting(area -> area.name())
			.startsWith("Rehabilitering og forebyggelse")
			.hasSize(7);
		assertThat(contents.partners()).isNotEmpty();
		assertThat(editions.of(aabenraa())).extracting(Edition::number).endsWith(4);
	}

	@Test
	void anEditionReadsExactlyLikeTheCatalogItWasPublishedFrom() {
		var published = editions.publish(demo.staff("redaktoer"), null, "Genudgivelse efter gennemgang af alle indsatser.");

		var diff = editions.sinceEdition(aabenraa(), published.number(), "nu");

		assertThat(diff.isEmpty()).as("differences after storing and reading back: %s", diff).isTrue();
		assertThat(editions.snapshot(published).services()).extracting(Service::name)
			.containsExactlyElementsOf(catalogs.of(aabenraa()).services().stream().map(Service::name).toList());
	}

	@Test
	void publishingAfterChangesMakesTheNextNumberedEditionAndTheDiffListsWhatChanged() {
		var editor = demo.staff("redaktoer");
		var previous = editions.latest(aabenraa()).orElseThrow();
		var dental = service("socialtandpleje");
		editing.edit(editor, dental.id(), dental.version(), Renamed.summary(dental, "Gratis tandpleje i Aabenraa."));
		var created = editing.create(editor, "ny-vaerested-" + UUID.randomUUID().toString().substring(0, 8),
				Renamed.name(service("fuldtraefferen"), "Nyt værested på Sønderport"));
		var retired = editing.retire(editor, service("hjemloesemonitorering").id());

		var edition = editions.publish(editor, "  ", "Forårsopdatering.");

		assertThat(edition.number()).isEqualTo(previous.number() + 1);
		assertThat(edition.label()).isEqualTo(edition.number() + ". udgave");
		assertThat(edition.published()).isEqualTo(LocalDate.of(2027, 3, 1));
		assertThat(edition.origin()).isEqualTo(Origin.PUBLISHED);
		assertThat(edition.recordedByName()).isEqualTo("Demo Katalogredaktør");
		assertThat(edition.note()).isEqualTo("Forårsopdatering.");
		assertThat(edition.serviceCount()).isEqualTo(catalogs.of(aabenraa()).services().size());

		EditionDiff diff = editions.diff(aabenraa(), previous.number(), edition.number());
		assertThat(diff.fromLabel()).isEqualTo(previous.label());
		assertThat(diff.toLabel()).isEqualTo(edition.label());
		assertThat(diff.changed()).filteredOn(service -> service.key().equals("socialtandpleje"))
			.singleElement()
			.satisfies(service -> assertThat(service.changes()).containsExactly(
					new FieldChange("summary", dental.summary(), "Gratis tandpleje i Aabenraa.")));
		assertThat(diff.added()).extracting(EditionDiff.ServiceRef::key).contains(created.key());
		assertThat(diff.retired()).extracting(EditionDiff.ServiceRef::name).contains(retired.name());
		assertThat(diff.changed()).extracting(EditionDiff.ChangedService::key)
			.doesNotContain(created.key(), retired.key());

		// The live catalog now continues from the new edition, on the print view too.
		assertThat(catalogs.of(aabenraa()).info().edition()).isEqualTo(edition.number());
		assertThat(catalogs.of(aabenraa()).info().editionLabel()).isEqualTo(edition.label());
	}

	@Test
	void anEditionDoesNotChangeWhenAServiceIsEditedAfterwards() {
		var editor = demo.staff("redaktoer");
		var flats = service("overgangsbolig");
		var edition = editions.publish(editor, "Udgave før omdøbning", "Før omdøbningen af overgangsboligerne.");
		var storedBefore = storedContent(edition);

		editing.edit(editor, flats.id(), flats.version(), Renamed.name(flats, "Overgangsboliger i Aabenraa"));
		editing.retire(editor, service("boliger-paa-kirkeplads").id());

		assertThat(storedContent(edition)).isEqualTo(storedBefore);
		var contents = editions.snapshot(editions.get(aabenraa(), edition.number()));
		assertThat(contents.service("overgangsbolig")).get().extracting(Service::name).isEqualTo(flats.name());
		assertThat(contents.service("boliger-paa-kirkeplads")).isPresent();
		assertThat(contents.info().editionLabel()).isEqualTo("Udgave før omdøbning");
		var since = editions.sinceEdition(aabenraa(), edition.number(), "nu");
		assertThat(since.changed()).filteredOn(service -> service.key().equals("overgangsbolig"))
			.singleElement()
			.satisfies(service -> assertThat(service.changes()).extracting(FieldChange::field).containsExactly("name"));
		assertThat(since.retired()).extracting(EditionDiff.ServiceRef::key).contains("boliger-paa-kirkeplads");
	}

	@Test
	void anEditionIdenticalToThePreviousOneNeedsANote() {
		var editor = demo.staff("redaktoer");
		var baseline = editions.publish(editor, null, "Udgangspunkt for testen.");
		var before = storedEditions();

		assertThatThrownBy(() -> editions.publish(editor, "Samme igen", " "))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("Intet er ændret siden " + baseline.label())
			.hasMessageContaining("Skriv i noten");
		assertThat(storedEditions()).isEqualTo(before);

		var reissue = editions.publish(editor, null, "Årlig genudgivelse; alle indsatser er gennemgået.");
		assertThat(reissue.number()).isEqualTo(baseline.number() + 1);
		assertThat(editions.diff(aabenraa(), baseline.number(), reissue.number()).isEmpty()).isTrue();
	}

	@Test
	void onlyCatalogEditorsPublish() {
		var before = storedEditions();

		assertThatThrownBy(() -> editions.publish(demo.staff("visitation"), null, "Forsøg"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> editions.publish(demo.staff("admin"), null, "Forsøg"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(storedEditions()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "label:61", "label:nul", "label:newline", "label:bidi", "note:1001", "note:escape" })
	void hostileLabelsAndNotesAreRefusedAndNothingIsStored(String attack) {
		var before = storedEditions();
		var label = switch (attack) {
			case "label:61" -> "x".repeat(61);
			case "label:nul" -> "Udgave\u0000";
			case "label:newline" -> "Første linje\nAnden linje";
			case "label:bidi" -> "Udgave \u202Eevag";
			default -> null;
		};
		var note = switch (attack) {
			case "note:1001" -> "ø".repeat(1001);
			case "note:escape" -> "Note med \u001b[31m farve";
			default -> "En note";
		};

		assertThatThrownBy(() -> editions.publish(demo.staff("redaktoer"), label, note))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageMatching("(Betegnelsen|Noten) .*");
		assertThat(storedEditions()).isEqualTo(before);
	}

	@Test
	void longestAcceptableLabelAndNoteAreStoredAsWritten() {
		var label = "æ".repeat(Editions.MAX_LABEL_LENGTH);
		var note = "Linje ét.\nLinje to med ø og å. " + "x".repeat(Editions.MAX_NOTE_LENGTH - 36);

		var edition = editions.publish(demo.staff("redaktoer"), label, note);

		assertThat(edition.label()).isEqualTo(label);
		assertThat(edition.note()).isEqualTo(note.strip());
	}

	@Test
	void unknownEditionsAreNotFound() {
		assertThatThrownBy(() -> editions.get(aabenraa(), 999)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> editions.diff(aabenraa(), 4, 999)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void editionsBelongToTheirMunicipality() {
		var aarhus = municipalities.getBySlug("aarhus").id();

		var before = storedEditions();

		assertThatThrownBy(() -> editions.publish(demo.staff("redaktoer-aarhus"), null, "Første udgave"))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("ingen aktive indsatser");
		assertThat(storedEditions()).isEqualTo(before);
		assertThat(editions.of(aarhus)).isEmpty();
		assertThatThrownBy(() -> editions.get(aarhus, 4)).isInstanceOf(NotFoundException.class);
		assertThat(editions.of(aabenraa())).allSatisfy(edition -> assertThat(edition.municipalityId())
			.isEqualTo(aabenraa()));
	}

	private String storedContent(Edition edition) {
		return jdbc.sql("select content from catalog_edition where id = ?")
			.param(edition.id())
			.query(String.class)
			.single();
	}
}
