package dk.helhed.citizen.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.audit.AuditEvent.Action;
import dk.helhed.audit.AuditEvent.Basis;
import dk.helhed.citizen.CaseRecords.Consent;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.LegalBasisCode;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.AccessPolicy.Ground;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;

/**
 * The grounds for sharing a citizen's information between units: consents (recorded, confirmed by a holding unit,
 * withdrawn) and legal bases. Only a unit in the citizen's case records them.
 */
@Component
@Transactional
public class SharingBases {

	/** A consent as the citizen gave it. */
	public record NewConsent(String purpose, Set<InformationCategory> categories, List<Recipient> recipients,
			LocalDate givenOn, LocalDate expiresOn, GivenHow givenHow, String signedReference) {

		public NewConsent(String purpose, Set<InformationCategory> categories, List<Recipient> recipients,
				LocalDate givenOn, LocalDate expiresOn, GivenHow givenHow) {
			this(purpose, categories, recipients, givenOn, expiresOn, givenHow, null);
		}
	}

	private final CaseSupport cases;
	private final GroundStore grounds;

	SharingBases(CaseSupport cases, GroundStore grounds) {
		this.cases = cases;
		this.grounds = grounds;
	}

	/** Records a consent the citizen gave; only a unit in the citizen's case may record it. */
	public UUID recordConsent(StaffMember staff, UUID citizenId, NewConsent consent) {
		var loaded = cases.ownCase(staff, citizenId, "consent");
		var purpose = CaseSupport.text(consent.purpose(), 300, true, "Formålet");
		if (consent.categories() == null || consent.categories().isEmpty()) {
			throw new InvalidRequestException("Vælg mindst én kategori af oplysninger.");
		}
		if (consent.recipients() == null || consent.recipients().isEmpty()) {
			throw new InvalidRequestException("Vælg mindst én modtager.");
		}
		cases.requireKnownRecipients(staff.municipalityId(), consent.recipients());
		if (consent.givenOn() == null || consent.expiresOn() == null || consent.givenHow() == null) {
			throw new InvalidRequestException("Skriv hvornår samtykket er givet, hvornår det udløber, og hvordan.");
		}
		if (consent.expiresOn().isBefore(consent.givenOn()) || consent.givenOn().isAfter(cases.today())
				|| consent.expiresOn().isAfter(consent.givenOn().plusYears(5))) {
			throw new InvalidRequestException(
					"Samtykket skal være givet senest i dag og udløbe efter det er givet og inden for fem år.");
		}
		var reference = CaseSupport.text(consent.signedReference(), 100, false,
				"Henvisningen til den underskrevne erklæring");
		if (reference != null && !staff.has(Role.TEAM_LEAD)) {
			throw new InvalidRequestException("Kun en teamleder kan henvise til en underskrevet samtykkeerklæring. "
					+ "Lad feltet stå tomt: så deler samtykket det, din enhed har, og de andre enheder bekræfter selv.");
		}
		var recordedFor = cases.actingParty(staff, loaded);
		var id = grounds.insertConsent(staff.municipalityId(), loaded.id(), purpose,
				EnumSet.copyOf(consent.categories()), List.copyOf(new LinkedHashSet<>(consent.recipients())),
				consent.givenOn(), consent.expiresOn(), consent.givenHow(), recordedFor, reference, staff.id(),
				cases.now());
		cases.allowed(staff, citizenId, Action.CREATE, CaseSupport.categories(consent.categories()), Ground.OWN_CASE,
				"consent " + id);
		return id;
	}

	/** A consent of the citizen that has not been withdrawn, for the withdrawal's confirmation page; one audit row. */
	public Consent consentToWithdraw(StaffMember staff, UUID citizenId, UUID consentId) {
		var consent = openConsent(staff, cases.ownCase(staff, citizenId, "consent"), consentId);
		cases.allowed(staff, citizenId, Action.READ, CaseSupport.categories(consent.categories()), Ground.OWN_CASE,
				"consent " + consentId);
		return consent;
	}

	private Consent openConsent(StaffMember staff, CaseSupport.Case loaded, UUID consentId) {
		return loaded.facts()
			.consents()
			.stream()
			.filter(consent -> consent.id().equals(consentId) && !consent.withdrawn())
			.findFirst()
			.orElseThrow(() -> consentNotFound(staff, loaded.id()));
	}

	private NotFoundException consentNotFound(StaffMember staff, UUID citizenId) {
		cases.refuseKnown(staff, citizenId, Action.UPDATE, "consent");
		return new NotFoundException("Samtykket findes ikke eller er allerede trukket tilbage.");
	}

