package dk.helhed.referral.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.catalog.Services;
import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseUse;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.referral.ReferralResource;
import dk.helhed.referral.ReferralStatus;
import dk.helhed.referral.internal.ReferralMoves.Actor;
import dk.helhed.referral.internal.ReferralMoves.Move;
import dk.helhed.referral.internal.ReferralStore.HistoryEntry;
import dk.helhed.referral.internal.ReferralStore.Referral;

/**
 * Closed-loop referrals. Every step opens the citizen's case through the access gate once (which decides and writes
 * the audit row); the transition table decides which move each side may make; a refused move writes its refusal in
 * the audit log and says why in Danish.
 */
@Component
@Transactional
public class ReferralWork implements dk.helhed.referral.Referrals {

	static final String REFERRAL_REASONS = "REFERRAL";

	/** A referral to send; {@code planActionId} links it to the action of a plan it carries out, or null. */
	public record NewReferral(UUID citizenId, UUID serviceId, UUID receiverUnitId, String question,
			LocalDate wishedStart, Set<InformationCategory> shared, UUID planActionId) {
	}

	/** A referral as one side sees it: the referral, its history, who the staff member is to it, and the moves left. */
	public record Seen(Referral referral, List<HistoryEntry> history, Set<Actor> actors,
			List<ReferralMoves.Transition> moves) {
	}

	/** How many referrals with a closed loop a page of the queue shows. */
	public static final int CLOSED_PAGE = 25;

	/**
	 * A unit's queue (one side): the referrals whose loop is open, oldest first; one page of those whose loop is
	 * closed, newest first, with how many match in all and how many are older than the page ({@code next} starts the
	 * following page, or is null); and the side's counts, whatever the filters.
	 */
	public record Queue(List<Referral> open, List<Referral> closed, long closedTotal, long closedOlder,
			ReferralStore.After next, long waitingForAnswer, long loopNotClosed) {

		/** The referrals the page shows: the open ones, then the page of closed ones. */
		public List<Referral> referrals() {
			var all = new java.util.ArrayList<Referral>(open);
			all.addAll(closed);
			return all;
		}
	}

	/** Median times, computed from the referrals' first answer and outcome (the same moves as the history). */
	public record Times(Duration toFirstAnswer, Duration toOutcome, int answered, int ended) {
	}

	private final ReferralStore store;
	private final PlaceStore reasons;
	private final CaseAccess caseAccess;
	private final Services services;
	private final Municipalities municipalities;
	private final Clock clock;
	private final org.springframework.context.ApplicationEventPublisher events;

