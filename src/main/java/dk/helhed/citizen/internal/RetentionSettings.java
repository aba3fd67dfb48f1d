package dk.helhed.citizen.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultMonths how long information is kept after a citizen's record is closed, for a category the
 * municipality has set no rule for (table retention_rule)
 * @param cron when the retention job runs
 */
@ConfigurationProperties("helhed.retention")
record RetentionSettings(@DefaultValue("60") int defaultMonths, @DefaultValue("0 45 3 * * *") String cron) {
}
