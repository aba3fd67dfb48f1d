package dk.helhed.municipality;

import java.time.LocalDate;

/**
 * A telephone number of a municipality or one of its units, as a fact: the number as it is dialled (digits and
 * spaces), the public page that states it for that body and the day that page was read.
 */
public record PhoneFact(String number, String source, LocalDate checked) {

	/** The number without spaces, for a {@code tel:} link. */
	public String dialled() {
		return number.replace(" ", "");
	}
}
