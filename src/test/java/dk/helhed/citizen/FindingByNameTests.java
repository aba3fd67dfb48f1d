package dk.helhed.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.LegalBasisCode;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.internal.CaseReading;
import dk.helhed.citizen.internal.EmergencyWork;
import dk.helhed.citizen.internal.Finding;
import dk.helhed.citizen.internal.Registration;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.citizen.internal.SharingBases;
import dk.helhed.citizen.internal.SharingBases.NewConsent;
import dk.helhed.identity.StaffMember;
import dk.helhed.platform.NotFoundException;
import dk.helhed.support.StaffFixture;
import dk.helhed.support.SyntheticCpr;

/**
 * Finding by name asks the database for the citizens the staff member has a ground for (issue 9): for every demo
 * staff member, the citizens a name search finds are exactly those the access policy lets them open, across every
 * ground (own case, a consent's recipient, a withdrawn and an expired consent, a legal basis, a partner organisation
 * named by a consent, an emergency access) and none. All citizens are synthetic.
 */
@SpringBootTest
class FindingByNameTests {

	@Autowired
	StaffFixture demo;

	@Autowired
	Registration registration;

	@Autowired
	SharingBases sharing;

	@Autowired
	EmergencyWork emergencyWork;

	@Autowired
	Finding finding;

	@Autowired
	CaseReading reading;

	@Test
	void aNameSearchFindsExactlyTheCitizensTheStaffMemberMayOpen() {
		var token = "Navnesøg" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		var jobCentre = demo.staff("jobcenter");
		var lead = demo.staff("teamleder");
		var today = LocalDate.now();
		var visitation = new Recipient(demo.unit("visitation"), null);
		var addiction = new Recipient(demo.unit("rusmiddelcenter"), null);
		var blueCross = new Recipient(null, demo.staff("blaakors").partnerId());

		Map<String, UUID> citizens = new LinkedHashMap<>();
		for (var ground : List.of("own", "consent", "withdrawn", "expired", "legal", "partner", "emergency")) {
			var registrant = ground.equals("legal") ? lead : jobCentre;
			citizens.put(ground, registration.registerIdentified(registrant, new NewCitizen(SyntheticCpr.random(),
					token + " " + ground + " (syntetisk)", null, null, null, null)).id());
		}
		sharing.recordConsent(jobCentre, citizens.get("consent"), consent(visitation, today, today.plusMonths(6)));
		var withdrawn = sharing.recordConsent(jobCentre, citizens.get("withdrawn"),
				consent(addiction, today, today.plusMonths(6)));
		sharing.withdrawConsent(jobCentre, citizens.get("withdrawn"), withdrawn, "Borgeren vil ikke mere.");
		sharing.recordConsent(jobCentre, citizens.get("expired"), consent(addiction, today.minusYears(1),
				today.minusDays(1)));
		sharing.recordLegalBasis(lead, citizens.get("legal"), LegalBasisCode.RETSPLEJELOVEN_115,
				Set.of(InformationCategory.HOUSING), addiction, today.plusMonths(3));
		sharing.recordConsent(jobCentre, citizens.get("partner"), consent(blueCross, today, today.plusMonths(6)));
		emergencyWork.emergencyAccess(demo.staff("boligsag"), citizens.get("emergency"),
				"Borgeren er mødt op akut husvild og kan ikke selv redegøre for sin situation.");

		Set<UUID> seenBySomeone = new HashSet<>();
		int seeingNothing = 0;
		for (var username : List.of("jobcenter", "boligsag", "teamleder", "rusmiddel", "udsatte", "blaakors",
				"nyansat")) {
			var staff = demo.staff(username);
			var mayOpen = new HashSet<UUID>();
			citizens.values().stream().filter(id -> opens(staff, id)).forEach(mayOpen::add);
			var found = finding.findByName(staff, token).stream().map(CaseRecords.Citizen::id).toList();
			assertThat(found).as(username + " finds by name exactly whom they may open").doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(mayOpen);
			seenBySomeone.addAll(mayOpen);
			seeingNothing += mayOpen.isEmpty() ? 1 : 0;
		}
		assertThat(seenBySomeone).as("every ground lets someone find a citizen").containsAll(citizens.values());
		assertThat(seeingNothing).as("and someone finds none of them").isPositive();
		assertThat(opens(demo.staff("rusmiddel"), citizens.get("withdrawn"))).as("a withdrawn consent gives nothing")
			.isFalse();
	}

	private boolean opens(StaffMember staff, UUID citizenId) {
		try {
			reading.open(staff, citizenId);
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	private static NewConsent consent(Recipient recipient, LocalDate givenOn, LocalDate expiresOn) {
		return new NewConsent("Samarbejde om borgerens sag", EnumSet.of(InformationCategory.EMPLOYMENT),
				List.of(recipient), givenOn, expiresOn, GivenHow.WRITTEN);
	}

}
