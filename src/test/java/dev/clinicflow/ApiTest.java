package dev.clinicflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;

import dev.clinicflow.patients.ProbeSections;
import dev.clinicflow.shared.events.ProbeEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the API tests: the whole service on a random port over the embedded PostgreSQL
 * (one per test JVM, in a fresh temporary directory), called over real HTTP. Every test
 * registers its own tenant, so tests share no data and run in any order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, ProbeEvents.class, ProbeSections.class })
public abstract class ApiTest {

	private static final Path DATA_DIR = temporaryDataDir();

	@LocalServerPort
	int port;

	@Autowired
	protected TestClock clock;

	protected Api api;

	@DynamicPropertySource
	static void embeddedDatabase(DynamicPropertyRegistry registry) {
		registry.add("clinicflow.data-dir", DATA_DIR::toString);
		registry.add("clinicflow.cors-origins", () -> "https://app.clinicflow.test");
		registry.add("clinicflow.database.pool-timeout", () -> "2s");
		registry.add("clinicflow.database.embedded-shared-buffers", () -> "128MB");
	}

	@BeforeEach
	void client() {
		this.api = new Api("http://localhost:" + this.port);
	}

	private static Path temporaryDataDir() {
		try {
			Path dir = Files.createTempDirectory("clinicflow-test-");
			Runtime.getRuntime()
				.addShutdownHook(new Thread(() -> deleteOnceStopped(dir), "clinicflow-test-data-dir-cleanup"));
			return dir;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Deletes the test JVM's data dir as it exits, once the embedded PostgreSQL (which
	 * the application context stops in a shutdown hook of its own) has let go of it: the
	 * postmaster named in its {@code postmaster.pid} has exited. A server still running
	 * after 20 s keeps its dir.
	 */
	private static void deleteOnceStopped(Path dir) {
		Path pidFile = dir.resolve("postgres").resolve("postmaster.pid");
		try {
			if (Files.exists(pidFile)) {
				long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
				Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
				if (postmaster.isPresent()) {
					postmaster.get().onExit().get(20, TimeUnit.SECONDS);
				}
			}
			try (Stream<Path> paths = Files.walk(dir)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
		catch (IOException | RuntimeException | ExecutionException | TimeoutException ex) {
			// best effort: the JVM is exiting, and a server still running keeps its dir
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Returns the clock as the application sees it.
	 * @return the clock
	 */
	protected Clock applicationClock() {
		return this.clock;
	}

}
