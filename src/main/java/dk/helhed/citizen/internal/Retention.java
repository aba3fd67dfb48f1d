package dk.helhed.citizen.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dk.helhed.audit.ActingRole;
import dk.helhed.audit.AuditEvent;
import dk.helhed.audit.AuditLog;
import dk.helhed.citizen.CitizenRecordErased;
import dk.helhed.citizen.InformationCategory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * When a closed citizen record's retention periods end, its information goes (security.md item 11): the notes of each
 * category when that category's period ends; when every period has ended, the person's identity is anonymised and
 * consents, legal bases, emergency-access reasons, the units' involvement and ended holds are deleted, and
 * {@link CitizenRecordErased} tells the other modules to erase what they hold about the citizen (plans, assessments,
 * referrals, decisions, places) in the same transaction. A recorded retention hold stops it all. Every deletion is
 * audited. One citizen per transaction, so a failure anywhere leaves no half-erased record; the other citizens are
 * still erased, and the failed one is tried again the next night.
 */
@Component
class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final JdbcClient jdbc;
	private final CitizenStore store;
	private final AuditLog audit;
	private final RetentionSettings settings;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Retention(JdbcClient jdbc, CitizenStore store, AuditLog audit, RetentionSettings settings,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.store = store;
		this.audit = audit;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(cron = "${helhed.retention.cron:0 45 3 * * *}", zone = "Europe/Copenhagen")
	@SchedulerLock(name = "citizen-retention")
	void nightly() {
		var outcome = run();
		log.info("Retention: deleted {} notes, anonymised {} citizens, {} failed and were rolled back",
				outcome.notesDeleted(), outcome.citizensAnonymised(), outcome.failed());
	}

	/** @param failed citizens whose erasure failed and was rolled back as a whole */
	record Outcome(int notesDeleted, int citizensAnonymised, int failed) {

		Outcome(int notesDeleted, int citizensAnonymised) {
			this(notesDeleted, citizensAnonymised, 0);
		}
	}

	Outcome run() {
		var today = LocalDate.now(clock);
		int notes = 0;
		int anonymised = 0;
		int failed = 0;
		for (var citizen : store.closedBefore(today)) {
			try {
				var result = transactions.execute(status -> apply(citizen, today));
				notes += result.notesDeleted();
				anonymised += result.citizensAnonymised();
			}
			catch (RuntimeException ex) {
				// no personal data in the log: the exception's message may hold some
				log.warn("Retention: one citizen's erasure failed and was rolled back: {}",
						ex.getClass().getSimpleName());
				failed++;
			}
		}
		return new Outcome(notes, anonymised, failed);
	}

	private Outcome apply(CitizenStore.Row citizen, LocalDate today) {
		if (onHold(citizen, today)) {
			return new Outcome(0, 0);
		}
		var months = months(citizen.municipalityId());
		int deleted = 0;
		for (var category : InformationCategory.values()) {
			if (!citizen.closedOn().plusMonths(months.get(category)).isBefore(today)) {
				continue;
			}
			int removed = jdbc.sql("delete from case_note where municipality_id = ? and citizen_id = ? and category = ?")
				.params(citizen.municipalityId(), citizen.id(), category.name())
				.update();
			if (removed > 0) {
				deleted += removed;
				audit.record(event(citizen, category.name().toLowerCase(), "notes deleted: " + removed));
			}
		}
		var longest = months.values().stream().mapToInt(Integer::intValue).max().orElse(settings.defaultMonths());
		if (!citizen.closedOn().plusMonths(longest).isBefore(today)) {
			return new Outcome(deleted, 0);
		}
		var id = citizen.id();
		var municipality = citizen.municipalityId();
		jdbc.sql("delete from consent_confirmation where municipality_id = ? and consent_id in (select id from consent "
				+ "where citizen_id = ?)")
			.params(municipality, id)
			.update();
		jdbc.sql("delete from case_notice where municipality_id = ? and citizen_id = ?").params(municipality, id).update();
		jdbc.sql("delete from consent_recipient where consent_id in (select id from consent where citizen_id = ?)")
			.param(id)
			.update();
		jdbc.sql("delete from consent where municipality_id = ? and citizen_id = ?").params(municipality, id).update();
		jdbc.sql("delete from legal_basis where municipality_id = ? and citizen_id = ?").params(municipality, id).update();
		jdbc.sql("delete from emergency_access where municipality_id = ? and citizen_id = ?")
			.params(municipality, id)
			.update();
		jdbc.sql("delete from case_note where municipality_id = ? and citizen_id = ?").params(municipality, id).update();
		jdbc.sql("delete from involvement where municipality_id = ? and citizen_id = ?").params(municipality, id).update();
		// only ended holds are left here: a hold in force stopped the erasure above
		jdbc.sql("delete from retention_hold where municipality_id = ? and citizen_id = ?")
			.params(municipality, id)
			.update();
		jdbc.sql("""
				update citizen set status = 'ANONYMISED', cpr_encrypted = null, cpr_hash = null, name = null,
				                   pseudonym = null, phone = null, email = null, address = null, preferred_language = null,
				                   closed_reason = null,
				                   version = version + 1
				where municipality_id = ? and id = ?""")
			.params(municipality, id)
			.update();
		// the other modules erase what they hold in this same transaction; if one fails, all of this rolls back
		events.publishEvent(new CitizenRecordErased(municipality, id, clock.instant()));
		audit.record(event(citizen, null, "citizen anonymised"));
		return new Outcome(deleted, 1);
	}

	private boolean onHold(CitizenStore.Row citizen, LocalDate today) {
		return jdbc.sql("""
				select count(*) from retention_hold
				where municipality_id = ? and citizen_id = ? and (until is null or until >= ?)""")
			.params(citizen.municipalityId(), citizen.id(), today)
			.query(Integer.class)
			.single() > 0;
	}

	private Map<InformationCategory, Integer> months(UUID municipalityId) {
		Map<InformationCategory, Integer> months = new HashMap<>();
		for (var category : InformationCategory.values()) {
			months.put(category, settings.defaultMonths());
		}
		jdbc.sql("select category, months from retention_rule where municipality_id = ?")
			.param(municipalityId)
			.query((rs, n) -> months.put(InformationCategory.valueOf(rs.getString(1)), rs.getInt(2)))
			.list();
		return months;
	}

	private AuditEvent event(CitizenStore.Row citizen, String category, String resource) {
		return new AuditEvent(citizen.municipalityId(), clock.instant(), null, "helhed-sletning", null,
				ActingRole.SYSTEM, null, citizen.id(), AuditEvent.Action.DELETE, category, AuditEvent.Basis.LEGAL_BASIS, "opbevaringsregel",
				"sletning efter opbevaringsperiode", resource, null, AuditEvent.Outcome.ALLOWED);
	}
}
