package dk.helhed.catalog.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the catalog treats information that has not been checked for a long time.
 *
 * @param staleAfterMonths months past a service's review date after which its public page warns that the
 * information may be out of date
 */
@ConfigurationProperties("helhed.catalog")
public record CatalogSettings(@DefaultValue("3") int staleAfterMonths) {
}
