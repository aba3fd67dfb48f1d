package dk.helhed.municipality.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the municipalities' data files are, and whether to load them into an empty database at start.
 *
 * @param enabled load the seed municipalities that are not in the database yet
 * @param location folder with one sub-folder per municipality (classpath: or file:)
 */
@ConfigurationProperties("helhed.seed")
record SeedSettings(@DefaultValue("true") boolean enabled,
		@DefaultValue("classpath:seed/municipalities") String location) {
}
