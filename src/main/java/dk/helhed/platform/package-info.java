/**
 * Shared infrastructure every module may use: web layout, error handling, security settings, identifiers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dk.helhed.platform;
