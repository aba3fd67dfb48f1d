/**
 * Referrals between units that close the loop, assessment decisions with their legal basis, and the places of the
 * catalog's services: allocation that cannot double-book, and waiting lists with a published priority rule.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referral")
package dk.helhed.referral;
