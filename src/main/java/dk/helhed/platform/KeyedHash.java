package dk.helhed.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A keyed hash (HMAC-SHA-256) of a value that must be recognisable but never kept in clear: a searched name, a user
 * name nobody has, a client's address (security.md items 8 and 12). It uses the installation's secret hash key
 * ({@code helhed.crypto.cpr-hash-key}), with the purpose mixed in, so that a hash of one kind never matches
 * another, and without the key a hash reveals nothing.
 */
@Component
public class KeyedHash {

	private final SecretKeySpec key;

	KeyedHash(@Value("${helhed.crypto.cpr-hash-key:}") String base64Key) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("helhed.crypto.cpr-hash-key is not base64", ex);
		}
		if (bytes.length < 32) {
			throw new IllegalStateException("helhed.crypto.cpr-hash-key must be at least 32 bytes (base64)");
		}
		this.key = new SecretKeySpec(bytes, "HmacSHA256");
	}

	/** The hash, as 64 hexadecimal digits. */
	public String of(String purpose, String value) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			mac.update((purpose + ":").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal((value == null ? "" : value).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not hash a value", ex);
		}
	}

	/** A short reference for the audit log: the first 12 digits of the hash, after the purpose. */
	public String reference(String purpose, String value) {
		return purpose + ":" + of(purpose, value).substring(0, 12);
	}
}
