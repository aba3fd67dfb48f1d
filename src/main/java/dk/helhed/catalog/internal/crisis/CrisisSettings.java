package dk.helhed.catalog.internal.crisis;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where crisis help comes from and where "Forlad siden hurtigt" leads.
 *
 * @param location folder with {@code help.yaml} (the numbers) and {@code phrases.txt} (what makes a search a crisis)
 * @param quickExitUrl a neutral page that says nothing about why the visitor was here
 */
@ConfigurationProperties("helhed.crisis")
public record CrisisSettings(@DefaultValue("classpath:crisis/") String location,
		@DefaultValue("https://www.dr.dk/") URI quickExitUrl) {
}
