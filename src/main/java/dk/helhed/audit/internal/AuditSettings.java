package dk.helhed.audit.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retentionMonths how long the audit log is kept where a municipality has not set its own period
 * @param purgeCron when the purge runs
 */
@ConfigurationProperties("helhed.audit")
record AuditSettings(@DefaultValue("60") int retentionMonths, @DefaultValue("0 15 3 * * *") String purgeCron) {
}
