package dk.helhed.identity.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The warning before a staff session expires (the idle timeout itself is {@code server.servlet.session.timeout}).
 *
 * @param warningBefore how long before the session expires a staff page warns, with a button to stay logged in; at
 *        most half the timeout
 */
@ConfigurationProperties("helhed.session")
record SessionSettings(@DefaultValue("5m") Duration warningBefore) {

	SessionSettings {
		if (warningBefore.isNegative() || warningBefore.isZero()) {
			throw new IllegalArgumentException("helhed.session.warning-before must be more than nothing, not "
					+ warningBefore);
		}
	}

	/** When to warn in a session that expires after so many idle seconds. */
	long warningSeconds(long timeoutSeconds) {
		return Math.min(warningBefore.toSeconds(), timeoutSeconds / 2);
	}
}
