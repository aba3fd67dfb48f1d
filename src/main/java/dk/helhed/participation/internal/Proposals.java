package dk.helhed.participation.internal;

import static dk.helhed.participation.internal.SubmissionGuard.at;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.catalog.Services;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.NotFoundException;

/**
 * Citizens' proposals and experiences: sending (anonymously, or entered by staff on a citizen's behalf), following
 * with the receipt code, answering and publishing the answer, reporting and moderation. Every moderation action is
 * written to {@code participation_moderation}.
 */
@Component
@Transactional
public class Proposals {

	public static final int MAX_TITLE = 150;
	public static final int MAX_TEXT = 4000;
	public static final int MAX_ANSWER = 4000;
	public static final int MAX_REASON = 1000;
	public static final int MAX_REPORT_REASON = 500;
	public static final int MAX_NOTE = 300;

	/**
	 * What the sender typed.
	 *
	 * @param service the key of the catalog's service the proposal concerns, or blank
	 */
	public record NewProposal(String body, String kind, String title, String text, String area, String service) {

		public NewProposal(String body, String kind, String title, String text, String area) {
			this(body, kind, title, text, area, null);
		}
	}

	/** What the sender gets back: the public number and the code to follow it; held when it waits for a moderator. */
	public record Receipt(int number, String code, PersonalData.Kind held) implements java.io.Serializable {
	}

	/** A published answer, for the forum's page. */
	public record PublishedAnswer(int number, String title, String stateKey, String answer, Instant publishedAt) {
	}

	/** A moderation action, for the proposal's page for staff. */
	public record ModerationEntry(String action, String reason, UUID staffId, Instant at) {
	}

	private final JdbcClient jdbc;
	private final Bodies bodies;
	private final Municipalities municipalities;
	private final Services services;
	private final SubmissionGuard guard;
	private final ParticipationSettings settings;
	private final Clock clock;

	Proposals(JdbcClient jdbc, Bodies bodies, Municipalities municipalities, Services services, SubmissionGuard guard,
			ParticipationSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.bodies = bodies;
		this.municipalities = municipalities;
		this.services = services;
		this.guard = guard;
		this.settings = settings;
		this.clock = clock;
	}

	// States

	@Transactional(readOnly = true)
	public List<ProposalState> states(UUID municipalityId) {
		return jdbc.sql("""
				select * from participation_state where municipality_id = ? and valid_from <= ?
				order by position""")
			.params(municipalityId, java.time.LocalDate.now(clock))
			.query((rs, n) -> new ProposalState(rs.getString("state_key"), rs.getInt("position"), rs.getString("name_da"),
					rs.getString("name_en"), rs.getString("explanation_da"), rs.getString("explanation_en"),
					rs.getBoolean("closed")))
			.list();
	}

	@Transactional(readOnly = true)
	public Map<String, ProposalState> statesByKey(UUID municipalityId) {
		Map<String, ProposalState> states = new LinkedHashMap<>();
		states(municipalityId).forEach(state -> states.put(state.key(), state));
		return states;
	}

	// Sending

	/**
	 * An anonymous visitor sends a proposal from the public form.
	 *
	 * @throws InvalidInput what is wrong (nothing stored)
	 */
	public Receipt submit(UUID municipalityId, NewProposal proposal, String clientAddress, String honeypot,
			String startToken) {
		guard.checkForm(honeypot, startToken);
		var valid = validate(municipalityId, proposal);
		guard.countSubmission(municipalityId, clientAddress);
		return store(municipalityId, valid, null, null);
	}

