package dk.helhed.browser;

import static dk.helhed.browser.Citizens.fillIn;
import static dk.helhed.browser.Citizens.findByCpr;
import static dk.helhed.browser.Citizens.openCitizens;
import static dk.helhed.browser.Staff.as;
import static dk.helhed.browser.Staff.press;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.convention.TestBean;

import dk.helhed.support.StaffFixture;
import dk.helhed.catalog.Services;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.LegalBasisCode;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.EmergencyWork;
import dk.helhed.citizen.internal.NoteWriting;
import dk.helhed.citizen.internal.Registration;
import dk.helhed.citizen.internal.SharingBases;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.citizen.internal.SharingBases.NewConsent;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.support.SyntheticCpr;

/**
 * The case-work pages in every state a caseworker, a team lead and the data-protection officer meet them in (with
 * results, with mistakes, with everything a citizen's page can hold), on a desktop-sized and on a phone-sized screen:
 * axe-core finds no WCAG 2.1 AA violation, and nothing on a phone needs scrolling sideways.
 */
@OnChromium
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CaseWorkPagesAreAccessibleBrowserTests implements EveryStateIsAccessible {

	/** A citizen of the job centre and Visitation, with notes, a consent and a legal basis. */
	private static final String CITIZEN = "Tilgængelig Testesen (syntetisk)";

	/** A citizen only the job centre works with, whom a caseworker in Visitation sees through emergency access. */
	private static final String EMERGENCY_CITIZEN = "Nødsituation Testesen (syntetisk)";

	@RegisterExtension
	static final Browsers browsers = new Browsers();

	/** The citizens to show, made once through case work as the staff would (see {@link #citizensToShow()}). */
	private static Fixture fixture;

	private record Fixture(String cpr, UUID citizen, UUID anonymousContact, UUID emergencyCitizen, String unknownCpr) {
	}

	/** A state of a page: its name, who sees it, and how a person gets there from anywhere. */

	@TestBean(name = "clock", methodName = "dk.helhed.browser.Staff#fixedClock")
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	StaffFixture demo;

	@Autowired
	Registration registration;

	@Autowired
	NoteWriting noteWriting;

	@Autowired
	SharingBases sharing;

	@Autowired
	EmergencyWork emergencyWork;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Municipalities municipalities;

	@Autowired
	Services services;

	@BeforeEach
	void citizensToShow() {
		if (fixture != null) {
			return;
		}
		var jobCentre = demo.staff(Staff.JOB_CENTRE);
		var lead = demo.staff(Staff.TEAM_LEAD);
		var today = LocalDate.now(clock);
		var cpr = SyntheticCpr.random();
		var citizen = registration.registerIdentified(jobCentre,
				new NewCitizen(cpr, CITIZEN, "20 00 00 02", "tilgaengelig@example.invalid", "Testvej 2, 6200 Aabenraa",
						"dansk"))
			.id();
		registration.registerIdentified(lead, new NewCitizen(cpr, CITIZEN, null, null, null, null));
		var mentor = services.activeOf(jobCentre.municipalityId())
			.stream()
			.filter(service -> service.name().equals("Beskæftigelsesrettet mentor"))
			.findFirst()
			.orElseThrow();
		noteWriting.writeNote(jobCentre, citizen, InformationCategory.EMPLOYMENT,
				"Møder sin mentor hver uge; vil gerne i praktik. (syntetisk)", mentor.id());
		sharing.recordConsent(jobCentre, citizen, new NewConsent("Koordineret hjælp til bolig og job",
				Set.of(InformationCategory.EMPLOYMENT, InformationCategory.HOUSING),
				List.of(new Recipient(demo.unit("visitation"), null)), today, today.plusYears(1), GivenHow.WRITTEN));
		noteWriting.writeNote(lead, citizen, InformationCategory.HOUSING,
				"Sover hos en ven;\nhar brug for hjælp til at finde egen bolig. (syntetisk)", null);
		sharing.recordLegalBasis(lead, citizen, LegalBasisCode.RETSPLEJELOVEN_115, Set.of(InformationCategory.HOUSING),
				new Recipient(demo.unit("jobcenteret"), null), today.plusMonths(6));

		var anonymous = registration.registerAnonymous(lead, "Fyrtårnet (syntetisk)", 1971).id();

		var emergencyCpr = SyntheticCpr.random();
		var emergencyCitizen = registration.registerIdentified(jobCentre,
				new NewCitizen(emergencyCpr, EMERGENCY_CITIZEN, null, null, null, null))
			.id();
		emergencyWork.emergencyAccessByCpr(demo.staff(Staff.HOUSING), emergencyCpr,
				"Borgeren er faldet om i vores venteværelse og skal have hjælp nu.");

		fixture = new Fixture(cpr, citizen, anonymous, emergencyCitizen, cpr.substring(0, 7) + "0000");
	}

	@Override
	public Browsers browsers() {
		return browsers;
	}

	@Override
	public int port() {
		return port;
	}

	/** The case-work pages, in the states worth checking, grouped by who sees them so that few logins are needed. */
	static Stream<StaffPageState> states() {
		return Stream.of(
				new StaffPageState("finding and registering citizens", Staff.JOB_CENTRE, Citizens::openCitizens),
				new StaffPageState("a search by CPR number with a result", Staff.JOB_CENTRE,
						browser -> assertThat(findByCpr(browser, fixture.cpr())).containsExactly(CITIZEN)),
				new StaffPageState("a search by name with results", Staff.JOB_CENTRE, browser -> {
					openCitizens(browser);
					fillIn(browser, "#f-search-name", "Testesen");
					browser.andWaitForNewPage(() -> press(browser, "Søg på navn"));
					assertThat(browser.findAll(".citizen-list li")).hasSizeGreaterThan(1);
				}),
				new StaffPageState("a search by CPR number that finds no one, offering emergency access", Staff.JOB_CENTRE,
						browser -> {
							assertThat(findByCpr(browser, fixture.unknownCpr())).isEmpty();
							assertThat(browser.findAll("#f-emergency-reason")).hasSize(1);
						}),
				new StaffPageState("the emergency access form with a mistake", Staff.JOB_CENTRE, browser -> {
					findByCpr(browser, fixture.unknownCpr());
					fillIn(browser, "#f-emergency-reason", "Akut");
					browser.andWaitForNewPage(() -> press(browser, "Bed om nødadgang"));
					assertThat(browser.findAll(".error-summary li")).hasSize(1);
				}),
				new StaffPageState("the registration forms with mistakes", Staff.JOB_CENTRE, browser -> {
					openCitizens(browser);
					fillIn(browser, "#f-identified-cpr", "310691-1234");
					fillIn(browser, "#f-identified-email", "ikke en adresse");
					browser.andWaitForNewPage(() -> press(browser, "Registrér borger"));
					assertThat(browser.findAll(".error-summary li")).hasSize(2);
				}),
				new StaffPageState("a citizen's page with notes, consent, legal basis and every form", Staff.TEAM_LEAD,
						browser -> {
							openCitizen(browser, fixture.citizen());
							assertThat(browser.findAll("article.note")).hasSize(2);
							assertThat(browser.findAll("form#f-note, form#f-consent, form#f-basis")).hasSize(3);
						}),
				new StaffPageState("a citizen's page with mistakes in the note form", Staff.TEAM_LEAD, browser -> {
					openCitizen(browser, fixture.citizen());
					browser.andWaitForNewPage(() -> press(browser, "Gem notat"));
					assertThat(browser.findAll(".error-summary li")).hasSize(2);
				}),
				new StaffPageState("a citizen's page with mistakes in the consent form", Staff.TEAM_LEAD, browser -> {
					openCitizen(browser, fixture.citizen());
					browser.find("#f-consent-givenOn").clear();
					browser.andWaitForNewPage(() -> press(browser, "Registrér samtykke"));
					assertThat(browser.findAll(".error-summary li")).hasSize(5);
				}),
				new StaffPageState("a citizen's page with mistakes in the legal basis form", Staff.TEAM_LEAD, browser -> {
					openCitizen(browser, fixture.citizen());
					browser.andWaitForNewPage(() -> press(browser, "Registrér lovgrundlag"));
					assertThat(browser.findAll(".error-summary li")).hasSize(4);
				}),
				new StaffPageState("an anonymous contact's page", Staff.TEAM_LEAD, browser -> {
					openCitizen(browser, fixture.anonymousContact());
					assertThat(browser.findAll("#f-join-cpr")).hasSize(1);
				}),
				new StaffPageState("the emergency accesses in the team lead's units", Staff.TEAM_LEAD, browser -> {
					browser.open("/personale/noedadgang");
					assertThat(browser.text("main table")).contains("faldet om i vores venteværelse");
				}),
				new StaffPageState("a citizen's page seen through emergency access", Staff.HOUSING, browser -> {
					openCitizen(browser, fixture.emergencyCitizen());
					assertThat(browser.text("main .notice.emergency")).startsWith("Du ser siden gennem nødadgang");
				}),
				new StaffPageState("the audit log with results", Staff.DATA_PROTECTION_OFFICER, browser -> {
					browser.open("/personale/revision");
					fillIn(browser, "#f-audit-cpr", fixture.cpr());
					browser.andWaitForNewPage(() -> press(browser, "Søg i revisionssporet"));
					assertThat(browser.findAll("main table tbody tr")).hasSizeGreaterThan(3);
				}),
				new StaffPageState("the audit log search with mistakes", Staff.DATA_PROTECTION_OFFICER, browser -> {
					browser.open("/personale/revision");
					fillIn(browser, "#f-audit-cpr", "123");
					browser.andWaitForNewPage(() -> press(browser, "Søg i revisionssporet"));
					assertThat(browser.findAll(".error-summary li")).hasSize(1);
				}),
				new StaffPageState("a citizen's access account", Staff.DATA_PROTECTION_OFFICER, browser -> {
					browser.open("/personale/aktindsigt");
					fillIn(browser, "#f-account-cpr", fixture.cpr());
					browser.andWaitForNewPage(() -> press(browser, "Vis oversigt"));
					assertThat(browser.findAll(".access-letter li")).hasSizeGreaterThan(3);
				}),
				new StaffPageState("the access account for a CPR number the municipality does not know",
						Staff.DATA_PROTECTION_OFFICER, browser -> {
							browser.open("/personale/aktindsigt");
							fillIn(browser, "#f-account-cpr", fixture.unknownCpr());
							browser.andWaitForNewPage(() -> press(browser, "Vis oversigt"));
							assertThat(browser.findAll(".error-summary li")).hasSize(1);
						}));
	}

	private static void openCitizen(Browser browser, UUID id) {
		browser.open("/personale/borgere/" + id);
		assertThat(browser.findAll("h1")).as("the citizen's page").hasSize(1);
	}


}
