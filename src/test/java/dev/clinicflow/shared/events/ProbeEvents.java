package dev.clinicflow.shared.events;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A test event and a listener that fails on its first delivery of each event, to prove
 * that the event publication registry keeps failed deliveries and retries them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProbeEvents {

	@Bean
	FlakyListener flakyProbeListener() {
		return new FlakyListener();
	}

	/** The event: an id and nothing else. */
	public record Probed(UUID id) {
	}

	/** Fails the first delivery of every event, succeeds afterwards. */
	public static class FlakyListener {

		private final Set<UUID> failed = ConcurrentHashMap.newKeySet();

		private final Set<UUID> handled = ConcurrentHashMap.newKeySet();

		@ApplicationModuleListener
		public void on(Probed event) {
			if (this.failed.add(event.id())) {
				throw new IllegalStateException("first delivery of " + event.id() + " fails on purpose");
			}
			this.handled.add(event.id());
		}

		public boolean failedOnce(UUID id) {
			return this.failed.contains(id);
		}

		public boolean handled(UUID id) {
			return this.handled.contains(id);
		}

	}

}