	ReferralWork(ReferralStore store, PlaceStore reasons, CaseAccess caseAccess, Services services,
			Municipalities municipalities, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.store = store;
		this.reasons = reasons;
		this.caseAccess = caseAccess;
		this.services = services;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	@Override
	public UUID refer(StaffMember staff, Request request) {
		return send(staff, new NewReferral(request.citizenId(), request.serviceId(), request.receiverUnitId(),
				request.question(), request.wishedStart(), request.shared(), request.planActionId())).id();
	}

	public Referral send(StaffMember staff, NewReferral request) {
		return send(staff, null, request);
	}

	/**
	 * Sends a referral about the citizen whose case the caller has already opened for it in this request (the
	 * referral form does, to show the form again with its mistakes from the same view), so that the request writes
	 * one audit row.
	 *
	 * @param opened the gate's view of the citizen for {@code CaseUse.create(REFERRAL)}, or null to open it here
	 */
	public Referral send(StaffMember staff, dk.helhed.citizen.CaseView opened, NewReferral request) {
		var municipalityId = staff.municipalityId();
		var service = services.find(municipalityId, request.serviceId())
			.orElseThrow(() -> new InvalidRequestException("Vælg en indsats fra kataloget."));
		var receiver = municipalities.unitsOf(municipalityId)
			.stream()
			.filter(unit -> unit.id().equals(request.receiverUnitId()))
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException("Vælg den enhed, henvisningen skal til."));
		var question = request.question() == null ? "" : request.question().strip();
		if (question.isEmpty() || question.length() > 2000) {
			throw new InvalidRequestException("Skriv spørgsmålet til modtageren (højst 2000 tegn).");
		}
		if (question.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			throw new InvalidRequestException("Spørgsmålet indeholder tegn, der ikke kan gemmes.");
		}
		var today = LocalDate.now(clock);
		if (request.wishedStart() != null
				&& (request.wishedStart().isBefore(today) || request.wishedStart().isAfter(today.plusYears(2)))) {
			throw new InvalidRequestException("Den ønskede start skal ligge fra i dag og højst to år frem.");
		}
		if (opened != null && (!opened.citizenId().equals(request.citizenId()) || !opened.ownCase())) {
			throw new AccessDeniedException("Only a unit in the citizen's case refers the citizen");
		}
		var view = opened != null ? opened
				: caseAccess.open(staff, request.citizenId(), CaseUse.create(ReferralResource.REFERRAL));
		var sender = view.party();
		if (sender == null || (sender.unitId() != null && sender.unitId().equals(receiver.id()))) {
			throw new InvalidRequestException("En henvisning skal gå til en anden enhed end din egen.");
		}
		var shared = request.shared() == null ? Set.<InformationCategory>of() : request.shared();
		var covered = caseAccess.coveredFor(municipalityId, request.citizenId(), new Recipient(receiver.id(), null));
		if (shared.isEmpty()) {
			throw new InvalidRequestException("Vælg mindst én kategori, som borgerens samtykke eller et lovgrundlag dækker.");
		}
		if (!covered.containsAll(shared)) {
			throw new InvalidRequestException(
					"Du kan kun dele de kategorier, som borgerens samtykke eller et lovgrundlag dækker for modtageren.");
		}
		var now = clock.instant();
		var referral = new Referral(municipalityId, UUID.randomUUID(), request.citizenId(), service.id(),
				sender.unitId(), sender.partnerId(), receiver.id(), question, request.wishedStart(),
				request.planActionId(), ReferralStatus.REQUESTED, null, null, now, staff.id(), null, null, null, 0,
				EnumSet.copyOf(shared));
		store.insert(referral);
		store.record(referral, "SEND", null, ReferralStatus.REQUESTED, Actor.SENDER, staff.id(), sender.unitId(),
				null, now);
		reasons.notifyUnit(municipalityId, receiver.id(), "REFERRAL_RECEIVED",
				"Ny henvisning til " + service.name() + ".", "/personale/henvisninger/" + referral.id(), now);
		return referral;
	}

	/** Who the staff member is to the referral; empty if they are neither side. */
	static Set<Actor> actors(StaffMember staff, Referral referral) {
		var actors = EnumSet.noneOf(Actor.class);
		boolean sender = (referral.senderUnitId() != null && staff.belongsTo(referral.senderUnitId()))
				|| (referral.senderPartnerId() != null && referral.senderPartnerId().equals(staff.partnerId()));
		boolean receiver = staff.belongsTo(referral.receiverUnitId());
		if (sender) {
			actors.add(Actor.SENDER);
		}
		if (receiver) {
			actors.add(Actor.RECEIVER);
		}
		if ((sender || receiver) && staff.isTeamLead()) {
			actors.add(Actor.TEAM_LEAD);
		}
		return actors;
	}

	/**
	 * The referral, when the staff member is one of its sides; otherwise "not found", with the refusal in the audit
	 * log (the referral is about a citizen, whether or not it exists in the staff member's municipality).
	 */
	private Referral referralFor(StaffMember staff, UUID referralId, boolean changes) {
		var referral = store.find(staff.municipalityId(), referralId);
		if (referral.isEmpty() || actors(staff, referral.get()).isEmpty()) {
			var use = changes ? CaseUse.update(ReferralResource.REFERRAL, referralId)
					: CaseUse.read(ReferralResource.REFERRAL, referralId);
			caseAccess.refuse(staff, referral.map(Referral::citizenId).orElse(null), use);
			throw new NotFoundException("Henvisningen findes ikke.");
		}
		return referral.get();
	}

	/** A referral as one side sees it, with the gate's view of the citizen (opened and logged once). */
	public record Opened(Seen seen, dk.helhed.citizen.CaseView view) {
	}

	@Transactional
	public Opened open(StaffMember staff, UUID referralId) {
		var referral = referralFor(staff, referralId, false);
		var view = caseAccess.open(staff, referral.citizenId(), CaseUse.read(ReferralResource.REFERRAL, referral.id()));
		var actors = actors(staff, referral);
		return new Opened(new Seen(referral, store.history(staff.municipalityId(), referral.id()), actors,
				ReferralMoves.allowed(referral.status(), actors)), view);
	}

