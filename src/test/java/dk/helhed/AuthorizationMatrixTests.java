package dk.helhed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.ServiceFormParams;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.catalog.internal.ServiceRepository;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseAccess;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.CaseUse;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.EmergencyWork;
import dk.helhed.citizen.internal.NoteWriting;
import dk.helhed.citizen.internal.Registration;
import dk.helhed.citizen.internal.SharingBases;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.citizen.internal.SharingBases.NewConsent;
import dk.helhed.identity.Role;
import dk.helhed.identity.StaffMember;
import dk.helhed.identity.internal.StaffPrincipal;
import dk.helhed.identity.web.AccessRules;
import dk.helhed.municipality.Municipalities;
import dk.helhed.participation.internal.Meetings;
import dk.helhed.participation.internal.Meetings.NewMeeting;
import dk.helhed.participation.internal.Proposals;
import dk.helhed.participation.internal.Proposals.NewProposal;
import dk.helhed.participation.internal.SubmissionGuard;
import dk.helhed.plan.internal.Assessments;
import dk.helhed.plan.internal.Assessments.NewAssessment;
import dk.helhed.plan.internal.Assessments.RatingInput;
import dk.helhed.plan.internal.PlanResource;
import dk.helhed.plan.internal.Plans;
import dk.helhed.plan.internal.Plans.Basics;
import dk.helhed.plan.internal.Plans.GoalType;
import dk.helhed.plan.internal.Plans.Offer;
import dk.helhed.plan.internal.Plans.Participation;
import dk.helhed.platform.web.AccessRule;
import dk.helhed.referral.internal.ReferralMoves.Move;
import dk.helhed.referral.internal.ReferralWork;
import dk.helhed.referral.internal.ReferralWork.NewReferral;
import dk.helhed.platform.web.AccessRule.Audience;
import dk.helhed.platform.web.AccessRule.Scope;
import dk.helhed.support.MutableClock;

/**
 * The authorization matrix (security.md item 1), generated from the application's own list of endpoints: every
 * endpoint the application serves is called as every role in every relation to the data (a unit in the citizen's
 * case or owning the service, another unit of the municipality, a partner organisation, another municipality, a
 * member of staff without a unit, and nobody signed in), and for endpoints about a citizen in every state of consent
 * (consent, none, withdrawn, expired); every path variable is then swapped for the id of a record the caller must not
 * reach. Each answer is checked against the one the endpoint's {@link AccessRule} and the access policy give, and at
 * endpoints with personal data each request must write exactly one audit row (and others none).
 * <p>
 * Every cell runs in a transaction that is rolled back, so that one cell's change (a closed case, a withdrawn
 * consent, an approved proposal) is not the next cell's starting point. The matrix has an application context and
 * database of its own. An endpoint without an access rule stops the application from starting, which fails this
 * test with all others; {@code AccessRulesTests} shows that on its own.
 */
