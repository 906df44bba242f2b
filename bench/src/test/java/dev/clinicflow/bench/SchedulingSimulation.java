package dev.clinicflow.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The scheduling benchmark, run by {@code bench/run scheduling} against a server holding
 * the patients ({@code PatientData load}), doctors, cars and appointments
 * ({@code SchedulingData load}, which also wrote the feeders this simulation reads).
 * Phases one after the other, each bounded in time:
 * <ol>
 * <li>{@code warm-up}: a few virtual users do every kind of request as fast as the server
 * answers (the JIT compiles the request paths; not measured);</li>
 * <li>{@code booking}: {@code POST /api/v1/appointments} for free slots of the coming
 * weeks, under contention: the feeder (one queue shared by all virtual users) lists each
 * free slot twice in a row with two different patients, so two virtual users ask for it
 * at nearly the same moment; one gets 201, the other 409 {@code slot_taken}, and both are
 * correct answers (counted apart). {@code bookingUsers} virtual users send as fast as the
 * server answers: the throughput;</li>
 * <li>{@code booking paced}: the same, {@code bookingPacedUsers} users offering
 * {@code bookingRate} requests/s together: the latency at the goal's rate;</li>
 * <li>{@code slots: doctor day}: {@code GET /api/v1/doctors/{id}/slots?date=} for a random
 * doctor and a weekday of the next 30 days;</li>
 * <li>{@code dashboard: day}: {@code GET /api/v1/dashboard/appointments?date=} for a
 * weekday within 30 days of today;</li>
 * <li>{@code stats: doctor by month}:
 * {@code GET /api/v1/appointments/stats/doctor/{id}?groupBy=month&limit=10}.</li>
 * </ol>
 * The last three are paced ({@code queryUsers} users offering their rate, with random
 * offsets), as in {@link PatientSimulation}. All requests carry the tenant admin's token,
 * obtained once (and again after 10 minutes: tokens last 15), so that bcrypt logins do
 * not take CPU from the measured phases. Settings are system properties {@code bench.X} or
 * environment variables {@code BENCH_X}, as in {@link ClinicflowSimulation}.
 */
public class SchedulingSimulation extends Simulation {

	static final String BASE_URL = ClinicflowSimulation.setting("baseUrl", "http://127.0.0.1:18080");

	static final String TENANT = ClinicflowSimulation.setting("schedulingTenant", "bench-scheduling");

	static final String ADMIN_EMAIL = ClinicflowSimulation.setting("patientAdminEmail", "admin@patients.bench.test");

	static final String ADMIN_PASSWORD = ClinicflowSimulation.setting("patientAdminPassword", "correct-horse-battery");

	static final String FEEDERS = ClinicflowSimulation.setting("schedulingFeeders", "target/bench/scheduling");

	static final int WARMUP_USERS = Integer.parseInt(ClinicflowSimulation.setting("schedulingWarmupUsers", "16"));

	static final int WARMUP_SECONDS = Integer.parseInt(ClinicflowSimulation.setting("schedulingWarmupSeconds", "60"));

	static final int BOOKING_USERS = Integer.parseInt(ClinicflowSimulation.setting("bookingUsers", "32"));

	static final int BOOKING_SECONDS = Integer.parseInt(ClinicflowSimulation.setting("bookingSeconds", "30"));

	static final int BOOKING_PACED_USERS = Integer.parseInt(ClinicflowSimulation.setting("bookingPacedUsers", "64"));

	static final double BOOKING_RATE = Double.parseDouble(ClinicflowSimulation.setting("bookingRate", "500"));

	static final int BOOKING_PACED_SECONDS = Integer
		.parseInt(ClinicflowSimulation.setting("bookingPacedSeconds", "30"));

	static final int QUERY_USERS = Integer.parseInt(ClinicflowSimulation.setting("queryUsers", "2"));

	static final int QUERY_SECONDS = Integer.parseInt(ClinicflowSimulation.setting("querySeconds", "30"));

