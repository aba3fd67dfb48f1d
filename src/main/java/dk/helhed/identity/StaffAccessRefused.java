package dk.helhed.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in staff member asked for an endpoint their roles do not admit them to (see {@link AccessRule}).
 *
 * @param endpoint the method and the endpoint's path pattern (never the path itself, which may hold ids)
 * @param personalData the endpoint concerns personal data, so the refusal belongs in the audit log
 * @param citizenId the citizen the request was about, when its address names one (so that the data-protection
 *        officer sees whom a refused read concerned); null otherwise
 */
public record StaffAccessRefused(StaffMember staff, String endpoint, boolean personalData, boolean reading,
		Instant at, UUID citizenId) {

	public StaffAccessRefused(StaffMember staff, String endpoint, boolean personalData, boolean reading, Instant at) {
		this(staff, endpoint, personalData, reading, at, null);
	}
}
