package dk.helhed.municipality;

import dk.helhed.platform.NotFoundException;

/**
 * No municipality has the slug the request names.
 */
public class MunicipalityNotFound extends NotFoundException {

	public MunicipalityNotFound(String slug) {
		super("Kommunen findes ikke i Helhed: " + abbreviate(slug));
	}

	private static String abbreviate(String slug) {
		return slug == null ? "" : slug.length() > 60 ? slug.substring(0, 60) + "…" : slug;
	}
}