	static final double SLOTS_RATE = Double.parseDouble(ClinicflowSimulation.setting("slotsRate", "20"));

	static final double DASHBOARD_RATE = Double.parseDouble(ClinicflowSimulation.setting("dashboardRate", "5"));

	static final double STATS_RATE = Double.parseDouble(ClinicflowSimulation.setting("doctorStatsRate", "20"));

	/** Request names to run (comma-separated prefixes), all when empty. */
	static final String ONLY = ClinicflowSimulation.setting("schedulingOnly", "");

	static final String WINDOWS_FILE = ClinicflowSimulation.setting("windowsFile", "");

	static final Map<String, AtomicLong[]> WINDOWS = new ConcurrentHashMap<>();

	/** What each phase offered, in requests per second (paced phases). */
	static final Map<String, Double> OFFERED = new LinkedHashMap<>();

	/** Per booking phase: answers 201 (booked) and 409 slot_taken (lost the race). */
	static final Map<String, AtomicLong[]> OUTCOMES = new ConcurrentHashMap<>();

	/** How many booking requests found the feeder used up (and reused a slot). */
	static final AtomicLong FEEDER_WRAPS = new AtomicLong();

	HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.userAgentHeader("clinicflow-bench")
		.disableCaching();

	static List<Map<String, Object>> records(String file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(Path.of(FEEDERS, file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no feeder " + Path.of(FEEDERS, file) + " (SchedulingData load writes it)",
					ex);
		}
		String[] header = lines.getFirst().split(",", -1);
		List<Map<String, Object>> records = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] values = line.split(",", -1);
			Map<String, Object> record = new LinkedHashMap<>();
			for (int i = 0; i < header.length; i++) {
				record.put(header[i], values[i]);
			}
			records.add(record);
		}
		if (records.isEmpty()) {
			throw new IllegalStateException("the feeder " + file + " is empty");
		}
		return records;
	}

	/** The records in order, from the start again when used up. */
	static Iterator<Map<String, Object>> circular(List<Map<String, Object>> records, AtomicLong wraps) {
		AtomicInteger next = new AtomicInteger();
		return Stream.generate(() -> {
			int i = next.getAndIncrement();
			if (wraps != null && i >= records.size() && i % records.size() == 0) {
				wraps.incrementAndGet();
			}
			return records.get(Math.floorMod(i, records.size()));
		}).iterator();
	}

	/** The admin's token: one login for the whole run, again after 10 minutes. */
	static final class Token {

		private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		private static String token;

		private static long obtainedAt;

		static synchronized String current() {
			if (token == null || System.nanoTime() - obtainedAt > Duration.ofMinutes(10).toNanos()) {
				String body = "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\",\"tenant\":\""
						+ TENANT + "\"}";
				try {
					HttpResponse<String> response = CLIENT.send(
							HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/auth/login"))
								.timeout(Duration.ofSeconds(30))
								.header("Content-Type", "application/json")
								.POST(HttpRequest.BodyPublishers.ofString(body))
								.build(),
							HttpResponse.BodyHandlers.ofString());
					Matcher matcher = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
					if (response.statusCode() != 200 || !matcher.find()) {
						throw new IllegalStateException(
								"admin login failed: " + response.statusCode() + " " + response.body());
					}
					token = matcher.group(1);
					obtainedAt = System.nanoTime();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
			return token;
		}

	}

	static ChainBuilder withToken() {
		return exec((session) -> session.set("token", Token.current()));
	}

	static HttpRequestActionBuilder book(String name) {
		return http(name).post("/api/v1/appointments")
			.header("Authorization", "Bearer #{token}")
			.body(StringBody("{\"patientId\":\"#{patientId}\",\"doctorId\":\"#{doctorId}\",\"start\":\"#{start}\","
					+ "\"reason\":\"Consulta de rotina\"}"))
			.check(status().in(201, 409).saveAs("status"))
			.checkIf((response, session) -> response.status().code() == 201)
			.then(jmesPath("status").is("SCHEDULED"), jmesPath("doctorId").isEL("#{doctorId}"))
			.checkIf((response, session) -> response.status().code() == 409)
			.then(jmesPath("code").is("slot_taken"));
	}

	/** Books, and counts the outcome under the phase's name. */
	static ChainBuilder booking(String name) {
		AtomicLong[] outcomes = OUTCOMES.computeIfAbsent(name, (key) -> new AtomicLong[] { new AtomicLong(),
				new AtomicLong() });
		return exec(book(name)).exec((session) -> {
			if (session.contains("status")) {
				(session.getInt("status") == 201 ? outcomes[0] : outcomes[1]).incrementAndGet();
			}
			return session.remove("status");
		});
	}

	static HttpRequestActionBuilder slots(String name) {
		return http(name).get("/api/v1/doctors/#{doctorId}/slots")
			.queryParam("date", "#{date}")
			.header("Authorization", "Bearer #{token}")
			.check(status().is(200))
			.check(jmesPath("doctorId").isEL("#{doctorId}"))
			.check(jmesPath("slots").exists());
	}

	static HttpRequestActionBuilder dashboard(String name) {
		return http(name).get("/api/v1/dashboard/appointments")
			.queryParam("date", "#{date}")
			.header("Authorization", "Bearer #{token}")
			.check(status().is(200))
			.check(jmesPath("date").isEL("#{date}"))
			.check(jmesPath("length(resources)").ofInt().gt(0));
	}

	static HttpRequestActionBuilder stats(String name) {
		return http(name).get("/api/v1/appointments/stats/doctor/#{doctorId}")
			.queryParam("groupBy", "month")
			.queryParam("limit", "10")
			.header("Authorization", "Bearer #{token}")
			.check(status().is(200))
			.check(jmesPath("length(buckets)").ofInt().is(10));
	}

	static boolean selected(String name) {
		if (ONLY.isBlank()) {
			return true;
		}
		return Stream.of(ONLY.split(","))
			.map(String::trim)
			.anyMatch((prefix) -> !prefix.isEmpty() && name.startsWith(prefix));
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

	static PopulationBuilder paced(String name, int users, double rate, int seconds, ChainBuilder body) {
		Duration period = Duration.ofMillis(Math.max(1, Math.round(1000.0 * users / rate)));
		OFFERED.put(name, users * 1000.0 / period.toMillis());
		return scenario(name).exec(withToken())
			.pause(Duration.ZERO, period)
			.exec(during(Duration.ofSeconds(seconds)).on(pace(period).exec(withToken()).exec(body)))
			.injectOpen(atOnceUsers(users));
	}

	static PopulationBuilder unpaced(String name, int users, int seconds, ChainBuilder body) {
		return scenario(name).exec(withToken())
			.exec(during(Duration.ofSeconds(seconds)).on(exec(withToken()).exec(body)))
			.injectOpen(atOnceUsers(users));
	}

	{
		Iterator<Map<String, Object>> bookings = circular(records("booking.csv"), FEEDER_WRAPS);
		Iterator<Map<String, Object>> slotDays = circular(records("slots.csv"), null);
		Iterator<Map<String, Object>> days = circular(records("dashboard.csv"), null);
		Iterator<Map<String, Object>> doctors = circular(records("stats.csv"), null);
		Token.current();
		List<PopulationBuilder> populations = new ArrayList<>();
		long total = 0;
		if (WARMUP_SECONDS > 0) {
			ChainBuilder all = exec((session) -> session);
			if (selected("booking")) {
				all = all.feed(bookings).exec(book("warm-up")).exec((session) -> session.remove("status"));
			}
			if (selected("slots:")) {
				all = all.feed(slotDays).exec(slots("warm-up"));
			}
			if (selected("dashboard:")) {
				all = all.feed(days).exec(dashboard("warm-up"));
			}
			if (selected("stats:")) {
				all = all.feed(doctors).exec(stats("warm-up"));
			}
			populations.add(unpaced("warm-up", WARMUP_USERS, WARMUP_SECONDS, all));
			total += WARMUP_SECONDS;
		}
		if (selected("booking")) {
			populations.add(unpaced("booking", BOOKING_USERS, BOOKING_SECONDS,
					exec((session) -> session).feed(bookings).exec(timed("booking", booking("booking")))));
			populations.add(paced("booking paced", BOOKING_PACED_USERS, BOOKING_RATE, BOOKING_PACED_SECONDS,
					exec((session) -> session).feed(bookings)
						.exec(timed("booking paced", booking("booking paced")))));
			total += BOOKING_SECONDS + BOOKING_PACED_SECONDS;
		}
		if (selected("slots:")) {
			String name = "slots: doctor day";
			populations.add(paced(name, QUERY_USERS, SLOTS_RATE, QUERY_SECONDS,
					exec((session) -> session).feed(slotDays).exec(timed(name, exec(slots(name))))));
			total += QUERY_SECONDS;
		}
		if (selected("dashboard:")) {
			String name = "dashboard: day";
			populations.add(paced(name, QUERY_USERS, DASHBOARD_RATE, QUERY_SECONDS,
					exec((session) -> session).feed(days).exec(timed(name, exec(dashboard(name))))));
			total += QUERY_SECONDS;
		}
		if (selected("stats:")) {
			String name = "stats: doctor by month";
			populations.add(paced(name, QUERY_USERS, STATS_RATE, QUERY_SECONDS,
					exec((session) -> session).feed(doctors).exec(timed(name, exec(stats(name))))));
			total += QUERY_SECONDS;
		}
		if (populations.isEmpty()) {
			throw new IllegalArgumentException("no phase selected by " + ONLY);
		}
		PopulationBuilder chain = populations.getLast();
		for (int i = populations.size() - 2; i >= 0; i--) {
			chain = populations.get(i).andThen(chain);
		}
		System.out.printf(
				"clinicflow-bench: %s, tenant %s; booking: %d users unpaced for %d s, then %d users at %.0f requests/s "
						+ "for %d s; slots %.0f/s, dashboard %.0f/s, stats %.0f/s with %d users for %d s each "
						+ "(warm-up %d users, %d s)%n",
				BASE_URL, TENANT, BOOKING_USERS, BOOKING_SECONDS, BOOKING_PACED_USERS, BOOKING_RATE,
				BOOKING_PACED_SECONDS, SLOTS_RATE, DASHBOARD_RATE, STATS_RATE, QUERY_USERS, QUERY_SECONDS,
				WARMUP_USERS, WARMUP_SECONDS);
		setUp(chain).protocols(this.protocol).maxDuration(Duration.ofSeconds(total + 60L * populations.size() + 300));
	}

	@Override
	public void after() {
		if (WINDOWS_FILE.isBlank()) {
			return;
		}
		StringBuilder out = new StringBuilder("# first send and last receive per request, epoch ms; offered rates; "
				+ "booking outcomes\n");
		OFFERED.forEach((name, rate) -> out.append(key(name)).append(".offeredPerSecond=").append(rate).append('\n'));
		OUTCOMES.forEach((name, outcomes) -> {
			out.append(key(name)).append(".booked=").append(outcomes[0].get()).append('\n');
			out.append(key(name)).append(".slotTaken=").append(outcomes[1].get()).append('\n');
		});
		out.append("bookingFeederWraps=").append(FEEDER_WRAPS.get()).append('\n');
		WINDOWS.forEach((name, window) -> {
			if (window[0].get() != Long.MAX_VALUE && window[1].get() != Long.MIN_VALUE) {
				out.append(key(name)).append(".start=").append(window[0].get()).append('\n');
				out.append(key(name)).append(".end=").append(window[1].get()).append('\n');
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

	static String key(String name) {
		return name.replace(" ", "\\ ").replace(":", "\\:");
	}

}
