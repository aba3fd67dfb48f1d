package dk.helhed.participation.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How participation guards itself against abuse.
 *
 * @param reportsBeforeHiding after this many reports (from different visitors) a published proposal is hidden until
 *        a moderator has looked at it (Decidim's default is 3)
 * @param submissionsPerHour anonymous proposals one visitor (one address) may send to a municipality in an hour
 * @param minimumFillTime a proposal form sent back sooner than this after it was shown was filled in by a program
 * @param maximumFillTime a form older than this is shown again to be sent anew
 * @param formKey base64 key (32 bytes) that signs the time a form was shown and hashes visitors' addresses; set the
 *        same on every instance. Without one, each instance makes its own at start (forms and limits then hold per
 *        instance, and a restart forgets who reported what).
 */
@ConfigurationProperties("helhed.participation")
public record ParticipationSettings(@DefaultValue("3") int reportsBeforeHiding,
		@DefaultValue("5") int submissionsPerHour, @DefaultValue("4s") Duration minimumFillTime,
		@DefaultValue("12h") Duration maximumFillTime, String formKey) {
}
