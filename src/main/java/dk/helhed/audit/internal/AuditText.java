package dk.helhed.audit.internal;

/**
 * Values go into the log encoded: control characters and line breaks become spaces (no forged log lines), and
 * nothing is longer than its column.
 */
final class AuditText {

	private AuditText() {
	}

	static String clean(String value, int max) {
		if (value == null) {
			return null;
		}
		var cleaned = value.replaceAll("[\\p{Cntrl}\\p{Cf}\\u2028\\u2029]", " ").strip();
		if (cleaned.length() > max) {
			cleaned = cleaned.substring(0, max - 1) + "…";
		}
		return cleaned.isEmpty() ? null : cleaned;
	}
}
