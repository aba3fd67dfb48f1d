package dk.helhed.participation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Receipt codes: what a sender follows their proposal with, without an account. Ten characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L), shown in two groups (e.g. {@code KX7P-M3RQ-9T}), about 50 bits: too many to
 * guess. Only a hash is stored, so the database alone cannot tell anyone's code.
 */
final class ReceiptCodes {

	private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
	private static final int LENGTH = 10;
	private static final SecureRandom RANDOM = new SecureRandom();

	private ReceiptCodes() {
	}

	static String newCode() {
		var code = new StringBuilder();
		for (int i = 0; i < LENGTH; i++) {
			if (i == 4 || i == 8) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** The code as typed, without spaces and dashes, in capitals; null when it cannot be a code. */
	static String normalised(String typed) {
		if (typed == null || typed.length() > 40) {
			return null;
		}
		var code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		if (code.length() != LENGTH || code.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
			return null;
		}
		return code;
	}

	static String hash(String normalisedCode) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(("receipt:" + normalisedCode)
					.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
