package dk.helhed.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import dk.helhed.support.StaffFixture;
import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditLog;
import dk.helhed.catalog.internal.CatalogEditing;
import dk.helhed.catalog.internal.Catalogs;
import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.LegalBasisCode;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.internal.CaseReading;
import dk.helhed.citizen.internal.DataProtection;
import dk.helhed.citizen.internal.EmergencyWork;
import dk.helhed.citizen.internal.Finding;
import dk.helhed.citizen.internal.NoteWriting;
import dk.helhed.citizen.internal.Registration;
import dk.helhed.citizen.internal.SharingBases;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.citizen.internal.SharingBases.NewConsent;
import dk.helhed.identity.StaffMember;
import dk.helhed.municipality.Municipalities;
import dk.helhed.platform.InvalidRequestException;
import dk.helhed.platform.NotFoundException;

/**
 * Case work across units around one citizen, as the issue describes it: the job centre registers the citizen and
 * records consent to share employment and housing information with Visitation & Understøttelse; Visitation sees the
 * housing note, not the addiction centre's note; after the citizen withdraws consent, Visitation sees nothing more;
 * the data-protection officer finds it all in the audit log; the citizen's access account lists units and dates.
 * Runs on H2 and on PostgreSQL. All citizens are synthetic.
 */
abstract class CaseWorkTests {

	@Autowired
	StaffFixture demo;

	@Autowired
	Registration registration;

	@Autowired
	SharingBases sharing;

	@Autowired
	NoteWriting noteWriting;

	@Autowired
	CaseReading reading;

	@Autowired
	Finding finding;

	@Autowired
	DataProtection dataProtection;

	@Autowired
	EmergencyWork emergencyWork;

	@Autowired
	AuditLog auditLog;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Municipalities municipalities;

	@Autowired
	Catalogs catalogs;

	@Autowired
	CatalogEditing editing;

	@Autowired
	JdbcClient jdbc;

	/** The application's clock: its day is Copenhagen's, which is not the machine's between 23 and 24 UTC. */
	@Autowired
	Clock clock;

	LocalDate today() {
		return LocalDate.now(clock);
	}



	/** A synthetic CPR number nobody else in the test uses: a real date, an unused serial. */
	static String syntheticCpr() {
		var serial = 1000 + (int) (Math.random() * 8999);
		var day = 1 + (int) (Math.random() * 28);
		return String.format("%02d0385-%04d", day, serial);
	}

	@Test
	void sharingAcrossUnitsFollowsTheCitizensConsent() {
		var jobCentre = demo.staff("jobcenter");
		var housing = demo.staff("boligsag");
		var addiction = demo.staff("rusmiddel");
		var cpr = syntheticCpr();

		var citizen = registration.registerIdentified(jobCentre, new NewCitizen(cpr, "Testborger Jensen (syntetisk)",
				"20 30 40 50", null, null, "dansk"));
		var consent = sharing.recordConsent(jobCentre, citizen.id(), new NewConsent("Koordineret hjælp til bolig og job",
				Set.of(InformationCategory.EMPLOYMENT, InformationCategory.HOUSING),
				List.of(new Recipient(demo.unit("visitation"), null)), today(), today().plusYears(1),
				GivenHow.WRITTEN));
		noteWriting.writeNote(jobCentre, citizen.id(), InformationCategory.EMPLOYMENT, "Vil gerne i praktik.", null);
		noteWriting.writeNote(jobCentre, citizen.id(), InformationCategory.HOUSING, "Bor hos en ven, skal finde bolig.",
				null);
		registration.registerIdentified(addiction, new NewCitizen(cpr, "Testborger Jensen (syntetisk)", null, null, null,
				null));
		noteWriting.writeNote(addiction, citizen.id(), InformationCategory.ADDICTION, "Går til samtaler hver uge.", null);

		var seenByHousing = reading.open(housing, citizen.id());
		assertThat(seenByHousing.notes()).extracting(CaseRecords.Note::category)
			.contains(InformationCategory.HOUSING, InformationCategory.EMPLOYMENT)
			.doesNotContain(InformationCategory.ADDICTION);
		assertThat(reading.open(jobCentre, citizen.id()).notes()).extracting(CaseRecords.Note::category)
			.as("the job centre sees its own notes, not the addiction centre's")
			.containsOnly(InformationCategory.EMPLOYMENT, InformationCategory.HOUSING);
		assertThat(reading.open(addiction, citizen.id()).notes()).extracting(CaseRecords.Note::category)
			.containsOnly(InformationCategory.ADDICTION);

		sharing.withdrawConsent(jobCentre, citizen.id(), consent, "Borgeren ringede og sagde nej tak.");

		assertThatThrownBy(() -> reading.open(housing, citizen.id())).isInstanceOf(NotFoundException.class);
		assertThat(finding.findByCpr(housing, cpr)).isEmpty();

		var log = auditLog.search(new AuditLog.Query(jobCentre.municipalityId(), citizen.id(), null, null, null, null,
				100));
		assertThat(log).extracting(AuditEvent::actorName).contains("jobcenter", "boligsag", "rusmiddel");
		assertThat(log).filteredOn(event -> event.actorName().equals("boligsag"))
			.extracting(AuditEvent::outcome)
			.contains(AuditEvent.Outcome.ALLOWED, AuditEvent.Outcome.REFUSED);
		assertThat(log).filteredOn(event -> event.actorName().equals("boligsag")
				&& event.outcome() == AuditEvent.Outcome.ALLOWED)
			.allSatisfy(event -> {
				assertThat(event.basis()).isEqualTo(AuditEvent.Basis.CONSENT);
				assertThat(event.basisRef()).isEqualTo(consent.toString());
			});
		assertThat(log).allSatisfy(event -> assertThat(String.valueOf(event.criterion()) + event.resource()
				+ event.category()).doesNotContain(cpr.replace("-", "")).doesNotContain("praktik"));

		var account = dataProtection.accessAccount(demo.staff("dpo"), cpr);
		assertThat(account).extracting(DataProtection.AccessLine::party)
			.contains("Jobcenteret", "Visitation & Understøttelse", "Rusmiddelcenter Aabenraa");
		assertThat(account).extracting(DataProtection.AccessLine::date).contains(today());
	}

