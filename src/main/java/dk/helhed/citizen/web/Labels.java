package dk.helhed.citizen.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Danish words for the citizen module's codes, and dates and times as Danish staff read them. Used by the templates
 * as {@code labels} (the PDF too, which has no Spring context for beans).
 */
public class Labels {

	static final Labels DANISH_LABELS = new Labels();

	private static final Locale DANISH = Locale.of("da");
	private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH);
	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d. MMM yyyy 'kl.' HH:mm", DANISH);

	private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("OWN_CASE", "Egen sag"), Map.entry("CONSENT", "Samtykke"),
			Map.entry("LEGAL_BASIS", "Lovgrundlag"), Map.entry("REFERRAL", "Henvisning"),
			Map.entry("JOINED_BY_CPR", "Egen sag (kom med ved CPR-registrering)"),
			Map.entry("INVOLVED_BY_UNIT", "Inddraget af en enhed i sagen"),
			Map.entry("EMERGENCY", "Nødadgang"), Map.entry("NONE", "Intet"), Map.entry("WRITTEN", "Skriftligt"),
			Map.entry("VERBAL", "Mundtligt"), Map.entry("DIGITAL", "Digitalt"),
			Map.entry("RETSPLEJELOVEN_115", "Retsplejeloven § 115 (PSP/SSP+-samarbejde)"),
			Map.entry("RETSSIKKERHEDSLOVEN_11B", "Retssikkerhedsloven § 11 b (oplysninger til afgørelse)"),
			Map.entry("READ", "Læst"), Map.entry("SEARCH", "Søgning"), Map.entry("CREATE", "Oprettet"),
			Map.entry("UPDATE", "Ændret"), Map.entry("EXPORT", "Udtræk"), Map.entry("DELETE", "Slettet"),
			Map.entry("LOGIN_FAILED", "Mislykket login"), Map.entry("EMERGENCY_ACCESS", "Nødadgang"),
			Map.entry("ALLOWED", "Tilladt"), Map.entry("REFUSED", "Afvist"), Map.entry("IDENTIFIED", "Identificeret"),
			Map.entry("ANONYMOUS", "Anonym kontakt"), Map.entry("OPEN", "Åben"), Map.entry("CLOSED", "Lukket"),
			Map.entry("ANONYMISED", "Anonymiseret"), Map.entry("CASEWORKER", "Sagsbehandler"),
			Map.entry("OUTREACH_WORKER", "Udsattemedarbejder"), Map.entry("TEAM_LEAD", "Teamleder"),
			Map.entry("DATA_PROTECTION_OFFICER", "Databeskyttelsesrådgiver"),
			Map.entry("ADMINISTRATOR", "Administrator"), Map.entry("CATALOG_EDITOR", "Katalogredaktør"),
			Map.entry("UNIT_EDITOR", "Enhedsredaktør"));

	/** The Danish word for a code, or the code itself when there is none. */
	public String of(Object code) {
		if (code == null) {
			return "";
		}
		var name = code instanceof Enum<?> constant ? constant.name() : code.toString();
		for (var category : dk.helhed.citizen.InformationCategory.values()) {
			if (category.name().equals(name)) {
				return category.label();
			}
		}
		return WORDS.getOrDefault(name, name);
	}

	/** What was done, as the citizen's letter says it to the citizen. */
	private static final Map<String, String> ACCESS_WORDS = Map.of("READ", "Så dine oplysninger", "SEARCH",
			"Søgte dig frem", "CREATE", "Skrev nye oplysninger", "UPDATE", "Ændrede dine oplysninger", "DELETE",
			"Slettede oplysninger", "EMERGENCY_ACCESS", "Så dine oplysninger i en nødsituation");

	/** What a look at the citizen's data did, in the words of the letter to the citizen. */
	public String accessWords(Object action) {
		var name = action instanceof Enum<?> constant ? constant.name() : String.valueOf(action);
		return ACCESS_WORDS.getOrDefault(name, of(action));
	}

	/** What an audit row's resource was, in words, by how it begins (the ids after it are left out). */
	private static final List<Map.Entry<String, String>> RESOURCES = List.of(
			Map.entry("citizen search", "søgning efter en borger"), Map.entry("citizen anonymised", "sagen anonymiseret"),
			Map.entry("citizen closed", "sagen lukket"), Map.entry("citizen", "borgerens sag"),
			Map.entry("notes deleted", "notater slettet"), Map.entry("note", "notat"),
			Map.entry("consent withdrawn", "samtykke trukket tilbage"), Map.entry("consent", "samtykke"),
			Map.entry("legal basis", "lovgrundlag"), Map.entry("joined anonymous", "anonym kontakt lagt sammen"),
			Map.entry("joined", "tilsluttet sagen"), Map.entry("join", "sammenlægning"),
			Map.entry("involvement", "enhedens sag"), Map.entry("emergency access review", "tilsyn med nødadgang"),
			Map.entry("emergency access seen", "nødadgang set af leder"), Map.entry("emergency access", "nødadgang"),
			Map.entry("anonymous contact", "anonym kontakt"), Map.entry("audit log", "revisionssporet"),
			Map.entry("access account", "aktindsigt"), Map.entry("case work", "sagsarbejde"),
			Map.entry("login", "login"), Map.entry("timeline", "tidslinjen"),
			// the plan module's parts of the case
			Map.entry("assessment-citizen-words", "borgerens egne ord i helhedsvurderingen"),
			Map.entry("assessment", "helhedsvurdering"), Map.entry("plan-citizens-copy", "borgerens kopi af planen"),
			Map.entry("plan", "handleplan"), Map.entry("my-citizens", "listen Mine borgere"),
			// the referral module's, named in Danish already
			Map.entry("henvisning", "henvisning"), Map.entry("afgørelse", "afgørelse"), Map.entry("plads", "plads"),
			Map.entry("venteliste", "venteliste"));

	/** Pages refused by role, by the part of their address that says what they are. */
	private static final List<Map.Entry<String, String>> PAGES = List.of(
			Map.entry("/personale/borgere", "en borgers sag"), Map.entry("/personale/revision", "revisionssporet"),
			Map.entry("/personale/aktindsigt", "aktindsigt"), Map.entry("/personale/noedadgang", "nødadgang"));

	/** The Danish words for what an audit row concerned, e.g. "notat" for "note 3f2…". */
	public String resource(String resource) {
		if (resource == null || resource.isBlank()) {
			return "–";
		}
		if (resource.startsWith("GET ") || resource.startsWith("POST ")) {
			return PAGES.stream()
				.filter(page -> resource.contains(page.getKey()))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse("en side for personale");
		}
		return RESOURCES.stream()
			.filter(known -> resource.equals(known.getKey()) || resource.startsWith(known.getKey() + " "))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("–");
	}

	/**
	 * The Danish words for the information categories as the audit log records them ("housing,employment"), or a dash
	 * when it records none.
	 */
	public String categories(String codes) {
		if (codes == null || codes.isBlank()) {
			return "–";
		}
		return Arrays.stream(codes.split(","))
			.map(code -> of(code.strip().toUpperCase(Locale.ROOT)))
			.collect(Collectors.joining(", "));
	}

	public String date(LocalDate day) {
		return day == null ? "" : DATE.format(day);
	}

	public String moment(Instant moment) {
		return moment == null ? "" : MOMENT.format(moment.atZone(DANISH_TIME));
	}

	/** A moment, or only its day when it is the start of a day (an event that has a date but no time of day). */
	public String momentOrDay(Instant moment) {
		if (moment == null) {
			return "";
		}
		var local = moment.atZone(DANISH_TIME);
		return local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? DATE.format(local) : MOMENT.format(local);
	}

	public String time(Instant moment) {
		return moment == null ? "" : DateTimeFormatter.ofPattern("HH:mm").format(moment.atZone(DANISH_TIME));
	}
}
