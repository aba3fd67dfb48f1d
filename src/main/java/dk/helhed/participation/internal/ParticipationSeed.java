package dk.helhed.participation.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A municipality's {@code participation.yaml}: its participation bodies and, if it keeps states of its own, the
 * states of proposals (see docs/seed-format.md).
 */
record ParticipationSeed(List<BodyEntry> bodies, List<StateEntry> states) {

	ParticipationSeed {
		bodies = bodies == null ? List.of() : bodies;
		states = states == null ? List.of() : states;
	}

	record BodyEntry(String key, Body.Kind kind, String name, String purpose, String meetingsNote, String owningUnit,
			Contact contact, String url, Boolean acceptsProposals, List<MemberEntry> members, List<String> focusAreas,
			List<String> services) {

		BodyEntry {
			members = members == null ? List.of() : members;
			focusAreas = focusAreas == null ? List.of() : focusAreas;
			services = services == null ? List.of() : services;
		}
	}

	record Contact(String role, String name) {
	}

	record MemberEntry(Body.Member.Role role, String represents, String name, Boolean namePublic) {
	}

	record StateEntry(String key, Text name, Text explanation, Boolean closed, LocalDate validFrom) {
	}

	record Text(String da, String en) {
	}
}
