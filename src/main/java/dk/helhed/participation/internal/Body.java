package dk.helhed.participation.internal;

import java.util.List;
import java.util.UUID;

/**
 * A participation body of the municipality: the dialogue forum, a contact council, a user council or a local council,
 * with its purpose, its members by role and what it concerns.
 */
public record Body(UUID id, UUID municipalityId, String key, Kind kind, String name, String purpose,
		String meetingsNote, String owningUnitKey, String contactRole, String contactName, String url,
		boolean acceptsProposals, List<Member> members, List<String> areaKeys, List<String> serviceKeys) {

	public enum Kind {
		DIALOGUE_FORUM, CONTACT_COUNCIL, USER_COUNCIL, LOCAL_COUNCIL
	}

	/** A seat of the body: whom it represents, and the member's name only where they agreed to have it shown. */
	public record Member(Role role, String represents, String name, boolean namePublic) {

		public enum Role {
			CITIZEN_REPRESENTATIVE, RELATIVE, VOLUNTEER_ORGANISATION, POLITICIAN, STAFF
		}

		/** The name the public may see, or null. */
		public String publicName() {
			return namePublic ? name : null;
		}
	}
}