	/** The coded reasons valid today, from the versioned list, for a final or negative move. */
	@Transactional(readOnly = true)
	public List<PlaceStore.Reason> reasons() {
		return reasons.reasons(REFERRAL_REASONS, LocalDate.now(clock));
	}

	/** How many new referrals and how many answers the staff member's units have not yet opened. */
	public record Unseen(long newReferrals, long answers) {

		public long total() {
			return newReferrals + answers;
		}
	}

	@Transactional(readOnly = true)
	public Unseen unseen(StaffMember staff) {
		return new Unseen(reasons.unread(staff.municipalityId(), staff.unitIds(), "REFERRAL_RECEIVED"),
				reasons.unread(staff.municipalityId(), staff.unitIds(), "REFERRAL_ANSWERED"));
	}

	/** The staff member's units have now seen what their notifications said about this referral. */
	public void markSeen(StaffMember staff, UUID referralId) {
		reasons.markRead(staff.municipalityId(), staff.unitIds(), "/personale/henvisninger/" + referralId,
				clock.instant());
	}

	@Transactional
	public Seen read(StaffMember staff, UUID referralId) {
		return open(staff, referralId).seen();
	}

	/**
	 * Makes a move of the transition table.
	 *
	 * @throws InvalidRequestException the move is not in the table from this state, needs a reason or an outcome that
	 *         is missing, or someone else moved the referral first; nothing is saved
	 * @throws AccessDeniedException the staff member's side may not make this move (with a refusal in the audit log)
	 */
	public Referral move(StaffMember staff, UUID referralId, Move move, String reasonCode, String outcome,
			int version) {
		var referral = referralFor(staff, referralId, true);
		var actors = actors(staff, referral);
		var refusal = ReferralMoves.refusal(referral.status(), move, actors);
		if (refusal.isPresent()) {
			// The gate writes the refusal row (in its own transaction) and throws; its answer decides 403 or 404.
			caseAccess.refuse(staff, referral.citizenId(), CaseUse.update(ReferralResource.REFERRAL, referral.id()));
			if (ReferralMoves.find(referral.status(), move).isPresent()) {
				throw new AccessDeniedException(refusal.get());
			}
			throw new InvalidRequestException(refusal.get());
		}
		var row = ReferralMoves.find(referral.status(), move).orElseThrow();
		var today = LocalDate.now(clock);
		PlaceStore.Reason reason = null;
		if (row.needsReason()) {
			reason = reasons.reason(REFERRAL_REASONS, reasonCode == null ? "" : reasonCode.strip(), today)
				.orElseThrow(() -> new InvalidRequestException("Vælg en årsag fra listen."));
		}
		String cleanOutcome = null;
		if (row.needsOutcome()) {
			cleanOutcome = outcome == null ? "" : outcome.strip();
			if (cleanOutcome.isEmpty() || cleanOutcome.length() > 2000) {
				throw new InvalidRequestException("Skriv resultatet, så afsenderen kan se, hvordan det gik (højst 2000 tegn).");
			}
			if (cleanOutcome.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
				throw new InvalidRequestException("Resultatet indeholder tegn, der ikke kan gemmes.");
			}
		}
		if (version != referral.version()) {
			throw new InvalidRequestException("Henvisningen er ændret af en anden, siden du åbnede den. Se den igen.");
		}
		caseAccess.open(staff, referral.citizenId(), CaseUse.update(ReferralResource.REFERRAL, referral.id()));
		var now = clock.instant();
		if (!store.move(referral, row.to(), reason == null ? null : reason.code(), cleanOutcome, now)) {
			throw new InvalidRequestException("Henvisningen er ændret af en anden, siden du åbnede den. Se den igen.");
		}
		var actor = actors.contains(Actor.RECEIVER) && row.actors().contains(Actor.RECEIVER) ? Actor.RECEIVER
				: actors.contains(Actor.SENDER) && row.actors().contains(Actor.SENDER) ? Actor.SENDER : Actor.TEAM_LEAD;
		var unit = actor == Actor.SENDER ? referral.senderUnitId() : referral.receiverUnitId();
		store.record(referral, move.name(), referral.status(), row.to(), actor, staff.id(), unit, reason, now);
		var other = actor == Actor.SENDER ? referral.receiverUnitId() : referral.senderUnitId();
		if (other != null) {
			reasons.notifyUnit(staff.municipalityId(), other, "REFERRAL_ANSWERED",
					"En henvisning er nu: " + row.to().label().toLowerCase(java.util.Locale.ROOT) + ".",
					"/personale/henvisninger/" + referral.id(), now);
		}
		if (row.to().isFinal()) {
			events.publishEvent(new dk.helhed.referral.ReferralEnded(referral.municipalityId(), referral.id(),
					referral.citizenId(), referral.planActionId(), row.to()));
		}
		return store.find(staff.municipalityId(), referral.id()).orElseThrow();
	}

