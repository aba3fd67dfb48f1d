package dk.helhed.participation.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps programs and floods away from the anonymous forms without a third-party CAPTCHA and without JavaScript: a
 * field people cannot see and leave empty (a honeypot), a signed time the form was shown (sent back too soon, a
 * program filled it in), and a limit on submissions per visitor and hour. Visitors are known only by a keyed hash of
 * their address, and only for a day.
 */
@Component
public class SubmissionGuard {

	private static final Logger log = LoggerFactory.getLogger(SubmissionGuard.class);

	private static final Duration REMEMBERED = Duration.ofDays(1);

	private final ParticipationSettings settings;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final byte[] key;

	SubmissionGuard(ParticipationSettings settings, JdbcClient jdbc, Clock clock) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
		if (settings.formKey() == null || settings.formKey().isBlank()) {
			key = new byte[32];
			new SecureRandom().nextBytes(key);
			log.info("helhed.participation.form-key is not set: this instance signs its forms with a key of its own");
		}
		else {
			key = Base64.getDecoder().decode(settings.formKey().strip());
			if (key.length < 32) {
				throw new IllegalStateException("helhed.participation.form-key must be 32 bytes (base64)");
			}
		}
	}

	/** The value of the hidden field that says when the form was shown. */
	public String startToken() {
		return startToken(clock.instant());
	}

	/** The value of the hidden field for a form shown at this moment. */
	public String startToken(Instant shown) {
		var seconds = Long.toString(shown.getEpochSecond());
		return seconds + "." + hmac("form:" + seconds).substring(0, 32);
	}

	/**
	 * Checks the honeypot and the time the form was shown.
	 *
	 * @throws InvalidInput with what a person who sees the message should do
	 */
	public void checkForm(String honeypot, String startToken) {
		if (honeypot != null && !honeypot.isEmpty()) {
			throw InvalidInput.of("form", "Formularen blev ikke sendt, fordi feltet „Lad dette felt stå tomt“ var "
					+ "udfyldt. Gør det tomt, og send igen.");
		}
		var shown = shownAt(startToken);
		if (shown == null) {
			throw InvalidInput.of("form", "Formularen er for gammel eller ikke hentet her. Hent siden igen, og send.");
		}
		var elapsed = Duration.between(shown, clock.instant());
		if (elapsed.compareTo(settings.minimumFillTime()) < 0) {
			throw InvalidInput.of("form", "Formularen blev sendt meget hurtigt. Vent et øjeblik, og send igen.");
		}
		if (elapsed.compareTo(settings.maximumFillTime()) > 0 || elapsed.isNegative()) {
			throw InvalidInput.of("form", "Formularen er for gammel. Hent siden igen, og send.");
		}
	}

	private Instant shownAt(String token) {
		if (token == null || !token.matches("[0-9]{1,12}\\.[0-9a-f]{32}")) {
			return null;
		}
		var seconds = token.substring(0, token.indexOf('.'));
		var expected = hmac("form:" + seconds).substring(0, 32);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				token.substring(token.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII))) {
			return null;
		}
		return Instant.ofEpochSecond(Long.parseLong(seconds));
	}

	/** A visitor, as a keyed hash of their address: the same visitor gives the same hash, nobody can reverse it. */
	public String visitor(String clientAddress) {
		return hmac("visitor:" + clientAddress);
	}

	/**
	 * Counts a submission by the visitor, in the caller's transaction, after checking the limit.
	 *
	 * @throws InvalidInput (429) when the visitor has sent as many as the limit allows this hour
	 */
	public void countSubmission(UUID municipalityId, String clientAddress) {
		var now = clock.instant();
		var visitor = visitor(clientAddress);
		jdbc.sql("delete from participation_submission where submitted_at < ?")
			.param(at(now.minus(REMEMBERED)))
			.update();
		int recent = jdbc.sql("""
				select count(*) from participation_submission
				where municipality_id = ? and client_hash = ? and submitted_at > ?""")
			.params(municipalityId, visitor, at(now.minus(Duration.ofHours(1))))
			.query(Integer.class)
			.single();
		if (recent >= settings.submissionsPerHour()) {
			throw new InvalidInput(java.util.Map.of("form", "Du har sendt " + recent + " forslag den sidste time. "
					+ "Det er det højeste antal. Prøv igen om en time, eller ring til kommunen."), 429);
		}
		jdbc.sql("insert into participation_submission (municipality_id, client_hash, id, submitted_at) values (?, ?, ?, ?)")
			.params(municipalityId, visitor, UUID.randomUUID(), at(now))
			.update();
	}

	private String hmac(String text) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
