/**
 * The living catalog: every service a municipality offers, with access mode, eligibility, owning unit, contacts,
 * capacity, prices, opening hours and freshness; search by need in plain Danish; public pages and the Open Referral
 * HSDS API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package dk.helhed.catalog;
