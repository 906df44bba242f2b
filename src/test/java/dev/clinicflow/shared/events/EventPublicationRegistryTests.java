package dev.clinicflow.shared.events;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.clinicflow.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EventPublicationRegistryTests extends ApiTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	ProbeEvents.FlakyListener listener;

	@Test
	void aFailedListenerStaysRecordedAndIsRetried() {
		UUID id = UUID.randomUUID();
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(new ProbeEvents.Probed(id)));

		await().atMost(Duration.ofSeconds(20)).until(() -> this.listener.failedOnce(id));
		await().atMost(Duration.ofSeconds(20)).until(() -> publication(id).equals("FAILED"));
		assertThat(this.listener.handled(id)).isFalse();

		this.incomplete.resubmitIncompletePublications(
				(publication) -> publication.getEvent() instanceof ProbeEvents.Probed probed && probed.id().equals(id));

		await().atMost(Duration.ofSeconds(20)).until(() -> this.listener.handled(id));
		await().atMost(Duration.ofSeconds(20)).until(() -> publication(id).equals("COMPLETED"));
	}

	@Test
	void recurringJobsAreScheduledInTheDatabase() {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					this.jdbc.sql("select task_name from shared.scheduled_tasks").query(String.class).list())
				.contains("retry-incomplete-events", "purge-completed-events", "purge-idempotency-keys",
						"purge-expired-refresh-tokens"));
	}

	/**
	 * The stored state of the event's publication: its status, or COMPLETED once done.
	 */
	private String publication(UUID id) {
		return this.jdbc.sql("""
				select case when completion_date is not null then 'COMPLETED' else coalesce(status, 'PUBLISHED') end
				from shared.event_publication where serialized_event like ?""")
			.param("%" + id + "%")
			.query(String.class)
			.optional()
			.orElse("NONE");
	}

}
