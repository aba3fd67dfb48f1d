package dk.helhed.citizen;

import java.util.List;

import dk.helhed.citizen.CaseRecords.Citizen;
import dk.helhed.citizen.CaseRecords.Recipient;

/**
 * One of a staff member's own cases, as the gate lists them: the citizen, and which of the staff member's units (or
 * their organisation) are involved in the case now, the reason it is their case.
 */
public record OwnCase(Citizen citizen, List<Recipient> parties) {

	public OwnCase {
		parties = List.copyOf(parties);
	}
}
