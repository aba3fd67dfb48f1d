package dk.helhed.citizen.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.citizen.CaseRecords.Consent;
import dk.helhed.citizen.CaseRecords.LegalBasis;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseView;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.TimelineEntry;
import dk.helhed.citizen.TimelineEntry.Kind;
import dk.helhed.citizen.TimelineSource;
import dk.helhed.citizen.web.Labels;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;

/**
 * The citizen module's part of the timeline: who came into and left the case, consents given and withdrawn, legal
 * bases recorded and revoked, and notes. What is shown follows the citizen's page: a unit in the case (or with an
 * emergency access) sees who is involved and every consent and legal basis; a reader outside the case only the
 * consents and legal bases that let it in, since the name of a unit (an addiction centre) can itself be information
 * no consent gave it. A note only where the gate's view covers its category for the unit that wrote it.
 */
@Component
class CitizenTimeline implements TimelineSource {

	private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
	private static final Labels LABELS = new Labels();

	private final CitizenStore store;

	private final CaseNoteStore noteStore;
	private final GroundStore grounds;
	private final Municipalities municipalities;
	private final Clock clock;

	CitizenTimeline(CitizenStore store, CaseNoteStore noteStore,
			GroundStore grounds, Municipalities municipalities, Clock clock) {
		this.store = store;
		this.noteStore = noteStore;
		this.grounds = grounds;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	@Override
	public List<TimelineEntry> entriesFor(CaseView view, StaffMember viewer) {
		var municipalityId = view.municipalityId();
		var citizenId = view.citizenId();
		var names = names(municipalityId);
		var link = "/personale/borgere/" + citizenId;
		boolean wholeRecord = view.ownCase()
				|| view.shares().stream().anyMatch(share -> share.ground().basis() == Basis.EMERGENCY);
		var today = LocalDate.now(clock);
		List<TimelineEntry> entries = new ArrayList<>();
		if (wholeRecord) {
			for (var involvement : store.involvements(municipalityId, citizenId)) {
				var party = new Recipient(involvement.unitId(), involvement.partnerId());
				entries.add(new TimelineEntry(startOf(involvement.since()), Kind.INVOLVEMENT, null, party,
						name(names, party) + " kom med i sagen", LABELS.of(involvement.basis()), link));
				if (involvement.endedOn() != null) {
					entries.add(new TimelineEntry(startOf(involvement.endedOn()), Kind.INVOLVEMENT, null, party,
							name(names, party) + " afsluttede sin del af sagen", null, link));
				}
			}
		}
		var lettingIn = view.shares()
			.stream()
			.map(share -> share.ground())
			.filter(ground -> ground.reference() != null)
			.map(ground -> ground.basis() + " " + ground.reference())
			.collect(Collectors.toSet());
		for (var consent : grounds.consents(municipalityId, citizenId)) {
			if (!wholeRecord && !lettingIn.contains(Basis.CONSENT + " " + consent.id())) {
				continue;
			}
			entries.add(new TimelineEntry(consent.recordedAt(), Kind.CONSENT, null, consent.recordedFor(),
					"Samtykke givet: " + consent.purpose(), consentDetail(consent, names), link));
			if (consent.withdrawn()) {
				entries.add(new TimelineEntry(consent.withdrawnAt(), Kind.CONSENT, null, consent.recordedFor(),
						"Samtykke trukket tilbage: " + consent.purpose(),
						consent.withdrawalWords() == null ? null : "Borgerens ord: " + consent.withdrawalWords(), link));
			}
		}
		for (var basis : grounds.legalBases(municipalityId, citizenId)) {
			if (!wholeRecord && !(basis.activeOn(today) && view.isOwn(basis.recipient())
					&& lettingIn.contains(Basis.LEGAL_BASIS + " " + basis.code().name()))) {
				continue;
			}
			entries.add(new TimelineEntry(basis.recordedAt(), Kind.LEGAL_BASIS, null, basis.recordedFor(),
					"Lovgrundlag registreret: " + LABELS.of(basis.code()), legalBasisDetail(basis, names), link));
			if (basis.revokedAt() != null) {
				entries.add(new TimelineEntry(basis.revokedAt(), Kind.LEGAL_BASIS, null, basis.recordedFor(),
						"Lovgrundlag ophævet: " + LABELS.of(basis.code()), null, link));
			}
		}
		for (var note : noteStore.notes(municipalityId, citizenId)) {
			var holder = new Recipient(note.unitId(), note.partnerId());
			if (view.sees(note.category(), holder)) {
				entries.add(new TimelineEntry(note.writtenAt(), Kind.NOTE, note.category(), holder,
						"Notat: " + LABELS.of(note.category()), note.text(), link));
			}
		}
		return entries;
	}

	private static String consentDetail(Consent consent, Map<UUID, String> names) {
		return "Om " + categories(consent.categories()) + " til "
				+ consent.recipients().stream().map(party -> name(names, party)).collect(Collectors.joining(", "))
				+ ". Gælder til " + LABELS.date(consent.expiresOn()) + ".";
	}

	private static String legalBasisDetail(LegalBasis basis, Map<UUID, String> names) {
		return "Om " + categories(basis.categories()) + " til " + name(names, basis.recipient()) + ". Gælder til "
				+ LABELS.date(basis.validUntil()) + ".";
	}

	private static String categories(Set<InformationCategory> categories) {
		return categories.stream()
			.sorted()
			.map(category -> LABELS.of(category).toLowerCase(java.util.Locale.of("da")))
			.collect(Collectors.joining(", "));
	}

	private Map<UUID, String> names(UUID municipalityId) {
		Map<UUID, String> names = new HashMap<>();
		municipalities.unitsOf(municipalityId).forEach(unit -> names.put(unit.id(), unit.name()));
		municipalities.partnersOf(municipalityId).forEach(partner -> names.put(partner.id(), partner.name()));
		return names;
	}

	private static String name(Map<UUID, String> names, Recipient party) {
		if (party == null) {
			return "En enhed";
		}
		var id = party.unitId() != null ? party.unitId() : party.partnerId();
		return names.getOrDefault(id, "En enhed");
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(DANISH_TIME).toInstant();
	}
}
