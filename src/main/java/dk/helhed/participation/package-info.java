/**
 * Participation: the municipality's dialogue forum, contact and user councils, their meetings with agendas and
 * minutes, and citizens' proposals and experiences, sent anonymously, answered in plain language and moderated.
 * Proposals are not citizen records: they hold no CPR number and no link to the citizen module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Participation")
package dk.helhed.participation;
