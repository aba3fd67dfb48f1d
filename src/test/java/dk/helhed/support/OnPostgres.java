package dk.helhed.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class on PostgreSQL: whenever the server is reachable, and always in CI ({@code CI=true}), where an
 * unreachable server fails the test instead of skipping it. The class registers the database with
 * {@code @DynamicPropertySource static void postgres(DynamicPropertyRegistry r) { PostgresDatabase.register(r); }}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PostgresCondition.class)
public @interface OnPostgres {
}
