package dk.helhed.referral.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dk.helhed.referral.internal.ReferralMoves.Actor;

/** Dates, moments, ages and durations as the referral pages show them, in Danish. */
public final class ReferralLabels {

	private static final Locale DANISH = Locale.of("da");
	private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH);
	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d. MMM yyyy 'kl.' HH:mm", DANISH);

	private final Clock clock;

	ReferralLabels(Clock clock) {
		this.clock = clock;
	}

	public String date(LocalDate day) {
		return day == null ? "" : DATE.format(day);
	}

	public String moment(Instant at) {
		return at == null ? "" : MOMENT.format(at.atZone(DANISH_TIME));
	}

	/** How long ago, e.g. "3 dage". */
	public String age(Instant since) {
		return since == null ? "" : duration(Duration.between(since, clock.instant()));
	}

	/** A duration in whole days, or hours under a day; a dash when there is none. */
	public String duration(Duration duration) {
		if (duration == null) {
			return "–";
		}
		long days = duration.toDays();
		if (days >= 1) {
			return days == 1 ? "1 dag" : days + " dage";
		}
		long hours = Math.max(0, duration.toHours());
		return hours == 1 ? "1 time" : hours + " timer";
	}

	public String actor(Actor actor) {
		return switch (actor) {
			case SENDER -> "Afsender";
			case RECEIVER -> "Modtager";
			case TEAM_LEAD -> "Teamleder";
			case SYSTEM -> "Helhed";
		};
	}

	/** A move of the history, in Danish: the table's moves, the sending and the closing of the loop. */
	public String move(String move) {
		return switch (move) {
			case "SEND" -> "Sendt";
			case "CLOSE_LOOP" -> "Løkken lukket";
			default -> {
				for (var candidate : dk.helhed.referral.internal.ReferralMoves.Move.values()) {
					if (candidate.name().equals(move)) {
						yield candidate.label();
					}
				}
				yield move;
			}
		};
	}

	/** Who declined, as the coded reason says it. */
	public String decidedBy(String code) {
		return switch (code == null ? "" : code) {
			case "CITIZEN" -> "borgeren";
			case "PROVIDER" -> "modtageren";
			case "SYSTEM" -> "Helhed";
			default -> "ukendt";
		};
	}

	/** What follows from a coded reason. */
	public String consequence(String code) {
		return switch (code == null ? "" : code) {
			case "WAITING_LIST" -> "Borgeren kan komme på ventelisten til indsatsen.";
			case "BACK_TO_SENDER" -> "Sagen går tilbage til afsenderen, som finder en anden vej.";
			case "BACK_ON_LIST" -> "Borgeren står fortsat på ventelisten.";
			case "OFF_LIST" -> "Borgeren tages af ventelisten.";
			default -> "Der sker ikke mere med henvisningen.";
		};
	}
}
