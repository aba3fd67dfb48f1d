package dk.helhed.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a staff account's user name, name, e-mail address and password may be. Each check gives a Danish message for
 * the person who typed the value, or null when the value will do. The administration pages check with these before
 * anything is stored, and {@link StaffAdministration} checks again.
 */
public final class StaffAccountRules {

	public static final int USERNAME_MAX = 80;
	public static final int DISPLAY_NAME_MAX = 200;
	public static final int EMAIL_MAX = 200;
	public static final int PASSWORD_MIN = 12;
	public static final int PASSWORD_MAX = 64;

	/** BCrypt reads no more than 72 bytes of a password; a longer one would be cut without anyone knowing. */
	private static final int PASSWORD_MAX_BYTES = 72;

	/** Lower-case, as the login compares it; also fits the names identity providers send (e.g. jens@kommune.dk). */
	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1," + (USERNAME_MAX - 1) + "}");

	private static final Pattern DISPLAY_NAME = Pattern.compile("[\\p{L}\\p{M}0-9 .,'’&()/-]+");

	private static final Pattern EMAIL = Pattern.compile(
			"[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

	/** Words that passwords are too often made of; a password that is one of them with digits or signs added is refused. */
	private static final Set<String> COMMON_WORDS = Set.of("password", "passw0rd", "adgangskode", "kodeord", "login",
			"welcome", "velkommen", "letmein", "qwerty", "qwertyuiop", "qwertyuiopå", "asdfgh", "asdfghjkl",
			"asdfghjklæø", "abcdef", "abcdefgh", "abc", "sommer", "vinter", "forår", "foraar", "efterår", "efteraar",
			"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november",
			"december", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "danmark", "kommune",
			"helhed", "admin", "administrator", "test", "hemmelig", "hemmeligt");

	private StaffAccountRules() {
	}

	/** The user name as it is stored: without surrounding spaces, in lower case. */
	public static String normalisedUsername(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	public static String usernameProblem(String username) {
		var name = normalisedUsername(username);
		if (name.isEmpty()) {
			return "Skriv et brugernavn.";
		}
		if (name.length() > USERNAME_MAX) {
			return "Brugernavnet må højst være " + USERNAME_MAX + " tegn.";
		}
		if (!USERNAME.matcher(name).matches()) {
			return "Brugernavnet skal være mindst 2 tegn og må kun indeholde bogstaverne a-z, tal og tegnene . _ - @ "
					+ "(ikke æ, ø, å eller mellemrum).";
		}
		return null;
	}

	public static String displayNameProblem(String displayName) {
		var name = displayName == null ? "" : displayName.strip();
		if (name.isEmpty()) {
			return "Skriv brugerens navn.";
		}
		if (name.length() > DISPLAY_NAME_MAX) {
			return "Navnet må højst være " + DISPLAY_NAME_MAX + " tegn.";
		}
		if (hasControlCharacters(name)) {
			return "Navnet må ikke indeholde kontroltegn eller linjeskift.";
		}
		if (!DISPLAY_NAME.matcher(name).matches()) {
			return "Navnet må kun indeholde bogstaver, tal, mellemrum og tegnene . , - ' & ( ) /";
		}
		if (name.codePoints().noneMatch(Character::isLetter)) {
			return "Navnet skal indeholde bogstaver.";
		}
		if (name.length() < 2) {
			return "Skriv brugerens fulde navn.";
		}
		return null;
	}

	/** An e-mail address is optional; when there is one, it must look like one. */
	public static String emailProblem(String email) {
		var address = email == null ? "" : email.strip();
		if (address.isEmpty()) {
			return null;
		}
		if (address.length() > EMAIL_MAX) {
			return "E-mailadressen må højst være " + EMAIL_MAX + " tegn.";
		}
		if (!EMAIL.matcher(address).matches()) {
			return "Skriv en e-mailadresse som navn@kommune.dk (uden mellemrum og særlige tegn).";
		}
		return null;
	}

	/**
	 * Whether a password is strong enough for a local login: long enough (a passphrase of a few words will do), not
	 * made of one common word, not the user name, and short enough for BCrypt to read all of it.
	 */
	public static String passwordProblem(String password, String username) {
		if (password == null || password.isEmpty()) {
			return "Skriv en adgangskode.";
		}
		if (hasControlCharacters(password)) {
			return "Adgangskoden må ikke indeholde kontroltegn eller linjeskift.";
		}
		int length = password.codePointCount(0, password.length());
		if (length > PASSWORD_MAX || password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
			return "Adgangskoden må højst være " + PASSWORD_MAX + " tegn (og færre, hvis den har mange tegn som æ, ø, å "
					+ "eller emoji).";
		}
		if (length < PASSWORD_MIN) {
			return "Adgangskoden skal være på mindst " + PASSWORD_MIN + " tegn. Brug gerne tre-fire tilfældige ord.";
		}
		var lower = password.toLowerCase(Locale.ROOT);
		if (password.codePoints().distinct().count() < 6) {
			return "Adgangskoden er for ensformig. Brug flere forskellige tegn, fx tre-fire tilfældige ord.";
		}
		if (password.codePoints().noneMatch(Character::isLetter)) {
			return "Adgangskoden må ikke kun bestå af tal og tegn. Brug gerne tre-fire tilfældige ord.";
		}
		var name = normalisedUsername(username);
		if (name.length() >= 3 && lower.contains(name)) {
			return "Adgangskoden må ikke indeholde brugernavnet.";
		}
		var core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
		if (COMMON_WORDS.contains(core)) {
			return "Adgangskoden er for let at gætte. Brug gerne tre-fire tilfældige ord.";
		}
		return null;
	}

	static boolean hasControlCharacters(String value) {
		return value.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
				|| c == '\u2028' || c == '\u2029');
	}
}
