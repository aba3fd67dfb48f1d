package dk.helhed.referral.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keepPlaces Helhed keeps the places of the services listed in a municipality's {@code places.yaml} and
 *        counts their free places from the allocations; off, the units report free places by hand
 * @param offerValidFor how long an offered place is held for the citizen before it passes to the next on the list
 */
@ConfigurationProperties("helhed.referral")
record PlaceSettings(@DefaultValue("true") boolean keepPlaces, @DefaultValue("5d") Duration offerValidFor) {
}
