package dk.helhed.platform;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.Utils;

/**
 * Scheduled jobs (purging the audit log, retention, expiring offers) take a lock in the database, so that when several
 * instances run side by side each job runs once. Turned off with {@code helhed.scheduling.enabled=false}.
 *
 * <p>A lock is kept for at least {@code helhed.scheduling.lock-at-least-for} (one minute) after the job has started,
 * even when the job is done sooner. Without it a job that takes milliseconds ran twice: the other instance's trigger
 * for the same time fires a little later (up to half a second on a busy machine), finds the lock already released,
 * and runs the job again (scripts/cluster.sh, three jobs every 15 s on two instances for 7 minutes: 26 of 87 ran
 * twice). The minute must stay shorter than the shortest schedule (the offer expiry, every 10 minutes) and longer than
 * the instances' clocks and triggers differ.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "helhed.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M",
		defaultLockAtLeastFor = "${helhed.scheduling.lock-at-least-for:PT1M}")
class SchedulingConfiguration {

	/**
	 * The lock's {@code locked_by} names the host, as ShedLock does by default, and the instance when
	 * {@code helhed.instance-id} is set, so that the table tells instances on one host apart.
	 */
	@Bean
	LockProvider lockProvider(DataSource dataSource, @Value("${helhed.instance-id:}") String instanceId) {
		var host = Utils.getHostname();
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withLockedByValue(instanceId.isBlank() ? host : host + "/" + instanceId)
			.usingDbTime()
			.build());
	}
}