	/**
	 * A member of staff enters a proposal on behalf of a citizen they met (recorded as such, with their note on how).
	 */
	public Receipt enterOnBehalf(StaffMember staff, NewProposal proposal, String note) {
		coordinator(staff);
		Map<String, String> errors = new LinkedHashMap<>();
		var cleanNote = FormText.text(errors, "note", note, MAX_NOTE, true, false, "hvor og hvordan du mødte borgeren");
		Valid valid = null;
		try {
			valid = validate(staff.municipalityId(), proposal);
		}
		catch (InvalidInput ex) {
			errors.putAll(ex.errors());
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return store(staff.municipalityId(), valid, staff.id(), cleanNote);
	}

	private record Valid(Body body, Proposal.Kind kind, String title, String text, String area, String service) {
	}

	private Valid validate(UUID municipalityId, NewProposal proposal) {
		Map<String, String> errors = new LinkedHashMap<>();
		var body = proposal.body() == null ? Optional.<Body>empty() : bodies.byKey(municipalityId, proposal.body())
			.filter(Body::acceptsProposals);
		if (body.isEmpty()) {
			errors.put("body", "Vælg, hvem forslaget er til.");
		}
		Proposal.Kind kind = null;
		if ("PROPOSAL".equals(proposal.kind()) || "EXPERIENCE".equals(proposal.kind())) {
			kind = Proposal.Kind.valueOf(proposal.kind());
		}
		else {
			errors.put("kind", "Vælg, om det er en idé eller noget, der ikke virker.");
		}
		var title = FormText.text(errors, "title", proposal.title(), MAX_TITLE, true, false, "en overskrift");
		var text = FormText.text(errors, "text", proposal.text(), MAX_TEXT, true, true, "hvad du vil sige");
		String area = null;
		if (proposal.area() != null && !proposal.area().isBlank()) {
			var known = municipalities.strategyOf(municipalityId)
				.map(strategy -> strategy.allFocusAreas().stream().anyMatch(a -> a.key().equals(proposal.area())))
				.orElse(false);
			if (known) {
				area = proposal.area();
			}
			else {
				errors.put("area", "Vælg et emne fra listen, eller lad feltet stå tomt.");
			}
		}
		String service = null;
		if (proposal.service() != null && !proposal.service().isBlank()) {
			if (services.activeOf(municipalityId).stream().anyMatch(s -> s.key().equals(proposal.service()))) {
				service = proposal.service();
			}
			else {
				errors.put("service", "Vælg et tilbud fra listen, eller lad feltet stå tomt.");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return new Valid(body.orElseThrow(), kind, title, text, area, service);
	}

	private Receipt store(UUID municipalityId, Valid valid, UUID enteredBy, String note) {
		var now = clock.instant();
		var id = UUID.randomUUID();
		var code = ReceiptCodes.newCode();
		var held = PersonalData.find(valid.title(), valid.text()).orElse(null);
		// Numbers run per municipality. Two proposals sent at the same moment would both take the next one: the
		// municipality's "received" state row is the lock that makes them take turns (the unique constraint is the
		// last guard).
		jdbc.sql("select state_key from participation_state where municipality_id = ? and state_key = ? for update")
			.params(municipalityId, ProposalState.RECEIVED)
			.query(String.class)
			.list();
		int number = jdbc.sql("select coalesce(max(number), 0) + 1 from participation_proposal where municipality_id = ?")
			.param(municipalityId)
			.query(Integer.class)
			.single();
		jdbc.sql("""
				insert into participation_proposal (municipality_id, id, number, receipt_hash, body_id, kind, title, text,
				    area_key, service_key, submitted_at, entered_by, entered_note, state_key, published_state_key,
				    held_reason, hidden_automatically, report_count, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 0, 0)""")
			.params(municipalityId, id, number, ReceiptCodes.hash(ReceiptCodes.normalised(code)), valid.body().id(),
					valid.kind().name(), valid.title(), valid.text(), valid.area(), valid.service(), at(now), enteredBy,
					note,
					ProposalState.RECEIVED, ProposalState.RECEIVED, held == null ? null : held.name())
			.update();
		if (held != null) {
			log(municipalityId, id, "HELD", "Teksten ser ud til at have " + held.danish() + ".", null);
		}
		return new Receipt(number, code, held);
	}

	// Following and withdrawing

	@Transactional(readOnly = true)
	public Optional<Proposal> byReceipt(UUID municipalityId, String typedCode) {
		var code = ReceiptCodes.normalised(typedCode);
		if (code == null) {
			return Optional.empty();
		}
		return jdbc.sql("select * from participation_proposal where municipality_id = ? and receipt_hash = ?")
			.params(municipalityId, ReceiptCodes.hash(code))
			.query(Proposals::proposal)
			.optional();
	}

	/** The sender withdraws their proposal; it stays readable, marked as withdrawn. */
	public Proposal withdraw(UUID municipalityId, String typedCode) {
		var proposal = byReceipt(municipalityId, typedCode)
			.orElseThrow(() -> InvalidInput.of("code", "Vi kender ikke den kode. Se efter, om den er skrevet rigtigt."));
		if (proposal.isWithdrawn()) {
			throw InvalidInput.of("code", "Forslaget er allerede trukket tilbage.");
		}
		var now = at(clock.instant());
		jdbc.sql("""
				update participation_proposal set withdrawn_at = ?, state_key = ?, published_state_key = ?,
				    version = version + 1
				where municipality_id = ? and id = ?""")
			.params(now, ProposalState.WITHDRAWN, ProposalState.WITHDRAWN, municipalityId, proposal.id())
			.update();
		return get(municipalityId, proposal.id());
	}

	// Reading

	@Transactional(readOnly = true)
	public Optional<Proposal> find(UUID municipalityId, UUID id) {
		return jdbc.sql("select * from participation_proposal where municipality_id = ? and id = ?")
			.params(municipalityId, id)
			.query(Proposals::proposal)
			.optional();
	}

	@Transactional(readOnly = true)
	public Proposal get(UUID municipalityId, UUID id) {
		return find(municipalityId, id).orElseThrow(() -> new NotFoundException("Forslaget findes ikke."));
	}

	/** A proposal everyone may read, by its public number. */
	@Transactional(readOnly = true)
	public Optional<Proposal> publicByNumber(UUID municipalityId, int number) {
		return byNumber(municipalityId, number).filter(Proposal::isPublic);
	}

	@Transactional(readOnly = true)
	public Optional<Proposal> byNumber(UUID municipalityId, int number) {
		return jdbc.sql("select * from participation_proposal where municipality_id = ? and number = ?")
			.params(municipalityId, number)
			.query(Proposals::proposal)
			.optional();
	}

	/** The proposals everyone may read, newest first; of one body, or of all when bodyId is null. */
	@Transactional(readOnly = true)
	public List<Proposal> publicOf(UUID municipalityId, UUID bodyId) {
		var sql = "select * from participation_proposal where municipality_id = ? and held_reason is null "
				+ "and hidden_at is null" + (bodyId == null ? "" : " and body_id = ?")
				+ " order by submitted_at desc, number desc";
		var statement = jdbc.sql(sql).param(municipalityId);
		if (bodyId != null) {
			statement = statement.param(bodyId);
		}
		return statement.query(Proposals::proposal).list();
	}

	/** Every proposal of the municipality, for staff: newest first. */
	@Transactional(readOnly = true)
	public List<Proposal> allOf(UUID municipalityId) {
		return jdbc.sql("select * from participation_proposal where municipality_id = ? order by submitted_at desc, number desc")
			.param(municipalityId)
			.query(Proposals::proposal)
			.list();
	}

	/** How many of the body's proposals are in each published state (the forum's follow-up), in the states' order. */
	@Transactional(readOnly = true)
	public Map<ProposalState, Integer> countsByPublishedState(UUID municipalityId, UUID bodyId) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		jdbc.sql("""
				select published_state_key, count(*) as n from participation_proposal
				where municipality_id = ? and body_id = ? and held_reason is null and hidden_at is null
				group by published_state_key""")
			.params(municipalityId, bodyId)
			.query((rs, n) -> counts.put(rs.getString("published_state_key"), rs.getInt("n")))
			.list();
		Map<ProposalState, Integer> ordered = new LinkedHashMap<>();
		for (var state : states(municipalityId)) {
			ordered.put(state, counts.getOrDefault(state.key(), 0));
		}
		return ordered;
	}

	/** The newest published answers to the body's public proposals. */
	@Transactional(readOnly = true)
	public List<PublishedAnswer> recentAnswers(UUID municipalityId, UUID bodyId, int limit) {
		return jdbc.sql("""
				select number, title, published_state_key, published_answer, answer_published_at
				from participation_proposal
				where municipality_id = ? and body_id = ? and answer_published_at is not null
				  and held_reason is null and hidden_at is null
				order by answer_published_at desc limit ?""")
			.params(municipalityId, bodyId, limit)
			.query((rs, n) -> new PublishedAnswer(rs.getInt("number"), rs.getString("title"),
					rs.getString("published_state_key"), rs.getString("published_answer"),
					instant(rs, "answer_published_at")))
			.list();
	}

	@Transactional(readOnly = true)
	public List<ModerationEntry> moderationOf(UUID municipalityId, UUID proposalId) {
		return jdbc.sql("""
				select action, reason, staff_id, acted_at from participation_moderation
				where municipality_id = ? and proposal_id = ? order by acted_at, id""")
			.params(municipalityId, proposalId)
			.query((rs, n) -> new ModerationEntry(rs.getString("action"), rs.getString("reason"),
					rs.getObject("staff_id", UUID.class), instant(rs, "acted_at")))
			.list();
	}

	// Answering

	/** Staff answer a proposal with a state and a plain-language answer; the public sees it once it is published. */
	public Proposal answer(StaffMember staff, UUID id, String stateKey, String answer) {
		coordinator(staff);
		var proposal = get(staff.municipalityId(), id);
		Map<String, String> errors = new LinkedHashMap<>();
		var states = statesByKey(staff.municipalityId());
		if (stateKey == null || !states.containsKey(stateKey) || ProposalState.WITHDRAWN.equals(stateKey)) {
			errors.put("state", "Vælg en status fra listen.");
		}
		var text = FormText.text(errors, "answer", answer, MAX_ANSWER, true, true, "svaret");
		if (proposal.isWithdrawn()) {
			errors.put("state", "Borgeren har trukket forslaget tilbage; det kan ikke besvares.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		jdbc.sql("""
				update participation_proposal set state_key = ?, answer = ?, answered_at = ?, answered_by = ?,
				    version = version + 1
				where municipality_id = ? and id = ?""")
			.params(stateKey, text, at(clock.instant()), staff.id(), staff.municipalityId(), id)
			.update();
		return get(staff.municipalityId(), id);
	}

	/** Publishes the answer staff gave: from now on the sender and the public read it. */
	public Proposal publishAnswer(StaffMember staff, UUID id) {
		coordinator(staff);
		var proposal = get(staff.municipalityId(), id);
		if (!proposal.answerWaiting()) {
			throw InvalidInput.of("publish", "Der er intet nyt svar at offentliggøre. Skriv og gem svaret først.");
		}
		jdbc.sql("""
				update participation_proposal set published_state_key = state_key, published_answer = answer,
				    answer_published_at = ?, version = version + 1
				where municipality_id = ? and id = ?""")
			.params(at(clock.instant()), staff.municipalityId(), id)
			.update();
		return get(staff.municipalityId(), id);
	}

	// Reporting and moderation

	/**
	 * A visitor reports a public proposal. Each visitor counts once; at the threshold the proposal is hidden until a
	 * moderator has looked at it.
	 *
	 * @return whether the proposal is now hidden
	 */
	public boolean report(UUID municipalityId, int number, String clientAddress, String reason) {
		var proposal = publicByNumber(municipalityId, number)
			.orElseThrow(() -> new NotFoundException("Forslaget findes ikke."));
		Map<String, String> errors = new LinkedHashMap<>();
		var why = FormText.text(errors, "reason", reason, MAX_REPORT_REASON, false, true, "hvorfor");
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		var visitor = guard.visitor(clientAddress);
		boolean already = jdbc.sql("""
				select count(*) from participation_report where municipality_id = ? and proposal_id = ? and reporter_hash = ?""")
			.params(municipalityId, proposal.id(), visitor)
			.query(Integer.class)
			.single() > 0;
		if (already) {
			throw InvalidInput.of("reason", "Du har allerede anmeldt dette forslag. Tak. En medarbejder ser på det.");
		}
		var now = at(clock.instant());
		jdbc.sql("""
				insert into participation_report (municipality_id, proposal_id, reporter_hash, reason, reported_at)
				values (?, ?, ?, ?, ?)""")
			.params(municipalityId, proposal.id(), visitor, why, now)
			.update();
		int reports = openReports(municipalityId, proposal.id());
		jdbc.sql("update participation_proposal set report_count = ?, version = version + 1 where municipality_id = ? and id = ?")
			.params(reports, municipalityId, proposal.id())
			.update();
		if (reports >= settings.reportsBeforeHiding()) {
			jdbc.sql("""
					update participation_proposal set hidden_at = ?, hidden_automatically = true,
					    hidden_reason = ?, version = version + 1
					where municipality_id = ? and id = ? and hidden_at is null""")
				.params(now, "Forslaget er anmeldt flere gange. En medarbejder ser på det.", municipalityId,
						proposal.id())
				.update();
			log(municipalityId, proposal.id(), "AUTO_HIDDEN", reports + " anmeldelser", null);
			return true;
		}
		return false;
	}

	private int openReports(UUID municipalityId, UUID proposalId) {
		return jdbc.sql("""
				select count(*) from participation_report
				where municipality_id = ? and proposal_id = ? and ignored_at is null""")
			.params(municipalityId, proposalId)
			.query(Integer.class)
			.single();
	}

	/** A moderator hides a proposal, with a reason the sender reads. */
	public Proposal hide(StaffMember staff, UUID id, String reason) {
		var proposal = moderatable(staff, id);
		Map<String, String> errors = new LinkedHashMap<>();
		var why = FormText.text(errors, "reason", reason, MAX_REASON, true, true, "hvorfor forslaget skjules");
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		var now = at(clock.instant());
		jdbc.sql("""
				update participation_proposal set hidden_at = ?, hidden_reason = ?, hidden_automatically = false,
				    version = version + 1
				where municipality_id = ? and id = ?""")
			.params(now, why, staff.municipalityId(), id)
			.update();
		ignoreOpenReports(staff.municipalityId(), id, now);
		log(staff.municipalityId(), id, "HIDDEN", why, staff.id());
		return get(staff.municipalityId(), proposal.id());
	}

	/**
	 * A moderator makes a proposal public again: releases one held for personal data after reading it, or restores
	 * one that was hidden (its reports so far no longer count).
	 */
	public Proposal restore(StaffMember staff, UUID id) {
		var proposal = moderatable(staff, id);
		if (proposal.isPublic()) {
			throw InvalidInput.of("moderation", "Forslaget er allerede offentligt.");
		}
		var now = at(clock.instant());
		jdbc.sql("""
				update participation_proposal set held_reason = null, hidden_at = null, hidden_reason = null,
				    hidden_automatically = false, report_count = 0, version = version + 1
				where municipality_id = ? and id = ?""")
			.params(staff.municipalityId(), id)
			.update();
		ignoreOpenReports(staff.municipalityId(), id, now);
		log(staff.municipalityId(), id, proposal.isHeld() && !proposal.isHidden() ? "RELEASED" : "RESTORED", null,
				staff.id());
		return get(staff.municipalityId(), id);
	}

	/** A moderator finds nothing wrong in the reports: they no longer count. */
	public Proposal ignoreReports(StaffMember staff, UUID id) {
		var proposal = moderatable(staff, id);
		if (openReports(staff.municipalityId(), id) == 0) {
			throw InvalidInput.of("moderation", "Der er ingen anmeldelser at se bort fra.");
		}
		var now = at(clock.instant());
		ignoreOpenReports(staff.municipalityId(), id, now);
		jdbc.sql("update participation_proposal set report_count = 0, version = version + 1 where municipality_id = ? and id = ?")
			.params(staff.municipalityId(), id)
			.update();
		log(staff.municipalityId(), id, "REPORTS_IGNORED", null, staff.id());
		return get(staff.municipalityId(), proposal.id());
	}

	private void ignoreOpenReports(UUID municipalityId, UUID id, OffsetDateTime now) {
		jdbc.sql("""
				update participation_report set ignored_at = ?
				where municipality_id = ? and proposal_id = ? and ignored_at is null""")
			.params(now, municipalityId, id)
			.update();
	}

	/** Moderators never moderate what they entered themselves (CONSUL's rule). */
	private Proposal moderatable(StaffMember staff, UUID id) {
		coordinator(staff);
		var proposal = get(staff.municipalityId(), id);
		if (staff.id().equals(proposal.enteredBy())) {
			// The page shows the coordinator why; the refusal itself is Spring Security's 403.
			throw new AccessDeniedException("A moderator does not moderate a proposal they entered themselves");
		}
		return proposal;
	}

	private void log(UUID municipalityId, UUID proposalId, String action, String reason, UUID staffId) {
		jdbc.sql("""
				insert into participation_moderation (municipality_id, id, proposal_id, action, reason, staff_id, acted_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(municipalityId, UUID.randomUUID(), proposalId, action, reason, staffId, at(clock.instant()))
			.update();
	}

	static void coordinator(StaffMember staff) {
		if (!staff.isParticipationCoordinator()) {
			throw new AccessDeniedException("Participation coordinator role required");
		}
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static Proposal proposal(ResultSet rs, int row) throws SQLException {
		var held = rs.getString("held_reason");
		return new Proposal(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getInt("number"), rs.getObject("body_id", UUID.class), Proposal.Kind.valueOf(rs.getString("kind")),
				rs.getString("title"), rs.getString("text"), rs.getString("area_key"), rs.getString("service_key"),
				instant(rs, "submitted_at"), rs.getObject("entered_by", UUID.class), rs.getString("entered_note"),
				rs.getString("state_key"), rs.getString("answer"), instant(rs, "answered_at"),
				rs.getObject("answered_by", UUID.class), rs.getString("published_state_key"),
				rs.getString("published_answer"), instant(rs, "answer_published_at"),
				rs.getObject("meeting_id", UUID.class), held == null ? null : PersonalData.Kind.valueOf(held),
				instant(rs, "hidden_at"), rs.getString("hidden_reason"), rs.getBoolean("hidden_automatically"),
				rs.getInt("report_count"), instant(rs, "withdrawn_at"), rs.getInt("version"));
	}
}
