package dk.helhed.citizen.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dk.helhed.citizen.CaseRecords.GivenHow;
import dk.helhed.citizen.DemoCitizensCreated;
import dk.helhed.citizen.CaseRecords.Recipient;
import dk.helhed.citizen.InformationCategory;
import dk.helhed.citizen.internal.Registration.NewCitizen;
import dk.helhed.citizen.internal.SharingBases.NewConsent;
import dk.helhed.identity.StaffMember;
import dk.helhed.identity.CurrentStaff;
import dk.helhed.municipality.Municipalities;

/**
 * Synthetic citizens in Aabenraa for trying the citizen pages with the demo accounts, created through
 * the case-work use cases (so the audit log is real) when demo data is enabled and none exist yet. Every row is marked
 * synthetic; the names end in "(syntetisk)".
 */
@Component
@Order(60)
class DemoCitizens implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCitizens.class);

	private final boolean enabled;
	private final Registration registration;
	private final SharingBases sharing;
	private final NoteWriting noteWriting;
	private final Municipalities municipalities;
	private final org.springframework.security.core.userdetails.UserDetailsService accounts;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	DemoCitizens(@Value("${helhed.demo.enabled:false}") boolean enabled, Registration registration, SharingBases sharing, NoteWriting noteWriting,
			Municipalities municipalities, org.springframework.security.core.userdetails.UserDetailsService accounts,
			JdbcClient jdbc, TransactionTemplate transactions, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.enabled = enabled;
		this.registration = registration;
		this.sharing = sharing;
		this.noteWriting = noteWriting;
		this.municipalities = municipalities;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		var aabenraa = municipalities.findBySlug("aabenraa");
		if (!enabled || aabenraa.isEmpty()) {
			return;
		}
		var municipalityId = aabenraa.get().id();
		boolean exists = jdbc.sql("select count(*) from citizen where municipality_id = ? and synthetic = true")
			.param(municipalityId)
			.query(Integer.class)
			.single() > 0;
		if (exists) {
			return;
		}
		transactions.executeWithoutResult(status -> create(municipalityId));
		log.info("Created synthetic demo citizens in Aabenraa");
	}

	private void create(UUID municipalityId) {
		var jobCentre = staff("jobcenter");
		var housing = staff("boligsag");
		var addiction = staff("rusmiddel");
		var outreach = staff("udsatte");
		var today = LocalDate.now(clock);

		// Jobcenteret and Rusmiddelcenteret both work with Mads; he consents to Visitation seeing housing and
		// employment notes, not the addiction centre's.
		var mads = registration.registerIdentified(jobCentre, new NewCitizen("120375-1234", "Mads Testesen (syntetisk)",
				"20 00 00 01", "mads.testesen@example.invalid", "Testvej 1, 6200 Aabenraa", "dansk"));
		sharing.recordConsent(jobCentre, mads.id(), new NewConsent("Koordineret hjælp til bolig og job",
				Set.of(InformationCategory.EMPLOYMENT, InformationCategory.HOUSING),
				List.of(new Recipient(unit(municipalityId, "visitation"), null)), today, today.plusYears(1),
				GivenHow.WRITTEN));
		noteWriting.writeNote(jobCentre, mads.id(), InformationCategory.EMPLOYMENT,
				"Ønsker praktik i et værksted. Aftalt opfølgning om to uger. (syntetisk)", null);
		noteWriting.writeNote(jobCentre, mads.id(), InformationCategory.HOUSING,
				"Sover hos en ven; har brug for hjælp til at finde egen bolig. (syntetisk)", null);
		registration.registerIdentified(addiction, new NewCitizen("120375-1234", "Mads Testesen (syntetisk)", null, null,
				null, null));
		noteWriting.writeNote(addiction, mads.id(), InformationCategory.ADDICTION,
				"Kommer til samtale hver tirsdag. (syntetisk)", null);

		// Sofie is only Visitation's citizen: the job centre does not see her, which is what emergency access is for.
		var sofie = registration.registerIdentified(housing, new NewCitizen("030482-2345", "Sofie Prøvesen (syntetisk)",
				null, null, "Prøvegade 2, 6200 Aabenraa", "dansk"));
		noteWriting.writeNote(housing, sofie.id(), InformationCategory.HOUSING,
				"Venter på en almen bolig; midlertidigt på herberg. (syntetisk)", null);
		noteWriting.writeNote(housing, sofie.id(), InformationCategory.FINANCES,
				"Har gæld til boligselskab; henvist til gældsrådgivning. (syntetisk)", null);

		// Ali is in treatment; the criminal-matters note needs its own permission to be seen.
		var ali = registration.registerIdentified(addiction, new NewCitizen("250990-3456", "Ali Eksempelsen (syntetisk)",
				null, null, null, "arabisk"));
		noteWriting.writeNote(addiction, ali.id(), InformationCategory.HEALTH,
				"Henvist til egen læge for søvnproblemer. (syntetisk)", null);
		noteWriting.writeNote(addiction, ali.id(), InformationCategory.CRIMINAL,
				"Har en betinget dom; samarbejde med Kriminalforsorgen. (syntetisk)", null);

		// An anonymous contact met by the outreach worker.
		var anonymous = registration.registerAnonymous(outreach, "Kaptajnen (syntetisk)", 1968);
		noteWriting.writeNote(outreach, anonymous.id(), InformationCategory.NOTES,
				"Mødt ved havnen; vil gerne have varm mad og en samtale igen. (syntetisk)", null);

		jdbc.sql("update citizen set synthetic = true where id in (?, ?, ?, ?)")
			.params(mads.id(), sofie.id(), ali.id(), anonymous.id())
			.update();
		events.publishEvent(new DemoCitizensCreated(municipalityId, java.util.Map.of("mads", mads.id(), "sofie",
				sofie.id(), "ali", ali.id(), "kaptajnen", anonymous.id())));
	}

	/** The demo account as a staff member, through the public identity API (the login's own principal). */
	private StaffMember staff(String username) {
		var account = accounts.loadUserByUsername(username);
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null,
				account.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return CurrentStaff.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private UUID unit(UUID municipalityId, String key) {
		return municipalities.unitsOf(municipalityId)
			.stream()
			.filter(unit -> unit.key().equals(key))
			.findFirst()
			.orElseThrow()
			.id();
	}
}
