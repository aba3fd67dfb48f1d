package dk.helhed.citizen.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that protect CPR numbers, base64-encoded, each at least 32 bytes. The embedded trial ships with keys of
 * its own (application.yaml); a real installation must set its own (the prod profile has none).
 *
 * @param cprEncryptionKey AES-256 key that encrypts CPR numbers at rest
 * @param cprHashKey HMAC-SHA-256 key of the keyed hash a CPR number is found by
 */
@ConfigurationProperties("helhed.crypto")
record CryptoSettings(String cprEncryptionKey, String cprHashKey) {
}
