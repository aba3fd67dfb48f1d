package dk.helhed.catalog.internal.editions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dk.helhed.catalog.CatalogChanged;
import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.catalog.internal.editions.Edition.Origin;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.MunicipalitySeeded;
import dk.helhed.platform.FieldRules;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;

/**
 * The published editions of each municipality's catalog. A catalog editor publishes the catalog as it is now as the
 * next numbered edition; the edition keeps a frozen copy of everything the printed catalog shows, so earlier editions
 * stay readable, printable and comparable however the services change later.
 * <p>
 * Numbering continues from the highest edition known, stored or named in the catalog's data: Aabenraa's data file
 * describes the printed 4th edition of July 2026, which is stored as edition 4 when the data file is loaded, and the
 * first edition published in Helhed is the 5th.
 */
@Component
@Transactional(readOnly = true)
public class Editions {

	public static final int MAX_LABEL_LENGTH = 60;
	public static final int MAX_NOTE_LENGTH = 1000;

	private static final Logger log = LoggerFactory.getLogger(Editions.class);
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.of("da"));

	private final JdbcClient jdbc;
	private final Catalogs catalogs;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Editions(JdbcClient jdbc, Catalogs catalogs, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.catalogs = catalogs;
		this.events = events;
		this.clock = clock;
	}

	/** The municipality's editions, newest first. */
	public List<Edition> of(UUID municipalityId) {
		return jdbc.sql(SELECT + " where municipality_id = ? order by edition_number desc")
			.param(municipalityId)
			.query(Editions::edition)
			.list();
	}

	public Optional<Edition> latest(UUID municipalityId) {
		return of(municipalityId).stream().findFirst();
	}

	/** The edition with the given number, or 404. */
	public Edition get(UUID municipalityId, int number) {
		return jdbc.sql(SELECT + " where municipality_id = ? and edition_number = ?")
			.params(municipalityId, number)
			.query(Editions::edition)
			.optional()
			.orElseThrow(() -> new NotFoundException("Udgaven findes ikke."));
	}

	/** What the edition contains, as the print view and the PDF read it. */
	public CatalogSnapshot snapshot(Edition edition) {
		var json = jdbc.sql("select content from catalog_edition where municipality_id = ? and id = ?")
			.params(edition.municipalityId(), edition.id())
			.query(String.class)
			.single();
		return FrozenCatalog.read(json).snapshot();
	}

	/** What changed from one edition to another. */
	public EditionDiff diff(UUID municipalityId, int from, int to) {
		var older = get(municipalityId, from);
		var newer = get(municipalityId, to);
		return EditionComparison.between(older.label(), snapshot(older), newer.label(), snapshot(newer));
	}

	/** What changed from an edition to the catalog as it is now. */
	public EditionDiff sinceEdition(UUID municipalityId, int from, String currentLabel) {
		var edition = get(municipalityId, from);
		return EditionComparison.between(edition.label(), snapshot(edition), currentLabel,
				catalogs.of(municipalityId));
	}

	/**
	 * What publishing now would make, checked exactly as {@link #publish} checks it; nothing is stored. The catalog
	 * editor's confirmation page shows it.
	 *
	 * @throws InvalidRequestException as {@link #publish} does
	 */
	public Draft draft(StaffMember editor, String label, String note) {
		return prepare(editor, label, note).draft();
	}

	/**
	 * The next edition: its number and label, the day it is published, how many services it holds and the edition
	 * before it, if any.
	 */
	public record Draft(int number, String label, String note, LocalDate published, int serviceCount,
			Optional<Edition> previous) {
	}

	private record Prepared(Draft draft, CatalogSnapshot current) {
	}

	/**
	 * Publishes the catalog as it is now as the next edition, dated today.
	 * <p>
	 * An edition identical to the previous one needs a reason: it is refused unless the editor writes a note (say, a
	 * yearly reissue after every service was reviewed), so that nobody publishes one by accident.
	 *
	 * @param label e.g. "Forårsudgave 2027"; blank for "5. udgave"
	 * @param note what the edition is about; may be blank
	 * @throws InvalidRequestException with a message in Danish if the label or note is not acceptable, the catalog has
	 * no active services, or nothing changed and there is no note
	 */
	@Transactional
	public Edition publish(StaffMember editor, String label, String note) {
		var prepared = prepare(editor, label, note);
		var draft = prepared.draft();
		var current = prepared.current();
		var municipalityId = editor.municipalityId();
		var number = draft.number();
		var edition = store(current, number, draft.label(), draft.published(), Origin.PUBLISHED, editor,
				draft.note());
		// The catalog's own edition fields say which edition the live catalog continues from, on the print view.
		jdbc.sql("update catalog set edition = ?, edition_label = ?, published = ? where municipality_id = ?")
			.params(edition.number(), edition.label(), edition.published(), municipalityId)
			.update();
		events.publishEvent(new CatalogChanged(municipalityId));
		log.info("{} published edition {} of the catalog of {}", editor.username(), number, municipalityId);
		return edition;
	}

	private Prepared prepare(StaffMember editor, String label, String note) {
		if (!editor.isCatalogEditor()) {
			throw new AccessDeniedException("Catalog editor role required");
		}
		var cleanLabel = text(label, MAX_LABEL_LENGTH, "Betegnelsen", false);
		var cleanNote = text(note, MAX_NOTE_LENGTH, "Noten", true);
		var municipalityId = editor.municipalityId();
		// Another instance may have changed the catalog moments ago: publish what the database holds now.
		catalogs.changed(municipalityId);
		var current = catalogs.of(municipalityId);
		if (current.isEmpty()) {
			throw new InvalidRequestException("Kataloget har ingen aktive indsatser og kan ikke udgives.");
		}
		var latest = latest(municipalityId);
		if (latest.isPresent() && cleanNote == null) {
			var previous = latest.get();
			if (EditionComparison.between(previous.label(), snapshot(previous), "", current).isEmpty()) {
				throw new InvalidRequestException("Intet er ændret siden " + previous.label() + " (udgivet "
						+ DAY.format(previous.published()) + "). Skriv i noten, hvorfor der alligevel skal "
						+ "udgives en ny udgave.");
			}
		}
		var knownEdition = current.info().edition() == null ? 0 : current.info().edition();
		var number = Math.max(latest.map(Edition::number).orElse(0), knownEdition) + 1;
		var draft = new Draft(number, cleanLabel == null ? number + ". udgave" : cleanLabel, cleanNote,
				LocalDate.now(clock), current.services().size(), latest);
		return new Prepared(draft, current);
	}

	/**
	 * Stores the edition a municipality's data file describes (number, label and date in its catalog section) as it
	 * was loaded, in the same transaction, after the services have been loaded.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	@Transactional
	void on(MunicipalitySeeded event) {
		var catalog = catalogs.of(event.municipalityId());
		var info = catalog.info();
		if (!info.exists() || info.edition() == null || info.edition() < 1 || info.published() == null
				|| catalog.isEmpty() || latest(event.municipalityId()).isPresent()) {
			return;
		}
		var label = info.editionLabel() == null ? info.edition() + ". udgave" : info.editionLabel();
		store(catalog, info.edition(), label, info.published(), Origin.SEED, null, null);
		// The snapshot above was built inside the loading transaction; let the first reader build it from committed data.
		catalogs.changed(event.municipalityId());
	}

	private Edition store(CatalogSnapshot catalog, int number, String label, LocalDate published, Origin origin,
			StaffMember by, String note) {
		var frozen = FrozenCatalog.of(catalog, number, label, published);
		var id = UUID.randomUUID();
		var municipalityId = catalog.municipality().id();
		try {
			jdbc.sql("""
					insert into catalog_edition (id, municipality_id, edition_number, label, published, origin, recorded_at,
					                             recorded_by, recorded_by_name, note, service_count, content)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, municipalityId, number, label, published, origin.name(),
						OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), by == null ? null : by.id(),
						by == null ? null : by.displayName(), note, frozen.services().size(), frozen.json())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidRequestException("Der blev udgivet en anden udgave med nummer " + number
					+ " samtidig. Se listen over udgaver, før du udgiver igen.");
		}
		return get(municipalityId, number);
	}

	private static String text(String value, int maxLength, String what, boolean multiline) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var text = value.strip();
		if (text.length() > maxLength) {
			throw new InvalidRequestException(what + " må højst være " + maxLength + " tegn.");
		}
		if (FieldRules.hasInvisibleCharacters(text) || (!multiline && text.chars().anyMatch(c -> c == '\n' || c == '\r'
				|| c == '\t'))) {
			throw new InvalidRequestException(what + " indeholder tegn, der ikke kan gemmes (kontroltegn).");
		}
		return text;
	}

	private static final String SELECT = """
			select id, municipality_id, edition_number, label, published, origin, recorded_at, recorded_by_name, note,
			       service_count
			from catalog_edition""";

	private static Edition edition(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
		return new Edition(row.getObject("id", UUID.class), row.getObject("municipality_id", UUID.class),
				row.getInt("edition_number"), row.getString("label"), row.getObject("published", LocalDate.class),
				Origin.valueOf(row.getString("origin")),
				row.getObject("recorded_at", OffsetDateTime.class).toInstant(), row.getString("recorded_by_name"),
				row.getString("note"), row.getInt("service_count"));
	}
}
