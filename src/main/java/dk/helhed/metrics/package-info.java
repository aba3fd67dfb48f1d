/**
 * Counters for the operators that no single module writes: they are counted from the events the modules announce.
 * The counters each module writes itself (audit rows, failed logins, refused requests in the audit module; import runs
 * in the catalog) live in that module. How to scrape them, and which matter: docs/production.md, "Metrics".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operational metrics")
package dk.helhed.metrics;
