package dk.helhed.citizen.internal;

import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.audit.AuditEvent.Action;
import dk.helhed.catalog.ServiceStatus;
import dk.helhed.catalog.Services;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.AccessPolicy.Ground;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.InvalidRequestException;

/** Writing a case note: the case is read once, the note written, one audit row. */
@Component
@Transactional
public class NoteWriting {

	private final CaseSupport cases;
	private final CitizenStore store;

	private final CaseNoteStore noteStore;
	private final Services services;

	NoteWriting(CaseSupport cases, CitizenStore store, CaseNoteStore noteStore, Services services) {
		this.cases = cases;
		this.store = store;
		this.noteStore = noteStore;
		this.services = services;
	}

	/**
	 * A note by the staff member's unit in one information category. Only a unit in the citizen's case writes notes,
	 * criminal matters need their own permission, and the service a note names (if any) must be one the municipality
	 * offers now and whose advisers keep records: none may be written as part of a service that keeps none
	 * (security.md item 13).
	 */
	public UUID writeNote(StaffMember staff, UUID citizenId, InformationCategory category, String text,
			UUID serviceId) {
		var loaded = cases.ownCase(staff, citizenId, "note");
		if (category == null) {
			throw new InvalidRequestException("Vælg notatets kategori.");
		}
		if (category.needsOwnPermission() && !staff.has(Role.CRIMINAL_MATTERS)) {
			cases.refuseKnown(staff, citizenId, Action.CREATE, "note");
			throw new AccessDeniedException("Criminal matters need their own permission");
		}
		var body = text == null ? "" : text.strip().replace("\r\n", "\n");
		if (body.isEmpty() || body.length() > 8000 || CaseSupport.hasControlCharacters(body)) {
			throw new InvalidRequestException("Notatet skal have 1 til 8000 tegn og må ikke indeholde kontroltegn.");
		}
		if (serviceId != null) {
			var service = services.find(staff.municipalityId(), serviceId)
				.orElseThrow(() -> new InvalidRequestException("Indsatsen findes ikke i kommunens katalog."));
			if (service.status() != ServiceStatus.ACTIVE) {
				throw new InvalidRequestException("„" + service.name()
						+ "“ er udfaset. Vælg en anden indsats, eller lad feltet stå tomt.");
			}
			if (service.keepsNoRecords()) {
				throw new InvalidRequestException("„" + service.name()
						+ "“ fører ikke optegnelser om de borgere, den hjælper. Der kan ikke skrives notater om en "
						+ "borger som en del af den.");
			}
		}
		var author = cases.actingParty(staff, loaded);
		var id = noteStore.insertNote(staff.municipalityId(), loaded.id(), author, serviceId, category, body, staff.id(),
				staff.displayName(), cases.now());
		cases.allowed(staff, citizenId, Action.CREATE, category.name().toLowerCase(), Ground.OWN_CASE, "note " + id);
		return id;
	}

}
