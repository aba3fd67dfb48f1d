package dk.helhed.citizen.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import dk.helhed.citizen.CprNumber;

/**
 * CPR numbers at rest: encrypted with AES-256-GCM (a fresh nonce each time, so equal numbers do not look equal), and
 * found through an HMAC-SHA-256 of the number under a key of its own (security.md item 12).
 */
@Component
class CprVault {

	private static final String VERSION = "v1:";
	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final SecretKeySpec encryptionKey;
	private final SecretKeySpec hashKey;
	private final SecureRandom random = new SecureRandom();

	CprVault(CryptoSettings settings) {
		this.encryptionKey = new SecretKeySpec(key(settings.cprEncryptionKey(), "helhed.crypto.cpr-encryption-key"),
				"AES");
		this.hashKey = new SecretKeySpec(key(settings.cprHashKey(), "helhed.crypto.cpr-hash-key"), "HmacSHA256");
	}

	String encrypt(CprNumber cpr) {
		try {
			var nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
			var sealed = cipher.doFinal(cpr.digits().getBytes(StandardCharsets.US_ASCII));
			return VERSION + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a CPR number", ex);
		}
	}

	CprNumber decrypt(String stored) {
		if (stored == null || !stored.startsWith(VERSION)) {
			throw new IllegalStateException("Unknown CPR encryption format");
		}
		try {
			var bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			var plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
			return new CprNumber(new String(plain, StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not decrypt a CPR number (wrong key?)", ex);
		}
	}

	/** The keyed hash a CPR number is found by; without the key it reveals nothing, even for all 10-digit numbers. */
	String hash(CprNumber cpr) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(hashKey);
			return HexFormat.of().formatHex(mac.doFinal(cpr.digits().getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not hash a CPR number", ex);
		}
	}

	private static byte[] key(String base64, String property) {
		if (base64 == null || base64.isBlank()) {
			throw new IllegalStateException(property + " must be set (base64, at least 32 bytes)");
		}
		var key = Base64.getDecoder().decode(base64.strip());
		if (key.length < 32) {
			throw new IllegalStateException(property + " must be at least 32 bytes");
		}
		return key.length == 32 ? key : java.util.Arrays.copyOf(key, 32);
	}
}