@SpringBootTest(properties = "helhed.test.matrix=true")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	static final MutableClock CLOCK = new MutableClock(Instant.now(), ZoneId.of("Europe/Copenhagen"));

	@TestBean(name = "clock", methodName = "dk.helhed.AuthorizationMatrixTests#clock")
	Clock clock;

	static Clock clock() {
		return CLOCK;
	}

	/** Handlers that are not the application's own; they publish no data of ours (API documentation, error page). */
	static final Set<String> LIBRARY_HANDLERS = Set.of("org.springdoc.webmvc.api.OpenApiWebMvcResource",
			"org.springdoc.webmvc.ui.SwaggerConfigResource", "org.springdoc.webmvc.ui.SwaggerWelcomeWebMvc",
			"org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Municipalities municipalities;

	@Autowired
	Registration registration;

	@Autowired
	SharingBases sharing;

	@Autowired
	EmergencyWork emergencyWork;

	@Autowired
	NoteWriting noteWriting;

	@Autowired
	Catalogs catalogs;

	@Autowired
	ServiceRepository services;

	@Autowired
	Proposals proposals;

	@Autowired
	Meetings meetings;

	@Autowired
	SubmissionGuard submissionGuard;

	@Autowired
	CaseAccess caseAccess;

	@Autowired
	Assessments assessments;

	/** FFB sub-themes the matrix's assessments rate: Varetage bolig (housing), Fysisk helbred (health). */
	static final UUID HOUSING_THEME = UUID.fromString("fd4b8dd3-5c4b-4257-8c13-ea045617d2f6");
	static final UUID HEALTH_THEME = UUID.fromString("69dbfad7-859a-4596-8737-8054f6b4948f");
	static final UUID SEVERE_LEVEL = UUID.fromString("cae545f5-2813-4d79-98fc-0a7d770af3cd");

	/** The assessment of each citizen of the matrix, by the citizen's id. */
	final Map<UUID, UUID> assessmentOf = new LinkedHashMap<>();

	@Autowired
	Plans plans;

	@Autowired
	ReferralWork referrals;

	/** A referral from the own unit to the other unit about the citizen with consent: live, and one completed. */
	UUID liveReferral;
	UUID completedReferral;

	static final UUID OWN_HEALTH_THEME = UUID.fromString("4a58417e-9a75-43f2-9763-66505050159f");
	static final UUID MILD_LEVEL = UUID.fromString("8328ce4a-6238-4f73-bf1a-74aadb68eff8");

	@Autowired
	dk.helhed.referral.internal.PlaceWork placeWork;

	@Autowired
	dk.helhed.referral.internal.Decisions decisions;

	/** A decision (a refusal of Overgangsbolig) on each citizen's case, by the citizen's id. */
	final Map<UUID, UUID> decisionOf = new LinkedHashMap<>();

	/** Overgangsbolig's places: an offer that waits for an answer, a resident, a closed place and a free one. */
	UUID heldPlace;
	UUID occupiedPlace;
	UUID closedPlace;
	UUID freePlace;

	/** The housing goal of each citizen's plan, by the citizen's id. */
	final Map<UUID, UUID> housingGoalOf = new LinkedHashMap<>();

	// The cast: who asks

	/** How the caller stands to the data the matrix asks for. */
	enum Relation {
		/** Staff of the unit that has the citizen's case and owns the catalog service. */
		OWN_UNIT,
		/** Staff of another unit of the same municipality, which a consent may name. */
		OTHER_UNIT,
		/** Staff of a partner organisation of the municipality, which a consent may name. */
		PARTNER_ORGANISATION,
		/** Staff of another municipality. */
		OTHER_MUNICIPALITY,
		/** A new member of staff of the municipality, not yet placed in a unit. */
		NO_UNIT,
		/** Nobody signed in. */
		NOBODY
	}

	/** One caller: a role (none for nobody) in one relation. */
	record Actor(Role role, Relation relation, String username) {

		@Override
		public String toString() {
			return relation == Relation.NOBODY ? "nobody signed in" : role + " in " + relation;
		}
	}

	/** The states of consent a citizen's record is asked for in. */
	enum ConsentState {
		CONSENT, NO_CONSENT, WITHDRAWN, EXPIRED
	}

	enum Answer {
		OK, LOGIN, FORBIDDEN, NOT_FOUND
	}

	// The data: what is asked for

	/** A citizen's record and what the access policy knows of it. */
	record CitizenRecord(UUID id, String municipality, String cpr, String name, Set<UUID> caseUnits,
			Set<UUID> consentRecipients, UUID consentId) {
	}

	/** Everything one consent state is asked with: an identified citizen and an anonymous contact, alike. */
	record StateRecords(CitizenRecord identified, CitizenRecord anonymous) {
	}

	record ServiceRecord(UUID id, String municipality, UUID owningUnit, String key, Service service) {
	}

	record ProposalRecord(UUID id, String municipality, UUID proposer) {
	}

	record EmergencyRecord(UUID id, String municipality, UUID staffUnit) {
	}

	/**
	 * A municipality's participation records: a citizen's proposal (public, answered but not yet published, with a
	 * report), a meeting that has been held and one ahead, open for registration.
	 */
	record ParticipationRecords(String municipality, String body, UUID proposal, int number, String receiptCode,
			UUID pastMeeting, UUID futureMeeting) {
	}

	String ownMunicipality = "aabenraa";
	String otherMunicipality = "aarhus";
	UUID ownUnit;
	UUID otherUnit;
	UUID foreignUnit;
	UUID partner;
	/**
	 * A partner organisation none of the cast works for, involved by the own unit in every citizen's case, so that
	 * ending a partner's work has one to end.
	 */
	UUID involvedPartner;
	final List<Actor> actors = new ArrayList<>();
	final Map<String, StaffMember> staff = new LinkedHashMap<>();
	final Map<String, UserDetails> principals = new LinkedHashMap<>();
	final Map<ConsentState, StateRecords> states = new LinkedHashMap<>();
	CitizenRecord foreignCitizen;
	UUID unrelatedConsent;
	ServiceRecord service;
	ServiceRecord foreignService;
	ProposalRecord proposal;
	EmergencyRecord emergency;
	EmergencyRecord otherUnitsEmergency;
	ParticipationRecords participation;
	ParticipationRecords foreignParticipation;
	UUID roleRequest;
	Map<String, String> hsdsIds = new LinkedHashMap<>();
	byte[] hsdsExport;

	@BeforeAll
	void castAndData() throws Exception {
		var aabenraa = municipalities.getBySlug(ownMunicipality).id();
		ownUnit = unit(ownMunicipality, "visitation");
		otherUnit = unit(ownMunicipality, "jobcenteret");
		foreignUnit = unit(otherMunicipality, "rusmiddelcenter-aarhus");
		partner = municipalities.partnersOf(aabenraa)
			.stream()
			.filter(candidate -> candidate.key().equals("blaa-kors"))
			.findFirst()
			.orElseThrow()
			.id();
		involvedPartner = municipalities.partnersOf(aabenraa)
			.stream()
			.filter(candidate -> candidate.key().equals("frivilligcenter-aabenraa"))
			.findFirst()
			.orElseThrow()
			.id();

		actors.add(new Actor(null, Relation.NOBODY, null));
		for (var role : Role.values()) {
			for (var relation : List.of(Relation.OWN_UNIT, Relation.OTHER_UNIT, Relation.PARTNER_ORGANISATION,
					Relation.OTHER_MUNICIPALITY)) {
				actors.add(account("matrix-" + relation.name().toLowerCase() + "-" + role.name().toLowerCase(), role,
						relation));
			}
		}
		actors.add(account("matrix-no-unit-caseworker", Role.CASEWORKER, Relation.NO_UNIT));
		var ownCaseworker = member("matrix-own_unit-caseworker");
		var otherCaseworker = member("matrix-other_unit-caseworker");

		// The citizens: one identified and one anonymous per state of consent, all in the own unit's case.
		for (var state : ConsentState.values()) {
			states.put(state, new StateRecords(citizen(ownCaseworker, state, true), citizen(ownCaseworker, state, false)));
		}
		// A citizen of another municipality, in the case of a unit none of the cast belongs to.
		var foreignCaseworker = member(account("matrix-foreign-caseworker", Role.CASEWORKER, Relation.OTHER_MUNICIPALITY,
				unit(otherMunicipality, "ungecentret")).username());
		var foreignCpr = syntheticCpr();
		var foreign = registration.registerIdentified(foreignCaseworker,
				new NewCitizen(foreignCpr, "Fremmed Matrixsen (syntetisk)", null, null, null, null));
		foreignCitizen = new CitizenRecord(foreign.id(), otherMunicipality, foreignCpr, "Fremmed Matrixsen", Set.of(),
				Set.of(), null);
		assess(foreignCaseworker, foreign.id());
		// A consent of another citizen of the municipality, to swap for the consent in a withdrawal.
		var unrelated = registration.registerIdentified(otherCaseworker,
				new NewCitizen(syntheticCpr(), "Anden Matrixsen (syntetisk)", null, null, null, null));
		unrelatedConsent = sharing.recordConsent(otherCaseworker, unrelated.id(), new NewConsent("Matrix",
				Set.of(InformationCategory.HOUSING), List.of(new Recipient(ownUnit, null)), today(), today().plusMonths(6),
				GivenHow.WRITTEN));

		// Emergency access by staff of the own unit, and by staff of the other unit, for the leads to review.
		var ownUnitsStaff = member(account("matrix-own-emergency", Role.CASEWORKER, Relation.OWN_UNIT, ownUnit).username());
		var access = emergencyWork.emergencyAccess(ownUnitsStaff, unrelated.id(), "Borgeren er i akut krise, og vi skal "
				+ "kende aftalerne nu.");
		emergency = new EmergencyRecord(access.id(), ownMunicipality, ownUnit);
		var otherUnitsStaff = member(account("matrix-other-emergency", Role.CASEWORKER, Relation.OTHER_UNIT, otherUnit)
			.username());
		var otherAccess = emergencyWork.emergencyAccess(otherUnitsStaff, states.get(ConsentState.NO_CONSENT).identified().id(),
				"Borgeren er i akut krise, og vi skal kende aftalerne nu.");
		otherUnitsEmergency = new EmergencyRecord(otherAccess.id(), ownMunicipality, otherUnit);

		// A role for the own unit's caseworker that waits for a second administrator.
		roleRequest = UUID.randomUUID();
		jdbc.sql("""
				insert into staff_role_request (municipality_id, id, account_id, role, requested_by, requested_at)
				values (?, ?, ?, 'CRIMINAL_MATTERS', ?, ?)""")
			.params(aabenraa, roleRequest, ownCaseworker.id(), member("matrix-own_unit-administrator").id(),
					OffsetDateTime.now())
			.update();

		// The catalog: a service the own unit owns, with places; a service of another municipality; a proposal.
		var housing = services.findByMunicipalityIdAndKey(aabenraa, "overgangsbolig").orElseThrow();
		service = new ServiceRecord(housing.id(), ownMunicipality, housing.content().owningUnitId(), housing.key(),
				housing);
		assertThat(service.owningUnit()).isEqualTo(ownUnit);

		// Referrals: the own unit refers the citizen with consent to the other unit, which the consent covers for
		// housing; one waits for an answer, the other is completed with an outcome and its loop is open.
		var withConsent = states.get(ConsentState.CONSENT).identified().id();
		liveReferral = referrals.send(ownCaseworker, new NewReferral(withConsent, housing.id(), otherUnit,
				"Matrix: kan borgeren få hjælp?", null, Set.of(InformationCategory.HOUSING), null)).id();
		var completed = referrals.send(ownCaseworker, new NewReferral(withConsent, housing.id(), otherUnit,
				"Matrix: og nu?", null, Set.of(InformationCategory.HOUSING), null));
		var accepted = referrals.move(otherCaseworker, completed.id(), Move.ACCEPT, null, null, completed.version());
		var started = referrals.move(otherCaseworker, completed.id(), Move.START, null, null, accepted.version());
		referrals.move(otherCaseworker, completed.id(), Move.COMPLETE, null, "Matrix: det gik godt.", started.version());
		completedReferral = completed.id();
		var aarhus = municipalities.getBySlug(otherMunicipality).id();
		account("matrix-foreign-editor", Role.CATALOG_EDITOR, Relation.OTHER_MUNICIPALITY, foreignUnit);
		var form = ServiceFormParams.of(housing);
		form.set("key", "matrix-indsats");
		form.put("focusAreaIds", List.of(municipalities.strategyOf(aarhus).orElseThrow().focusAreas().getFirst().id().toString()));
		form.set("owningUnitId", foreignUnit.toString());
		form.set("providerId", "");
		form.set("decidingUnitId", "");
		form.remove("partnerIds");
		form.keySet().removeIf(field -> field.startsWith("contacts["));
		var created = mvc.perform(request(HttpMethod.POST, "/personale/indsatser").params(form)
			.with(user(accounts.loadUserByUsername("matrix-foreign-editor")))
			.with(csrf())).andReturn().getResponse();
		assertThat(created.getStatus()).as(errors(created)).isEqualTo(302);
		var aarhusService = services.findByMunicipalityIdAndKey(aarhus, "matrix-indsats").orElseThrow();
		foreignService = new ServiceRecord(aarhusService.id(), otherMunicipality, foreignUnit, aarhusService.key(),
				aarhusService);
		var proposer = member("matrix-own_unit-unit_editor");
		var change = ServiceFormParams.of(housing);
		change.set("scheduleNote", "Matrixforslag: åbent hver dag.");
		var proposed = mvc.perform(request(HttpMethod.POST, "/personale/indsatser/" + housing.id()).params(change)
			.with(user(accounts.loadUserByUsername(proposer.username())))
			.with(csrf())).andReturn().getResponse();
		assertThat(proposed.getStatus()).as(errors(proposed)).isEqualTo(302);
		proposal = new ProposalRecord(jdbc.sql("select id from change_request where service_id = ?")
			.param(housing.id())
			.query(UUID.class)
			.single(), ownMunicipality, proposer.id());
		catalogs.changed(aabenraa);

		// Participation: Aabenraa's dialogue forum; a council of Aarhus made for the matrix.
		participation = participation(ownMunicipality, "dialogforum-for-udsatte",
				member(account("matrix-own-coordinator", Role.PARTICIPATION_COORDINATOR, Relation.OWN_UNIT).username()));
		var aarhusBody = UUID.randomUUID();
		jdbc.sql("""
				insert into participation_body (municipality_id, id, body_key, kind, name, purpose, accepts_proposals, position)
				values (?, ?, 'matrix-raad', 'USER_COUNCIL', 'Matrixrådet', 'Et råd til matrixtesten.', true, 1)""")
			.params(aarhus, aarhusBody)
			.update();
		foreignParticipation = participation(otherMunicipality, "matrix-raad", member(account("matrix-foreign-coordinator",
				Role.PARTICIPATION_COORDINATOR, Relation.OTHER_MUNICIPALITY).username()));

		// Ids the public API answers for.
		for (var list : List.of("services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms")) {
			var body = mvc.perform(request(HttpMethod.GET, "/api/municipalities/aabenraa/hsds/" + list))
				.andReturn()
				.getResponse()
				.getContentAsString();
			var matcher = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(body);
			assertThat(matcher.find()).as(list).isTrue();
			hsdsIds.put(list, matcher.group(1));
		}
		hsdsExport = mvc.perform(request(HttpMethod.GET, "/api/municipalities/aabenraa/hsds/export.json"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		// Overgangsbolig's places, kept by the own unit (Visitation): an offer, a resident, a closed place.
		heldPlace = placeWork.offerPlace(ownCaseworker, service.id(),
				states.get(ConsentState.WITHDRAWN).identified().id()).id();
		var resident = placeWork.offerPlace(ownCaseworker, service.id(),
				states.get(ConsentState.EXPIRED).identified().id());
		occupiedPlace = placeWork.moveIn(ownCaseworker, resident.id(), today().plusMonths(3)).id();
		var free = placeWork.servicePlaces(ownCaseworker, service.id())
			.places()
			.stream()
			.filter(row -> row.current() == null && row.closedReason() == null)
			.map(row -> row.place().id())
			.toList();
		closedPlace = free.get(0);
		placeWork.close(ownCaseworker, service.id(), closedPlace, "Matrix: maling");
		freePlace = free.get(1);
	}

	/** A proposal sent anonymously to the body, answered (not published) and reported once; two meetings. */
	private ParticipationRecords participation(String municipality, String body, StaffMember coordinator) {
		var municipalityId = municipalities.getBySlug(municipality).id();
		var receipt = proposals.submit(municipalityId, new NewProposal(body, "PROPOSAL", "Matrixforslag",
				"Flere bænke ved havnen.", null), "10.0.0.2", "", submissionGuard.startToken(CLOCK.instant().minusSeconds(60)));
		var proposal = proposals.byNumber(municipalityId, receipt.number()).orElseThrow();
		proposals.answer(coordinator, proposal.id(), "considering", "Vi ser på det.");
		proposals.report(municipalityId, receipt.number(), "10.0.0.1", "Matrix: anmeldt.");
		var yesterday = LocalDate.now(CLOCK).minusDays(1).toString();
		var nextWeek = LocalDate.now(CLOCK).plusDays(7).toString();
		var past = meetings.plan(coordinator, new NewMeeting(body, "Matrixmøde", yesterday, "17:00", "19:00", "IN_PERSON",
				"Rådhuset", null, null, null));
		var future = meetings.plan(coordinator, new NewMeeting(body, "Næste matrixmøde", nextWeek, "17:00", "19:00",
				"IN_PERSON", "Rådhuset", null, "ja", "30"));
		meetings.addItem(coordinator, past, "Matrixpunkt", null, String.valueOf(receipt.number()));
		return new ParticipationRecords(municipality, body, proposal.id(), receipt.number(), receipt.code(), past, future);
	}

	private Actor account(String username, Role role, Relation relation) {
		var unit = switch (relation) {
			case OWN_UNIT -> ownUnit;
			case OTHER_UNIT -> otherUnit;
			case OTHER_MUNICIPALITY -> foreignUnit;
			default -> null;
		};
		return account(username, role, relation, unit);
	}

	private Actor account(String username, Role role, Relation relation, UUID unit) {
		var municipality = municipalities.getBySlug(relation == Relation.OTHER_MUNICIPALITY ? otherMunicipality
				: ownMunicipality).id();
		var id = UUID.randomUUID();
		// user names are unique across the country through login_name (docs/scale.md)
		jdbc.sql("insert into login_name (username, municipality_id, staff_id) values (?, ?, ?)")
			.params(username, municipality, id)
			.update();
		jdbc.sql("""
				insert into staff_user (id, municipality_id, username, display_name, partner_id, password_hash, enabled,
				                        failed_logins, created_at)
				values (?, ?, ?, ?, ?, 'not a password: the matrix signs in with MockMvc', true, 0, ?)""")
			.params(id, municipality, username, "Matrix " + username,
					relation == Relation.PARTNER_ORGANISATION ? partner : null, OffsetDateTime.now())
			.update();
		jdbc.sql("insert into staff_role (user_id, municipality_id, role) values (?, ?, ?)")
			.params(id, municipality, role.name())
			.update();
		if (unit != null) {
			jdbc.sql("insert into staff_unit (user_id, municipality_id, unit_id) values (?, ?, ?)")
				.params(id, municipality, unit)
				.update();
		}
		return new Actor(role, relation, username);
	}

	private StaffMember member(String username) {
		return staff.computeIfAbsent(username,
				name -> ((StaffPrincipal) accounts.loadUserByUsername(name)).member());
	}

	/**
	 * A citizen in the own unit's case, with notes in three categories and a consent in the given state. The case
	 * with an expired consent began two months ago, when the consent was given for a month.
	 */
	private CitizenRecord citizen(StaffMember caseworker, ConsentState state, boolean identified) {
		if (state != ConsentState.EXPIRED) {
			return citizenToday(caseworker, state, identified);
		}
		CLOCK.advance(Duration.ofDays(-60));
		try {
			return citizenToday(caseworker, state, identified);
		}
		finally {
			CLOCK.advance(Duration.ofDays(60));
		}
	}

	private CitizenRecord citizenToday(StaffMember caseworker, ConsentState state, boolean identified) {
		var cpr = identified ? syntheticCpr() : null;
		var name = "Matrix " + state.name().toLowerCase() + (identified ? "" : " anonym");
		var id = identified
				? registration.registerIdentified(caseworker, new NewCitizen(cpr, name + " (syntetisk)", null, null, null,
						null)).id()
				: registration.registerAnonymous(caseworker, "Matrix-" + state.name().toLowerCase(), 1980).id();
		jdbc.sql("""
				insert into involvement (id, municipality_id, citizen_id, partner_id, basis, basis_ref, since, recorded_by,
				                         recorded_at, reason)
				values (?, ?, ?, ?, 'INVOLVED_BY_UNIT', ?, ?, ?, ?, 'Matrix: borgeren vil have støtte.')""")
			.params(UUID.randomUUID(), caseworker.municipalityId(), id, involvedPartner, ownUnit.toString(), today(),
					caseworker.id(), java.time.OffsetDateTime.ofInstant(CLOCK.instant(), java.time.ZoneOffset.UTC))
			.update();
		noteWriting.writeNote(caseworker, id, InformationCategory.HOUSING, "Matrix boligsnotat", null);
		noteWriting.writeNote(caseworker, id, InformationCategory.EMPLOYMENT, "Matrix beskæftigelsesnotat", null);
		noteWriting.writeNote(caseworker, id, InformationCategory.HEALTH, "Matrix helbredsnotat", null);
		assess(caseworker, id);
		plan(caseworker, id);
		var flats = services.findByMunicipalityIdAndKey(caseworker.municipalityId(), "overgangsbolig").orElseThrow();
		decisionOf.put(id, decisions.decide(caseworker, new dk.helhed.referral.internal.Decisions.NewDecision(id,
				flats.id(), null, dk.helhed.referral.internal.Decisions.Outcome.REFUSED, "SEL-107", null,
				"Matrix begrundelse")).id());
		UUID consent = null;
		Set<UUID> recipients = Set.of();
		var shared = new NewConsent("Matrix: samarbejde om bolig og job",
				EnumSet.of(InformationCategory.HOUSING, InformationCategory.EMPLOYMENT),
				List.of(new Recipient(otherUnit, null), new Recipient(null, partner)), today(), today().plusMonths(6),
				GivenHow.WRITTEN);
		switch (state) {
			case CONSENT -> {
				consent = sharing.recordConsent(caseworker, id, shared);
				recipients = Set.of(otherUnit, partner);
			}
			case WITHDRAWN -> {
				consent = sharing.recordConsent(caseworker, id, shared);
				sharing.withdrawConsent(caseworker, id, consent, "Matrix: borgeren trak samtykket tilbage.");
			}
			case EXPIRED -> consent = sharing.recordConsent(caseworker, id, new NewConsent(shared.purpose(),
					shared.categories(), shared.recipients(), today(), today().plusDays(30), GivenHow.WRITTEN));
			case NO_CONSENT -> {
			}
		}
		return new CitizenRecord(id, ownMunicipality, cpr, name, Set.of(ownUnit), recipients, consent);
	}

	/** An assessment by the caseworker's unit: a housing sub-theme and a health sub-theme. */
	private void assess(StaffMember caseworker, UUID citizen) {
		var view = caseAccess.open(caseworker, citizen, CaseUse.create(PlanResource.ASSESSMENT));
		assessmentOf.put(citizen, assessments.record(view, caseworker, new NewAssessment(today(), Map.of(HOUSING_THEME,
				new RatingInput(SEVERE_LEVEL, "Matrix boligvurdering", "Matrix boligord"), HEALTH_THEME,
				new RatingInput(null, "Matrix helbredsvurdering", null)), "Matrix helhedsord", null, null, null)));
	}

	/** A plan by the caseworker's unit, complete but not yet ready: a housing goal and a health goal, an action each. */
	private void plan(StaffMember caseworker, UUID citizen) {
		var view = caseAccess.open(caseworker, citizen, CaseUse.update(PlanResource.PLAN, null));
		plans.saveBasics(view, caseworker, new Basics("Matrix borgerens mål", "Matrix formål", "Matrix indsats",
				"Et år", "Ingen", Offer.ACCEPTED, null, Participation.PRESENT, null, null, today().plusMonths(1)));
		var housing = plans.addGoal(view, caseworker, HOUSING_THEME, MILD_LEVEL, GoalType.DEVELOP, "Matrix boligmål",
				today().plusMonths(6), "Matrix: en lejekontrakt");
		var health = plans.addGoal(view, caseworker, OWN_HEALTH_THEME, MILD_LEVEL, GoalType.MAINTAIN,
				"Matrix helbredsmål", today().plusMonths(6), "Matrix: lægen siger god");
		plans.addAction(view, caseworker, housing, ownUnit, null, "Matrix boligindsats", today(), null);
		plans.addAction(view, caseworker, health, ownUnit, null, "Matrix helbredsindsats", today(), null);
		housingGoalOf.put(citizen, housing);
	}

	// The endpoints

	/** One endpoint: a method and a path pattern, with its handler's rule. */
	record Endpoint(String method, String pattern, HandlerMethod handler, AccessRule rule) {

		String key() {
			return method + " " + pattern;
		}

		boolean personalData() {
			return AccessRules.touchesPersonalData(rule);
		}

		List<String> variables() {
			return pathVariables(pattern);
		}
	}

	List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		handlerMapping.getHandlerMethods().forEach((mapping, handler) -> {
			if (!AccessRules.isApplicationHandler(handler)) {
				return;
			}
			var methods = mapping.getMethodsCondition().getMethods();
			for (var pattern : mapping.getPatternValues()) {
				for (var method : methods.isEmpty() ? Set.of("GET") : methods.stream().map(Enum::name).toList()) {
					endpoints.add(new Endpoint(method, pattern, handler, AccessRules.ruleOf(handler)));
				}
			}
		});
		endpoints.sort((a, b) -> a.key().compareTo(b.key()));
		return endpoints;
	}

	/**
	 * The cells the outside probe showed were missing (issue 8): a unit that joined a record by CPR number and then
	 * recorded a consent for itself and for a partner organisation, the partner organisation named in it, and an
	 * administrator editing their own account. None sees another unit's notes; none changes their own rights.
	 */
	@Test
	void aUnitThatJoinedByCprItsSelfRecordedConsentAPartnerAndAnAdministratorsOwnAccount() throws Exception {
		var joiningUnit = unit(ownMunicipality, "rusmiddelcenter");
		var joiner = account("matrix-joined-by-cpr", Role.CASEWORKER, Relation.OTHER_UNIT, joiningUnit);
		var partnerCaseworker = "matrix-partner_organisation-caseworker";
		int cells = 0;
		var ownCaseworker = member("matrix-own_unit-caseworker");
		for (var state : ConsentState.values()) {
			// Records of their own, so that the joins leave the matrix's records as they were.
			var target = citizen(ownCaseworker, state, true);
			var joined = mvc.perform(post("/personale/borgere").param("cpr", target.cpr())
				.param("name", target.name() + " (syntetisk)")
				.param("phone", "").param("email", "").param("address", "").param("preferredLanguage", "")
				.with(user(accounts.loadUserByUsername(joiner.username()))).with(csrf())).andReturn().getResponse();
			assertThat(joined.getRedirectedUrl()).as(state + ": joins the record").isEqualTo("/personale/borgere/"
					+ target.id());
			var selfRecorded = mvc.perform(post("/personale/borgere/" + target.id() + "/samtykker")
				.param("purpose", "Matrix: egen adgang")
				.param("categories", "HOUSING", "EMPLOYMENT", "HEALTH")
				.param("recipients", "enhed:" + joiningUnit, "organisation:" + partner)
				.param("givenOn", today().toString())
				.param("expiresOn", today().plusMonths(6).toString())
				.param("givenHow", "VERBAL")
				.with(user(accounts.loadUserByUsername(joiner.username()))).with(csrf())).andReturn().getResponse();
			assertThat(selfRecorded.getStatus()).as(state + ": the consent is recorded").isEqualTo(302);
			for (var caller : List.of(joiner.username(), partnerCaseworker)) {
				var page = mvc.perform(get("/personale/borgere/" + target.id())
					.with(user(accounts.loadUserByUsername(caller)))).andReturn().getResponse();
				var body = page.getStatus() == 200 ? page.getContentAsString() : "";
				boolean partnerByOwnUnitsConsent = caller.equals(partnerCaseworker) && state == ConsentState.CONSENT;
				assertThat(body.contains("Matrix boligsnotat")).as(caller + " in " + state + " sees the own unit's "
						+ "housing note only by the own unit's consent").isEqualTo(partnerByOwnUnitsConsent);
				assertThat(body).as(caller + " in " + state).doesNotContain("Matrix helbredsnotat");
				cells++;
			}
		}
		// An administrator may not change their own roles, units or organisation, confirmed or not.
		for (var relation : List.of(Relation.OWN_UNIT, Relation.OTHER_UNIT, Relation.PARTNER_ORGANISATION)) {
			var admin = member("matrix-" + relation.name().toLowerCase() + "-administrator");
			var roles = jdbc.sql("select count(*) from staff_role where user_id = ?").param(admin.id())
				.query(Integer.class).single();
			var own = mvc.perform(post("/personale/brugere/" + admin.id()).param("displayName", admin.displayName())
				.param("email", "").param("roles", "ADMINISTRATOR", "CASEWORKER", "CRIMINAL_MATTERS",
						"DATA_PROTECTION_OFFICER")
				.param("unitIds", otherUnit.toString()).param("partnerId", "")
				.with(user(accounts.loadUserByUsername(admin.username()))).with(csrf())).andReturn().getResponse();
			assertThat(own.getStatus()).as(relation + " administrator's own account").isEqualTo(400);
			assertThat(own.getContentAsString()).contains("Du kan ikke ændre dine egne roller");
			assertThat(jdbc.sql("select count(*) from staff_role where user_id = ?").param(admin.id())
				.query(Integer.class).single()).isEqualTo(roles);
			cells++;
		}
		System.out.println("Authorization matrix, the probe's cells: " + cells + " (joined by CPR, self-recorded "
				+ "consent, partner organisation, administrator's own account)");
	}

	/**
	 * The operators' metrics are never on the public port (docs/production.md, "Metrics"): whoever asks, signed in
	 * in any role or not at all, gets no Prometheus scrape and no metrics there. (They answer on the management port
	 * only; {@code OperatorMetricsTests} asks there over real HTTP.)
	 */
	@Test
	void thePublicPortGivesNoActorAnyMetrics() throws Exception {
		int cells = 0;
		for (var actor : actors) {
			for (var path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used")) {
				var call = get(path);
				if (actor.username() != null) {
					call = call.with(user(accounts.loadUserByUsername(actor.username())));
				}
				var answer = mvc.perform(call).andReturn().getResponse();
				assertThat(answer.getStatus()).as(actor + " " + path).isNotEqualTo(200);
				assertThat(answer.getContentAsString()).as(actor + " " + path)
					.doesNotContain("# HELP", "# TYPE", "jvm_memory_used_bytes", "\"measurements\"");
				cells++;
			}
		}
		System.out.println("Authorization matrix, metrics on the public port: " + cells + " cells, none answered");
	}

	@Test
	void everyHandlerIsTheApplicationsOwnWithARuleOrAKnownLibraryHandler() {
		List<String> unknown = new ArrayList<>();
		handlerMapping.getHandlerMethods().forEach((mapping, handler) -> {
			if (AccessRules.isApplicationHandler(handler)) {
				assertThat(AccessRules.ruleOf(handler)).as(mapping.toString()).isNotNull();
			}
			else if (!LIBRARY_HANDLERS.contains(handler.getBeanType().getName())) {
				unknown.add(mapping + " " + handler.getBeanType().getName());
			}
		});
		assertThat(unknown).as("endpoints of libraries nobody has looked at").isEmpty();
		assertThat(AccessRules.problems(handlerMapping.getHandlerMethods())).isEmpty();
		assertThat(endpoints()).hasSizeGreaterThan(60);
	}

	// The cells

	/** One cell: an endpoint asked by an actor, about the records of a consent state, perhaps with an id swapped. */
	record Cell(Endpoint endpoint, Actor actor, ConsentState state, String swapped) {

		@Override
		public String toString() {
			return endpoint.key() + " as " + actor + (state == null ? "" : ", " + state)
					+ (swapped == null ? "" : ", {" + swapped + "} swapped");
		}
	}

	@TestFactory
	Stream<DynamicTest> everyEndpointAnswersEveryCallerAsItsRuleSays() {
		var all = endpoints();
		var counted = new int[2];
		var tests = all.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.key(), () -> {
			List<String> wrong = new ArrayList<>();
			var cells = cells(endpoint);
			for (var cell : cells) {
				var problem = run(cell);
				if (problem != null) {
					wrong.add(cell + ": " + problem);
				}
			}
			counted[0] += cells.size();
			counted[1]++;
			if (counted[1] == all.size()) {
				System.out.printf("Authorization matrix: %d endpoints, %d cells%n", counted[1], counted[0]);
			}
			assertThat(wrong).as("cells answered otherwise than the rule %s says", endpoint.rule()).isEmpty();
		}));
		return tests;
	}

	List<Cell> cells(Endpoint endpoint) {
		List<Cell> cells = new ArrayList<>();
		List<ConsentState> statesToAsk = endpoint.rule().scope().isCitizen() ? List.of(ConsentState.values())
				: java.util.Collections.singletonList(null);
		for (var state : statesToAsk) {
			for (var actor : actors) {
				cells.add(new Cell(endpoint, actor, state, null));
				if (endpoint.rule().value() != Audience.EVERYONE) {
					for (var variable : endpoint.variables()) {
						cells.add(new Cell(endpoint, actor, state, variable));
					}
				}
			}
		}
		return cells;
	}

	/** Runs one cell in a transaction that is rolled back; returns what was wrong, or null. */
	String run(Cell cell) {
		var sample = sample(cell.endpoint());
		if (sample == null) {
			return "no sample request: add one to samples() for this endpoint";
		}
		var expected = expected(cell, sample);
		return inRolledBackTransaction(cell, () -> {
			int before = auditRows();
			var response = perform(cell, sample);
			int written = auditRows() - before;
			return check(cell, sample, expected, response, written);
		});
	}

	/** What went wrong with a cell, or null. */
	interface CellRun {

		String problem() throws Exception;
	}

	/**
	 * Runs a cell in a transaction that is rolled back, so that what it changes is not the next cell's starting point.
	 */
	String inRolledBackTransaction(Cell cell, CellRun run) {
		String[] problem = new String[1];
		transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			try {
				problem[0] = run.problem();
			}
			catch (Exception ex) {
				problem[0] = "threw " + ex;
			}
		});
		forgetRolledBackCatalogChanges(cell.endpoint());
		return problem[0];
	}

	/** A change the catalog's pages made and the cell rolled back may have reached the catalog's cache. */
	private void forgetRolledBackCatalogChanges(Endpoint endpoint) {
		if (endpoint.method().equals("POST")
				&& endpoint.handler().getBeanType().getPackageName().startsWith("dk.helhed.catalog")) {
			municipalities.all().forEach(municipality -> catalogs.changed(municipality.id()));
		}
	}

	MockHttpServletResponse perform(Cell cell, Sample sample) throws Exception {
		var request = new Request(cell);
		sample.fill().accept(request);
		return perform(cell, request);
	}

	MockHttpServletResponse perform(Cell cell, Request request) throws Exception {
		var path = expand(cell.endpoint().pattern(), request.variables);
		var method = HttpMethod.valueOf(cell.endpoint().method());
		if (request.file != null) {
			return mvc.perform(as(cell, multipart(method, path).file(request.file).params(request.params)))
				.andReturn()
				.getResponse();
		}
		return mvc.perform(as(cell, request(method, path).params(request.params))).andReturn().getResponse();
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> B as(Cell cell, B builder) {
		builder.with(csrf());
		if (cell.actor().username() != null) {
			builder.with(user(principals.computeIfAbsent(cell.actor().username(), accounts::loadUserByUsername)));
		}
		return builder;
	}

	String check(Cell cell, Sample sample, Answer expected, MockHttpServletResponse response, int auditRows)
			throws Exception {
		int status = response.getStatus();
		if (status >= 500) {
			return "server error " + status;
		}
		var answered = switch (status) {
			case 403 -> Answer.FORBIDDEN;
			case 404 -> Answer.NOT_FOUND;
			case 302 -> {
				var location = response.getRedirectedUrl();
				yield location != null && location.endsWith("/log-ind") ? Answer.LOGIN : Answer.OK;
			}
			default -> Answer.OK;
		};
		if (answered != expected) {
			return "expected " + expected + ", answered " + status + " " + (status == 302 ? response.getRedirectedUrl()
					: firstLine(response));
		}
		if (expected == Answer.OK && status != sample.okStatus(cell)) {
			return "allowed, but answered " + status + " (expected " + sample.okStatus(cell) + ") "
					+ firstLine(response);
		}
		boolean signedIn = cell.actor().relation() != Relation.NOBODY;
		int expectedRows = cell.endpoint().personalData() && signedIn ? 1 : 0;
		if (auditRows != expectedRows) {
			return "wrote " + auditRows + " audit rows, expected " + expectedRows;
		}
		if (expected == Answer.OK && sample.check() != null) {
			return sample.check().apply(new Checked(cell, response.getContentAsString()));
		}
		return null;
	}

	/** The error messages a form page shows. */
	private static String errors(MockHttpServletResponse response) throws Exception {
		var messages = java.util.regex.Pattern.compile("class=\"[^\"]*error[^\"]*\"[^>]*>([^<]+)<")
			.matcher(response.getContentAsString());
		List<String> found = new ArrayList<>();
		while (messages.find()) {
			found.add(messages.group(1).strip());
		}
		return String.join(" | ", found);
	}

	private static String firstLine(MockHttpServletResponse response) throws Exception {
		var body = response.getContentAsString();
		var message = java.util.regex.Pattern.compile("<p class=\"error[^\"]*\"[^>]*>([^<]*)<|\"detail\":\"([^\"]*)\"")
			.matcher(body);
		return message.find() ? (message.group(1) != null ? message.group(1) : message.group(2)) : "";
	}

	// Hostile input on every form (security.md item 14)

	/** What an attacker, a careless paste or a broken client sends instead of a field's value. */
	static final Map<String, String> HOSTILE = new LinkedHashMap<>();

	static {
		HOSTILE.put("script", "<script>alert('helhed')</script>");
		HOSTILE.put("quotes and SQL", "x' OR '1'='1'; DROP TABLE citizen; --\"");
		HOSTILE.put("100 kB", "a".repeat(100_000));
		HOSTILE.put("control characters", "ok\u0000\u0007\u001b[31m");
		HOSTILE.put("right-to-left override", "\u202Egnp.exe");
		HOSTILE.put("emoji", "\uD83C\uDFE0\uD83D\uDE42");
		HOSTILE.put("impossible date", "2026-02-30");
		HOSTILE.put("impossible CPR number", "320199-1234");
		HOSTILE.put("empty", "");
	}

	/** Tables whose rows a refused request may write: the audit log, and sessions. */
	static final Set<String> MAY_CHANGE_WHEN_REFUSED = Set.of("audit_event", "spring_session",
			"spring_session_attributes", "shedlock");

	/**
	 * Every form of the application (every POST endpoint), asked by a caller its rule admits, with each of its fields
	 * in turn replaced by each hostile value: never a server error; a refusal is a 4xx with a message and leaves every
	 * table as it was; what is accepted is stored as text and never comes back as markup.
	 */
	@TestFactory
	Stream<DynamicTest> everyFormRefusesHostileInputOrKeepsItAsText() {
		var forms = endpoints().stream().filter(endpoint -> endpoint.method().equals("POST")).toList();
		var done = new int[1];
		return forms.stream()
			.map(endpoint -> DynamicTest.dynamicTest(endpoint.key(), () -> {
				var sample = sample(endpoint);
				assertThat(sample).as("sample request").isNotNull();
				var cell = allowedCell(endpoint, sample);
				assertThat(cell).as("a caller the rule admits").isNotNull();
				var baseline = new Request(cell);
				sample.fill().accept(baseline);
				List<String> wrong = new ArrayList<>();
				int requests = 0;
				for (var field : baseline.params.keySet()) {
					for (var hostile : HOSTILE.entrySet()) {
						var problem = runHostile(cell, sample, field, hostile.getValue());
						requests++;
						if (problem != null) {
							wrong.add(field + " = " + hostile.getKey() + ": " + problem);
						}
					}
				}
				if (++done[0] == forms.size()) {
					System.out.printf("Hostile input: %d forms, %d requests: %d refused with 4xx, %d accepted as text%n",
							forms.size(), refused + accepted, refused, accepted);
				}
				assertThat(wrong).as("%s as %s (%d requests)", endpoint.key(), cell.actor(), requests).isEmpty();
			}));
	}

	private int refused;
	private int accepted;

	/** The first cell of the endpoint whose answer is "allowed". */
	Cell allowedCell(Endpoint endpoint, Sample sample) {
		for (var actor : actors) {
			var cell = new Cell(endpoint, actor, endpoint.rule().scope().isCitizen() ? ConsentState.CONSENT : null,
					null);
			if (actor.relation() != Relation.NOBODY && expected(cell, sample) == Answer.OK) {
				return cell;
			}
		}
		return null;
	}

	String runHostile(Cell cell, Sample sample, String field, String value) {
		return inRolledBackTransaction(cell, () -> {
			var before = tableSizes();
			var request = new Request(cell);
			sample.fill().accept(request);
			request.params.set(field, value);
			var response = perform(cell, request);
			int code = response.getStatus();
			var body = response.getContentAsString();
			if (code >= 500) {
				return "server error " + code;
			}
			if (code >= 400) {
				refused++;
				if (!before.equals(tableSizes())) {
					return "refused with " + code + " but changed " + changed(before, tableSizes());
				}
				boolean message = body.contains("error-summary") || body.contains("field-error")
						|| body.contains("error-page") || body.contains("\"detail\"")
						|| body.contains("class=\"messages");
				return message ? null : "refused with " + code + " without a message";
			}
			accepted++;
			if (rendersMarkup(body, value) || code == 302 && response.getRedirectedUrl() != null
					&& rendersMarkup(follow(cell, response.getRedirectedUrl()), value)) {
				return "accepted and shown as markup";
			}
			return null;
		});
	}

	private static boolean rendersMarkup(String body, String value) {
		return value.contains("<script>") && body.contains(value);
	}

	private String follow(Cell cell, String location) throws Exception {
		if (!location.startsWith("/")) {
			return "";
		}
		var path = location.contains("#") ? location.substring(0, location.indexOf('#')) : location;
		return mvc.perform(as(cell, request(HttpMethod.GET, path))).andReturn().getResponse().getContentAsString();
	}

	Map<String, Integer> tableSizes() {
		Map<String, Integer> sizes = new TreeMap<>();
		for (var table : tables()) {
			sizes.put(table, jdbc.sql("select count(*) from " + table).query(Integer.class).single());
		}
		return sizes;
	}

	private List<String> tables;

	private List<String> tables() {
		if (tables == null) {
			tables = jdbc.sql("""
					select lower(table_name) from information_schema.tables
					where table_schema = 'public' and table_type in ('BASE TABLE', 'TABLE')""")
				.query(String.class)
				.list()
				.stream()
				.filter(table -> !MAY_CHANGE_WHEN_REFUSED.contains(table) && !table.startsWith("flyway"))
				.sorted()
				.toList();
			assertThat(tables).contains("citizen", "case_note", "consent", "service");
		}
		return tables;
	}

	private static String changed(Map<String, Integer> before, Map<String, Integer> after) {
		List<String> changed = new ArrayList<>();
		before.forEach((table, size) -> {
			if (!size.equals(after.get(table))) {
				changed.add(table + " " + size + " -> " + after.get(table));
			}
		});
		return String.join(", ", changed);
	}

	// The expected answer

	Answer expected(Cell cell, Sample sample) {
		var rule = cell.endpoint().rule();
		var actor = cell.actor();
		if (rule.value() == Audience.EVERYONE) {
			return Answer.OK;
		}
		if (actor.relation() == Relation.NOBODY) {
			return Answer.LOGIN;
		}
		var member = member(actor.username());
		if (!AccessRules.admits(rule.value(), member)) {
			return Answer.FORBIDDEN;
		}
		var answer = switch (rule.scope()) {
			case NONE, CITIZEN_LOOKUP -> Answer.OK;
			case SERVICE -> {
				var target = cell.swapped() == null ? service : foreignService;
				if (!municipalityOf(actor).equals(target.municipality())) {
					yield Answer.NOT_FOUND;
				}
				boolean editor = member.has(Role.CATALOG_EDITOR)
						|| (member.has(Role.UNIT_EDITOR) && member.belongsTo(target.owningUnit()));
				yield editor ? Answer.OK : Answer.FORBIDDEN;
			}
			case CHANGE_REQUEST -> {
				if (cell.swapped() != null || !municipalityOf(actor).equals(proposal.municipality())) {
					yield Answer.NOT_FOUND;
				}
				yield member.has(Role.CATALOG_EDITOR) || member.id().equals(proposal.proposer()) ? Answer.OK
						: Answer.FORBIDDEN;
			}
			case STAFF_ACCOUNT -> municipalityOf(actor).equals(cell.swapped() == null ? ownMunicipality
					: otherMunicipality) ? Answer.OK : Answer.NOT_FOUND;
			case PARTICIPATION -> municipalityOf(actor).equals(cell.swapped() == null ? ownMunicipality
					: otherMunicipality) ? Answer.OK : Answer.NOT_FOUND;
			case EMERGENCY_ACCESS -> {
				var target = cell.swapped() == null ? emergency : otherUnitsEmergency;
				yield municipalityOf(actor).equals(target.municipality()) && member.belongsTo(target.staffUnit())
						? Answer.OK : Answer.NOT_FOUND;
			}
			case CITIZEN, CITIZEN_CASE -> {
				var target = "id".equals(cell.swapped()) ? foreignCitizen : subject(cell, sample);
				if (!municipalityOf(actor).equals(target.municipality())) {
					yield Answer.NOT_FOUND;
				}
				boolean inCase = inCase(member, target.caseUnits());
				boolean covered = inCase(member, target.consentRecipients());
				if (rule.scope() == Scope.CITIZEN) {
					yield inCase || covered ? Answer.OK : Answer.NOT_FOUND;
				}
				if (inCase) {
					yield cell.swapped() != null ? Answer.NOT_FOUND : Answer.OK;
				}
				yield covered ? Answer.FORBIDDEN : Answer.NOT_FOUND;
			}
		};
		return sample.adjust() == null ? answer : sample.adjust().apply(new Adjusting(cell, member, answer));
	}

	private String municipalityOf(Actor actor) {
		return actor.relation() == Relation.OTHER_MUNICIPALITY ? otherMunicipality : ownMunicipality;
	}

	private static boolean inCase(StaffMember member, Set<UUID> parties) {
		return parties.stream().anyMatch(party -> member.belongsTo(party) || party.equals(member.partnerId()));
	}

	/** The citizen record a cell asks about: the state's identified citizen, or its anonymous contact. */
	CitizenRecord subject(Cell cell, Sample sample) {
		var records = states.get(cell.state());
		return sample.anonymousSubject() ? records.anonymous() : records.identified();
	}

	// The requests

	/** What a request to one endpoint is made of; the sample fills it in. */
	final class Request {

		final Cell cell;
		final Map<String, String> variables = new LinkedHashMap<>();
		final MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		MockMultipartFile file;

		Request(Cell cell) {
			this.cell = cell;
			variables.put("slug", ownMunicipality);
			variables.put("key", service.key());
			variables.put("number", "4");
			var scope = cell.endpoint().rule().scope();
			var swapped = cell.swapped();
			switch (scope) {
				case SERVICE -> variables.put("id", ("id".equals(swapped) ? foreignService : service).id().toString());
				case CHANGE_REQUEST -> variables.put("id",
						("id".equals(swapped) ? UUID.randomUUID() : proposal.id()).toString());
				case EMERGENCY_ACCESS -> variables.put("id",
						("id".equals(swapped) ? otherUnitsEmergency : emergency).id().toString());
				case STAFF_ACCOUNT -> variables.put("id", member("id".equals(swapped) ? "matrix-foreign-caseworker"
						: "matrix-own_unit-caseworker").id().toString());
				case PARTICIPATION -> {
					var records = "id".equals(swapped) ? foreignParticipation : participation;
					variables.put("id", (cell.endpoint().pattern().contains("/moeder/") ? records.pastMeeting()
							: records.proposal()).toString());
				}
				default -> {
				}
			}
		}

		CitizenRecord subject() {
			return "id".equals(cell.swapped()) ? foreignCitizen
					: AuthorizationMatrixTests.this.subject(cell, sample(cell.endpoint()));
		}

		CitizenRecord identified() {
			return states.get(cell.state() == null ? ConsentState.CONSENT : cell.state()).identified();
		}

		Request citizen() {
			variables.put("id", subject().id().toString());
			return this;
		}

		/** The assessment of the citizen asked about, or, swapped, the assessment of another citizen. */
		Request assessment() {
			var citizen = "assessmentId".equals(cell.swapped()) ? foreignCitizen : subject();
			variables.put("assessmentId", assessmentOf.get(citizen.id()).toString());
			return this;
		}

		/** The housing goal of the citizen's plan, or, swapped, a goal of another citizen (whose plan has none). */
		Request goal() {
			var citizen = "goalId".equals(cell.swapped()) ? foreignCitizen : subject();
			variables.put("goalId", housingGoalOf.getOrDefault(citizen.id(), UUID.randomUUID()).toString());
			return this;
		}

		Request param(String name, String... values) {
			for (var value : values) {
				params.add(name, value);
			}
			return this;
		}
	}

	record Checked(Cell cell, String body) {
	}

	record Adjusting(Cell cell, StaffMember member, Answer answer) {
	}

	/**
	 * How to ask one endpoint: the request's path variables and parameters, the status an allowed request gets, and
	 * where the general model is not the whole policy, how the expected answer is adjusted and what an allowed
	 * answer must show.
	 */
	record Sample(java.util.function.Consumer<Request> fill, int okStatus, boolean anonymousSubject,
			Function<Adjusting, Answer> adjust, Function<Checked, String> check, int okStatusWithoutConsent) {

		static Sample get() {
			return new Sample(request -> {
			}, 200, false, null, null, 0);
		}

		static Sample get(java.util.function.Consumer<Request> fill) {
			return new Sample(fill, 200, false, null, null, 0);
		}

		static Sample post(java.util.function.Consumer<Request> fill) {
			return new Sample(fill, 302, false, null, null, 0);
		}

		Sample ok(int status) {
			return new Sample(fill, status, anonymousSubject, adjust, check, okStatusWithoutConsent);
		}

		/** The status an allowed request gets about a citizen whose consent is missing, withdrawn or expired. */
		Sample okWithoutConsent(int status) {
			return new Sample(fill, okStatus, anonymousSubject, adjust, check, status);
		}

		Sample aboutAnonymousContact() {
			return new Sample(fill, okStatus, true, adjust, check, okStatusWithoutConsent);
		}

		Sample adjust(Function<Adjusting, Answer> adjust) {
			return new Sample(fill, okStatus, anonymousSubject, adjust, check, okStatusWithoutConsent);
		}

		Sample check(Function<Checked, String> check) {
			return new Sample(fill, okStatus, anonymousSubject, adjust, check, okStatusWithoutConsent);
		}

		int okStatus(Cell cell) {
			return okStatusWithoutConsent != 0 && cell.state() != null && cell.state() != ConsentState.CONSENT
					? okStatusWithoutConsent : okStatus;
		}
	}

	private Map<String, Sample> samples;

	/**
	 * The places of Overgangsbolig and the decisions: only caseworkers of the unit that keeps the service's places
	 * (the own unit, Visitation) give them out; any other is refused, another municipality's staff and a swapped
	 * service are not found. A decision opened under another citizen's id is not found.
	 */
	void placeSamples(Map<String, Sample> samples) {
		Function<Adjusting, Answer> keeper = a -> {
			if (a.answer() != Answer.OK) {
				return a.answer();
			}
			if ("serviceId".equals(a.cell().swapped()) || a.cell().actor().relation() == Relation.OTHER_MUNICIPALITY) {
				return Answer.NOT_FOUND;
			}
			return a.member().isCaseWorker() && a.member().belongsTo(ownUnit) ? Answer.OK : Answer.FORBIDDEN;
		};
		java.util.function.Function<Request, Request> places = r -> {
			r.variables.put("serviceId", ("serviceId".equals(r.cell.swapped()) ? UUID.randomUUID() : service.id())
				.toString());
			return r;
		};
		samples.put("GET /personale/pladser/{serviceId}", Sample.get(r -> places.apply(r)).adjust(keeper));
		samples.put("POST /personale/pladser/{serviceId}/tilbud", Sample.post(r -> places.apply(r)
			.param("borger", r.identified().id().toString())).adjust(keeper));
		samples.put("POST /personale/pladser/{serviceId}/venteliste", Sample.post(r -> places.apply(r)
			.param("borger", r.identified().id().toString())
			.param("hastegrad", "NORMAL")
			.param("soegt", today().minusDays(2).toString())).adjust(keeper));
		samples.put("POST /personale/pladser/{serviceId}/indflytning", Sample.post(r -> places.apply(r)
			.param("anvisning", heldPlace.toString())
			.param("planlagt-fraflytning", today().plusMonths(2).toString())
			.param("bekraeft", "ja")).adjust(keeper));
		samples.put("POST /personale/pladser/{serviceId}/afslag", Sample.post(r -> places.apply(r)
			.param("anvisning", heldPlace.toString())
			.param("aarsag", "CITIZEN_DECLINED")
			.param("bekraeft", "ja")).adjust(keeper));
		samples.put("POST /personale/pladser/{serviceId}/fraflytning", Sample.post(r -> places.apply(r)
			.param("anvisning", occupiedPlace.toString())
			.param("bekraeft", "ja")).adjust(keeper));
		samples.put("POST /personale/pladser/{serviceId}/luk", Sample.post(r -> places.apply(r)
			.param("plads", freePlace.toString())
			.param("begrundelse", "Matrix: vandskade")).adjust(keeper));
		samples.put("POST /personale/pladser/{serviceId}/genaabn", Sample.post(r -> places.apply(r)
			.param("plads", closedPlace.toString())).adjust(keeper));

		samples.put("GET /personale/borgere/{id}/afgoerelser/ny", Sample.get(r -> r.citizen()
			.param("ydelse", service.id().toString())));
		samples.put("POST /personale/borgere/{id}/afgoerelser", Sample.post(r -> r.citizen()
			.param("ydelse", service.id().toString())
			.param("udfald", "REFUSED")
			.param("lovgrundlag", "SEL-107")
			.param("begrundelse", "Matrix: begrundelse for afslaget")
			.param("bekraeft", "ja")));
		java.util.function.Consumer<Request> decision = r -> {
			r.citizen();
			var citizen = r.subject();
			var other = states.get(r.cell.state() == ConsentState.NO_CONSENT ? ConsentState.CONSENT
					: ConsentState.NO_CONSENT).identified();
			var id = "decisionId".equals(r.cell.swapped()) ? decisionOf.get(other.id())
					: decisionOf.getOrDefault(citizen.id(), decisionOf.get(other.id()));
			r.variables.put("decisionId", id.toString());
		};
		Function<Adjusting, Answer> ownDecision = a -> a.answer() == Answer.OK
				&& "decisionId".equals(a.cell().swapped()) ? Answer.NOT_FOUND : a.answer();
		samples.put("GET /personale/borgere/{id}/afgoerelser/{decisionId}", Sample.get(decision).adjust(ownDecision));
		samples.put("GET /personale/borgere/{id}/afgoerelser/{decisionId}.pdf",
				Sample.get(decision).adjust(ownDecision));
	}

	/** The sample request of an endpoint, or null when the endpoint needs one and has none. */
	Sample sample(Endpoint endpoint) {
		if (samples == null) {
			samples = samples();
		}
		var sample = samples.get(endpoint.key());
		if (sample != null) {
			return sample;
		}
		if (!endpoint.method().equals("GET") || !endpoint.rule().scope().equals(Scope.NONE) && endpoint.rule()
			.scope()
			.isCitizen() || hasRequiredParameters(endpoint.handler())) {
			return null;
		}
		return Sample.get();
	}

	private static boolean hasRequiredParameters(HandlerMethod handler) {
		for (MethodParameter parameter : handler.getMethodParameters()) {
			var param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null && param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)) {
				return true;
			}
		}
		return false;
	}

	Map<String, Sample> samples() {
		Map<String, Sample> samples = new TreeMap<>();
		// The public catalog and its API
		samples.put("GET /{slug:[a-z0-9-]{1,60}}/udgaver/forskelle", Sample.get(r -> r.param("fra", "4")));
		for (var list : hsdsIds.keySet()) {
			samples.put("GET /api/municipalities/{slug:[a-z0-9-]{1,60}}/hsds/" + list + "/{id}",
					Sample.get(r -> r.variables.put("id", hsdsIds.get(list))));
		}
		// The catalog's staff pages
		samples.put("POST /personale/indsatser", Sample.post(r -> {
			var own = r.cell.actor().relation() == Relation.OTHER_MUNICIPALITY ? foreignService : service;
			r.params.addAll(ServiceFormParams.of(own.service()));
			r.params.set("key", "matrix-ny-indsats");
			r.params.set("handling", "gem");
		}));
		samples.put("POST /personale/indsatser/{id}", Sample.post(r -> {
			var target = "id".equals(r.cell.swapped()) ? foreignService : service;
			r.params.addAll(ServiceFormParams.of(target.service()));
			r.params.set("scheduleNote", "Matrix: åbent alle hverdage.");
			r.params.set("handling", "gem");
		}));
		samples.put("POST /personale/indsatser/{id}/kontrolleret", Sample.post(r -> {
		}));
		samples.put("POST /personale/indsatser/{id}/ledige-pladser", Sample.post(r -> {
			var target = "id".equals(r.cell.swapped()) ? foreignService : service;
			// The matrix's own service has places Helhed keeps, so an allowed report is refused (400) and changes
			// nothing; the other municipality's service keeps none, and is sent a number above its capacity (400).
			r.param("pladstype", target.service().content().capacities().getFirst().id().toString())
				.param("ledige", target == service ? "2" : "999");
		}).ok(400));
		samples.put("POST /personale/indsatser/{id}/gennemgang", Sample.post(r -> r.param("ansvarlig", "")
			.param("interval", "6")));
		samples.put("POST /personale/indsatser/{id}/udfas", Sample.post(r -> {
		}));
		samples.put("POST /personale/indsatser/{id}/genaktiver", Sample.post(r -> {
		}).ok(400));
		samples.put("POST /personale/aendringer/{id}/godkend", Sample.post(r -> {
		}));
		samples.put("POST /personale/aendringer/{id}/afvis", Sample.post(r -> r.param("begrundelse",
				"Matrix: oplysningen passer ikke.")));
		samples.put("GET /personale/udgaver/diff", Sample.get(r -> r.param("fra", "4"))
			.adjust(AuthorizationMatrixTests::ownMunicipalityOnly));
		samples.put("POST /personale/udgaver", Sample.post(r -> r.param("label", "Matrixudgave")
			.param("note", "Udgivet af matrixtesten.")
			.param("handling", "udgiv")));
		samples.put("POST /personale/import", Sample.post(r -> {
			r.file = new MockMultipartFile("fil", "katalog.json", "application/json", hsdsExport);
			r.param("handling", "kontroller");
		}).ok(200));
		// Finding and registering citizens
		samples.put("POST /personale/borgere/cpr", Sample.post(r -> r.param("cpr", r.identified().cpr())).ok(200)
			.check(c -> shows(c, states.get(ConsentState.CONSENT).identified())));
		samples.put("POST /personale/borgere/navn", Sample.post(r -> r.param("navn", r.identified().name())).ok(200)
			.check(c -> shows(c, states.get(ConsentState.CONSENT).identified())));
		samples.put("POST /personale/borgere", Sample.post(r -> r.param("cpr", syntheticCpr())
			.param("name", "Ny Matrixsen (syntetisk)")
			.param("phone", "")
			.param("email", "")
			.param("address", "")
			.param("preferredLanguage", "")).adjust(a -> a.answer() == Answer.OK && a.member().partnerId() != null
					? Answer.FORBIDDEN : needsUnitOrOrganisation(a)));
		samples.put("POST /personale/borgere/anonym", Sample.post(r -> r.param("pseudonym", "Matrixkontakt")
			.param("birthYear", "1985")).adjust(AuthorizationMatrixTests::needsUnitOrOrganisation));
		samples.put("POST /personale/borgere/noedadgang", Sample.post(r -> r.param("cpr", r.identified().cpr())
			.param("reason", "Borgeren er indlagt akut, og vi skal kende aftalerne nu.")).adjust(a -> {
				if (a.answer() != Answer.OK) {
					return a.answer();
				}
				// Emergency access is for the municipality's own staff in a unit with a lead to review it.
				if (a.member().unitIds().isEmpty() || a.member().partnerId() != null || !hasReviewer(a.member())) {
					return Answer.FORBIDDEN;
				}
				return a.cell().actor().relation() == Relation.OTHER_MUNICIPALITY ? Answer.NOT_FOUND : Answer.OK;
			}));
		// The citizen's page and its forms
		samples.put("GET /personale/borgere/{id}", Sample.get(Request::citizen).check(c -> {
			var member = member(c.cell().actor().username());
			boolean inCase = c.cell().actor().relation() == Relation.OWN_UNIT;
			if (!c.body().contains("Matrix boligsnotat")) {
				return "the housing note the caller may see is missing";
			}
			if (c.body().contains("Matrix helbredsnotat") != inCase) {
				return inCase ? "the own unit's health note is missing"
						: "shows a health note no consent covers to " + member.username();
			}
			return null;
		}));
		samples.put("POST /personale/borgere/{id}/notater", Sample.post(r -> r.citizen()
			.param("category", "HOUSING")
			.param("text", "Matrix: nyt notat.")));
		samples.put("POST /personale/borgere/{id}/samtykker", Sample.post(r -> r.citizen()
			.param("purpose", "Matrix: samarbejde")
			.param("categories", "HOUSING")
			.param("recipients", "enhed:" + otherUnit)
			.param("givenOn", today().toString())
			.param("expiresOn", today().plusMonths(6).toString())
			.param("givenHow", "VERBAL")));
		samples.put("POST /personale/borgere/{id}/samtykker/{consentId}/tilbagekald", Sample.post(r -> {
			withConsent(r);
			r.param("ord", "Matrix: borgeren sagde nej tak.");
		}).adjust(AuthorizationMatrixTests::consentInForce));
		samples.put("GET /personale/borgere/{id}/samtykker/{consentId}/tilbagekald",
				Sample.get(AuthorizationMatrixTests.this::withConsent).adjust(AuthorizationMatrixTests::consentInForce));
		samples.put("POST /personale/borgere/{id}/samtykker/{consentId}/bekraeft",
				Sample.post(AuthorizationMatrixTests.this::withConsent).adjust(AuthorizationMatrixTests::consentInForce));
		samples.put("POST /personale/borgere/{id}/lovgrundlag", Sample.post(r -> r.citizen()
			.param("code", "RETSPLEJELOVEN_115")
			.param("categories", "HOUSING")
			.param("recipient", "enhed:" + otherUnit)
			.param("validUntil", today().plusMonths(3).toString())));
		samples.put("POST /personale/borgere/{id}/luk", Sample.post(r -> r.citizen()
			.param("begrundelse", "Matrix: borgeren er flyttet fra kommunen.")));
		samples.put("GET /personale/borgere/{id}/luk", Sample.get(Request::citizen));
		samples.put("POST /personale/borgere/{id}/samarbejdspartnere/bekraeft", Sample.post(r -> r.citizen()
			.param("organisation", partner.toString())
			.param("begrundelse", "Matrix: borgeren vil have støtte fra værestedet.")).ok(200));
		samples.put("POST /personale/borgere/{id}/samarbejdspartnere", Sample.post(r -> r.citizen()
			.param("organisation", partner.toString())
			.param("begrundelse", "Matrix: borgeren vil have støtte fra værestedet.")));
		samples.put("GET /personale/borgere/{id}/samarbejdspartnere/afslut", Sample.get(r -> r.citizen()
			.param("organisation", involvedPartner.toString())));
		samples.put("POST /personale/borgere/{id}/samarbejdspartnere/afslut", Sample.post(r -> r.citizen()
			.param("organisation", involvedPartner.toString())));
		samples.put("POST /personale/borgere/{id}/afslut", Sample.post(Request::citizen));
		samples.put("GET /personale/borgere/{id}/afslut", Sample.get(Request::citizen));
		samples.put("POST /personale/borgere/{id}/sammenlaeg/find", Sample.post(r -> r.citizen()
			.param("cpr", r.identified().cpr())).ok(200).aboutAnonymousContact());
		samples.put("POST /personale/borgere/{id}/sammenlaeg", Sample.post(r -> r.citizen()
			.param("identificeret", states.get(r.cell.state()).identified().id().toString())
			.param("samtykke", "ja")).aboutAnonymousContact());
		// The whole picture (helhedsvurdering)
		samples.put("GET /personale/borgere/{id}/helhedsvurdering", Sample.get(Request::citizen));
		samples.put("POST /personale/borgere/{id}/helhedsvurdering", Sample.post(r -> r.citizen()
			.param("vurderet", today().toString())
			.param("niveau-" + HOUSING_THEME, SEVERE_LEVEL.toString())
			.param("beskrivelse-" + HOUSING_THEME, "Matrix: bor hos venner.")
			.param("ord-" + HOUSING_THEME, "Matrix: jeg vil have en bolig.")
			.param("ord-helhed", "Matrix: sådan ser jeg det.")
			.param("vigtigst", "Matrix: en bolig")
			.param("ressourcer", "Matrix: god til at lave mad")
			.param("netvaerk", "Matrix: en søster")));
		samples.put("GET /personale/borgere/{id}/helhedsvurdering/{assessmentId}", Sample.get(r -> r.citizen()
			.assessment()).adjust(AuthorizationMatrixTests::otherCitizensRecordIsNotFound).check(c -> {
				boolean inCase = c.cell().actor().relation() == Relation.OWN_UNIT;
				if (!c.body().contains("Matrix boligvurdering")) {
					return "the housing sub-theme the caller may see is missing";
				}
				if (c.body().contains("Matrix helbredsvurdering") != inCase) {
					return inCase ? "the own unit's health sub-theme is missing"
							: "shows a health sub-theme no consent covers";
				}
				if (c.body().contains("Matrix helhedsord") != inCase) {
					return inCase ? "the own unit's general part is missing"
							: "shows the general part no consent covers";
				}
				return null;
			}));
		samples.put("POST /personale/borgere/{id}/helhedsvurdering/{assessmentId}/borgerens-ord", Sample.post(r -> r
			.citizen()
			.assessment()
			.param("del", HOUSING_THEME.toString())
			.param("ord", "Matrix: nu siger jeg noget andet.")));
		// The shared plan
		samples.put("GET /personale/borgere/{id}/plan", Sample.get(Request::citizen).check(c -> {
			boolean inCase = c.cell().actor().relation() == Relation.OWN_UNIT;
			if (!c.body().contains("Matrix boligmål")) {
				return "the housing goal the caller may see is missing";
			}
			if (c.body().contains("Matrix helbredsmål") != inCase) {
				return inCase ? "the own unit's health goal is missing" : "shows a health goal no consent covers";
			}
			if (c.body().contains("Matrix borgerens mål") != inCase) {
				return inCase ? "the citizen's goal is missing" : "shows the general part no consent covers";
			}
			return null;
		}));
		samples.put("GET /personale/borgere/{id}/plan/versioner/{number}", Sample.get(r -> r.citizen().variables
			.put("number", "number".equals(r.cell.swapped()) ? "999" : "1"))
			.adjust(AuthorizationMatrixTests::otherCitizensRecordIsNotFound));
		samples.put("POST /personale/borgere/{id}/plan", Sample.post(r -> r.citizen()
			.param("borgerens-maal", "Matrix: mit eget sted.")
			.param("tilbud", "ACCEPTED")
			.param("nej-grund", "")
			.param("formaal", "Matrix: egen bolig")
			.param("indsats", "Matrix: boligsøgning")
			.param("varighed", "Matrix: et år")
			.param("andre-forhold", "Ingen")
			.param("deltagelse", "PRESENT")
			.param("deltagelse-grund", "")
			.param("deltagere", "Matrix: borgeren")
			.param("foerste-opfoelgning", today().plusMonths(2).toString())));
		samples.put("POST /personale/borgere/{id}/plan/maal", Sample.post(r -> r.citizen()
			.param("tema", HOUSING_THEME.toString())
			.param("maalniveau", MILD_LEVEL.toString())
			.param("maaltype", "DEVELOP")
			.param("hvad", "Matrix: egen bolig")
			.param("hvornaar", today().plusMonths(6).toString())
			.param("hvordan", "Matrix: en lejekontrakt")));
		samples.put("POST /personale/borgere/{id}/plan/indsatser", Sample.post(r -> r.citizen()
			.param("maal", housingGoalOf.getOrDefault(r.subject().id(), UUID.randomUUID()).toString())
			.param("ansvarlig", ownUnit.toString())
			.param("ydelse", service.id().toString())
			.param("beskrivelse", "Matrix: hjælp til at søge bolig")
			.param("start", today().toString())
			.param("slut", today().plusMonths(3).toString())));
		samples.put("POST /personale/borgere/{id}/plan/opfoelgninger", Sample.post(r -> r.citizen()
			.param("dato", today().toString())
			.param("udfald", "CONTINUE")
			.param("evaluering", "Matrix: godt i gang")
			.param("naeste", today().plusMonths(2).toString())));
		samples.put("POST /personale/borgere/{id}/plan/klar", Sample.post(Request::citizen));
		samples.put("GET /personale/borgere/{id}/plan/borgerens-kopi", Sample.get(Request::citizen).check(c -> {
			boolean inCase = c.cell().actor().relation() == Relation.OWN_UNIT;
			if (!c.body().contains("Matrix boligmål")) {
				return "the housing goal the caller may see is missing from the copy";
			}
			return c.body().contains("Matrix helbredsmål") == inCase ? null
					: "the copy shows a goal no consent covers, or misses the own unit's";
		}));
		samples.put("GET /personale/borgere/{id}/plan/borgerens-kopi.pdf", Sample.get(Request::citizen));
		// The timeline of the case across units
		samples.put("GET /personale/borgere/{id}/tidslinje", Sample.get(Request::citizen).check(c -> {
			boolean inCase = c.cell().actor().relation() == Relation.OWN_UNIT;
			if (!c.body().contains("Matrix boligmål")) {
				return "the housing goal the caller may see is missing from the timeline";
			}
			if (c.body().contains("Matrix helbredsmål") != inCase || c.body().contains("Matrix helbredsindsats") != inCase) {
				return inCase ? "the own unit's health goal or action is missing from the timeline"
						: "the timeline shows a health goal or action no consent covers";
			}
			return null;
		}));
		// Suggestions for a goal of the plan, and the handout
		samples.put("GET /personale/borgere/{id}/plan/maal/{goalId}/forslag", Sample.get(r -> r.citizen()
			.goal()).adjust(AuthorizationMatrixTests::otherCitizensRecordIsNotFound).check(c -> c.body()
				.contains("Matrix boligmål") && (c.body().contains("Læg på udleveringsarket")
						// a matrix citizen's random CPR number may be a child's, and every service is for adults
						|| c.body().contains("Kataloget har ingen indsatser, der passer til målet.")) ? null
								: "the goal or its suggestions are missing"));
		samples.put("POST /personale/borgere/{id}/plan/maal/{goalId}/forslag", Sample.post(r -> r.citizen()
			.goal()
			.param("ydelse", service.id().toString())).adjust(AuthorizationMatrixTests::otherCitizensRecordIsNotFound));
		samples.put("GET /personale/udleveringsark", Sample.get(r -> r.param("indsats",
				(r.cell.actor().relation() == Relation.OTHER_MUNICIPALITY ? foreignService : service).id().toString()))
			.check(c -> c.body().contains("Steder, hvor du kan få hjælp") ? null : "the handout is missing"));
		samples.put("GET /personale/udleveringsark.pdf", Sample.get(r -> r.param("indsats",
				(r.cell.actor().relation() == Relation.OTHER_MUNICIPALITY ? foreignService : service).id().toString())));
		// Emergency access review, the audit log and the access account
		samples.put("POST /personale/noedadgang/{id}/set", Sample.post(r -> {
		}));
		samples.put("POST /personale/revision", Sample.post(r -> r.param("from", "")
			.param("to", "")
			.param("action", "")
			.param("username", "")
			.param("cpr", states.get(ConsentState.CONSENT).identified().cpr())
			.param("borger", "")
			.param("efter", "")).ok(200));
		samples.put("POST /personale/aktindsigt", Sample.post(r -> r.param("cpr",
				states.get(ConsentState.CONSENT).identified().cpr())).ok(200).adjust(AuthorizationMatrixTests::ownMunicipalityOnly));
		samples.put("POST /personale/aktindsigt/pdf", Sample.post(r -> r.param("cpr",
				states.get(ConsentState.CONSENT).identified().cpr())).ok(200).adjust(AuthorizationMatrixTests::ownMunicipalityOnly));
		// User administration: an administrator's change without a recent confirmation of who they are is answered with
		// the confirmation page (302); reopening an open account and unlocking one that is not locked are refused (400),
		// and so is an empty password on the confirmation page, without counting as a failed login.
		samples.put("POST /personale/brugere", Sample.post(r -> r.param("username", "matrix-ny-bruger")
			.param("displayName", "Matrix Ny Bruger")
			.param("email", "")
			.param("roles", "CASEWORKER")
			.param("partnerId", "")
			.param("login", "provider")));
		samples.put("POST /personale/brugere/{id}", Sample.post(r -> r.param("displayName", "Matrix Rettet")
			.param("email", "")
			.param("roles", "CASEWORKER")
			.param("partnerId", "")));
		samples.put("POST /personale/brugere/{id}/luk", Sample.post(r -> r.param("bekraeftet", "ja")));
		samples.put("POST /personale/brugere/{id}/genaabn", Sample.post(r -> {
		}).ok(400));
		samples.put("POST /personale/brugere/{id}/laas-op", Sample.post(r -> {
		}).ok(400));
		samples.put("POST /personale/brugere/{id}/adgangskode", Sample.post(r -> r.param("password",
				"Matrix-Gren-Sten-Kage-7").param("passwordRepeat", "Matrix-Gren-Sten-Kage-7")));
		samples.put("POST /personale/brugere/{id}/rolleanmodninger/{requestId}", Sample.post(r -> r.param("svar",
				"godkend").variables.put("requestId", ("requestId".equals(r.cell.swapped()) ? UUID.randomUUID()
						: roleRequest).toString()))
			.adjust(a -> a.answer() == Answer.OK && a.cell().swapped() != null ? Answer.NOT_FOUND : a.answer()));
		samples.put("POST /personale/bekraeft", Sample.post(r -> r.param("password", "")
			.param("tilbage", "/personale/brugere")).ok(400));
		samples.put("GET /personale/bekraeft/kommunelogin", Sample.get().ok(302));
		referralSamples(samples);
		participationSamples(samples);
		// The session: staying logged in goes back to the page; with no form kept from an expired session, the page
		// for it leads to the overview.
		samples.put("POST /personale/sessionen", Sample.post(r -> r.param("tilbage", "/personale/borgere")));
		placeSamples(samples);
		samples.put("GET /personale/gendan", Sample.get().ok(302));
		samples.put("POST /personale/gendan/kasser", Sample.post(r -> {
		}));
		return samples;
	}

	/**
	 * Referrals: the form from the citizen's page (the consent covers the other unit for housing; without it there is
	 * nothing to share, and the form says so with 400); one referral and its moves, for its two sides only. The
	 * swapped referral is one that does not exist in the caller's municipality.
	 */
	void referralSamples(Map<String, Sample> samples) {
		samples.put("GET /personale/borgere/{id}/henvisninger/ny", Sample.get(Request::citizen));
		samples.put("POST /personale/borgere/{id}/henvisninger", Sample.post(r -> r.citizen()
			.param("indsats", service.id().toString())
			.param("enhed", otherUnit.toString())
			.param("spoergsmaal", "Matrix: kan borgeren få en bolig?")
			.param("start", today().plusDays(14).toString())
			.param("kategorier", "HOUSING")
			.param("handling", "")).okWithoutConsent(400));
		java.util.function.BiConsumer<Request, UUID> referral = (r, id) -> r.variables.put("referralId",
				("referralId".equals(r.cell.swapped()) ? UUID.randomUUID() : id).toString());
		samples.put("GET /personale/henvisninger/{referralId}", Sample.get(r -> referral.accept(r, liveReferral))
			.adjust(a -> referralSide(a, true, true)));
		samples.put("POST /personale/henvisninger/{referralId}/status", Sample.post(r -> {
			referral.accept(r, liveReferral);
			r.param("skridt", "ACCEPT").param("version", "0").param("aarsag", "").param("resultat", "")
				.param("bekraeftet", "");
		}).adjust(a -> referralSide(a, false, true)));
		samples.put("POST /personale/henvisninger/{referralId}/luk-loekken", Sample.post(r -> referral.accept(r,
				completedReferral)).adjust(a -> referralSide(a, true, false)));
	}

	/**
	 * Who may reach the matrix's referrals (from the own unit to the other unit): its two sides; the one the move
	 * belongs to (and a team lead of either side) may make it, the other side is refused (403), anyone else finds none.
	 */
	Answer referralSide(Adjusting a, boolean sender, boolean receiver) {
		if (a.answer() != Answer.OK) {
			return a.answer();
		}
		var member = a.member();
		boolean inSender = member.belongsTo(ownUnit);
		boolean inReceiver = member.belongsTo(otherUnit);
		if (a.cell().swapped() != null || a.cell().actor().relation() == Relation.OTHER_MUNICIPALITY
				|| !(inSender || inReceiver)) {
			return Answer.NOT_FOUND;
		}
		// A team lead of either side may make the receiver's moves; only the sender closes the loop.
		boolean may = (sender && inSender) || (receiver && (inReceiver || member.has(Role.TEAM_LEAD)));
		return may ? Answer.OK : Answer.FORBIDDEN;
	}

	/** Participation's public pages and forms, and the coordinator's. */
	void participationSamples(Map<String, Sample> samples) {
		var slug = "{slug:[a-z0-9-]{1,60}}";
		var dialog = "/" + slug + "/dialog";
		var body = "{body:[a-z0-9-]{2,80}}";
		var meeting = "{id:[0-9a-f-]{36}}";
		var number = "{number:[0-9]{1,9}}";
		java.util.function.Consumer<Request> ownBody = r -> r.variables.put("body", participation.body());
		java.util.function.Consumer<Request> pastMeeting = r -> r.variables.put("id", participation.pastMeeting().toString());
		java.util.function.Consumer<Request> ownNumber = r -> r.variables.put("number", String.valueOf(participation.number()));
		samples.put("GET " + dialog + "/" + body, Sample.get(ownBody));
		samples.put("GET " + dialog + "/" + body + "/kalender.ics", Sample.get(ownBody));
		samples.put("GET " + dialog + "/moeder/" + meeting, Sample.get(pastMeeting));
		samples.put("GET " + dialog + "/moeder/" + meeting + "/udskriv", Sample.get(pastMeeting));
		samples.put("GET " + dialog + "/moeder/" + meeting + ".pdf", Sample.get(pastMeeting));
		samples.put("POST " + dialog + "/moeder/" + meeting + "/tilmeld", Sample.post(r -> r.param("name", "Kim")
			.param("people", "2").variables.put("id", participation.futureMeeting().toString())));
		samples.put("GET " + dialog + "/forslag/" + number, Sample.get(ownNumber));
		samples.put("POST " + dialog + "/forslag/" + number + "/anmeld", Sample.post(r -> {
			ownNumber.accept(r);
			r.param("reason", "Matrix: det er grimt.");
		}));
		samples.put("POST " + dialog + "/forslag", Sample.post(r -> r.param("body", participation.body())
			.param("kind", "EXPERIENCE")
			.param("title", "Matrix: lukket om aftenen")
			.param("text", "Værestedet lukker for tidligt.")
			.param("area", "faellesskaber")
			.param("service", "vaeresteder")
			.param("startet", submissionGuard.startToken(CLOCK.instant().minusSeconds(60)))
			.param("hjemmeside", "")));
		samples.put("POST " + dialog + "/kvittering", Sample.post(r -> r.param("code", participation.receiptCode()))
			.ok(200));
		samples.put("POST " + dialog + "/kvittering/tilbagetraek", Sample.post(r -> r.param("code",
				participation.receiptCode())).ok(200));
		// The coordinator's: the body and the proposal of the caller's own municipality
		java.util.function.Function<Request, ParticipationRecords> own = r -> r.cell.actor()
			.relation() == Relation.OTHER_MUNICIPALITY ? foreignParticipation : participation;
		samples.put("POST /personale/dialog/forslag/" + meeting + "/svar", Sample.post(r -> r.param("state", "accepted")
			.param("answer", "Matrix: ja, fra 1. april.")));
		samples.put("POST /personale/dialog/forslag/" + meeting + "/offentliggoer", Sample.post(r -> {
		}));
		samples.put("POST /personale/dialog/forslag/" + meeting + "/skjul", Sample.post(r -> r.param("reason",
				"Matrix: forslaget nævner en person.")));
		samples.put("POST /personale/dialog/forslag/" + meeting + "/gendan", Sample.post(r -> {
		}).ok(400));
		samples.put("POST /personale/dialog/forslag/" + meeting + "/ignorer", Sample.post(r -> {
		}));
		samples.put("POST /personale/dialog/forslag", Sample.post(r -> r.param("body", own.apply(r).body())
			.param("kind", "PROPOSAL")
			.param("title", "Matrix: mødt på værestedet")
			.param("text", "Borgeren ønsker flere bænke.")
			.param("area", "")
			.param("service", "")
			.param("note", "Matrix: på værestedet.")).ok(200));
		samples.put("POST /personale/dialog/moeder", Sample.post(r -> r.param("body", own.apply(r).body())
			.param("title", "Matrix: nyt møde")
			.param("date", LocalDate.now(CLOCK).plusDays(14).toString())
			.param("starts", "17:00")
			.param("ends", "19:00")
			.param("mode", "IN_PERSON")
			.param("place", "Rådhuset")
			.param("onlineUrl", "")
			.param("registration", "ja")
			.param("slots", "")));
		samples.put("POST /personale/dialog/moeder/" + meeting + "/punkter", Sample.post(r -> r.param("title",
				"Matrix: nyt punkt").param("description", "").param("proposal", "")));
		samples.put("POST /personale/dialog/moeder/" + meeting + "/referat", Sample.post(r -> r.param("minutes",
				"Matrix: vi talte om bænke.").param("attendees", "9").param("decision-1", "Matrix: undersøges.")));
	}

	/** The citizen's consent of the cell's state (or, swapped, another citizen's). */
	void withConsent(Request r) {
		r.citizen();
		var consent = "consentId".equals(r.cell.swapped()) ? unrelatedConsent : r.subject().consentId();
		r.variables.put("consentId", (consent == null ? UUID.randomUUID() : consent).toString());
	}

	/** A consent that was never given, or is withdrawn, is not found. */
	static Answer consentInForce(Adjusting a) {
		return a.answer() == Answer.OK && (a.cell().state() == ConsentState.NO_CONSENT
				|| a.cell().state() == ConsentState.WITHDRAWN) ? Answer.NOT_FOUND : a.answer();
	}

	/** Whether another team lead of one of the staff member's units would review their emergency access. */
	boolean hasReviewer(StaffMember member) {
		return member.unitIds().stream().anyMatch(unit -> jdbc.sql("""
				select count(*) from staff_user s join staff_unit u on u.user_id = s.id
				join staff_role r on r.user_id = s.id
				where u.unit_id = ? and r.role = 'TEAM_LEAD' and s.enabled = true and s.id <> ?""")
			.params(unit, member.id())
			.query(Integer.class)
			.single() > 0);
	}

	/** Registering needs a unit or an organisation for the citizen's case. */
	static Answer needsUnitOrOrganisation(Adjusting a) {
		return a.answer() == Answer.OK && a.member().unitIds().isEmpty() && a.member().partnerId() == null
				? Answer.FORBIDDEN : a.answer();
	}

	/** A record of another citizen, asked for under this citizen's address, is not found. */
	static Answer otherCitizensRecordIsNotFound(Adjusting a) {
		return a.answer() == Answer.OK && a.cell().swapped() != null && !"id".equals(a.cell().swapped())
				? Answer.NOT_FOUND : a.answer();
	}

	/** A citizen (or an edition) of the municipality is not found from another. */
	static Answer ownMunicipalityOnly(Adjusting a) {
		return a.answer() == Answer.OK && a.cell().actor().relation() == Relation.OTHER_MUNICIPALITY ? Answer.NOT_FOUND
				: a.answer();
	}

	/** A search finds the citizen exactly when the caller may see them. */
	String shows(Checked c, CitizenRecord ignored) {
		var member = member(c.cell().actor().username());
		var target = states.get(c.cell().state() == null ? ConsentState.CONSENT : c.cell().state()).identified();
		boolean sees = municipalityOf(c.cell().actor()).equals(target.municipality())
				&& (inCase(member, target.caseUnits()) || inCase(member, target.consentRecipients()));
		boolean shown = c.body().contains("/personale/borgere/" + target.id());
		if (shown != sees) {
			return sees ? "the search does not find a citizen the caller may see"
					: "the search shows a citizen the caller may not see";
		}
		return null;
	}

	// Helpers

	int auditRows() {
		return jdbc.sql("select count(*) from audit_event").query(Integer.class).single();
	}

	LocalDate today() {
		return LocalDate.now(CLOCK);
	}

	UUID unit(String municipality, String key) {
		return municipalities.unitsOf(municipalities.getBySlug(municipality).id())
			.stream()
			.filter(unit -> unit.key().equals(key))
			.findFirst()
			.orElseThrow()
			.id();
	}

	static String syntheticCpr() {
		var random = ThreadLocalRandom.current();
		return String.format("%02d%02d%02d-%04d", 1 + random.nextInt(28), 1 + random.nextInt(12), random.nextInt(100),
				random.nextInt(10000));
	}

	/** The names of a path pattern's variables, e.g. {@code slug} for {@code {slug:[a-z]{1,60}}}. */
	static List<String> pathVariables(String pattern) {
		List<String> names = new ArrayList<>();
		expand(pattern, name -> {
			names.add(name);
			return "x";
		});
		return names;
	}

	static String expand(String pattern, Map<String, String> values) {
		return expand(pattern, name -> {
			var value = values.get(name);
			if (value == null) {
				throw new IllegalStateException("No value for {" + name + "} in " + pattern);
			}
			return value;
		});
	}

	private static String expand(String pattern, Function<String, String> values) {
		var out = new StringBuilder();
		int i = 0;
		while (i < pattern.length()) {
			char c = pattern.charAt(i);
			if (c != '{') {
				out.append(c);
				i++;
				continue;
			}
			int depth = 0;
			int end = i;
			for (; end < pattern.length(); end++) {
				if (pattern.charAt(end) == '{') {
					depth++;
				}
				else if (pattern.charAt(end) == '}' && --depth == 0) {
					break;
				}
			}
			var inside = pattern.substring(i + 1, end);
			var name = inside.contains(":") ? inside.substring(0, inside.indexOf(':')) : inside;
			out.append(values.apply(name));
			i = end + 1;
		}
		return out.toString();
	}
}
