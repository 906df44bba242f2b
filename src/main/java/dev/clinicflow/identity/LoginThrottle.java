package dev.clinicflow.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing: five failed logins for one e-mail from one address within
 * fifteen minutes, and further attempts wait. The same applies to e-mails that have no
 * account, so the throttle does not reveal which ones exist. Buckets live in memory per
 * instance (see docs/decisions/0004-login-throttle.md).
 */
@Component
class LoginThrottle {

	static final int ATTEMPTS = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(WINDOW.toMinutes(), TimeUnit.MINUTES)
		.build();

	private final TimeMeter time;

	LoginThrottle(Clock clock) {
		this.time = new ClockTimeMeter(clock);
	}

	/** Refuses the attempt while the e-mail and address have no failures left. */
	void check(String email, String clientIp) {
		Bucket bucket = this.buckets.getIfPresent(key(email, clientIp));
		if (bucket != null && bucket.getAvailableTokens() < 1) {
			long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
			throw AccountException.tooManyAttempts(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos) + 1));
		}
	}

	/** Counts a failed attempt. */
	void failed(String email, String clientIp) {
		ConsumptionProbe probe = this.buckets.get(key(email, clientIp), (key) -> newBucket())
			.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw AccountException.tooManyAttempts(TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
		}
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(ATTEMPTS).refillIntervally(ATTEMPTS, WINDOW).build())
			.withCustomTimePrecision(this.time)
			.build();
	}

	private static String key(String email, String clientIp) {
		return email.trim().toLowerCase(Locale.ROOT) + "|" + clientIp;
	}

	/** Lets the injected clock drive the buckets, so that tests can move time. */
	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			return TimeUnit.MILLISECONDS.toNanos(this.clock.millis());
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
