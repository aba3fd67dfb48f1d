package dk.helhed.catalog.hsds;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test (class or method) that reads the official HSDS 3.1 files of {@link HsdsSpecification#folder()}. Without
 * them it is skipped with a message saying where to put them, so that a bare clone passes; in CI ({@code CI=true})
 * it runs and fails instead, so that conformance is never quietly left unchecked there.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(HsdsSpecificationCondition.class)
@interface NeedsHsdsSpecification {
}
