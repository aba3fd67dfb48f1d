package dk.helhed.catalog.hsds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on uploaded HSDS files, so that a file cannot exhaust the server: its size, and for a zip the number of
 * files in it and their size once unpacked (a small zip can unpack to gigabytes).
 *
 * @param maxFileSize the largest file accepted (also set as the upload limit of the web server)
 * @param maxZipEntries the most files a zip may hold
 * @param maxUnpackedSize the most a zip may hold once unpacked, all files together
 * @param maxServices the most services one file may hold
 */
@ConfigurationProperties("helhed.catalog.import")
record HsdsImportSettings(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("100") int maxZipEntries,
		@DefaultValue("25MB") DataSize maxUnpackedSize, @DefaultValue("5000") int maxServices) {
}
