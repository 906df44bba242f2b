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
import java.util.function.Function;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The patient registry benchmark, run by {@code bench/run patients} against a server into
 * which it loaded the patients ({@code PatientData load}, which also wrote the feeders this
 * simulation reads). One phase per kind of request, one after the other, each bounded in
 * time and paced: {@code users} virtual users each send one request every
 * {@code users / rate} seconds (so {@code rate} requests per second are offered), with
 * random offsets. A paced phase measures the latency at a realistic load rather than the
 * queue that forms when clients send as fast as the server answers; a server too slow for
 * the rate shows a lower achieved rate. Each virtual user logs in as the tenant's admin at
 * the start of its phase (request {@code login}, not a figure of merit), so no token
 * outlives its 15 minutes.
 * <ol>
 * <li>{@code warm-up}: CPF and phone lookups as fast as the server answers, then one
 * request of every kind (the JIT compiles the request path; not measured);</li>
 * <li>{@code name: ...}: {@code GET /api/v1/patients?q=...&limit=20} with a generated
 * patient's full name, first name and last surname, the same typed without accents (names
 * that have accents), with one typing mistake, and a single word (a first name or a
 * surname: the broadest search);</li>
 * <li>{@code cpf: digits}, {@code cpf: formatted}, {@code phone: E.164},
 * {@code phone: last 8 digits}: lookups that must find the patient (checked);</li>
 * <li>{@code filter: city+age+tag}: {@code GET /api/v1/patients?city=&ageMin=&ageMax=&tag=&limit=50}
 * with combinations drawn from patients (never empty), and {@code filter: random combination}
 * with each part drawn on its own (some are rare or empty);</li>
 * <li>{@code stats: all} and {@code stats: city}: {@code GET /api/v1/patients/stats},
 * unfiltered and for one city, at their own (lower) rate.</li>
 * </ol>
 * Settings are system properties {@code bench.X} or environment variables
 * {@code BENCH_X}, as in {@link ClinicflowSimulation}.
 */
public class PatientSimulation extends Simulation {

	static final String BASE_URL = ClinicflowSimulation.setting("baseUrl", "http://127.0.0.1:18080");

	static final String TENANT = ClinicflowSimulation.setting("patientTenant", "bench-patients");

	static final String ADMIN_EMAIL = ClinicflowSimulation.setting("patientAdminEmail", "admin@patients.bench.test");

	static final String ADMIN_PASSWORD = ClinicflowSimulation.setting("patientAdminPassword", "correct-horse-battery");

	static final String FEEDERS = ClinicflowSimulation.setting("feeders", "target/bench/patients");

	static final int USERS = Integer.parseInt(ClinicflowSimulation.setting("patientUsers", "2"));

	static final double RATE = Double.parseDouble(ClinicflowSimulation.setting("patientRate", "10"));

	static final int SECONDS = Integer.parseInt(ClinicflowSimulation.setting("patientSeconds", "20"));

	static final int WARMUP_SECONDS = Integer.parseInt(ClinicflowSimulation.setting("patientWarmupSeconds", "30"));

	static final int STATS_USERS = Integer.parseInt(ClinicflowSimulation.setting("statsUsers", "1"));

	static final double STATS_RATE = Double.parseDouble(ClinicflowSimulation.setting("statsRate", "1"));

	static final int STATS_SECONDS = Integer.parseInt(ClinicflowSimulation.setting("statsSeconds", "40"));

	/** Request names to run (comma-separated prefixes), all when empty. */
	static final String ONLY = ClinicflowSimulation.setting("patientOnly", "");

	static final String WINDOWS_FILE = ClinicflowSimulation.setting("windowsFile", "");

	static final Map<String, AtomicLong[]> WINDOWS = new ConcurrentHashMap<>();

	/** What each phase offered, in requests per second. */
	static final Map<String, Double> OFFERED = new LinkedHashMap<>();

	HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.userAgentHeader("clinicflow-bench")
		.disableCaching();

