package dk.helhed.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * CPR numbers on their own, without Spring (security.md item 12): the form, a real date of birth, the century from
 * the seventh digit as the CPR office defines it, and the masked form screens and logs show. The numbers are
 * synthetic: made up for the test, with dates chosen to reach each rule.
 */
class CprNumberTests {

	@ParameterizedTest(name = "{0} is born {1}")
	@CsvSource({
			// seventh digit 0-3: the 1900s
			"0101901234, 1990-01-01", "3112993999, 1999-12-31", "2902960000, 1996-02-29",
			// 4 and 9: the 2000s up to year 36, else the 1900s
			"0101364000, 2036-01-01", "0101374000, 1937-01-01", "1506209000, 2020-06-15", "1506509999, 1950-06-15",
			// 5-8: the 2000s up to year 57, else the 1800s
			"2902005000, 2000-02-29", "0101578000, 2057-01-01", "0101587000, 1858-01-01", "3112996000, 1899-12-31" })
	void theCenturyFollowsFromTheSeventhDigit(String digits, LocalDate born) {
		assertThat(new CprNumber(digits).birthDate()).isEqualTo(born);
	}

	@ParameterizedTest
	@ValueSource(strings = { "010190-1234", "0101901234", "  010190-1234  " })
	void isReadWithOrWithoutTheHyphenAndSpacesAround(String text) {
		assertThat(CprNumber.problem(text)).isNull();
		assertThat(CprNumber.parse(text)).hasValue(new CprNumber("0101901234"));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   " })
	void aMissingNumberIsAskedFor(String text) {
		assertThat(CprNumber.problem(text)).isEqualTo("Skriv CPR-nummeret.");
		assertThat(CprNumber.parse(text)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "010190-123", "01019012345", "010190--1234", "0101 90 1234", "abcdef-ghij", "010190-12a4",
			"<script>", "'; drop table citizen; --", "０１０１９０１２３４" })
	void aNumberOfTheWrongFormIsRefusedWithAnExample(String text) {
		assertThat(CprNumber.problem(text)).isEqualTo("Et CPR-nummer skrives som 10 cifre, fx 010190-1234.");
		assertThat(CprNumber.parse(text)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "3202901234", "0013901234", "0000901234", "3104901234", "2902011234",
			// 29 February 99 with a 5 is 1899, not a leap year; 29 February 00 with a 0 is 1900, not one either
			"2902995000", "2902000000" })
	void aNumberWithoutARealDateOfBirthIsRefused(String digits) {
		assertThat(CprNumber.problem(digits)).isEqualTo("CPR-nummeret indeholder ikke en gyldig fødselsdato.");
		assertThat(CprNumber.parse(digits)).isEmpty();
		assertThatThrownBy(() -> new CprNumber(digits)).isInstanceOf(java.time.DateTimeException.class);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "010190-1234", "123", "01019012345" })
	void theRecordTakesOnlyTenDigits(String digits) {
		assertThatThrownBy(() -> new CprNumber(digits)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void screensAndLogsSeeOnlyTheDatePart() {
		var cpr = new CprNumber("0101901234");

		assertThat(cpr.masked()).isEqualTo("010190-xxxx");
		assertThat(cpr.toString()).isEqualTo("010190-xxxx").doesNotContain("1234");
		assertThat(cpr.formatted()).isEqualTo("010190-1234");
	}
}
