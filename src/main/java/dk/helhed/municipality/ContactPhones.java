package dk.helhed.municipality;

import java.util.Optional;

/**
 * The telephone numbers of the municipalities and their units, read from the seed folders' {@code municipality.yaml}
 * ({@code municipality.phone} and {@code units[].phone}); each with its public source and the day it was checked.
 */
public interface ContactPhones {

	/** The municipality's own number (its main line), if a public page confirms one. */
	Optional<PhoneFact> ofMunicipality(String slug);

	/** The unit's number, if a public page confirms one for that unit. */
	Optional<PhoneFact> ofUnit(String slug, String unitKey);
}
