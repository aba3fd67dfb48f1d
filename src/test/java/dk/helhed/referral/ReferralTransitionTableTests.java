package dk.helhed.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dk.helhed.referral.internal.ReferralMoves;
import dk.helhed.referral.internal.ReferralMoves.Actor;
import dk.helhed.referral.internal.ReferralMoves.Move;

/**
 * Every state × actor × move against the table (FHIR Task.status: requested → accepted | rejected |
 * cancelled; accepted → in-progress | on-hold | cancelled; in-progress ↔ on-hold; in-progress → completed | failed),
 * written out here on its own so that a change to the server's table shows up as a failure.
 */
class ReferralTransitionTableTests {

	/** "STATE MOVE ACTOR → NEW STATE", one line for each allowed cell. */
	static final Set<String> ALLOWED = Set.of(
			"REQUESTED ACCEPT RECEIVER → ACCEPTED", "REQUESTED ACCEPT TEAM_LEAD → ACCEPTED",
			"REQUESTED REJECT RECEIVER → REJECTED", "REQUESTED REJECT TEAM_LEAD → REJECTED",
			"REQUESTED CANCEL SENDER → CANCELLED", "REQUESTED CANCEL TEAM_LEAD → CANCELLED",
			"REQUESTED CANCEL SYSTEM → CANCELLED",
			"ACCEPTED START RECEIVER → IN_PROGRESS", "ACCEPTED START TEAM_LEAD → IN_PROGRESS",
			"ACCEPTED PAUSE RECEIVER → ON_HOLD", "ACCEPTED PAUSE TEAM_LEAD → ON_HOLD",
			"ACCEPTED CANCEL SENDER → CANCELLED", "ACCEPTED CANCEL RECEIVER → CANCELLED",
			"ACCEPTED CANCEL TEAM_LEAD → CANCELLED", "ACCEPTED CANCEL SYSTEM → CANCELLED",
			"IN_PROGRESS PAUSE RECEIVER → ON_HOLD", "IN_PROGRESS PAUSE TEAM_LEAD → ON_HOLD",
			"ON_HOLD RESUME RECEIVER → IN_PROGRESS", "ON_HOLD RESUME TEAM_LEAD → IN_PROGRESS",
			"IN_PROGRESS COMPLETE RECEIVER → COMPLETED", "IN_PROGRESS COMPLETE TEAM_LEAD → COMPLETED",
			"IN_PROGRESS FAIL RECEIVER → FAILED", "IN_PROGRESS FAIL TEAM_LEAD → FAILED",
			"IN_PROGRESS FAIL SYSTEM → FAILED");

	@Test
	void everyStateActorAndMoveIsAllowedOrRefusedAsTheTableSays() {
		int cells = 0;
		int allowed = 0;
		for (var state : ReferralStatus.values()) {
			for (var actor : Actor.values()) {
				for (var move : Move.values()) {
					cells++;
					var refusal = ReferralMoves.refusal(state, move, EnumSet.of(actor));
					var allowedHere = ALLOWED.stream().filter(line -> line.startsWith(state + " " + move + " " + actor + " "))
						.findFirst();
					if (allowedHere.isPresent()) {
						allowed++;
						assertThat(refusal).as(state + " " + move + " " + actor).isEmpty();
						var to = allowedHere.get().substring(allowedHere.get().indexOf("→ ") + 2);
						assertThat(ReferralMoves.find(state, move).orElseThrow().to().name()).isEqualTo(to);
					}
					else {
						assertThat(refusal).as(state + " " + move + " " + actor).isPresent();
						assertThat(refusal.get()).as("a Danish sentence").endsWith(".").doesNotContain(" null")
							.containsAnyOf("Du må ikke", "kan ikke få handlingen");
					}
				}
			}
		}
		System.out.printf("Referral transitions: %d cells (%d states × %d actors × %d moves), %d allowed, %d refused%n",
				cells, ReferralStatus.values().length, Actor.values().length, Move.values().length, allowed,
				cells - allowed);
		assertThat(allowed).isEqualTo(ALLOWED.size());
	}

	@Test
	void finalAndNegativeStatesNeedAReasonAndCompletedNeedsAnOutcome() {
		for (var row : ReferralMoves.TABLE) {
			boolean negative = row.to() == ReferralStatus.REJECTED || row.to() == ReferralStatus.CANCELLED
					|| row.to() == ReferralStatus.FAILED || row.to() == ReferralStatus.ON_HOLD;
			assertThat(row.needsReason()).as(row.toString()).isEqualTo(negative);
			assertThat(row.needsOutcome()).as(row.toString()).isEqualTo(row.to() == ReferralStatus.COMPLETED);
		}
	}

	@Test
	void noMoveLeadsOutOfAFinalState() {
		for (var state : ReferralStatus.values()) {
			if (state.isFinal()) {
				assertThat(ReferralMoves.allowed(state, EnumSet.allOf(Actor.class))).as(state.name()).isEmpty();
			}
		}
	}

	@Test
	void aRefusalSaysWhoMayMakeTheMove() {
		assertThat(ReferralMoves.refusal(ReferralStatus.REQUESTED, Move.ACCEPT, EnumSet.of(Actor.SENDER)))
			.hasValue("Du må ikke acceptere denne henvisning. Det må kun den enhed, der modtog den eller en teamleder i en af enhederne.");
		assertThat(ReferralMoves.refusal(ReferralStatus.COMPLETED, Move.START, EnumSet.of(Actor.RECEIVER)))
			.hasValue("En henvisning, der er \"afsluttet med resultat\", kan ikke få handlingen \"start\".");
	}
}
