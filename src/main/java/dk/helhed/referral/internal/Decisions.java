package dk.helhed.referral.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.ServiceCapacities;
import dk.helhed.catalog.Services;
import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseUse;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;
import dk.helhed.platform.pdf.PdfRenderer;
import dk.helhed.referral.ReferralResource;

/**
 * Assessment decisions (afgørelser) on services whose access mode needs one: granted, partly granted or refused, on
 * a legal basis from the dated table of legal references, with reasons, and for a refusal or partial grant the
 * complaint guidance (to whom, within how many weeks). The decision letter is one template for the page and the PDF.
 */
@Component
@Transactional
public class Decisions {

	public enum Outcome {
		GRANTED("Du får"), PARTLY_GRANTED("Du får en del af det, du har søgt om"), REFUSED("Du får ikke");

		private final String heading;

		Outcome(String heading) {
			this.heading = heading;
		}

		public String heading() {
			return heading;
		}
	}

	public record LegalReference(String code, int version, LocalDate validFrom, LocalDate validTo, String law,
			String paragraph, String plainTitle, String complaintBody, int complaintWeeks) {
	}

	public record NewDecision(UUID citizenId, UUID serviceId, UUID referralId, Outcome outcome, String legalCode,
			String granted, String reasons) {
	}

	public record Decision(UUID municipalityId, UUID id, UUID citizenId, UUID serviceId, UUID referralId,
			Outcome outcome, LegalReference legal, String granted, String reasons, LocalDate complaintDeadline,
			UUID decidingUnitId, LocalDate decidedOn) {
	}

