package dk.helhed.identity.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Re-authentication for administrator actions (security.md item 6).
 *
 * @param reauthenticationWindow how long after confirming who they are (with their password, or by logging in again
 *        at the municipality's identity provider) an administrator may change staff accounts before they must
 *        confirm again
 */
@ConfigurationProperties("helhed.identity")
record ReauthenticationSettings(@DefaultValue("5m") Duration reauthenticationWindow) {

	ReauthenticationSettings {
		if (reauthenticationWindow.isNegative() || reauthenticationWindow.isZero()
				|| reauthenticationWindow.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException("helhed.identity.reauthentication-window must be more than nothing and "
					+ "at most an hour, not " + reauthenticationWindow);
		}
	}
}