	@Test
	void aNewColleagueSeesNoCitizensUntilAssigned() {
		var cpr = syntheticCpr();
		var citizen = registration.registerIdentified(demo.staff("jobcenter"), new NewCitizen(cpr, "Testborger Ny (syntetisk)",
				null, null, null, null));
		var newcomer = demo.staff("nyansat");
		assertThat(finding.findByCpr(newcomer, cpr)).isEmpty();
		assertThat(finding.findByName(newcomer, "Testborger")).isEmpty();
		assertThatThrownBy(() -> reading.open(newcomer, citizen.id())).isInstanceOf(NotFoundException.class);
	}

	@Test
	void anotherMunicipalityCannotSeeTheCitizenEvenWithTheId() {
		var citizen = registration.registerIdentified(demo.staff("jobcenter"), new NewCitizen(syntheticCpr(),
				"Testborger Anden (syntetisk)", null, null, null, null));
		assertThatThrownBy(() -> reading.open(demo.staff("sagsbehandler-aarhus"), citizen.id()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void aPartnerOrganisationSeesOnlyWhatTheConsentGivesIt() {
		var jobCentre = demo.staff("jobcenter");
		var blueCross = demo.staff("blaakors");
		var citizen = registration.registerIdentified(jobCentre, new NewCitizen(syntheticCpr(),
				"Testborger Blå (syntetisk)", null, null, null, null));
		noteWriting.writeNote(jobCentre, citizen.id(), InformationCategory.HOUSING, "Har fået bolig.", null);
		noteWriting.writeNote(jobCentre, citizen.id(), InformationCategory.FINANCES, "Har gæld.", null);
		assertThatThrownBy(() -> reading.open(blueCross, citizen.id())).isInstanceOf(NotFoundException.class);

		var blueCrossId = municipalities.partnersOf(jobCentre.municipalityId())
			.stream()
			.filter(partner -> partner.key().equals("blaa-kors"))
			.findFirst()
			.orElseThrow()
			.id();
		sharing.recordConsent(jobCentre, citizen.id(), new NewConsent("Støtte på værestedet",
				Set.of(InformationCategory.HOUSING), List.of(new Recipient(null, blueCrossId)), today(),
				today().plusMonths(6), GivenHow.VERBAL));

		assertThat(reading.open(blueCross, citizen.id()).notes()).extracting(CaseRecords.Note::category)
			.containsOnly(InformationCategory.HOUSING);
	}

	@Test
	void expiredConsentGivesNothing() {
		var jobCentre = demo.staff("jobcenter");
		var citizen = registration.registerIdentified(jobCentre, new NewCitizen(syntheticCpr(),
				"Testborger Udløbet (syntetisk)", null, null, null, null));
		noteWriting.writeNote(jobCentre, citizen.id(), InformationCategory.HOUSING, "Note.", null);
		var consent = sharing.recordConsent(jobCentre, citizen.id(), new NewConsent("Boligsag",
				Set.of(InformationCategory.HOUSING), List.of(new Recipient(demo.unit("visitation"), null)),
				today().minusDays(10), today().minusDays(10), GivenHow.WRITTEN));
		assertThat(consent).isNotNull();
		jdbc.sql("update consent set expires_on = ? where id = ?").params(today().minusDays(1), consent).update();

		assertThatThrownBy(() -> reading.open(demo.staff("boligsag"), citizen.id())).isInstanceOf(NotFoundException.class);
	}

	@Test
	void onlyTeamLeadsRecordALegalBasisAndItIsAudited() {
		var lead = demo.staff("teamleder");
		var caseworker = demo.staff("boligsag");
		var citizen = registration.registerIdentified(lead, new NewCitizen(syntheticCpr(), "Testborger PSP (syntetisk)",
				null, null, null, null));
		noteWriting.writeNote(lead, citizen.id(), InformationCategory.HOUSING, "Husvild.", null);
		var jobCentreUnit = new Recipient(demo.unit("jobcenteret"), null);

		assertThatThrownBy(() -> sharing.recordLegalBasis(caseworker, citizen.id(), LegalBasisCode.RETSPLEJELOVEN_115,
				Set.of(InformationCategory.HOUSING), jobCentreUnit, today().plusMonths(3)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> reading.open(demo.staff("jobcenter"), citizen.id())).isInstanceOf(NotFoundException.class);

		sharing.recordLegalBasis(lead, citizen.id(), LegalBasisCode.RETSPLEJELOVEN_115,
				Set.of(InformationCategory.HOUSING), jobCentreUnit, today().plusMonths(3));

		assertThat(reading.open(demo.staff("jobcenter"), citizen.id()).notes()).extracting(CaseRecords.Note::category)
			.containsOnly(InformationCategory.HOUSING);
		assertThat(auditLog.search(new AuditLog.Query(lead.municipalityId(), citizen.id(), null, null, null, null, 50)))
			.anySatisfy(event -> {
				assertThat(event.basis()).isEqualTo(AuditEvent.Basis.LEGAL_BASIS);
				assertThat(event.basisRef()).isEqualTo("RETSPLEJELOVEN_115");
				assertThat(event.actorName()).isEqualTo("jobcenter");
			});
	}

	@Test
	void notesAreRefusedForServicesThatKeepNoRecords() {
		var jobCentre = demo.staff("jobcenter");
		var citizen = registration.registerIdentified(jobCentre, new NewCitizen(syntheticCpr(),
				"Testborger Pårørende (syntetisk)", null, null, null, null));
		var counsellor = catalogs.of("aabenraa").service("paaroerenderaadgiver").orElseThrow();
		assertThat(counsellor.keepsNoRecords()).isTrue();

		assertThatThrownBy(() -> noteWriting.writeNote(jobCentre, citizen.id(), InformationCategory.NOTES,
				"Talte med rådgiveren.", counsellor.id()))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("fører ikke optegnelser");
		assertThat(reading.open(jobCentre, citizen.id()).notes()).isEmpty();
	}

	@Test
	void aNoteNamesOnlyAServiceTheMunicipalityOffersNow() {
		var jobCentre = demo.staff("jobcenter");
		var citizen = registration.registerIdentified(jobCentre, new NewCitizen(syntheticCpr(),
				"Testborger Udfaset (syntetisk)", null, null, null, null));
		var mothers = catalogs.of("aabenraa").service("job-til-mor").orElseThrow().id();

		assertThatThrownBy(() -> noteWriting.writeNote(jobCentre, citizen.id(), InformationCategory.EMPLOYMENT,
				"Et notat.", UUID.randomUUID()))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessage("Indsatsen findes ikke i kommunens katalog.");
		var editor = demo.staff("redaktoer");
		editing.retire(editor, mothers);
		try {
			assertThatThrownBy(() -> noteWriting.writeNote(jobCentre, citizen.id(), InformationCategory.EMPLOYMENT,
					"Et notat.", mothers))
				.isInstanceOf(InvalidRequestException.class)
				.hasMessageContaining("er udfaset");
		}
		finally {
			editing.restore(editor, mothers);
		}
		assertThat(reading.open(jobCentre, citizen.id()).notes()).isEmpty();

		noteWriting.writeNote(jobCentre, citizen.id(), InformationCategory.EMPLOYMENT, "Starter i Job til Mor.", mothers);
		assertThat(reading.open(jobCentre, citizen.id()).notes()).singleElement()
			.satisfies(note -> assertThat(note.serviceId()).isEqualTo(mothers));
	}

	@Test
	void criminalMattersNeedTheirOwnPermission() {
		var jobCentre = demo.staff("jobcenter");
		var citizen = registration.registerIdentified(jobCentre, new NewCitizen(syntheticCpr(),
				"Testborger Dom (syntetisk)", null, null, null, null));
		assertThatThrownBy(() -> noteWriting.writeNote(jobCentre, citizen.id(), InformationCategory.CRIMINAL,
				"Afsoner dom.", null))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void cprNumbersAreValidatedAndStoredEncrypted() {
		var jobCentre = demo.staff("jobcenter");
		assertThatThrownBy(() -> registration.registerIdentified(jobCentre, new NewCitizen("310290-1234", "X", null, null,
				null, null)))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("fødselsdato");
		assertThatThrownBy(() -> registration.registerIdentified(jobCentre, new NewCitizen("12345", "X", null, null, null,
				null)))
			.isInstanceOf(InvalidRequestException.class);
		var cpr = syntheticCpr();
		var citizen = registration.registerIdentified(jobCentre, new NewCitizen(cpr, "Testborger Krypt (syntetisk)", null,
				null, null, null));

		var stored = jdbc.sql("select cpr_encrypted, cpr_hash from citizen where id = ?")
			.param(citizen.id())
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.single();
		assertThat(stored).doesNotContain(cpr.replace("-", "")).doesNotContain(cpr);
		assertThat(citizen.maskedCpr()).isEqualTo(cpr.substring(0, 6) + "-xxxx");
		assertThat(finding.findByCpr(jobCentre, cpr)).extracting(CaseRecords.Citizen::id).containsExactly(citizen.id());
	}

	@Test
	void anAnonymousContactJoinsTheIdentifiedRecord() {
		var outreach = demo.staff("udsatte");
		var anonymous = registration.registerAnonymous(outreach, "Manden ved havnen", 1970);
		noteWriting.writeNote(outreach, anonymous.id(), InformationCategory.HOUSING, "Sover i bil.", null);
		var identified = registration.registerIdentified(outreach, new NewCitizen(syntheticCpr(),
				"Testborger Havn (syntetisk)", null, null, null, null));

		registration.joinAnonymous(outreach, anonymous.id(), identified.id());

		assertThat(reading.open(outreach, identified.id()).notes()).extracting(CaseRecords.Note::text)
			.contains("Sover i bil.");
	}

	@Test
	void emergencyAccessNeedsAReasonIsFlaggedAndShownToTheLead() {
		var citizen = registration.registerIdentified(demo.staff("jobcenter"), new NewCitizen(syntheticCpr(),
				"Testborger Nød (syntetisk)", null, null, null, null));
		var colleague = demo.staff("boligsag");
		assertThatThrownBy(() -> emergencyWork.emergencyAccess(colleague, citizen.id(), "kort"))
			.isInstanceOf(InvalidRequestException.class);

		var access = emergencyWork.emergencyAccess(colleague, citizen.id(),
				"Borgeren er mødt op akut husvild og kan ikke selv redegøre for sin situation.");

		assertThat(reading.open(colleague, citizen.id()).emergency()).isNotNull();
		assertThat(emergencyWork.emergencyAccessesToReview(demo.staff("teamleder"))).extracting(CaseRecords.EmergencyAccess::id)
			.contains(access.id());
		assertThat(auditLog.search(new AuditLog.Query(colleague.municipalityId(), citizen.id(), colleague.id(),
				AuditEvent.Action.EMERGENCY_ACCESS, null, null, 10)))
			.isNotEmpty()
			.allSatisfy(event -> assertThat(event.basis()).isEqualTo(AuditEvent.Basis.EMERGENCY));
	}

	@Test
	void hostileInputIsRefusedAndNothingIsStored() {
		var jobCentre = demo.staff("jobcenter");
		int before = jdbc.sql("select count(*) from citizen").query(Integer.class).single();
		for (var name : List.of("", "x".repeat(100_000), "Navn\u0000nul", "<script>alert(1)</script>\nlinje")) {
			assertThatThrownBy(() -> registration.registerIdentified(jobCentre, new NewCitizen(syntheticCpr(), name, null,
					null, null, null)))
				.isInstanceOf(InvalidRequestException.class);
		}
		for (var cpr : List.of("'; drop table citizen; --", "999999-9999", "", "0101011234567", "01-01-01-1234")) {
			assertThatThrownBy(() -> registration.registerIdentified(jobCentre, new NewCitizen(cpr, "X", null, null, null,
					null)))
				.isInstanceOf(InvalidRequestException.class);
		}
		assertThat(jdbc.sql("select count(*) from citizen").query(Integer.class).single()).isEqualTo(before);
	}
}
