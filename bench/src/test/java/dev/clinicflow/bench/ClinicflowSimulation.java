package dev.clinicflow.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The Clinicflow benchmark, run by {@code bench/run} against a server it started and
 * seeded. Two phases, one after the other, both bounded in time:
 * <ol>
 * <li><b>login</b>: {@code loginConcurrency} virtual users at all times, each logging in
 * once (bcrypt, slow by design) and leaving, for {@code loginSeconds}; reports login
 * throughput.</li>
 * <li><b>users-me</b>: {@code concurrency} virtual users, each logging in once (request
 * {@code users-me login}), then looping {@code GET /api/v1/users/me} with its bearer token:
 * first until a shared warm-up deadline (request {@code users-me warm-up}, not the figure
 * of merit), then for exactly {@code measureSeconds} (request {@code users-me}). A closed
 * model: it finds the throughput at that concurrency, and the latency that comes with it.</li>
 * <li><b>users-me paced</b>: right after, the same virtual users go on for
 * {@code rateSeconds}, each now sending one request every {@code concurrency / rate}
 * seconds (rounded down to the millisecond, so at least {@code rate} requests/s are offered
 * in all), with random offsets so that they do not send in bursts: the latency at the
 * goal's throughput. The concurrency stays bounded, so a server that cannot keep up shows
 * a lower rate rather than an avalanche of queued connections (an open model at a rate
 * the server cannot sustain queues thousands of requests on the database pool, and the
 * load generator runs out of file descriptors).</li>
 * </ol>
 * Every setting is a system property {@code bench.X} or an environment variable
 * {@code BENCH_X} (upper snake case), e.g. {@code -Dbench.baseUrl=...} or
 * {@code BENCH_BASE_URL=...}. The simulation writes, next to the Gatling report
 * directory, {@code windows.properties}: for each request name the first send and last
 * receive time in epoch milliseconds, from which the summary computes requests per second
 * over the time the request was really under load.
 */
public class ClinicflowSimulation extends Simulation {

	static final String BASE_URL = setting("baseUrl", "http://127.0.0.1:18080");

	static final String TENANT = setting("tenant", "bench-clinic");

	/** How many users {@code bench/run} created: u1..uN@bench.test. */
	static final int SEEDED_USERS = Integer.parseInt(setting("users", "200"));

	static final String PASSWORD_PREFIX = setting("passwordPrefix", "correct-horse-battery-");

	static final int LOGIN_CONCURRENCY = Integer.parseInt(setting("loginConcurrency", "8"));

	static final int LOGIN_SECONDS = Integer.parseInt(setting("loginSeconds", "20"));

	static final int CONCURRENCY = Integer.parseInt(setting("concurrency", "64"));

	static final int RAMP_SECONDS = Integer.parseInt(setting("rampSeconds", "5"));

	static final int WARMUP_SECONDS = Integer.parseInt(setting("warmupSeconds", "15"));

	static final int MEASURE_SECONDS = Integer.parseInt(setting("measureSeconds", "60"));

	static final int RATE = Integer.parseInt(setting("rate", "1500"));

	static final int RATE_SECONDS = Integer.parseInt(setting("rateSeconds", "30"));

	static final String WINDOWS_FILE = setting("windowsFile", "");

	/** First send and last receive, per request name. */
	static final Map<String, AtomicLong[]> WINDOWS = new ConcurrentHashMap<>();

	/** When the first users-me virtual user started; deadlines count from here. */
	static final AtomicLong USERS_ME_START = new AtomicLong();

	static final AtomicInteger NEXT_USER = new AtomicInteger();

	/** Each virtual user's period in the paced phase. */
	static final Duration PACE = Duration.ofMillis(Math.max(1, 1000L * CONCURRENCY / RATE));

	/** What the paced phase offers, at most: one request per user per period. */
	static final double OFFERED_RATE = CONCURRENCY * 1000.0 / PACE.toMillis();

	HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.userAgentHeader("clinicflow-bench")
		// The API answers GET /users/me with an ETag; a browser-like cache would turn most
		// requests into If-None-Match -> 304. Measure full answers.
		.disableCaching();

	/** Endless, round-robin over the seeded users. */
	Iterator<Map<String, Object>> users = Stream.generate(() -> {
		int n = Math.floorMod(NEXT_USER.getAndIncrement(), SEEDED_USERS) + 1;
		return Map.<String, Object>of("email", "u" + n + "@bench.test", "password", PASSWORD_PREFIX + n);
	}).iterator();

