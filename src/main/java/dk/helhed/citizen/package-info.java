/**
 * Citizens (identified, or anonymous contacts), the units involved with them, consent and recorded legal bases for
 * sharing, emergency access, case notes by information category, and retention. Every look at a citizen's data is
 * decided here, on the server, and written to the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizens")
package dk.helhed.citizen;
