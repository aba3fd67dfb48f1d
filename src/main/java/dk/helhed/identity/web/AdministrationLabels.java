package dk.helhed.identity.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dk.helhed.identity.Role;
import dk.helhed.identity.internal.StaffAdministration.Action;
import dk.helhed.identity.internal.StaffAdministration.Status;

/**
 * Danish words for roles, account states and what was done to an account, and moments as Danish staff read them.
 * Used by the administration templates as {@code labels}.
 */
public final class AdministrationLabels {

	static final AdministrationLabels DANISH_LABELS = new AdministrationLabels();

	private static final Locale DANISH = Locale.of("da");
	private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d. MMM yyyy 'kl.' HH:mm", DANISH);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", DANISH);

	private static final Map<Role, String> ROLES = new EnumMap<>(Map.of(Role.ADMINISTRATOR, "Administrator",
			Role.CATALOG_EDITOR, "Katalogredaktør", Role.UNIT_EDITOR, "Enhedsredaktør", Role.CASEWORKER,
			"Sagsbehandler", Role.OUTREACH_WORKER, "Udsattekonsulent", Role.TEAM_LEAD, "Teamleder",
			Role.DATA_PROTECTION_OFFICER, "Databeskyttelsesrådgiver", Role.CRIMINAL_MATTERS,
			"Adgang til strafbare forhold", Role.PARTICIPATION_COORDINATOR, "Koordinator for inddragelse"));

	private static final Map<Role, String> ROLE_HINTS = new EnumMap<>(Map.of(Role.ADMINISTRATOR,
			"Opretter og retter medarbejdernes konti i kommunen.", Role.CATALOG_EDITOR,
			"Retter kommunens indsatskatalog, godkender eller afviser forslag og udgiver udgaver.", Role.UNIT_EDITOR,
			"Foreslår ændringer til sine enheders indsatser og melder ledige pladser.", Role.CASEWORKER,
			"Arbejder med borgere i sine enheders sager: registrerer, indhenter samtykke, skriver notater.",
			Role.OUTREACH_WORKER, "Møder borgerne, hvor de er, og kan registrere anonyme kontakter.", Role.TEAM_LEAD,
			"Leder en enhed: kan registrere lovgrundlag for deling og ser enhedens nødadgang.",
			Role.DATA_PROTECTION_OFFICER,
			"Søger i revisionssporet og besvarer borgernes aktindsigt. Ser ingen sagsoplysninger alene med rollen.",
			Role.CRIMINAL_MATTERS,
			"Må se oplysninger om strafbare forhold, hvor et grundlag dækker dem (en tilladelse ud over en anden rolle).",
			Role.PARTICIPATION_COORDINATOR,
			"Planlægger møder i dialogforum og råd, udgiver referater, svarer på og modererer borgernes forslag."));

	public String role(Role role) {
		return ROLES.getOrDefault(role, role.name());
	}

	public String roleHint(Role role) {
		return ROLE_HINTS.getOrDefault(role, "");
	}

	/** The roles in Danish, in the order of the list of roles, separated by commas. */
	public String roles(Collection<Role> roles) {
		return roles.stream().sorted().map(this::role).collect(Collectors.joining(", "));
	}

	public String status(Status status) {
		return switch (status) {
			case OPEN -> "Åben";
			case CLOSED -> "Lukket";
			case LOCKED -> "Låst";
		};
	}

	public String action(Action action) {
		return switch (action) {
			case CREATED -> "Oprettet";
			case EDITED -> "Ændret";
			case CLOSED -> "Lukket";
			case REOPENED -> "Genåbnet";
			case UNLOCKED -> "Låst op";
			case PASSWORD_SET -> "Ny adgangskode sat";
		};
	}

	public String moment(Instant moment) {
		return moment == null ? "" : MOMENT.format(moment.atZone(DANISH_TIME));
	}

	public String time(Instant moment) {
		return moment == null ? "" : TIME.format(moment.atZone(DANISH_TIME));
	}
}
