package dk.helhed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dk.helhed.platform.FieldRules.Problem;

/**
 * The one rule for text, e-mail addresses and phone numbers, without Spring: what is refused and what is kept,
 * including the zero-width joiner, which is writing between two visible characters and hidden text elsewhere.
 */
class FieldRulesTests {

	@ParameterizedTest
	@ValueSource(strings = { "Socialtandpleje", "Åbent hus på værestedet", "Linje et\nLinje to\tmed tabulator",
			"Windows-linjeskift\r\n", "🏠🙂", "Familie: \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
			"Hjerte i brand: \u2764\uFE0F\u200D\uD83D\uDD25", "می\u200Cخواهم", "क्\u200Dष", "" })
	void keepsTextAsPeopleWriteIt(String text) {
		assertThat(FieldRules.hasInvisibleCharacters(text)).as(text).isFalse();
		assertThat(FieldRules.text(text)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ok\u0000", "bell\u0007", "\u001b[31mrød", "\u202Egnp.exe", "to\u200Bord", "\uFEFFstart",
			"blødt\u00ADbindestreg", "\u2066isoleret\u2069", "\u200Dforan", "bagved\u200D", "ved \u200D mellemrum",
			"to\u200D\u200Dsammen", "\u200C" })
	void refusesCharactersThatShowNothing(String text) {
		assertThat(FieldRules.hasInvisibleCharacters(text)).as(text).isTrue();
		assertThat(FieldRules.text(text)).contains(Problem.INVISIBLE_CHARACTERS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "info@aabenraa.dk", "fornavn.efternavn+tilbud@kommune.example.org", "a@b.dk" })
	void acceptsEmailAddresses(String address) {
		assertThat(FieldRules.email(address)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "info", "info@", "@aabenraa.dk", "info@aabenraa", "to@@aabenraa.dk", "med mellemrum@a.dk",
			"info@aabenraa.d" })
	void refusesWhatIsNoEmailAddress(String address) {
		assertThat(FieldRules.email(address)).contains(Problem.EMAIL);
	}

	@org.junit.jupiter.api.Test
	void refusesAnEmailAddressLongerThanIsKept() {
		var local = "a".repeat(60);
		var domain = "b".repeat(150) + ".dk";
		assertThat((local + "@" + domain).length()).isGreaterThan(FieldRules.EMAIL_MAX_LENGTH);
		assertThat(FieldRules.email(local + "@" + domain)).contains(Problem.EMAIL);
	}

	@ParameterizedTest
	@ValueSource(strings = { "73 76 76 76", "+45 73 76 76 76", "+45 (73) 76-76-76", "112233" })
	void acceptsPhoneNumbers(String number) {
		assertThat(FieldRules.phone(number)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ring til Hanne", "12345", "+-45 73", "73 76 76 76 lokal 12", "1234567890123456789012345678901234567890123" })
	void refusesWhatIsNoPhoneNumber(String number) {
		assertThat(FieldRules.phone(number)).contains(Problem.PHONE);
	}

	@org.junit.jupiter.api.Test
	void saysEachProblemAtAFormFieldAndInAnImportReport() {
		for (var problem : Problem.values()) {
			assertThat(problem.message()).isNotBlank().endsWith(".");
			assertThat(problem.inRecord()).isNotBlank().doesNotEndWith(".");
		}
	}
}
