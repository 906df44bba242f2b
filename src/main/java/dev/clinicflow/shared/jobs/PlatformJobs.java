package dev.clinicflow.shared.jobs;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Recurring platform housekeeping, run by db-scheduler: once per interval across all
 * instances, surviving restarts.
 */
@Configuration(proxyBeanMethods = false)
class PlatformJobs {

	private static final Logger log = LoggerFactory.getLogger(PlatformJobs.class);

	/** Listeners that failed (or whose instance died) are retried after this long. */
	static final Duration EVENT_RETRY_AFTER = Duration.ofMinutes(5);

	@Bean
	RecurringTask<Void> retryIncompleteEvents(IncompleteEventPublications publications) {
		return Tasks.recurring("retry-incomplete-events", FixedDelay.ofMinutes(1))
			.execute((instance, context) -> publications.resubmitIncompletePublicationsOlderThan(EVENT_RETRY_AFTER));
	}

	/**
	 * Completed event publications are kept this long (to see what ran when), then
	 * deleted: the registry would otherwise grow by a row per event for ever.
	 */
	static final Duration COMPLETED_EVENTS_KEPT = Duration.ofDays(7);

	@Bean
	RecurringTask<Void> purgeCompletedEvents(CompletedEventPublications publications) {
		return Tasks.recurring("purge-completed-events", FixedDelay.ofHours(1))
			.execute((instance, context) -> publications.deletePublicationsOlderThan(COMPLETED_EVENTS_KEPT));
	}

	@Bean
	RecurringTask<Void> purgeIdempotencyKeys(JdbcClient jdbc, Clock clock) {
		return Tasks.recurring("purge-idempotency-keys", FixedDelay.ofHours(1)).execute((instance, context) -> {
			Integer purged = jdbc.sql("select shared.purge_idempotency_keys(?)")
				.param(java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
				.query(Integer.class)
				.single();
			log.info("Purged {} idempotency keys older than a day", purged);
		});
	}

}
