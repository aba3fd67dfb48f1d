package dk.helhed.citizen.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.helhed.citizen.internal.DataProtection;
import dk.helhed.citizen.internal.DataProtection.AccessLine;

/**
 * The citizen's access account as a letter to the citizen (security.md item 10): the looks at their data grouped by
 * day and then by unit, each with the time, what was done and which kind of information; the data-protection
 * officer's own checks of the log kept apart, because they are not case work. Newest first, as the log gives them.
 */
record AccessLetter(List<Day> days, List<Check> checks) {

	/** One day, with the units that looked that day. */
	record Day(LocalDate date, List<UnitLooks> units) {
	}

	/** What one unit (or organisation) did on one day. */
	record UnitLooks(String party, List<Look> looks) {
	}

	/** One look: at what time, what was done, which information. */
	record Look(String time, String what, String categories) {
	}

	/** A check of the log by the data-protection officer. */
	record Check(String date, String time, String what) {
	}

	static AccessLetter of(List<AccessLine> lines, Labels labels) {
		Map<LocalDate, Map<String, List<Look>>> days = new LinkedHashMap<>();
		List<Check> checks = new ArrayList<>();
		for (var line : lines) {
			if (line.oversight()) {
				checks.add(new Check(labels.date(line.date()), labels.time(line.at()), checkOf(line.purpose())));
				continue;
			}
			days.computeIfAbsent(line.date(), day -> new LinkedHashMap<>())
				.computeIfAbsent(line.party(), party -> new ArrayList<>())
				.add(new Look(labels.time(line.at()), labels.accessWords(line.action()),
						line.category() == null || line.category().isBlank() ? "Ingen bestemt slags oplysninger"
								: labels.categories(line.category())));
		}
		List<Day> grouped = new ArrayList<>();
		days.forEach((date, units) -> {
			List<UnitLooks> looks = new ArrayList<>();
			units.forEach((party, entries) -> looks.add(new UnitLooks(party, List.copyOf(entries))));
			grouped.add(new Day(date, List.copyOf(looks)));
		});
		return new AccessLetter(List.copyOf(grouped), List.copyOf(checks));
	}

	private static String checkOf(String purpose) {
		return switch (purpose) {
			case "aktindsigt" -> "Lavede en oversigt til dig (aktindsigt)";
			case "tilsyn med nødadgang" -> "Kontrollerede en nødadgang";
			default -> "Kontrollerede loggen";
		};
	}

	boolean isEmpty() {
		return days.isEmpty() && checks.isEmpty();
	}
}
