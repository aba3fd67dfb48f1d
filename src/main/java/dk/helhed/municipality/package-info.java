/**
 * Municipalities (the tenants), their organisational units, partner organisations and strategies:
 * vision, values, target group, focus areas, commitments and measurable targets.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Municipalities and strategies")
package dk.helhed.municipality;
