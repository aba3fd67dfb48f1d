package dk.helhed.citizen.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.helhed.citizen.internal.Registration;
import dk.helhed.citizen.internal.SharingBases;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.LegalBasisCode;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CprNumber;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.citizen.internal.SharingBases.NewConsent;

/**
 * The forms of the citizen pages as submitted: every value as text, checked field by field with Danish messages
 * before anything reaches case work (which checks again). Field names are the names of the form's inputs.
 */
final class CitizenForms {

	private CitizenForms() {
	}

	/** What a check gives: the value for case work, or the problems by field. */
	record Checked<T>(T value, Map<String, String> errors) {

		boolean valid() {
			return errors.isEmpty();
		}
	}

	/**
	 * @param cprChecked "ja" when the caseworker has checked the CPR number of a citizen known under another name
	 */
	record IdentifiedForm(String cpr, String name, String phone, String email, String address,
			String preferredLanguage, String cprChecked) {

		static IdentifiedForm empty() {
			return new IdentifiedForm("", "", "", "", "", "", "");
		}

		Checked<NewCitizen> check() {
			Map<String, String> errors = new LinkedHashMap<>();
			var problem = CprNumber.problem(cpr);
			if (problem != null) {
				errors.put("cpr", problem);
			}
			FormValues.text(errors, "name", name, 200, true, false, "Navnet");
			FormValues.text(errors, "phone", phone, 40, false, false, "Telefonnummeret");
			FormValues.text(errors, "email", email, 200, false, false, "E-mailadressen");
			FormValues.text(errors, "address", address, 300, false, false, "Adressen");
			FormValues.text(errors, "preferredLanguage", preferredLanguage, 40, false, false, "Sproget");
			return new Checked<>(new NewCitizen(cpr, name, phone, email, address, preferredLanguage,
					"ja".equals(cprChecked)), errors);
		}
	}

	record AnonymousForm(String pseudonym, String birthYear) {

		static AnonymousForm empty() {
			return new AnonymousForm("", "");
		}

		Checked<Integer> check() {
			Map<String, String> errors = new LinkedHashMap<>();
			FormValues.text(errors, "pseudonym", pseudonym, 80, true, false, "Kaldenavnet");
			Integer year = null;
			if (!FormValues.blank(birthYear)) {
				var text = birthYear.strip();
				if (text.matches("[0-9]{4}")) {
					year = Integer.valueOf(text);
				}
				else {
					errors.put("birthYear", "Skriv fødselsåret med fire cifre, fx 1984.");
				}
			}
			return new Checked<>(year, errors);
		}
	}

	record EmergencyForm(String cpr, String reason) {

		Map<String, String> check() {
			Map<String, String> errors = new LinkedHashMap<>();
			var written = FormValues.text(errors, "reason", reason, 2000, true, true, "Begrundelsen");
			if (written != null && written.length() < 20) {
				errors.put("reason", "Beskriv i mindst 20 tegn, hvorfor du har brug for adgang nu.");
			}
			var problem = CprNumber.problem(cpr);
			if (problem != null) {
				errors.put("cpr", problem);
			}
			return errors;
		}
	}

	/** A note's category, and the service it was written in, if any. */
	record NoteValues(InformationCategory category, UUID serviceId) {
	}

	/** @param service the id of the service the note was written in; blank when it belongs to none */
	record NoteForm(String category, String text, String service) {

		static NoteForm empty() {
			return new NoteForm("", "", "");
		}

		Checked<NoteValues> check() {
			Map<String, String> errors = new LinkedHashMap<>();
			var chosen = FormValues.choice(errors, "note-category", category, InformationCategory.class,
					"Vælg notatets kategori.");
			var body = FormValues.text(errors, "note-text", text, 8000, true, true, "Notatet");
			UUID serviceId = null;
			if (!FormValues.blank(service)) {
				serviceId = FormValues.uuid(service);
				if (serviceId == null) {
					errors.put("note-service", "Vælg indsatsen fra listen, eller lad feltet stå tomt.");
				}
			}
			return new Checked<>(new NoteValues(body == null ? null : chosen, serviceId), errors);
		}
	}

	/** @param signedReference a team lead's reference to the signed consent (e.g. its journal number), or blank */
	record ConsentForm(String purpose, List<String> categories, List<String> recipients, String givenOn,
			String expiresOn, String givenHow, String signedReference) {

		static ConsentForm empty(LocalDate today) {
			return new ConsentForm("", List.of(), List.of(), today.toString(), today.plusYears(1).toString(), "", "");
		}

		Checked<NewConsent> check() {
			Map<String, String> errors = new LinkedHashMap<>();
			var text = FormValues.text(errors, "consent-purpose", purpose, 300, true, false, "Formålet");
			var chosen = FormValues.categories(errors, "consent-categories", categories);
			List<Recipient> parties = new ArrayList<>();
			if (recipients != null) {
				for (var value : recipients) {
					var party = FormValues.recipient(value);
					if (party == null) {
						errors.put("consent-recipients", "Vælg modtagere fra listen.");
						break;
					}
					parties.add(party);
				}
			}
			if (parties.isEmpty()) {
				errors.putIfAbsent("consent-recipients", "Vælg mindst én modtager.");
			}
			var given = FormValues.date(errors, "consent-givenOn", givenOn, true, "datoen, samtykket er givet");
			var expires = FormValues.date(errors, "consent-expiresOn", expiresOn, true, "datoen, samtykket udløber");
			var how = FormValues.choice(errors, "consent-givenHow", givenHow, GivenHow.class,
					"Vælg hvordan samtykket er givet.");
			var reference = FormValues.text(errors, "consent-signedReference", signedReference, 100, false, false,
					"Henvisningen til den underskrevne erklæring");
			return new Checked<>(new NewConsent(text, chosen, parties, given, expires, how, reference), errors);
		}
	}

	/** A legal basis chosen from the list. */
	record LegalBasisValues(LegalBasisCode code, Set<InformationCategory> categories, Recipient recipient,
			LocalDate validUntil) {
	}

	record LegalBasisForm(String code, List<String> categories, String recipient, String validUntil) {

		static LegalBasisForm empty() {
			return new LegalBasisForm("", List.of(), "", "");
		}

		Checked<LegalBasisValues> check() {
			Map<String, String> errors = new LinkedHashMap<>();
			var chosen = FormValues.choice(errors, "basis-code", code, LegalBasisCode.class, "Vælg lovgrundlaget.");
			var chosenCategories = FormValues.categories(errors, "basis-categories", categories);
			var party = FormValues.recipient(recipient);
			if (party == null) {
				errors.put("basis-recipient", "Vælg modtageren fra listen.");
			}
			var until = FormValues.date(errors, "basis-validUntil", validUntil, true, "hvor længe det gælder");
			return new Checked<>(new LegalBasisValues(chosen, chosenCategories, party, until), errors);
		}
	}
}
