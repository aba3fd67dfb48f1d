package dk.helhed.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data for trying Helhed: staff accounts with known passwords (listed in the README). Never enable it on an
 * installation with real users.
 *
 * @param enabled create the demo accounts at start when they are missing
 * @param password the password of every demo account
 */
@ConfigurationProperties("helhed.demo")
record DemoSettings(@DefaultValue("false") boolean enabled, @DefaultValue("demo-Helhed-2026") String password) {
}
