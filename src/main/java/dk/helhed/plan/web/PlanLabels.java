package dk.helhed.plan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Danish words for the plan module's codes, and dates as Danish staff and citizens read them; the templates use it
 * as {@code labels}.
 */
public class PlanLabels {

	static final PlanLabels DANISH = new PlanLabels();

	private static final Locale DANISH_LOCALE = Locale.of("da");
	private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH_LOCALE);
	private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d. MMM yyyy", DANISH_LOCALE);
	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d. MMM yyyy 'kl.' HH:mm",
			DANISH_LOCALE);

	private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("HEALTH", "Helbred"),
			Map.entry("ADDICTION", "Rusmidler"), Map.entry("CRIMINAL", "Strafbare forhold"),
			Map.entry("HOUSING", "Bolig"), Map.entry("EMPLOYMENT", "Beskæftigelse"), Map.entry("FINANCES", "Økonomi"),
			Map.entry("NOTES", "Øvrige oplysninger"), Map.entry("FUNCTIONS_AND_CONDITIONS", "Funktioner og forhold"),
			Map.entry("ACTIVITY_AND_PARTICIPATION", "Aktivitet og deltagelse"),
			Map.entry("ENVIRONMENTAL_FACTORS", "Omgivelsesfaktorer"), Map.entry("OFFERED", "Tilbudt, borgeren har ikke svaret"),
			Map.entry("ACCEPTED", "Tilbudt, borgeren har sagt ja"), Map.entry("DECLINED", "Sagt nej"),
			Map.entry("PRESENT", "Borgeren var med"), Map.entry("WROTE_OWN_PART", "Borgeren skrev selv sin del"), Map.entry("NOT_TAKING_PART", "Borgeren ville ikke være med"),
			Map.entry("DEVELOP", "Udvikle funktionsevne"), Map.entry("MAINTAIN", "Fastholde funktionsevne"),
			Map.entry("LIMIT_LOSS", "Begrænse tab af funktionsevne"), Map.entry("CONTINUE", "Fortsæt indsatsen"),
			Map.entry("END", "Afslut indsatsen"), Map.entry("END_AND_REFER", "Afslut, og visitér til en ny indsats"),
			Map.entry("BASICS", "Planens rammer"), Map.entry("GOAL", "Mål"), Map.entry("ACTION", "Indsats"),
			Map.entry("FOLLOW_UP", "Opfølgning"), Map.entry("READY", "Klar"));

	public String of(Object code) {
		if (code == null) {
			return "";
		}
		var name = code instanceof Enum<?> constant ? constant.name() : code.toString();
		return WORDS.getOrDefault(name, name);
	}

	public String date(LocalDate day) {
		return day == null ? "" : DATE.format(day);
	}

	public String shortDate(LocalDate day) {
		return day == null ? "" : SHORT_DATE.format(day);
	}

	public String moment(Instant moment) {
		return moment == null ? "" : MOMENT.format(moment.atZone(DANISH_TIME));
	}
}
