package dk.helhed.catalog.internal.editions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the catalog's PDFs are made ready after a start. Whether {@link PdfWarmUp} runs at all is
 * {@code helhed.catalog.pdf.warm-up} (default true), read by its condition, as a bean that is off does not exist.
 *
 * @param warmUpRounds at most how many renderings the warm-up makes before the JIT has settled
 */
@ConfigurationProperties("helhed.catalog.pdf")
record PdfSettings(@DefaultValue("6") int warmUpRounds) {
}