	/** The letter to the citizen: its fixed sentences and the case's own words, as the template shows them. */
	public record Letter(String municipality, String unit, String citizenName, String service, String heading,
			String decisionText, String granted, String legalText, String reasons, String complaintText,
			String date) {

		/** The sentences the letter always has, whatever the case (their LIX is tested). */
		public String fixedText() {
			return String.join(" ", decisionText, legalText, complaintText == null ? "" : complaintText);
		}
	}

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.of("da"));

	private final JdbcClient jdbc;
	private final CaseAccess caseAccess;
	private final Services services;
	private final ServiceCapacities capacities;
	private final Municipalities municipalities;
	private final PdfRenderer pdf;
	private final Clock clock;

	Decisions(JdbcClient jdbc, CaseAccess caseAccess, Services services, ServiceCapacities capacities,
			Municipalities municipalities, PdfRenderer pdf, Clock clock) {
		this.jdbc = jdbc;
		this.caseAccess = caseAccess;
		this.services = services;
		this.capacities = capacities;
		this.municipalities = municipalities;
		this.pdf = pdf;
		this.clock = clock;
	}

	/** The legal references in force on the day, newest version of each. */
	@Transactional(readOnly = true)
	public List<LegalReference> legalReferences(LocalDate on) {
		return jdbc.sql("""
				select * from legal_reference r
				where r.valid_from <= ? and (r.valid_to is null or r.valid_to > ?)
				  and r.version = (select max(v.version) from legal_reference v where v.code = r.code and v.valid_from <= ?)
				order by r.code
				""")
			.params(on, on, on)
			.query((rs, n) -> legal(rs))
			.list();
	}

	private static LegalReference legal(ResultSet rs) throws SQLException {
		return new LegalReference(rs.getString("code"), rs.getInt("version"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getString("law"), rs.getString("paragraph"), rs.getString("plain_title"),
				rs.getString("complaint_body"), rs.getInt("complaint_weeks"));
	}

	/** The services whose decisions the staff member's unit makes: the catalog says they need an assessment. */
	@Transactional(readOnly = true)
	public List<ServiceCapacities.Capacity> decidedBy(StaffMember staff) {
		var seen = new java.util.LinkedHashMap<UUID, ServiceCapacities.Capacity>();
		capacities.of(staff.municipalityId())
			.stream()
			.filter(capacity -> capacity.accessMode() == AccessMode.ASSESSMENT_DECISION
					&& capacity.decidingUnitId() != null && staff.belongsTo(capacity.decidingUnitId()))
			.forEach(capacity -> seen.putIfAbsent(capacity.serviceId(), capacity));
		return List.copyOf(seen.values());
	}

	/** The names of the services that have places or need a decision, by id. */
	@Transactional(readOnly = true)
	public Map<UUID, String> serviceNames(UUID municipalityId) {
		var names = new java.util.HashMap<UUID, String>();
		capacities.of(municipalityId).forEach(capacity -> names.putIfAbsent(capacity.serviceId(), capacity.serviceName()));
		return names;
	}

	/** The decisions on the citizen's case, newest first (the caller has opened the case through the gate). */
	@Transactional(readOnly = true)
	public List<Decision> ofCitizen(UUID municipalityId, UUID citizenId) {
		return jdbc.sql("select id from decision where municipality_id = ? and citizen_id = ? order by decided_at desc")
			.params(municipalityId, citizenId)
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> find(municipalityId, id).orElseThrow())
			.toList();
	}

	public Decision decide(StaffMember staff, NewDecision request) {
		var municipalityId = staff.municipalityId();
		var today = LocalDate.now(clock);
		// The gate first, so that a citizen the staff member may not change is refused (and logged) before anything
		// about the decision is checked.
		caseAccess.open(staff, request.citizenId(), CaseUse.create(ReferralResource.DECISION));
		if (request.referralId() != null && jdbc.sql("""
				select count(*) from referral where municipality_id = ? and id = ? and citizen_id = ? and service_id = ?
				""").params(municipalityId, request.referralId(), request.citizenId(), request.serviceId())
			.query(Integer.class)
			.single() == 0) {
			throw new InvalidRequestException("Henvisningen hører ikke til borgeren og indsatsen.");
		}
		var service = services.find(municipalityId, request.serviceId())
			.orElseThrow(() -> new InvalidRequestException("Vælg en indsats fra kataloget."));
		var capacity = capacities.of(municipalityId)
			.stream()
			.filter(candidate -> candidate.serviceId().equals(service.id()))
			.findFirst();
		var decidingUnit = capacity.map(ServiceCapacities.Capacity::decidingUnitId).orElse(null);
		if (capacity.isEmpty() || capacity.get().accessMode() != AccessMode.ASSESSMENT_DECISION || decidingUnit == null) {
			throw new InvalidRequestException("Indsatsen kræver ikke en afgørelse.");
		}
		if (!staff.isCaseWorker() || !staff.belongsTo(decidingUnit)) {
			throw new AccessDeniedException("Only the deciding unit decides");
		}
		if (request.outcome() == null) {
			throw new InvalidRequestException("Vælg, om borgeren får det søgte, en del af det eller ikke får det.");
		}
		var legal = legalReferences(today).stream()
			.filter(reference -> reference.code().equals(request.legalCode() == null ? "" : request.legalCode().strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException("Vælg lovgrundlaget fra listen."));
		var reasons = clean(request.reasons(), 4000, "Skriv begrundelsen for afgørelsen (højst 4000 tegn).");
		String granted = null;
		if (request.outcome() != Outcome.REFUSED) {
			granted = clean(request.granted(), 1000, "Skriv, hvad borgeren får (højst 1000 tegn).");
		}
		var deadline = request.outcome() == Outcome.GRANTED ? null : today.plusWeeks(legal.complaintWeeks());
		var decision = new Decision(municipalityId, UUID.randomUUID(), request.citizenId(), service.id(),
				request.referralId(), request.outcome(), legal, granted, reasons, deadline, decidingUnit, today);
		jdbc.sql("""
				insert into decision (municipality_id, id, citizen_id, service_id, referral_id, outcome, legal_code,
				    legal_version, granted, reasons, complaint_deadline, deciding_unit_id, decided_on, decided_at, decided_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(municipalityId, decision.id(), decision.citizenId(), decision.serviceId(), decision.referralId(),
					decision.outcome().name(), legal.code(), legal.version(), granted, reasons, deadline, decidingUnit,
					today, PlaceStore.utc(clock.instant()), staff.id())
			.update();
		return decision;
	}

	private static String clean(String text, int max, String message) {
		var value = text == null ? "" : text.strip();
		if (value.isEmpty() || value.length() > max
				|| value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			throw new InvalidRequestException(message);
		}
		return value;
	}

	@Transactional(readOnly = true)
	public Optional<Decision> find(UUID municipalityId, UUID decisionId) {
		return jdbc.sql("""
				select d.*, r.code, r.version, r.valid_from, r.valid_to, r.law, r.paragraph, r.plain_title,
				       r.complaint_body, r.complaint_weeks
				from decision d join legal_reference r on r.code = d.legal_code and r.version = d.legal_version
				where d.municipality_id = ? and d.id = ?
				""")
			.params(municipalityId, decisionId)
			.query((rs, n) -> new Decision(rs.getObject("municipality_id", UUID.class), rs.getObject("id", UUID.class),
					rs.getObject("citizen_id", UUID.class), rs.getObject("service_id", UUID.class),
					rs.getObject("referral_id", UUID.class), Outcome.valueOf(rs.getString("outcome")), legal(rs),
					rs.getString("granted"), rs.getString("reasons"),
					rs.getObject("complaint_deadline", LocalDate.class), rs.getObject("deciding_unit_id", UUID.class),
					rs.getObject("decided_on", LocalDate.class)))
			.optional();
	}

	/** The decision letter, read through the gate (one audit row). */
	public Letter letter(StaffMember staff, UUID decisionId) {
		var decision = find(staff.municipalityId(), decisionId)
			.orElseThrow(() -> new NotFoundException("Afgørelsen findes ikke."));
		var view = caseAccess.open(staff, decision.citizenId(), CaseUse.read(ReferralResource.DECISION, decisionId));
		return letter(decision, view.citizen().name());
	}

	Letter letter(Decision decision, String citizenName) {
		var municipality = municipalities.findById(decision.municipalityId()).orElseThrow();
		var unit = municipalities.unitsOf(decision.municipalityId())
			.stream()
			.filter(candidate -> candidate.id().equals(decision.decidingUnitId()))
			.findFirst()
			.map(candidate -> candidate.name())
			.orElse("");
		var service = services.find(decision.municipalityId(), decision.serviceId())
			.map(Services.Summary::name)
			.orElse("");
		var legal = decision.legal();
		var decisionText = switch (decision.outcome()) {
			case GRANTED -> "Vi har sagt ja til din ansøgning om " + service + ".";
			case PARTLY_GRANTED -> "Vi har sagt ja til en del af din ansøgning om " + service + ".";
			case REFUSED -> "Vi har sagt nej til din ansøgning om " + service + ".";
		};
		var legalText = "Vi har truffet afgørelsen efter " + legal.paragraph() + " i serviceloven. Den handler om: "
				+ legal.plainTitle().toLowerCase(Locale.of("da")) + ".";
		String complaint = null;
		if (decision.outcome() != Outcome.GRANTED) {
			complaint = "Du kan klage, hvis du er uenig. Klag senest " + DATE.format(decision.complaintDeadline())
					+ ". Det er " + legal.complaintWeeks() + " uger efter, at du fik brevet. Send klagen til os i "
					+ unit + ". Du kan skrive eller ringe. Vi ser på sagen igen. Er vi stadig uenige, sender vi den til "
					+ legal.complaintBody() + ". Du skal ikke selv sende den videre.";
		}
		return new Letter(municipality.name(), unit, citizenName, service, decision.outcome().heading(),
				decisionText, decision.granted(), legalText, decision.reasons(), complaint,
				DATE.format(decision.decidedOn()));
	}

	/** The letter as a tagged PDF, from the same template as the page; nothing is fetched from outside. */
	public byte[] pdf(Letter letter) {
		// the same title as the template's
		return pdf.render("referral/decision-letter", Map.of("letter", letter), "Afgørelse om " + letter.service(),
				Locale.of("da"));
	}

	/**
	 * Deletes every decision about the citizen (with its reasons), when the citizen's record is erased (see
	 * {@link ReferralErasure}).
	 *
	 * @return how many decisions were deleted
	 */
	int deleteAllOf(UUID municipalityId, UUID citizenId) {
		return jdbc.sql("delete from decision where municipality_id = ? and citizen_id = ?")
			.params(municipalityId, citizenId)
			.update();
	}
}
