package dk.helhed.citizen;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Danish CPR number, checked for form (DDMMYY-SSSS) and for a real date of birth; the century follows from the
 * seventh digit as the CPR office defines it. The modulus-11 check is not applied: numbers issued since 2007 need not
 * pass it.
 */
public record CprNumber(String digits) {

	private static final Pattern FORM = Pattern.compile("(\\d{6})-?(\\d{4})");

	public CprNumber {
		if (digits == null || !digits.matches("\\d{10}")) {
			throw new IllegalArgumentException("Et CPR-nummer har 10 cifre");
		}
		birthDate(digits);
	}

	/** The CPR number in the text, or empty with no explanation; see {@link #problem(String)} for why. */
	public static Optional<CprNumber> parse(String text) {
		return problem(text) == null ? Optional.of(new CprNumber(text.strip().replace("-", ""))) : Optional.empty();
	}

	/** What is wrong with the text as a CPR number, in Danish, or null when nothing is. */
	public static String problem(String text) {
		if (text == null || text.isBlank()) {
			return "Skriv CPR-nummeret.";
		}
		var matcher = FORM.matcher(text.strip());
		if (!matcher.matches()) {
			return "Et CPR-nummer skrives som 10 cifre, fx 010190-1234.";
		}
		try {
			birthDate(matcher.group(1) + matcher.group(2));
			return null;
		}
		catch (DateTimeException ex) {
			return "CPR-nummeret indeholder ikke en gyldig fødselsdato.";
		}
	}

	public LocalDate birthDate() {
		return birthDate(digits);
	}

	/** The number as people write it, DDMMYY-SSSS. */
	public String formatted() {
		return digits.substring(0, 6) + "-" + digits.substring(6);
	}

	/** Only the date part, for screens that must not show the whole number. */
	public String masked() {
		return digits.substring(0, 6) + "-xxxx";
	}

	@Override
	public String toString() {
		return masked();
	}

	private static LocalDate birthDate(String digits) {
		int day = Integer.parseInt(digits.substring(0, 2));
		int month = Integer.parseInt(digits.substring(2, 4));
		int year = Integer.parseInt(digits.substring(4, 6));
		int seventh = digits.charAt(6) - '0';
		int century = switch (seventh) {
			case 0, 1, 2, 3 -> 1900;
			case 4, 9 -> year <= 36 ? 2000 : 1900;
			case 5, 6, 7, 8 -> year <= 57 ? 2000 : 1800;
			default -> throw new DateTimeException("invalid");
		};
		return LocalDate.of(century + year, month, day);
	}
}