	/**
	 * The citizen withdrew the consent: it stops giving access at once. Any unit in the case may record it (a citizen
	 * may say it anywhere), with the citizen's own words; the units the consent concerned are told.
	 */
	public void withdrawConsent(StaffMember staff, UUID citizenId, UUID consentId, String citizensWords) {
		var loaded = cases.ownCase(staff, citizenId, "consent");
		var consent = openConsent(staff, loaded, consentId);
		var words = withdrawalWords(citizensWords);
		var now = cases.now();
		if (!grounds.withdrawConsent(staff.municipalityId(), citizenId, consentId, words, staff.id(), now)) {
			throw consentNotFound(staff, citizenId);
		}
		// the acting party follows from the involvements, which a withdrawal does not change
		var party = cases.actingParty(staff, loaded);
		var concerned = new LinkedHashSet<Recipient>(consent.recipients());
		if (consent.recordedFor() != null) {
			concerned.add(consent.recordedFor());
		}
		concerned.addAll(consent.confirmedBy());
		concerned.remove(party);
		concerned.forEach(other -> cases.noteStore.notice(staff.municipalityId(), citizenId, other, "CONSENT_WITHDRAWN",
				consentId, party == null ? null : party.unitId(), now));
		cases.allowed(staff, citizenId, Action.UPDATE, null, Ground.OWN_CASE, "consent withdrawn " + consentId);
	}

	/** How the citizen said it, as the staff member writes it down: checked before anything else is shown. */
	public static String withdrawalWords(String words) {
		var written = words == null ? "" : words.strip().replace("\r\n", "\n");
		if (written.length() < 5 || written.length() > 500 || CaseSupport.hasControlCharacters(written)) {
			throw new InvalidRequestException(
					"Skriv med mindst 5 og højst 500 tegn, hvad borgeren sagde, da samtykket blev trukket tilbage.");
		}
		return written;
	}

	/**
	 * The staff member's unit (or organisation), in the citizen's case, confirms that what it holds is passed on under
	 * the consent: the holding unit decides (security.md item 3a). Confirming twice changes nothing.
	 */
	public void confirmConsent(StaffMember staff, UUID citizenId, UUID consentId) {
		var loaded = cases.ownCase(staff, citizenId, "consent");
		var consent = openConsent(staff, loaded, consentId);
		var party = cases.actingParty(staff, loaded);
		if (!consent.sharesWhatIsHeldBy(party)) {
			grounds.confirmConsent(staff.municipalityId(), consentId, party, staff.id(), cases.now());
		}
		cases.allowed(staff, citizenId, Action.UPDATE, CaseSupport.categories(consent.categories()), Ground.OWN_CASE,
				"consent confirmed " + consentId);
	}

	/**
	 * Records a legal basis for sharing, chosen from the list, instead of a consent. Only a team lead of a unit in the
	 * citizen's case may.
	 */
	public UUID recordLegalBasis(StaffMember staff, UUID citizenId, LegalBasisCode code,
			Set<InformationCategory> categories, Recipient recipient, LocalDate validUntil) {
		if (!staff.has(Role.TEAM_LEAD)) {
			cases.refuse(staff, citizenId, Action.CREATE, "legal basis");
			throw new AccessDeniedException("Only team leads record legal bases");
		}
		var loaded = cases.ownCase(staff, citizenId, "legal basis");
		if (code == null || categories == null || categories.isEmpty() || recipient == null || validUntil == null) {
			throw new InvalidRequestException("Vælg lovgrundlag, kategorier, modtager og hvor længe det gælder.");
		}
		var today = cases.today();
		if (validUntil.isBefore(today) || validUntil.isAfter(today.plusYears(2))) {
			throw new InvalidRequestException("Lovgrundlaget skal gælde fra i dag og højst to år frem.");
		}
		cases.requireKnownRecipients(staff.municipalityId(), List.of(recipient));
		var recordedFor = cases.actingParty(staff, loaded);
		var id = grounds.insertLegalBasis(staff.municipalityId(), loaded.id(), code, EnumSet.copyOf(categories),
				recipient, validUntil, recordedFor == null ? null : recordedFor.unitId(), staff.id(), cases.now());
		cases.allowed(staff, citizenId, Action.CREATE, CaseSupport.categories(categories),
				new Ground(Basis.LEGAL_BASIS, code.name()), "legal basis " + id);
		return id;
	}

}