	static ChainBuilder login(String name) {
		return timed(name,
				exec(http(name).post("/api/v1/auth/login")
					.body(StringBody(
							"{\"email\":\"#{email}\",\"password\":\"#{password}\",\"tenant\":\"" + TENANT + "\"}"))
					.check(status().is(200))
					.check(jmesPath("accessToken").saveAs("token"))));
	}

	static ChainBuilder me(String name) {
		return timed(name,
				exec(http(name).get("/api/v1/users/me")
					.header("Authorization", "Bearer #{token}")
					.check(status().is(200))
					.check(jmesPath("email").isEL("#{email}"))));
	}

	/** Records, around the chain, the first send and the last receive for the name. */
	static ChainBuilder timed(String name, ChainBuilder chain) {
		AtomicLong[] window = WINDOWS.computeIfAbsent(name,
				(key) -> new AtomicLong[] { new AtomicLong(Long.MAX_VALUE), new AtomicLong(Long.MIN_VALUE) });
		return exec((session) -> {
			window[0].accumulateAndGet(System.currentTimeMillis(), Math::min);
			return session;
		}).exec(chain).exec((session) -> {
			window[1].accumulateAndGet(System.currentTimeMillis(), Math::max);
			return session;
		});
	}

	static long usersMeStart() {
		USERS_ME_START.compareAndSet(0, System.currentTimeMillis());
		return USERS_ME_START.get();
	}

	ScenarioBuilder loginScenario = scenario("login").feed(this.users).exec(login("login"));

	ScenarioBuilder usersMeScenario = scenario("users-me").exec((session) -> {
		usersMeStart();
		return session;
	})
		.feed(this.users)
		.exec(login("users-me login"))
		.exitHereIfFailed()
		.exec(asLongAs((session) -> System.currentTimeMillis() < usersMeStart() + WARMUP_SECONDS * 1000L)
			.on(me("users-me warm-up")))
		.exec(asLongAs((session) -> System.currentTimeMillis() < usersMeStart()
				+ (WARMUP_SECONDS + MEASURE_SECONDS) * 1000L)
			.on(me("users-me")))
		.pause(Duration.ZERO, PACE)
		.exec(asLongAs((session) -> System.currentTimeMillis() < usersMeStart()
				+ (WARMUP_SECONDS + MEASURE_SECONDS + RATE_SECONDS) * 1000L)
			.on(pace(PACE).exec(me("users-me paced"))));

	{
		System.out.printf(
				"clinicflow-bench: %s, tenant %s, %d seeded users; login: %d concurrent for %d s; "
						+ "users-me: %d users (ramp %d s), warm-up %d s, measured %d s; paced: %.0f/s for %d s%n",
				BASE_URL, TENANT, SEEDED_USERS, LOGIN_CONCURRENCY, LOGIN_SECONDS, CONCURRENCY, RAMP_SECONDS,
				WARMUP_SECONDS, MEASURE_SECONDS, OFFERED_RATE, RATE_SECONDS);
		setUp(this.loginScenario
			.injectClosed(constantConcurrentUsers(LOGIN_CONCURRENCY).during(Duration.ofSeconds(LOGIN_SECONDS)))
			.andThen(this.usersMeScenario.injectOpen(rampUsers(CONCURRENCY).during(Duration.ofSeconds(RAMP_SECONDS)))))
			.protocols(this.protocol)
			// A safety net: the phases end by themselves well before this.
			.maxDuration(Duration.ofSeconds(
					LOGIN_SECONDS + RAMP_SECONDS + WARMUP_SECONDS + MEASURE_SECONDS + RATE_SECONDS + 180L));
	}

	@Override
	public void after() {
		if (WINDOWS_FILE.isBlank()) {
			return;
		}
		StringBuilder out = new StringBuilder("# first send and last receive per request, epoch ms\n");
		out.append("users-me\\ paced.offeredPerSecond=").append(OFFERED_RATE).append('\n');
		WINDOWS.forEach((name, window) -> {
			if (window[0].get() != Long.MAX_VALUE && window[1].get() != Long.MIN_VALUE) {
				String key = name.replace(" ", "\\ ");
				out.append(key).append(".start=").append(window[0].get()).append('\n');
				out.append(key).append(".end=").append(window[1].get()).append('\n');
			}
		});
		try {
			Path file = Path.of(WINDOWS_FILE);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, out);
		}
		catch (IOException ex) {
			System.err.println("clinicflow-bench: could not write " + WINDOWS_FILE + ": " + ex);
		}
	}

	static String setting(String name, String fallback) {
		String value = System.getProperty("bench." + name);
		if (value == null || value.isBlank()) {
			value = System.getenv("BENCH_" + name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
		}
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
