/**
 * The audit log of personal data: who read, searched, created, changed, exported or deleted which citizen's data,
 * when, and on which basis; refused attempts and failed logins too. Append-only, without sensitive content, purged
 * after each municipality's retention period.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package dk.helhed.audit;
