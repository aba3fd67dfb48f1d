package dk.helhed.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;

/**
 * The sessions as Spring Session keeps them in the database, looked up by the value of a session cookie.
 */
final class StoredSessions {

	private final JdbcClient jdbc;

	StoredSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The session id behind a cookie value (Spring Session writes it Base64-encoded). */
	static String id(String cookie) {
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	boolean exists(String cookie) {
		return jdbc.sql("select count(*) from spring_session where session_id = ?")
			.param(id(cookie))
			.query(Integer.class)
			.single() > 0;
	}

	/** How long the session may stay idle, in seconds. */
	int maxInactiveSeconds(String cookie) {
		return jdbc.sql("select max_inactive_interval from spring_session where session_id = ?")
			.param(id(cookie))
			.query(Integer.class)
			.single();
	}

	/** The name the session is indexed by (the logged-in person's user name), if any. */
	Optional<String> principalName(String cookie) {
		return jdbc.sql("select principal_name from spring_session where session_id = ?")
			.param(id(cookie))
			.query(String.class)
			.optional();
	}

	/** The authentication stored in the session, read back the way Spring Session reads it. */
	Authentication authentication(String cookie) {
		var bytes = jdbc.sql("""
				select a.attribute_bytes from spring_session_attributes a
				join spring_session s on s.primary_id = a.session_primary_id
				where s.session_id = ? and a.attribute_name = 'SPRING_SECURITY_CONTEXT'""")
			.param(id(cookie))
			.query(byte[].class)
			.single();
		try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			return ((SecurityContext) in.readObject()).getAuthentication();
		}
		catch (IOException | ClassNotFoundException e) {
			throw new IllegalStateException(e);
		}
	}
}