	/** The sender has seen how the referral ended: the loop is closed. */
	public Referral closeLoop(StaffMember staff, UUID referralId) {
		var referral = referralFor(staff, referralId, true);
		if (!actors(staff, referral).contains(Actor.SENDER)) {
			caseAccess.refuse(staff, referral.citizenId(), CaseUse.update(ReferralResource.REFERRAL, referral.id()));
			throw new AccessDeniedException("Kun afsenderen kan lukke løkken.");
		}
		if (!referral.status().isFinal()) {
			throw new InvalidRequestException("Løkken kan først lukkes, når henvisningen er afsluttet.");
		}
		if (!referral.loopOpen()) {
			throw new InvalidRequestException("Løkken er allerede lukket.");
		}
		caseAccess.open(staff, referral.citizenId(), CaseUse.update(ReferralResource.REFERRAL, referral.id()));
		var now = clock.instant();
		if (!store.closeLoop(referral, now)) {
			throw new InvalidRequestException("Henvisningen er ændret af en anden, siden du åbnede den. Se den igen.");
		}
		store.record(referral, "CLOSE_LOOP", referral.status(), referral.status(), Actor.SENDER, staff.id(),
				referral.senderUnitId(), null, now);
		return store.find(staff.municipalityId(), referral.id()).orElseThrow();
	}

	/** A unit's queue: incoming or outgoing, optionally one state or one service; the first page of closed ones. */
	@Transactional(readOnly = true)
	public Queue queue(StaffMember staff, UUID unitId, boolean incoming, ReferralStatus status, UUID serviceId) {
		return queue(staff, unitId, incoming, status, serviceId, null);
	}

	/**
	 * A unit's queue, with the filters in SQL: every referral whose loop is open, and the page of those whose loop is
	 * closed that starts after {@code after} (null: the newest).
	 */
	@Transactional(readOnly = true)
	public Queue queue(StaffMember staff, UUID unitId, boolean incoming, ReferralStatus status, UUID serviceId,
			ReferralStore.After after) {
		if (!staff.belongsTo(unitId)) {
			throw new AccessDeniedException("Only the unit's own staff see its queue");
		}
		var municipalityId = staff.municipalityId();
		var open = store.open(municipalityId, unitId, incoming, status, serviceId);
		var page = store.closed(municipalityId, unitId, incoming, status, serviceId, after, CLOSED_PAGE + 1);
		var closed = page.size() > CLOSED_PAGE ? page.subList(0, CLOSED_PAGE) : page;
		long total = closed.isEmpty() && after == null ? 0
				: store.closedCount(municipalityId, unitId, incoming, status, serviceId, null);
		ReferralStore.After next = null;
		long older = 0;
		if (page.size() > CLOSED_PAGE) {
			var last = closed.getLast();
			next = new ReferralStore.After(last.createdAt(), last.id());
			older = store.closedCount(municipalityId, unitId, incoming, status, serviceId, next);
		}
		var counts = store.counts(municipalityId, unitId, incoming);
		return new Queue(open, List.copyOf(closed), total, older, next, counts.waitingForAnswer(),
				counts.loopNotClosed());
	}

	/** Median time to first answer and to outcome of the unit's incoming referrals, computed in the database. */
	@Transactional(readOnly = true)
	public Times times(StaffMember staff, UUID unitId) {
		if (!staff.belongsTo(unitId)) {
			throw new AccessDeniedException("Only the unit's own staff see its figures");
		}
		var toAnswer = store.median(staff.municipalityId(), unitId, "first_answer_at");
		var toOutcome = store.median(staff.municipalityId(), unitId, "outcome_at");
		return new Times(toAnswer.duration(), toOutcome.duration(), toAnswer.of(), toOutcome.of());
	}
}
