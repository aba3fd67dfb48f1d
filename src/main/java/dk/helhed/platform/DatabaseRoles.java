package dk.helhed.platform;

import java.sql.SQLException;
import java.util.regex.Pattern;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * In production on PostgreSQL, Flyway migrates as the schema's owner and the application connects as a role of its
 * own ({@code helhed.database.application-role}). After every migration that role gets what it needs on every table,
 * except on the audit log, where it may only insert and read (security.md item 8), and the right to call the purge
 * function.
 */
@Component
class DatabaseRoles implements Callback {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);
	private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private final String applicationRole;

	DatabaseRoles(@Value("${helhed.database.application-role:}") String applicationRole) {
		this.applicationRole = applicationRole.strip();
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			var connection = context.getConnection();
			if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql")) {
				return;
			}
			if (applicationRole.isEmpty()) {
				log.warn("helhed.database.application-role is not set: the application uses the schema owner's role, "
						+ "so the database does not stop it from changing the audit log (only a trigger does)");
				return;
			}
			if (!ROLE.matcher(applicationRole).matches()) {
				throw new IllegalStateException("helhed.database.application-role is not a valid role name");
			}
			try (var statement = connection.createStatement()) {
				statement.execute("grant usage on schema public to " + applicationRole);
				statement.execute("grant select, insert, update, delete on all tables in schema public to "
						+ applicationRole);
				statement.execute("revoke update, delete, truncate on audit_event from " + applicationRole);
				statement.execute("revoke update, delete, truncate on audit_search_hit from " + applicationRole);
				statement.execute("revoke update, delete, truncate on unattributed_audit_event from " + applicationRole);
				statement.execute("grant execute on function helhed_purge_audit(uuid, timestamptz) to " + applicationRole);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not grant the application role its rights", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "application-role-grants";
	}
}
