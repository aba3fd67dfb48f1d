package dk.helhed.citizen.internal;

import dk.helhed.citizen.CprNumber;

/**
 * The application's own {@link CprVault} for tests outside the citizen module (the synthetic Denmark's test checks
 * that a generated citizen is found by the hash the running application computes, and decrypts the same).
 */
public final class CprVaultForTests {

	private final CprVault vault;

	public CprVaultForTests(String encryptionKey, String hashKey) {
		this.vault = new CprVault(new CryptoSettings(encryptionKey, hashKey));
	}

	public String hash(String cpr) {
		return vault.hash(CprNumber.parse(cpr).orElseThrow());
	}

	public String decrypt(String stored) {
		return vault.decrypt(stored).formatted();
	}
}
