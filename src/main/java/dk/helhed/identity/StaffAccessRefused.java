package dk.helhed.identity;

import java.time.Instant;

/**
 * A signed-in staff member asked for an endpoint their roles do not admit them to (see {@link AccessRule}).
 *
 * @param endpoint the method and the endpoint's path pattern (never the path itself, which may hold ids)
 * @param personalData the endpoint concerns personal data, so the refusal belongs in the audit log
 */
public record StaffAccessRefused(StaffMember staff, String endpoint, boolean personalData, boolean reading,
		Instant at) {
}
