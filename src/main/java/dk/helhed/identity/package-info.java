/**
 * Staff identity: users of a municipality or of its partner organisations, their roles and the units they belong to,
 * and login (local accounts for the embedded default, the municipality's identity provider with OpenID Connect in
 * production).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff identity")
package dk.helhed.identity;