	static Iterator<Map<String, Object>> feeder(String file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(Path.of(FEEDERS, file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no feeder " + Path.of(FEEDERS, file) + " (PatientData load writes it)", ex);
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
		AtomicInteger next = new AtomicInteger();
		return Stream.generate(() -> records.get(Math.floorMod(next.getAndIncrement(), records.size()))).iterator();
	}

	static ChainBuilder login() {
		return exec(http("login").post("/api/v1/auth/login")
			.body(StringBody("{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\",\"tenant\":\""
					+ TENANT + "\"}"))
			.check(status().is(200))
			.check(jmesPath("accessToken").saveAs("token")));
	}

	static HttpRequestActionBuilder search(String name) {
		return http(name).get("/api/v1/patients").header("Authorization", "Bearer #{token}").check(status().is(200));
	}

	/** The kinds of request, by name: feeder file and request. */
	static Map<String, Phase> phases() {
		Map<String, Phase> phases = new LinkedHashMap<>();
		for (String[] kind : new String[][] { { "name: full name", "full" }, { "name: first + last", "firstLast" },
				{ "name: accent-free", "accentFree" }, { "name: one typo", "typo" },
				{ "name: one word", "oneWord" } }) {
			phases.put(kind[0], new Phase("names.csv", false, (name) -> search(name).queryParam("q", "#{" + kind[1] + "}")
				.queryParam("limit", "20")));
		}
		phases.put("cpf: digits", new Phase("lookups.csv", false, (name) -> search(name).queryParam("q", "#{cpf}")
			.queryParam("limit", "20")
			.check(jmesPath("items[0].cpf").isEL("#{cpf}"))));
		phases.put("cpf: formatted", new Phase("lookups.csv", false,
				(name) -> search(name).queryParam("q", "#{cpfFormatted}")
					.queryParam("limit", "20")
					.check(jmesPath("items[0].cpf").isEL("#{cpf}"))));
		phases.put("phone: E.164", new Phase("lookups.csv", false,
				(name) -> search(name).queryParam("q", "#{phoneE164}")
					.queryParam("limit", "20")
					.check(jmesPath("items[0].contacts[0].value").isEL("#{phoneE164}"))));
		phases.put("phone: last 8 digits", new Phase("lookups.csv", false,
				(name) -> search(name).queryParam("q", "#{phoneLast8}")
					.queryParam("limit", "20")
					.check(jmesPath("items[0].id").exists())));
		for (String[] kind : new String[][] { { "filter: city+age+tag", "filters.csv" },
				{ "filter: random combination", "filters-random.csv" } }) {
			phases.put(kind[0], new Phase(kind[1], false, (name) -> search(name).queryParam("city", "#{city}")
				.queryParam("ageMin", "#{ageMin}")
				.queryParam("ageMax", "#{ageMax}")
				.queryParam("tag", "#{tag}")
				.queryParam("limit", "50")));
		}
		phases.put("stats: all", new Phase("stats.csv", true, (name) -> http(name).get("/api/v1/patients/stats")
			.header("Authorization", "Bearer #{token}")
			.check(status().is(200))
			.check(jmesPath("total").exists())));
		phases.put("stats: city", new Phase("stats.csv", true, (name) -> http(name).get("/api/v1/patients/stats")
			.queryParam("city", "#{city}")
			.header("Authorization", "Bearer #{token}")
			.check(status().is(200))
			.check(jmesPath("total").exists())));
		return phases;
	}

	/** A kind of request: its feeder, whether it is paced as statistics, the request. */
	record Phase(String feeder, boolean stats, Function<String, HttpRequestActionBuilder> request) {
	}

	static boolean selected(String name) {
		if (ONLY.isBlank()) {
			return true;
		}
		return Stream.of(ONLY.split(",")).map(String::trim).anyMatch((prefix) -> !prefix.isEmpty() && name.startsWith(prefix));
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

	static PopulationBuilder population(String name, int users, double rate, int seconds, ChainBuilder body) {
		Duration period = Duration.ofMillis(Math.max(1, Math.round(1000.0 * users / rate)));
		OFFERED.put(name, users * 1000.0 / period.toMillis());
		return scenario(name).exec(login())
			.exitHereIfFailed()
			.pause(Duration.ZERO, period)
			.exec(during(Duration.ofSeconds(seconds)).on(pace(period).exec(body)))
			.injectOpen(atOnceUsers(users));
	}

	{
		Map<String, Phase> phases = phases();
		List<PopulationBuilder> populations = new ArrayList<>();
		if (WARMUP_SECONDS > 0) {
			// The JIT compiles the request path after some thousands of requests: CPF and phone
			// lookups, cheap, as fast as the server answers (not paced), then one request of
			// every other kind. Not measured.
			Iterator<Map<String, Object>> lookups = feeder("lookups.csv");
			ChainBuilder lookup = exec((session) -> session).feed(lookups)
				.exec(search("warm-up").queryParam("q", "#{cpf}").queryParam("limit", "20"))
				.exec(search("warm-up").queryParam("q", "#{phoneE164}").queryParam("limit", "20"));
			ChainBuilder once = exec((session) -> session);
			for (Map.Entry<String, Phase> phase : phases.entrySet()) {
				if (selected(phase.getKey())) {
					once = once.feed(feeder(phase.getValue().feeder())).exec(phase.getValue().request().apply("warm-up"));
				}
			}
			populations.add(scenario("warm-up").exec(login())
				.exitHereIfFailed()
				.exec(during(Duration.ofSeconds(WARMUP_SECONDS)).on(lookup))
				.exec(once)
				.injectOpen(atOnceUsers(USERS)));
		}
		for (Map.Entry<String, Phase> phase : phases.entrySet()) {
			String name = phase.getKey();
			if (!selected(name)) {
				continue;
			}
			Phase p = phase.getValue();
			ChainBuilder body = exec((session) -> session).feed(feeder(p.feeder()))
				.exec(timed(name, exec(p.request().apply(name))));
			populations.add(p.stats() ? population(name, STATS_USERS, STATS_RATE, STATS_SECONDS, body)
					: population(name, USERS, RATE, SECONDS, body));
		}
		if (populations.isEmpty()) {
			throw new IllegalArgumentException("no phase selected by " + ONLY);
		}
		PopulationBuilder chain = populations.getLast();
		for (int i = populations.size() - 2; i >= 0; i--) {
			chain = populations.get(i).andThen(chain);
		}
		long total = WARMUP_SECONDS;
		for (String name : OFFERED.keySet()) {
			total += name.startsWith("stats") ? STATS_SECONDS : SECONDS;
		}
		System.out.printf("clinicflow-bench: %s, tenant %s; %d phases, %d users at %.0f requests/s for %d s each "
				+ "(warm-up %d s); stats: %d users at %.1f requests/s for %d s%n", BASE_URL, TENANT, OFFERED.size(), USERS,
				RATE, SECONDS, WARMUP_SECONDS, STATS_USERS, STATS_RATE, STATS_SECONDS);
		setUp(chain).protocols(this.protocol).maxDuration(Duration.ofSeconds(total + 60L * OFFERED.size() + 300));
	}

	@Override
	public void after() {
		if (WINDOWS_FILE.isBlank()) {
			return;
		}
		StringBuilder out = new StringBuilder("# first send and last receive per request, epoch ms; offered rates\n");
		OFFERED.forEach((name, rate) -> out.append(name.replace(" ", "\\ ").replace(":", "\\:"))
			.append(".offeredPerSecond=")
			.append(rate)
			.append('\n'));
		WINDOWS.forEach((name, window) -> {
			if (window[0].get() != Long.MAX_VALUE && window[1].get() != Long.MIN_VALUE) {
				String key = name.replace(" ", "\\ ").replace(":", "\\:");
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

}
