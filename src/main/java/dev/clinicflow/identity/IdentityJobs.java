package dev.clinicflow.identity;

import java.sql.Timestamp;
import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Identity housekeeping: expired refresh tokens are deleted hourly, across tenants.
 */
@Configuration(proxyBeanMethods = false)
class IdentityJobs {

	private static final Logger log = LoggerFactory.getLogger(IdentityJobs.class);

	@Bean
	RecurringTask<Void> purgeExpiredRefreshTokens(RefreshTokenPurge purge) {
		return Tasks.recurring("purge-expired-refresh-tokens", FixedDelay.ofHours(1))
			.execute((instance, context) -> log.info("Purged {} expired refresh tokens", purge.run()));
	}

	@Bean
	RefreshTokenPurge refreshTokenPurge(JdbcClient jdbc, Clock clock) {
		return new RefreshTokenPurge(jdbc, clock);
	}

	/** Deletes refresh tokens past their expiry; kept until then so reuse is detected. */
	record RefreshTokenPurge(JdbcClient jdbc, Clock clock) {

		int run() {
			return this.jdbc.sql("select identity.purge_refresh_tokens(?)")
				.param(Timestamp.from(this.clock.instant()))
				.query(Integer.class)
				.single();
		}

	}

}
