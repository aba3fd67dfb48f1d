package dk.helhed.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The records of case work about a citizen, as the citizen module hands them out (after its access decisions).
 */
public final class CaseRecords {

	private CaseRecords() {
	}

	public enum Kind {
		IDENTIFIED, ANONYMOUS
	}

	public enum Status {
		OPEN, CLOSED, ANONYMISED
	}

	/** On which ground a unit or organisation works with a citizen. */
	public enum InvolvementBasis {
		OWN_CASE, CONSENT, LEGAL_BASIS, REFERRAL,
		/** The unit registered a CPR number the municipality already knew: its own case, its own notes only. */
		JOINED_BY_CPR,
		/**
		 * A unit of the case involved a partner organisation, with a reason (the unit's id is the basis reference):
		 * the organisation's own case, its own notes, and only what a consent the holding unit passed on gives it.
		 */
		INVOLVED_BY_UNIT
	}

	/** How a consent was given. */
	public enum GivenHow {
		WRITTEN, VERBAL, DIGITAL
	}

	/** The legal bases that may stand instead of a consent, chosen from a list (security.md item 3). */
	public enum LegalBasisCode {
		/** Cooperation between police, social authorities and psychiatry to prevent crime (PSP/SSP+). */
		RETSPLEJELOVEN_115,
		/** Obtaining information needed to decide a case, where the citizen does not consent. */
		RETSSIKKERHEDSLOVEN_11B
	}

	/**
	 * A citizen as a staff member may see them. The CPR number is given only masked (date part).
	 */
	public record Citizen(UUID id, UUID municipalityId, Kind kind, String maskedCpr, String name, String pseudonym,
			Integer birthYear, String phone, String email, String address, String preferredLanguage, Status status,
			LocalDate closedOn, UUID joinedInto, boolean synthetic) {

		public String displayName() {
			return kind == Kind.IDENTIFIED ? name : pseudonym;
		}
	}

	/**
	 * A unit or partner organisation that works with the citizen.
	 *
	 * @param reason why a unit involved a partner organisation (null for other involvements)
	 */
	public record Involvement(UUID id, UUID unitId, UUID partnerId, InvolvementBasis basis, String basisRef,
			LocalDate since, LocalDate endedOn, String reason) {

		/** The unit or organisation. */
		public Recipient party() {
			return new Recipient(unitId, partnerId);
		}

		public boolean activeOn(LocalDate day) {
			return !since.isAfter(day) && (endedOn == null || endedOn.isAfter(day));
		}
	}

	/** Who a consent or legal basis lets see the information: a unit or a partner organisation. */
	public record Recipient(UUID unitId, UUID partnerId) {
	}

	/**
	 * A consent the citizen gave.
	 *
	 * @param recordedFor the unit or organisation the consent was recorded for: what it holds is shared
	 * @param signedReference a team lead's reference to the signed consent: then what every unit holds is shared
	 * @param confirmedBy the holding units (or organisations) that confirmed that what they hold is shared too
	 * @param withdrawalWords how the citizen said they withdrew it, in their own words
	 */
	public record Consent(UUID id, String purpose, Set<InformationCategory> categories, List<Recipient> recipients,
			LocalDate givenOn, LocalDate expiresOn, GivenHow givenHow, UUID recordedBy, Instant recordedAt,
			Instant withdrawnAt, Recipient recordedFor, String signedReference, List<Recipient> confirmedBy,
			UUID withdrawnBy, String withdrawalWords) {

		/** Whether this consent passes on what the given holding party holds. */
		public boolean sharesWhatIsHeldBy(Recipient holder) {
			return signedReference != null || holder.equals(recordedFor) || confirmedBy.contains(holder);
		}

		/** In force: given, not expired, not withdrawn. */
		public boolean activeOn(LocalDate day) {
			return withdrawnAt == null && !givenOn.isAfter(day) && !expiresOn.isBefore(day);
		}

		public boolean withdrawn() {
			return withdrawnAt != null;
		}
	}

	/**
	 * A legal basis recorded instead of a consent.
	 *
	 * @param recordedFor the lead's unit that recorded it: what it holds is shared
	 */
	public record LegalBasis(UUID id, LegalBasisCode code, Set<InformationCategory> categories, Recipient recipient,
			LocalDate validUntil, UUID recordedBy, Instant recordedAt, Instant revokedAt, Recipient recordedFor) {

		public boolean activeOn(LocalDate day) {
			return revokedAt == null && !validUntil.isBefore(day);
		}
	}

	/** Access "breaking the glass": a written reason, a time limit, a flag for the unit's lead. */
	public record EmergencyAccess(UUID id, UUID citizenId, UUID staffId, UUID unitId, String reason,
			Instant grantedAt, Instant expiresAt, UUID seenByLead, Instant seenAt, UUID reviewerId) {

		public boolean activeAt(Instant moment) {
			return !grantedAt.isAfter(moment) && expiresAt.isAfter(moment);
		}
	}

	public record Note(UUID id, UUID unitId, UUID partnerId, UUID serviceId, InformationCategory category, String text,
			UUID writtenBy, String writtenByName, Instant writtenAt) {
	}
}
