package dk.helhed.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dk.helhed.audit.AuditLog;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Every night the audit log loses the rows older than each municipality's retention period.
 */
@Component
class AuditPurge {

	private static final Logger log = LoggerFactory.getLogger(AuditPurge.class);

	private final AuditLog auditLog;

	AuditPurge(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Scheduled(cron = "${helhed.audit.purge-cron:0 15 3 * * *}", zone = "Europe/Copenhagen")
	@SchedulerLock(name = "audit-purge")
	void purge() {
		var purged = auditLog.purge();
		log.info("Purged {} audit rows past their retention period", purged);
	}
}
