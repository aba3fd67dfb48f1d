package dk.helhed.platform.web;

import java.time.LocalDate;
import java.util.List;

/**
 * A module's public pages, for the sitemap: each module that has public pages lists them, so that the sitemap need not
 * know the modules (catalog's sitemap would otherwise depend on participation, which depends on catalog).
 */
public interface PublicPageSource {

	/** The paths from the site's root of every public page of the module. */
	List<PublicPage> publicPages();

	/** A public page, with the day it last changed where that is known. */
	record PublicPage(String path, LocalDate lastModified) {

		public static PublicPage of(String path) {
			return new PublicPage(path, null);
		}
	}
}
