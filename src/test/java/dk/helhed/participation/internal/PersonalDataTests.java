package dk.helhed.participation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What holds a proposal for review: CPR numbers, phone numbers and e-mail addresses as people write them; and what
 * does not: years, times, dates, prices, house numbers and counts.
 */
class PersonalDataTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "Mit CPR-nummer er 010190-1234.|CPR_NUMBER", "cpr 0101901234|CPR_NUMBER",
			"Det er 010190 1234|CPR_NUMBER", "Ring 20304050|PHONE_NUMBER", "Ring på 20 30 40 50|PHONE_NUMBER",
			"Tlf. 2030 4050|PHONE_NUMBER", "+45 20 30 40 50|PHONE_NUMBER", "0045 20304050|PHONE_NUMBER",
			"Skriv til kim@example.dk|EMAIL_ADDRESS", "kim (at) example.dk|EMAIL_ADDRESS",
			"Skriv til Søren.Å@kommune.dk, tak|EMAIL_ADDRESS" })
	void findsWhatMustNotBePublished(String text, PersonalData.Kind kind) {
		assertThat(PersonalData.find("Overskrift", text)).contains(kind);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Vi var 12 personer i 2027.", "Mødet er kl. 17.30 den 4.3.2027.", "Det koster 1.250 kr.",
			"Jeg bor i nr. 49 og venter 3 uger.", "Åbent 8-16 alle hverdage.", "Bussen 2026 kører kl. 7.", "@kommunen svarer aldrig" })
	void letsOrdinaryNumbersAndWordsThrough(String text) {
		assertThat(PersonalData.find(text)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "kx7p-m3rq-9t", "KX7P M3RQ 9T", " KX7PM3RQ9T " })
	void aReceiptCodeIsReadHoweverItIsTyped(String typed) {
		assertThat(ReceiptCodes.normalised(typed)).isEqualTo("KX7PM3RQ9T");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "", "KX7P-M3RQ", "KX7P-M3RQ-9T0", "KX7P-M3RQ-91", "<script>", "KX7P-M3RQ-9Ø" })
	void whatCannotBeACodeIsNot(String typed) {
		assertThat(ReceiptCodes.normalised(typed)).isNull();
	}

	@org.junit.jupiter.api.Test
	void newCodesAreWellFormedAndDiffer() {
		var first = ReceiptCodes.newCode();
		assertThat(first).matches("[A-HJ-KMNP-Z2-9]{4}-[A-HJ-KMNP-Z2-9]{4}-[A-HJ-KMNP-Z2-9]{2}");
		assertThat(ReceiptCodes.normalised(first)).isNotNull();
		assertThat(ReceiptCodes.newCode()).isNotEqualTo(first);
	}
}
