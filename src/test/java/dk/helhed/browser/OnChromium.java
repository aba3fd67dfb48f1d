package dk.helhed.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): whenever both are
 * installed, and always in CI ({@code CI=true}), where a missing browser fails the test instead of skipping it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ChromiumCondition.class)
@interface OnChromium {
}
