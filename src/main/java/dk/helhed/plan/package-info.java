/**
 * The whole picture and the shared plan: assessments of a citizen's life situation on KL's FFB themes (VUM 2.0), with
 * the citizen's own words kept apart. Every read and change goes through the citizen module's access gate.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plan")
package dk.helhed.plan;
