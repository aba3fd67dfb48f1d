package dk.helhed.citizen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.NoteWriting;
import dk.helhed.citizen.internal.Registration;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.citizen.internal.SharingBases;
import dk.helhed.citizen.internal.SharingBases.NewConsent;
import dk.helhed.support.QueryLog;
import dk.helhed.support.StaffFixture;
import dk.helhed.support.SyntheticCpr;

/**
 * Issue 9: opening a citizen and writing a note each read the citizen's case once (the row, its involvements,
 * consents with their recipients and confirmations, legal bases, emergency access, notes). The statements are
 * counted through HTTP, as a request sends them, and printed. The citizen is synthetic.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryLog.Config.class)
class OneCaseReadPerRequestTests {

	private static final List<String> CASE_TABLES = List.of("citizen", "involvement", "consent", "consent_recipient",
			"consent_confirmation", "legal_basis", "emergency_access");

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffFixture demo;

	@Autowired
	Registration registration;

	@Autowired
	SharingBases sharing;

	@Autowired
	NoteWriting noteWriting;

	UUID citizen;

	@BeforeEach
	void aCitizenWithANoteAndAConsent() {
		var jobCentre = demo.staff("jobcenter");
		citizen = registration.registerIdentified(jobCentre,
				new NewCitizen(SyntheticCpr.random(), "Tælle Forespørgsel (syntetisk)", null, null, null, null))
			.id();
		noteWriting.writeNote(jobCentre, citizen, InformationCategory.EMPLOYMENT, "Første samtale.", null);
		var today = LocalDate.now();
		sharing.recordConsent(jobCentre, citizen, new NewConsent("Boligsag", EnumSet.of(InformationCategory.HOUSING),
				List.of(new Recipient(demo.unit("visitation"), null)), today, today.plusMonths(6), GivenHow.WRITTEN));
	}

	@Test
	void openingACitizenReadsTheCaseOnce() throws Exception {
		var statements = counted(get("/personale/borgere/" + citizen), 200);
		assertOneReadOfEachCaseTable("opening a citizen", statements);
		assertThat(QueryLog.reads(statements, "case_note")).as("notes read").isEqualTo(1);
	}

	@Test
	void writingANoteReadsTheCaseOnce() throws Exception {
		var statements = counted(post("/personale/borgere/" + citizen + "/notater").param("category", "EMPLOYMENT")
			.param("text", "Anden samtale."), 302);
		assertOneReadOfEachCaseTable("writing a note", statements);
	}

	private List<String> counted(MockHttpServletRequestBuilder request, int status) throws Exception {
		var login = demo.login("jobcenter");
		QueryLog.listen();
		int answered;
		try {
			answered = mvc.perform(request.with(user(login)).with(csrf())).andReturn().getResponse().getStatus();
		}
		finally {
			statements = QueryLog.stop();
		}
		assertThat(answered).isEqualTo(status);
		return statements;
	}

	private List<String> statements;

	private static void assertOneReadOfEachCaseTable(String request, List<String> statements) {
		var selects = statements.stream().filter(sql -> sql.strip().toLowerCase().startsWith("select")).count();
		System.out.printf("%s: %d statements, %d selects%n", request, statements.size(), selects);
		CASE_TABLES.forEach(table -> System.out.printf("  reads of %s: %d%n", table, QueryLog.reads(statements, table)));
		for (var table : CASE_TABLES) {
			assertThat(QueryLog.reads(statements, table)).as(request + ": reads of " + table + " in " + statements)
				.isEqualTo(1);
		}
	}

}
