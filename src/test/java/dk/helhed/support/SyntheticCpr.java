package dk.helhed.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * CPR numbers for tests, and how to spot one where none may be (security.md item 12: no personal data in URLs).
 */
public final class SyntheticCpr {

	/** Ten digits in a row, or a CPR number written with a hyphen. */
	private static final Pattern CPR_LIKE = Pattern.compile("\\d{6}-?\\d{4}");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private SyntheticCpr() {
	}

	/**
	 * A valid CPR number of someone born in June 1991 (a real date, day 1 to 28) with a random serial, so that each
	 * test has a person of its own.
	 */
	public static String random() {
		var random = ThreadLocalRandom.current();
		return String.format("%02d0691-%04d", random.nextInt(1, 29), random.nextInt(1000, 10000));
	}

	/**
	 * Whether the text holds something that looks like a CPR number. The ids in it are left out first: a random UUID
	 * may hold ten digits in a row by chance, and they are ids, not CPR numbers.
	 */
	public static boolean appearsIn(String text) {
		return CPR_LIKE.matcher(UUID.matcher(text).replaceAll("{id}")).find();
	}
}
