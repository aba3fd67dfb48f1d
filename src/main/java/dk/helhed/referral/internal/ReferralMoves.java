package dk.helhed.referral.internal;

import static dk.helhed.referral.ReferralStatus.ACCEPTED;
import static dk.helhed.referral.ReferralStatus.CANCELLED;
import static dk.helhed.referral.ReferralStatus.COMPLETED;
import static dk.helhed.referral.ReferralStatus.FAILED;
import static dk.helhed.referral.ReferralStatus.IN_PROGRESS;
import static dk.helhed.referral.ReferralStatus.ON_HOLD;
import static dk.helhed.referral.ReferralStatus.REJECTED;
import static dk.helhed.referral.ReferralStatus.REQUESTED;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dk.helhed.referral.ReferralStatus;

/**
 * The one transition table of referrals, enforced on the server: each row is a move from one state to another, who may
 * make it, and whether it needs a coded reason or an outcome. A move that is not in the table is refused.
 */
public final class ReferralMoves {

	/** Who makes a move: the sending unit, the receiving unit, a team lead of either, or Helhed itself. */
	public enum Actor {
		SENDER, RECEIVER, TEAM_LEAD, SYSTEM
	}

	/** What a user asks for. */
	public enum Move {
		ACCEPT("Accepter"), REJECT("Afvis"), CANCEL("Annuller"), START("Start"), PAUSE("Sæt i bero"),
		RESUME("Genoptag"), COMPLETE("Afslut med resultat"), FAIL("Afslut som mislykket");

		private final String label;

		Move(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Transition(Move move, ReferralStatus from, ReferralStatus to, Set<Actor> actors, boolean needsReason,
			boolean needsOutcome) {
	}

	private static Transition row(Move move, ReferralStatus from, ReferralStatus to, boolean reason, Actor... actors) {
		return new Transition(move, from, to, EnumSet.copyOf(List.of(actors)), reason, move == Move.COMPLETE);
	}

	public static final List<Transition> TABLE = List.of(
			row(Move.ACCEPT, REQUESTED, ACCEPTED, false, Actor.RECEIVER, Actor.TEAM_LEAD),
			row(Move.REJECT, REQUESTED, REJECTED, true, Actor.RECEIVER, Actor.TEAM_LEAD),
			row(Move.CANCEL, REQUESTED, CANCELLED, true, Actor.SENDER, Actor.TEAM_LEAD, Actor.SYSTEM),
			row(Move.START, ACCEPTED, IN_PROGRESS, false, Actor.RECEIVER, Actor.TEAM_LEAD),
			row(Move.PAUSE, ACCEPTED, ON_HOLD, true, Actor.RECEIVER, Actor.TEAM_LEAD),
			row(Move.CANCEL, ACCEPTED, CANCELLED, true, Actor.SENDER, Actor.RECEIVER, Actor.TEAM_LEAD, Actor.SYSTEM),
			row(Move.PAUSE, IN_PROGRESS, ON_HOLD, true, Actor.RECEIVER, Actor.TEAM_LEAD),
			row(Move.RESUME, ON_HOLD, IN_PROGRESS, false, Actor.RECEIVER, Actor.TEAM_LEAD),
			row(Move.COMPLETE, IN_PROGRESS, COMPLETED, false, Actor.RECEIVER, Actor.TEAM_LEAD),
			row(Move.FAIL, IN_PROGRESS, FAILED, true, Actor.RECEIVER, Actor.TEAM_LEAD, Actor.SYSTEM));

	private ReferralMoves() {
	}

	/** The row for this move from this state, if there is one. */
	public static Optional<Transition> find(ReferralStatus from, Move move) {
		return TABLE.stream().filter(row -> row.from() == from && row.move() == move).findFirst();
	}

	/** The moves these actors may make from the state, e.g. for the buttons of a page. */
	public static List<Transition> allowed(ReferralStatus from, Set<Actor> actors) {
		return TABLE.stream()
			.filter(row -> row.from() == from && row.actors().stream().anyMatch(actors::contains))
			.toList();
	}

	/**
	 * Why the move is refused, in Danish; empty if the actors may make it.
	 */
	public static Optional<String> refusal(ReferralStatus from, Move move, Set<Actor> actors) {
		var row = find(from, move);
		if (row.isEmpty()) {
			return Optional.of("En henvisning, der er \"" + from.label().toLowerCase(java.util.Locale.ROOT)
					+ "\", kan ikke få handlingen \"" + move.label().toLowerCase(java.util.Locale.ROOT) + "\".");
		}
		if (row.get().actors().stream().noneMatch(actors::contains)) {
			return Optional.of("Du må ikke " + phrase(move) + ". Det må kun "
					+ who(row.get().actors()) + ".");
		}
		return Optional.empty();
	}

	private static String phrase(Move move) {
		return switch (move) {
			case ACCEPT -> "acceptere denne henvisning";
			case REJECT -> "afvise denne henvisning";
			case CANCEL -> "annullere denne henvisning";
			case START -> "starte denne henvisning";
			case PAUSE -> "sætte denne henvisning i bero";
			case RESUME -> "genoptage denne henvisning";
			case COMPLETE, FAIL -> "afslutte denne henvisning";
		};
	}

	private static String who(Set<Actor> actors) {
		var names = actors.stream()
			.filter(actor -> actor != Actor.SYSTEM)
			.map(actor -> switch (actor) {
				case SENDER -> "den enhed, der sendte den";
				case RECEIVER -> "den enhed, der modtog den";
				case TEAM_LEAD -> "en teamleder i en af enhederne";
				case SYSTEM -> "";
			})
			.toList();
		if (names.isEmpty()) {
			return "Helhed selv";
		}
		return names.size() == 1 ? names.getFirst()
				: String.join(", ", names.subList(0, names.size() - 1)) + " eller " + names.getLast();
	}
}
