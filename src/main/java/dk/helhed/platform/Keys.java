package dk.helhed.platform;

import java.util.Locale;
import java.util.Set;

/**
 * Keys made from names, for records created from imported data: lower-case a-z, digits and dashes (æ→ae, ø→oe,
 * å→aa), at most 70 characters, with a number added when the key is taken.
 */
public final class Keys {

	private Keys() {
	}

	public static String unique(String name, String fallback, Set<String> taken) {
		var base = name.strip()
			.toLowerCase(Locale.ROOT)
			.replace("æ", "ae")
			.replace("ø", "oe")
			.replace("å", "aa")
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		if (base.length() > 70) {
			base = base.substring(0, 70).replaceAll("-+$", "");
		}
		if (base.length() < 2) {
			base = fallback;
		}
		var key = base;
		for (int n = 2; taken.contains(key); n++) {
			key = base + "-" + n;
		}
		return key;
	}
}
