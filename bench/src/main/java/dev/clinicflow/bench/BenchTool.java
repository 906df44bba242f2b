package dev.clinicflow.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The plumbing of {@code bench/run}, in plain Java so that a machine with only a JDK and
 * Maven can run the benchmark (no curl or jq needed). Launched as a single source file
 * ({@code java BenchTool.java COMMAND --option value ...}); it uses only the JDK.
 * <ul>
 * <li>{@code wait-ready --url U --timeout-seconds S [--pid P]}: waits until
 * {@code GET U/actuator/health/readiness} answers UP; fails early if process P died.</li>
 * <li>{@code seed --url U --tenant SLUG --users N --password-prefix P [--threads T]}:
 * registers the tenant and its admin, creates users u1..uN@bench.test (role STAFF,
 * password P + i), then checks that u1 can log in and read {@code /api/v1/users/me}.</li>
 * <li>{@code summarize --results DIR --windows FILE --out DIR [--server-log FILE]
 * [--meta key=value]... [--scenario users|patients|scheduling]}: reads the newest Gatling report under DIR (its
 * {@code index.html} statistics table: Gatling 3.11+ writes no stats.json) and the
 * measurement windows the simulation wrote, and writes {@code summary.md} and
 * {@code summary.json} into the out directory.</li>
 * </ul>
 */
public final class BenchTool {

	/** The goal for {@code GET /api/v1/users/me}. */
	static final double GOAL_REQUESTS_PER_SECOND = 1500;

	static final double GOAL_P99_MS = 50;

	/** The closed-model phase: its throughput is held against the goal. */
	static final String THROUGHPUT_REQUEST = "users-me";

	/** The paced phase: its p99 at the offered rate is held against the goal. */
	static final String RATE_REQUEST = "users-me paced";

	private BenchTool() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			fail("usage: BenchTool wait-ready|seed|summarize --option value ...");
		}
		Options options = Options.parse(args);
		switch (args[0]) {
			case "wait-ready" -> waitReady(options);
			case "seed" -> seed(options);
			case "summarize" -> summarize(options);
			default -> fail("unknown command " + args[0]);
		}
	}

	// ---------------------------------------------------------------- wait-ready

	static void waitReady(Options options) throws InterruptedException {
		String url = options.required("url") + "/actuator/health/readiness";
		long timeout = Long.parseLong(options.get("timeout-seconds", "90"));
		String pid = options.get("pid", null);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long started = System.nanoTime();
		long deadline = started + Duration.ofSeconds(timeout).toNanos();
		String last = "no answer";
		while (System.nanoTime() < deadline) {
			if (pid != null && ProcessHandle.of(Long.parseLong(pid)).map((p) -> !p.isAlive()).orElse(true)) {
				fail("the server (pid " + pid + ") exited before it was ready");
			}
			try {
				HttpResponse<String> response = client.send(
						HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				last = response.statusCode() + " " + response.body();
				if (response.statusCode() == 200 && "UP".equals(Json.object(Json.parse(response.body())).get("status"))) {
					System.out.printf(Locale.ROOT, "bench: server ready after %.1f s%n",
							(System.nanoTime() - started) / 1e9);
					return;
				}
			}
			catch (IOException | RuntimeException ex) {
				last = ex.toString();
			}
			Thread.sleep(500);
		}
		fail("the server was not ready within " + timeout + " s (last answer: " + last + ")");
	}

	// ---------------------------------------------------------------- seed

	static void seed(Options options) throws Exception {
		String url = options.required("url");
		String tenant = options.get("tenant", "bench-clinic");
		int users = Integer.parseInt(options.get("users", "200"));
		String passwordPrefix = options.get("password-prefix", "correct-horse-battery-");
		int threads = Integer.parseInt(options.get("threads", "4"));
		String adminEmail = options.get("admin-email", "admin@bench.test");
		String adminPassword = options.get("admin-password", "correct-horse-battery");
		Api api = new Api(url);
		long started = System.nanoTime();

		Map<String, Object> register = new LinkedHashMap<>();
		register.put("tenantName", "Bench Clinic");
		register.put("tenantSlug", tenant);
		register.put("name", "Admin");
		register.put("email", adminEmail);
		register.put("password", adminPassword);
		HttpResponse<String> registered = api.post("/api/v1/auth/register", register, null);
		String adminToken;
		if (registered.statusCode() == 201) {
			adminToken = token(registered);
		}
		else if (registered.statusCode() == 409) {
			// The tenant exists (a data dir reused on purpose): log in as its admin.
			adminToken = token(api.expect(api.post("/api/v1/auth/login", login(adminEmail, adminPassword, tenant), null),
					200, "admin login"));
		}
		else {
			throw api.unexpected(registered, "register the tenant");
		}

		List<Future<Integer>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			for (int i = 1; i <= users; i++) {
				int n = i;
				results.add(pool.submit(() -> {
					Map<String, Object> user = new LinkedHashMap<>();
					user.put("email", "u" + n + "@bench.test");
					user.put("name", "User " + n);
					user.put("role", "STAFF");
					user.put("temporaryPassword", passwordPrefix + n);
					HttpResponse<String> response = api.post("/api/v1/users", user, adminToken);
					if (response.statusCode() != 201 && response.statusCode() != 409) {
						throw api.unexpected(response, "create user u" + n);
					}
					return response.statusCode();
				}));
			}
			for (Future<Integer> result : results) {
				result.get();
			}
		}
		catch (java.util.concurrent.ExecutionException ex) {
			fail(ex.getCause().getMessage());
		}

		// Fail here, with the server's answer, rather than with a wall of KOs in Gatling.
		String userToken = token(api.expect(
				api.post("/api/v1/auth/login", login("u1@bench.test", passwordPrefix + 1, tenant), null), 200,
				"log in as u1"));
		api.expect(api.get("/api/v1/users/me", userToken), 200, "GET /api/v1/users/me as u1");
		System.out.printf(Locale.ROOT, "bench: tenant %s with %d users ready in %.1f s%n", tenant, users,
				(System.nanoTime() - started) / 1e9);
	}

	static Map<String, Object> login(String email, String password, String tenant) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", email);
		body.put("password", password);
		body.put("tenant", tenant);
		return body;
	}

	static String token(HttpResponse<String> response) {
		Object token = Json.object(Json.parse(response.body())).get("accessToken");
		if (!(token instanceof String value) || value.isBlank()) {
			throw new IllegalStateException("no accessToken in " + response.body());
		}
		return value;
	}

	record Api(String url, HttpClient client) {

		Api(String url) {
			this(url, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
		}

		HttpResponse<String> post(String path, Object body, String bearer) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.url + path))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
			if (bearer != null) {
				request.header("Authorization", "Bearer " + bearer);
			}
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(URI.create(this.url + path))
				.timeout(Duration.ofSeconds(60))
				.header("Accept", "application/json")
				.header("Authorization", "Bearer " + bearer)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> expect(HttpResponse<String> response, int status, String what) {
			if (response.statusCode() != status) {
				throw unexpected(response, what);
			}
			return response;
		}

		IllegalStateException unexpected(HttpResponse<String> response, String what) {
			return new IllegalStateException("bench: could not " + what + ": " + response.request().method() + " "
					+ response.uri().getPath() + " answered " + response.statusCode() + " " + response.body());
		}

	}

	// ---------------------------------------------------------------- summarize

	/** One row of Gatling's statistics table. */
	record Row(String name, long total, long ok, long ko, double gatlingRate, long min, long p50, long p75, long p95,
			long p99, long max, long mean, long stdDev) {
	}

	static void summarize(Options options) throws IOException {
		Path results = Path.of(options.required("results"));
		Path out = Path.of(options.required("out"));
		Path report = newestReport(results);
		String html = Files.readString(report, StandardCharsets.UTF_8);
		List<Row> rows = statistics(html);
		if (rows.isEmpty()) {
			fail("no statistics found in " + report);
		}
		Map<String, Long> errors = errors(html);
		Properties windows = new Properties();
		Path windowsFile = Path.of(options.get("windows", out.resolve("windows.properties").toString()));
		if (Files.exists(windowsFile)) {
			try (var reader = Files.newBufferedReader(windowsFile)) {
				windows.load(reader);
			}
		}
		Map<String, String> meta = new LinkedHashMap<>(options.meta());
		String gatlingVersion = match(html, "Version: </span>\\s*<span>([^<]+)</span>");
		if (gatlingVersion != null) {
			meta.putIfAbsent("gatlingVersion", gatlingVersion);
		}
		meta.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
		meta.putIfAbsent("cpuModel", cpuModel());
		ServerLog serverLog = ServerLog.read(options.get("server-log", null));

		List<Map<String, Object>> requests = new ArrayList<>();
		for (Row row : rows) {
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("name", row.name());
			request.put("count", row.total());
			request.put("ok", row.ok());
			request.put("errors", row.ko());
			request.put("errorPercent", row.total() == 0 ? 0.0 : round(100.0 * row.ko() / row.total(), 2));
			double seconds = windowSeconds(windows, row.name());
			if (seconds > 0) {
				request.put("windowSeconds", round(seconds, 1));
				request.put("requestsPerSecond", round(row.total() / seconds, 1));
			}
			else {
				// No window (e.g. the global row): Gatling's rate over the whole run.
				request.put("requestsPerSecond", row.gatlingRate());
				request.put("requestsPerSecondOver", "whole run");
			}
			request.put("p50Ms", row.p50());
			request.put("p75Ms", row.p75());
			request.put("p95Ms", row.p95());
			request.put("p99Ms", row.p99());
			request.put("minMs", row.min());
			request.put("maxMs", row.max());
			request.put("meanMs", row.mean());
			requests.add(request);
		}

		if ("patients".equals(options.get("scenario", "users"))) {
			Patients.summarize(options, out, meta, report, requests, windows, errors, serverLog);
			return;
		}
		if ("scheduling".equals(options.get("scenario", "users"))) {
			Scheduling.summarize(options, out, meta, report, requests, windows, errors, serverLog);
			return;
		}
		double offeredRate = Double.parseDouble(
				windows.getProperty(RATE_REQUEST + ".offeredPerSecond", options.get("rate", "0")));
		Map<String, Object> goal = goal(requests, offeredRate);

		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("generatedAt", DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
		summary.put("run", meta);
		summary.put("gatlingReport", report.toString());
		summary.put("requests", requests);
		summary.put("goal", goal);
		List<Map<String, Object>> errorList = new ArrayList<>();
		errors.forEach((message, count) -> errorList.add(Map.of("message", message, "count", count)));
		summary.put("gatlingErrors", errorList);
		summary.put("serverLog", serverLog.toMap());

		Files.createDirectories(out);
		Files.writeString(out.resolve("summary.json"), Json.write(summary) + "\n");
		String markdown = markdown(meta, report, requests, goal, errors, serverLog);
		Files.writeString(out.resolve("summary.md"), markdown);
		System.out.println(markdown);
		System.out.println("bench: wrote " + out.resolve("summary.md") + " and " + out.resolve("summary.json"));
	}

	static String markdown(Map<String, String> meta, Path report, List<Map<String, Object>> requests,
			Map<String, Object> goal, Map<String, Long> errors, ServerLog serverLog) {
		StringBuilder md = new StringBuilder("# Clinicflow benchmark summary\n\n");
		md.append("- Date: ").append(DateTimeFormatter.ISO_INSTANT.format(Instant.now())).append('\n');
		meta.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
		md.append("- Gatling report: ").append(report).append("\n\n");
		md.append("| Request | Count | OK | Errors | Window (s) | Requests/s | p50 (ms) | p95 (ms) | p99 (ms) | Max (ms) |\n");
		md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (Map<String, Object> r : requests) {
			md.append("| ").append(r.get("name"));
			md.append(" | ").append(r.get("count"));
			md.append(" | ").append(r.get("ok"));
			md.append(" | ").append(r.get("errors"));
			if (!Long.valueOf(0).equals(r.get("errors"))) {
				md.append(" (").append(r.get("errorPercent")).append(" %)");
			}
			md.append(" | ").append(r.getOrDefault("windowSeconds", "whole run"));
			md.append(" | ").append(r.get("requestsPerSecond"));
			md.append(" | ").append(r.get("p50Ms"));
			md.append(" | ").append(r.get("p95Ms"));
			md.append(" | ").append(r.get("p99Ms"));
			md.append(" | ").append(r.get("maxMs"));
			md.append(" |\n");
		}
		md.append("\nRequests/s is the request count divided by the window from the first request sent to the "
				+ "last response received under that name. Response times are Gatling's, in whole milliseconds. "
				+ "`users-me warm-up` is not part of the measurement.\n\n");
		md.append(goalText(goal));
		md.append("\n## Errors reported by Gatling\n\n");
		if (errors.isEmpty()) {
			md.append("None.\n");
		}
		else {
			errors.forEach((message, count) -> md.append("- ").append(count).append(" × `").append(message)
				.append("`\n"));
		}
		md.append("\n## Server log\n\n");
		md.append(serverLog.describe());
		return md.toString();
	}

	/**
	 * The goal, ">= 1,500 requests/s with p99 < 50 ms for /users/me", checked in two
	 * halves: the unpaced phase must reach the throughput, and the paced phase, offered at
	 * least that rate, must sustain it with p99 under the bound; neither may have errors.
	 */
	static Map<String, Object> goal(List<Map<String, Object>> requests, double offeredRate) {
		Map<String, Object> goal = new LinkedHashMap<>();
		goal.put("minRequestsPerSecond", GOAL_REQUESTS_PER_SECOND);
		goal.put("maxP99Ms", GOAL_P99_MS);
		Map<String, Object> throughput = find(requests, THROUGHPUT_REQUEST);
		Map<String, Object> check = new LinkedHashMap<>();
		check.put("request", THROUGHPUT_REQUEST);
		boolean throughputMet = false;
		if (throughput != null) {
			double rate = ((Number) throughput.get("requestsPerSecond")).doubleValue();
			check.put("requestsPerSecond", rate);
			check.put("p99Ms", throughput.get("p99Ms"));
			check.put("errors", throughput.get("errors"));
			throughputMet = rate >= GOAL_REQUESTS_PER_SECOND && (Long) throughput.get("errors") == 0;
		}
		check.put("met", throughputMet);
		goal.put("throughput", check);

		Map<String, Object> latency = find(requests, RATE_REQUEST);
		check = new LinkedHashMap<>();
		check.put("request", RATE_REQUEST);
		check.put("offeredPerSecond", offeredRate);
		boolean latencyMet = false;
		if (latency != null) {
			long p99 = (Long) latency.get("p99Ms");
			check.put("requestsPerSecond", latency.get("requestsPerSecond"));
			check.put("p99Ms", p99);
			check.put("errors", latency.get("errors"));
			double achieved = ((Number) latency.get("requestsPerSecond")).doubleValue();
			latencyMet = offeredRate >= GOAL_REQUESTS_PER_SECOND && achieved >= 0.98 * GOAL_REQUESTS_PER_SECOND
					&& p99 < GOAL_P99_MS && (Long) latency.get("errors") == 0;
		}
		check.put("met", latencyMet);
		goal.put("latencyAtRate", check);
		goal.put("met", throughputMet && latencyMet);
		return goal;
	}

	@SuppressWarnings("unchecked")
	static String goalText(Map<String, Object> goal) {
		Map<String, Object> throughput = (Map<String, Object>) goal.get("throughput");
		Map<String, Object> latency = (Map<String, Object>) goal.get("latencyAtRate");
		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT,
				"Goal for `GET /api/v1/users/me`: >= %.0f requests/s with p99 < %.0f ms, no errors: **%s**%n%n",
				GOAL_REQUESTS_PER_SECOND, GOAL_P99_MS, Boolean.TRUE.equals(goal.get("met")) ? "met" : "NOT met"));
		md.append("- throughput (`").append(THROUGHPUT_REQUEST).append("`, as fast as the server answers): ");
		md.append(throughput.containsKey("requestsPerSecond") ? throughput.get("requestsPerSecond") + " requests/s"
				: "not measured");
		md.append(Boolean.TRUE.equals(throughput.get("met")) ? " (met)" : " (NOT met)").append('\n');
		md.append("- latency at an offered ").append(Math.round((Double) latency.get("offeredPerSecond")))
			.append(" requests/s (`").append(RATE_REQUEST).append("`): ");
		md.append(latency.containsKey("p99Ms")
				? latency.get("requestsPerSecond") + " requests/s achieved, p99 " + latency.get("p99Ms") + " ms"
				: "not measured");
		md.append(Boolean.TRUE.equals(latency.get("met")) ? " (met)" : " (NOT met)").append('\n');
		return md.toString();
	}

	/**
	 * The summary of {@code bench/run patients}: the load (bulk creation rate, from
	 * {@code load.properties}) and the request kinds of {@code PatientSimulation}, each held
	 * against the goal for its kind.
	 */
	static final class Patients {

		/** Bulk creation: at least this many patients per second. */
		static final double GOAL_PATIENTS_PER_SECOND = 5000;

		/** Request name prefix, the p95 bound in ms, and the goal as the issue puts it. */
		static final String[][] GOALS = { { "name:", "50", "`q` name search p95 < 50 ms" },
				{ "cpf:", "10", "CPF/phone lookup p95 < 10 ms" }, { "phone:", "10", "CPF/phone lookup p95 < 10 ms" },
				{ "filter:", "50", "filtered page (city + age + tag) p95 < 50 ms" },
				{ "stats:", "300", "stats < 300 ms (held at p95)" } };

		private Patients() {
		}

		static void summarize(Options options, Path out, Map<String, String> meta, Path report,
				List<Map<String, Object>> requests, Properties windows, Map<String, Long> errors, ServerLog serverLog)
				throws IOException {
			Properties load = new Properties();
			String loadFile = options.get("load", null);
			if (loadFile != null && Files.exists(Path.of(loadFile))) {
				try (var reader = Files.newBufferedReader(Path.of(loadFile))) {
					load.load(reader);
				}
			}
			List<Map<String, Object>> goals = new ArrayList<>();
			boolean allMet = true;
			Map<String, Object> bulk = new LinkedHashMap<>();
			bulk.put("goal", "bulk create >= 5,000 patients/s");
			if (load.getProperty("patientsPerSecond") != null) {
				double rate = Double.parseDouble(load.getProperty("patientsPerSecond"));
				bulk.put("patientsPerSecond", rate);
				bulk.put("met", rate >= GOAL_PATIENTS_PER_SECOND
						&& "0".equals(load.getProperty("invalid", "0")));
			}
			else {
				bulk.put("met", false);
				bulk.put("note", "not measured (the load was skipped)");
			}
			allMet &= Boolean.TRUE.equals(bulk.get("met"));
			for (Map<String, Object> request : requests) {
				String name = (String) request.get("name");
				String offered = windows.getProperty(name + ".offeredPerSecond");
				if (offered != null) {
					request.put("offeredPerSecond", round(Double.parseDouble(offered), 1));
				}
				for (String[] goal : GOALS) {
					if (name.startsWith(goal[0])) {
						long bound = Long.parseLong(goal[1]);
						boolean met = (Long) request.get("p95Ms") < bound && (Long) request.get("errors") == 0;
						request.put("goal", goal[2]);
						request.put("goalP95Ms", bound);
						request.put("met", met);
						allMet &= met;
						Map<String, Object> check = new LinkedHashMap<>();
						check.put("request", name);
						check.put("goal", goal[2]);
						check.put("p95Ms", request.get("p95Ms"));
						check.put("errors", request.get("errors"));
						check.put("met", met);
						goals.add(check);
					}
				}
			}
			Map<String, Object> goal = new LinkedHashMap<>();
			goal.put("bulkCreate", bulk);
			goal.put("requests", goals);
			goal.put("met", allMet);
			Map<String, Object> loadMap = new LinkedHashMap<>();
			load.stringPropertyNames().stream().sorted().forEach((key) -> loadMap.put(key, load.getProperty(key)));

			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("generatedAt", DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
			summary.put("scenario", "patients");
			summary.put("run", meta);
			summary.put("load", loadMap);
			summary.put("gatlingReport", report.toString());
			summary.put("requests", requests);
			summary.put("goal", goal);
			List<Map<String, Object>> errorList = new ArrayList<>();
			errors.forEach((message, count) -> errorList.add(Map.of("message", message, "count", count)));
			summary.put("gatlingErrors", errorList);
			summary.put("serverLog", serverLog.toMap());
			Files.createDirectories(out);
			Files.writeString(out.resolve("summary.json"), Json.write(summary) + "\n");
			String markdown = markdown(meta, report, load, bulk, requests, allMet, errors, serverLog);
			Files.writeString(out.resolve("summary.md"), markdown);
			System.out.println(markdown);
			System.out.println("bench: wrote " + out.resolve("summary.md") + " and " + out.resolve("summary.json"));
		}

		static String markdown(Map<String, String> meta, Path report, Properties load, Map<String, Object> bulk,
				List<Map<String, Object>> requests, boolean allMet, Map<String, Long> errors, ServerLog serverLog) {
			StringBuilder md = new StringBuilder("# Clinicflow benchmark summary: patient registry\n\n");
			md.append("- Date: ").append(DateTimeFormatter.ISO_INSTANT.format(Instant.now())).append('\n');
			meta.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
			md.append("- Gatling report: ").append(report).append("\n\n");
			md.append("## Load (bulk creation)\n\n");
			if (load.getProperty("patientsPerSecond") != null) {
				md.append(String.format(Locale.ROOT,
						"%s patients created (%s duplicates, %s invalid, %s retried requests) in %s s with "
								+ "`POST /api/v1/patients/bulk`, %s per request, %s concurrent senders: "
								+ "**%s patients/s**. Request time p50 %s ms, p95 %s ms, p99 %s ms, max %s ms.%n%n",
						load.getProperty("created"), load.getProperty("duplicates"), load.getProperty("invalid"),
						load.getProperty("retries"), load.getProperty("seconds"), load.getProperty("batch"),
						load.getProperty("threads"), load.getProperty("patientsPerSecond"),
						load.getProperty("requestP50Ms"), load.getProperty("requestP95Ms"),
						load.getProperty("requestP99Ms"), load.getProperty("requestMaxMs")));
				if (load.getProperty("cpuDuringLoad") != null) {
					md.append("CPU during the load: ").append(load.getProperty("cpuDuringLoad")).append(".\n\n");
				}
			}
			else {
				md.append("Skipped: the data set of an earlier load was reused (")
					.append(load.getProperty("patients", "?"))
					.append(" patients, seed ")
					.append(load.getProperty("seed", "?"))
					.append(").\n\n");
			}
			md.append("## Requests\n\n");
			md.append("| Request | Count | Errors | Offered/s | Achieved/s | p50 (ms) | p95 (ms) | p99 (ms) | Max (ms) | Goal (p95) |\n");
			md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
			for (Map<String, Object> r : requests) {
				md.append("| ").append(r.get("name"));
				md.append(" | ").append(r.get("count"));
				md.append(" | ").append(r.get("errors"));
				if (!Long.valueOf(0).equals(r.get("errors"))) {
					md.append(" (").append(r.get("errorPercent")).append(" %)");
				}
				md.append(" | ").append(r.getOrDefault("offeredPerSecond", ""));
				md.append(" | ").append(r.get("requestsPerSecond"));
				if (r.containsKey("requestsPerSecondOver")) {
					md.append(" (whole run)");
				}
				md.append(" | ").append(r.get("p50Ms"));
				md.append(" | ").append(r.get("p95Ms"));
				md.append(" | ").append(r.get("p99Ms"));
				md.append(" | ").append(r.get("maxMs"));
				md.append(" | ");
				if (r.containsKey("goalP95Ms")) {
					md.append("< ").append(r.get("goalP95Ms")).append(" ms: ")
						.append(Boolean.TRUE.equals(r.get("met")) ? "met" : "**NOT met**");
				}
				md.append(" |\n");
			}
			md.append("\nEach phase is paced: its virtual users together offer the rate shown; achieved/s is the "
					+ "count divided by the window from the first request sent to the last response received. "
					+ "Response times are Gatling's, in whole milliseconds. `login` and `warm-up` are not measured.\n\n");
			md.append("## Goals\n\n");
			md.append("- bulk create >= 5,000 patients/s: ")
				.append(bulk.containsKey("patientsPerSecond") ? bulk.get("patientsPerSecond") + " patients/s" : "not measured")
				.append(Boolean.TRUE.equals(bulk.get("met")) ? " (met)" : " (**NOT met**)")
				.append('\n');
			for (String[] goal : GOALS) {
				List<String> parts = new ArrayList<>();
				boolean met = true;
				for (Map<String, Object> r : requests) {
					if (((String) r.get("name")).startsWith(goal[0])) {
						parts.add("`" + r.get("name") + "` " + r.get("p95Ms") + " ms");
						met &= Boolean.TRUE.equals(r.get("met"));
					}
				}
				if (!parts.isEmpty() && !goal[0].equals("phone:")) {
					if (goal[0].equals("cpf:")) {
						for (Map<String, Object> r : requests) {
							if (((String) r.get("name")).startsWith("phone:")) {
								parts.add("`" + r.get("name") + "` " + r.get("p95Ms") + " ms");
								met &= Boolean.TRUE.equals(r.get("met"));
							}
						}
					}
					md.append("- ").append(goal[2]).append(": ").append(String.join(", ", parts))
						.append(met ? " (met)" : " (**NOT met**)")
						.append('\n');
				}
			}
			md.append("\nAll goals: **").append(allMet ? "met" : "NOT met").append("**\n");
			md.append("\n## Errors reported by Gatling\n\n");
			if (errors.isEmpty()) {
				md.append("None.\n");
			}
			else {
				errors.forEach((message, count) -> md.append("- ").append(count).append(" × `").append(message)
					.append("`\n"));
			}
			md.append("\n## Server log\n\n");
			md.append(serverLog.describe());
			return md.toString();
		}

	}

	/**
	 * The summary of {@code bench/run scheduling}: the load (patients through the API,
	 * resources through the API, appointments with SQL, from the two
	 * {@code load.properties}) and the phases of {@code SchedulingSimulation}, held against
	 * the goals: booking throughput >= 500/s with p99 < 100 ms under contention, a
	 * doctor's slots of a day p95 < 20 ms, the day's dashboard p95 < 50 ms, a doctor's
	 * stats by month p95 < 50 ms.
	 */
	static final class Scheduling {

		static final double GOAL_BOOKINGS_PER_SECOND = 500;

		static final long GOAL_BOOKING_P99_MS = 100;

		static final String BOOKING = "booking";

		static final String BOOKING_PACED = "booking paced";

		/** Request name, the p95 bound in ms, and the goal as the issue puts it. */
		static final String[][] GOALS = { { "slots: doctor day", "20", "a doctor's slots for one day p95 < 20 ms" },
				{ "dashboard: day", "50", "the day's dashboard p95 < 50 ms" },
				{ "stats: doctor by month", "50", "stats by month for a doctor p95 < 50 ms" } };

		private Scheduling() {
		}

		static Properties properties(String file) throws IOException {
			Properties properties = new Properties();
			if (file != null && Files.exists(Path.of(file))) {
				try (var reader = Files.newBufferedReader(Path.of(file))) {
					properties.load(reader);
				}
			}
			return properties;
		}

		static void summarize(Options options, Path out, Map<String, String> meta, Path report,
				List<Map<String, Object>> requests, Properties windows, Map<String, Long> errors, ServerLog serverLog)
				throws IOException {
			Properties load = properties(options.get("load", null));
			Properties patientLoad = properties(options.get("patient-load", null));
			boolean allMet = true;
			for (Map<String, Object> request : requests) {
				String name = (String) request.get("name");
				String offered = windows.getProperty(name + ".offeredPerSecond");
				if (offered != null) {
					request.put("offeredPerSecond", round(Double.parseDouble(offered), 1));
				}
				String booked = windows.getProperty(name + ".booked");
				if (booked != null) {
					long created = Long.parseLong(booked);
					request.put("booked", created);
					request.put("slotTaken", Long.parseLong(windows.getProperty(name + ".slotTaken", "0")));
					double seconds = windowSeconds(windows, name);
					if (seconds > 0) {
						request.put("bookedPerSecond", round(created / seconds, 1));
					}
				}
			}
			List<Map<String, Object>> goals = new ArrayList<>();
			Map<String, Object> throughput = new LinkedHashMap<>();
			throughput.put("goal", "booking throughput >= 500 requests/s under contention (as fast as the server answers)");
			throughput.put("request", BOOKING);
			Map<String, Object> booking = find(requests, BOOKING);
			boolean throughputMet = false;
			if (booking != null) {
				double rate = ((Number) booking.get("requestsPerSecond")).doubleValue();
				throughput.put("requestsPerSecond", rate);
				throughput.put("bookedPerSecond", booking.get("bookedPerSecond"));
				throughput.put("p99Ms", booking.get("p99Ms"));
				throughput.put("errors", booking.get("errors"));
				throughputMet = rate >= GOAL_BOOKINGS_PER_SECOND && (Long) booking.get("errors") == 0;
			}
			throughput.put("met", throughputMet);
			goals.add(throughput);
			Map<String, Object> latency = new LinkedHashMap<>();
			latency.put("goal", "booking p99 < 100 ms at >= 500 requests/s offered under contention");
			latency.put("request", BOOKING_PACED);
			Map<String, Object> paced = find(requests, BOOKING_PACED);
			boolean latencyMet = false;
			if (paced != null) {
				double offered = ((Number) paced.getOrDefault("offeredPerSecond", 0.0)).doubleValue();
				double achieved = ((Number) paced.get("requestsPerSecond")).doubleValue();
				long p99 = (Long) paced.get("p99Ms");
				latency.put("offeredPerSecond", offered);
				latency.put("requestsPerSecond", achieved);
				latency.put("bookedPerSecond", paced.get("bookedPerSecond"));
				latency.put("p99Ms", p99);
				latency.put("errors", paced.get("errors"));
				latencyMet = offered >= GOAL_BOOKINGS_PER_SECOND && achieved >= 0.98 * GOAL_BOOKINGS_PER_SECOND
						&& p99 < GOAL_BOOKING_P99_MS && (Long) paced.get("errors") == 0;
			}
			latency.put("met", latencyMet);
			goals.add(latency);
			allMet &= throughputMet && latencyMet;
			for (String[] goal : GOALS) {
				Map<String, Object> check = new LinkedHashMap<>();
				check.put("goal", goal[2]);
				check.put("request", goal[0]);
				Map<String, Object> request = find(requests, goal[0]);
				boolean met = false;
				if (request != null) {
					long bound = Long.parseLong(goal[1]);
					met = (Long) request.get("p95Ms") < bound && (Long) request.get("errors") == 0;
					request.put("goal", goal[2]);
					request.put("goalP95Ms", bound);
					request.put("met", met);
					check.put("p95Ms", request.get("p95Ms"));
					check.put("errors", request.get("errors"));
				}
				check.put("met", met);
				allMet &= met;
				goals.add(check);
			}
			Map<String, Object> goal = new LinkedHashMap<>();
			goal.put("checks", goals);
			goal.put("met", allMet);
			Map<String, Object> loadMap = new LinkedHashMap<>();
			load.stringPropertyNames().stream().sorted().forEach((key) -> loadMap.put(key, load.getProperty(key)));
			Map<String, Object> patientMap = new LinkedHashMap<>();
			patientLoad.stringPropertyNames()
				.stream()
				.sorted()
				.forEach((key) -> patientMap.put(key, patientLoad.getProperty(key)));
			loadMap.put("patients", patientMap);

			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("generatedAt", DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
			summary.put("scenario", "scheduling");
			summary.put("run", meta);
			summary.put("load", loadMap);
			summary.put("gatlingReport", report.toString());
			summary.put("requests", requests);
			summary.put("bookingFeederWraps", Long.parseLong(windows.getProperty("bookingFeederWraps", "0")));
			summary.put("goal", goal);
			List<Map<String, Object>> errorList = new ArrayList<>();
			errors.forEach((message, count) -> errorList.add(Map.of("message", message, "count", count)));
			summary.put("gatlingErrors", errorList);
			summary.put("serverLog", serverLog.toMap());
			Files.createDirectories(out);
			Files.writeString(out.resolve("summary.json"), Json.write(summary) + "\n");
			String markdown = markdown(meta, report, load, patientLoad, requests, goals, allMet, windows, errors,
					serverLog);
			Files.writeString(out.resolve("summary.md"), markdown);
			System.out.println(markdown);
			System.out.println("bench: wrote " + out.resolve("summary.md") + " and " + out.resolve("summary.json"));
		}

		static String markdown(Map<String, String> meta, Path report, Properties load, Properties patientLoad,
				List<Map<String, Object>> requests, List<Map<String, Object>> goals, boolean allMet,
				Properties windows, Map<String, Long> errors, ServerLog serverLog) {
			StringBuilder md = new StringBuilder("# Clinicflow benchmark summary: scheduling\n\n");
			md.append("- Date: ").append(DateTimeFormatter.ISO_INSTANT.format(Instant.now())).append('\n');
			meta.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
			md.append("- Gatling report: ").append(report).append("\n\n");
			md.append("## Load\n\n");
			if (load.getProperty("insertSeconds") != null) {
				md.append(String.format(Locale.ROOT,
						"- patients through `POST /api/v1/patients/bulk`: %s in %s s (%s patients/s)%n",
						patientLoad.getProperty("created", "?"), patientLoad.getProperty("seconds", "?"),
						patientLoad.getProperty("patientsPerSecond", "?")));
				md.append(String.format(Locale.ROOT,
						"- %s doctors, %s cars, their zones and weekly schedules through the API: %s s%n",
						load.getProperty("doctors"), load.getProperty("cars"), load.getProperty("resourcesSeconds")));
				md.append(String.format(Locale.ROOT,
						"- %s appointments (%s doctor visits, %s car visits; %s to %s, today %s) inserted with SQL "
								+ "in %s s, then VACUUM ANALYZE in %s s%n",
						load.getProperty("appointments"), load.getProperty("doctorVisits"),
						load.getProperty("carVisits"), load.getProperty("firstDay"), load.getProperty("lastDay"),
						load.getProperty("today"), load.getProperty("insertSeconds"),
						load.getProperty("vacuumSeconds")));
				md.append("- the whole load: ").append(load.getProperty("loadSeconds", "?")).append(" s\n");
				if (load.getProperty("cpuDuringLoad") != null) {
					md.append("- CPU during the load: ").append(load.getProperty("cpuDuringLoad")).append('\n');
				}
			}
			else {
				md.append("Skipped: the data set of an earlier load was reused (")
					.append(load.getProperty("appointments", "?"))
					.append(" appointments, ")
					.append(load.getProperty("patients", "?"))
					.append(" patients).\n");
			}
			md.append("- free doctor slots in the booking feeder: ").append(load.getProperty("freeSlots", "?"))
				.append(" (").append(load.getProperty("bookingDays", "?")).append("), each asked for twice\n\n");
			md.append("## Requests\n\n");
			md.append("| Request | Count | Errors | Offered/s | Achieved/s | Booked (201) | Slot taken (409) | "
					+ "Booked/s | p50 (ms) | p95 (ms) | p99 (ms) | Max (ms) |\n");
			md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
			for (Map<String, Object> r : requests) {
				md.append("| ").append(r.get("name"));
				md.append(" | ").append(r.get("count"));
				md.append(" | ").append(r.get("errors"));
				if (!Long.valueOf(0).equals(r.get("errors"))) {
					md.append(" (").append(r.get("errorPercent")).append(" %)");
				}
				md.append(" | ").append(r.getOrDefault("offeredPerSecond", ""));
				md.append(" | ").append(r.get("requestsPerSecond"));
				if (r.containsKey("requestsPerSecondOver")) {
					md.append(" (whole run)");
				}
				md.append(" | ").append(r.getOrDefault("booked", ""));
				md.append(" | ").append(r.getOrDefault("slotTaken", ""));
				md.append(" | ").append(r.getOrDefault("bookedPerSecond", ""));
				md.append(" | ").append(r.get("p50Ms"));
				md.append(" | ").append(r.get("p95Ms"));
				md.append(" | ").append(r.get("p99Ms"));
				md.append(" | ").append(r.get("maxMs"));
				md.append(" |\n");
			}
			md.append("\nAchieved/s is the count divided by the window from the first request sent to the last "
					+ "response received; booked/s counts the 201 answers only (each free slot is asked for twice, "
					+ "the loser gets 409 `slot_taken`, also a correct answer). Response times are Gatling's, in "
					+ "whole milliseconds. `warm-up` is not measured.\n");
			String wraps = windows.getProperty("bookingFeederWraps", "0");
			if (!"0".equals(wraps)) {
				md.append("\nWarning: the booking feeder was used up ").append(wraps)
					.append(" time(s): later requests asked for slots booked before (both answered 409).\n");
			}
			md.append("\n## Goals\n\n");
			for (Map<String, Object> check : goals) {
				md.append("- ").append(check.get("goal")).append(": ");
				if (check.containsKey("offeredPerSecond")) {
					md.append("`").append(check.get("request")).append("` ").append(check.get("requestsPerSecond"))
						.append(" requests/s achieved of ").append(check.get("offeredPerSecond"))
						.append(" offered, p99 ").append(check.get("p99Ms")).append(" ms");
				}
				else if (check.containsKey("requestsPerSecond")) {
					md.append("`").append(check.get("request")).append("` ").append(check.get("requestsPerSecond"))
						.append(" requests/s (").append(check.get("bookedPerSecond")).append(" booked/s)");
				}
				else if (check.containsKey("p95Ms")) {
					md.append("`").append(check.get("request")).append("` p95 ").append(check.get("p95Ms"))
						.append(" ms");
				}
				else {
					md.append("not measured");
				}
				if (check.containsKey("errors") && !Long.valueOf(0).equals(check.get("errors"))) {
					md.append(", ").append(check.get("errors")).append(" errors");
				}
				md.append(Boolean.TRUE.equals(check.get("met")) ? " (met)" : " (**NOT met**)").append('\n');
			}
			md.append("\nAll goals: **").append(allMet ? "met" : "NOT met").append("**\n");
			md.append("\n## Errors reported by Gatling\n\n");
			if (errors.isEmpty()) {
				md.append("None.\n");
			}
			else {
				errors.forEach((message, count) -> md.append("- ").append(count).append(" × `").append(message)
					.append("`\n"));
			}
			md.append("\n## Server log\n\n");
			md.append(serverLog.describe());
			return md.toString();
		}

	}

	static Map<String, Object> find(List<Map<String, Object>> requests, String name) {
		return requests.stream().filter((r) -> name.equals(r.get("name"))).findFirst().orElse(null);
	}

	static Path newestReport(Path results) throws IOException {
		if (!Files.isDirectory(results)) {
			fail("no Gatling results folder " + results);
		}
		try (Stream<Path> runs = Files.list(results)) {
			return runs.filter((run) -> Files.isRegularFile(run.resolve("index.html")))
				.max(Comparator.comparing((Path run) -> {
					try {
						return Files.getLastModifiedTime(run.resolve("index.html"));
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				}))
				.map((run) -> run.resolve("index.html"))
				.orElseThrow(() -> new IllegalStateException("no Gatling report (index.html) under " + results));
		}
	}

	private static final Pattern ROW = Pattern.compile("<tr id=\"([^\"]+)\"[^>]*>(.*?)</tr>", Pattern.DOTALL);

	private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">(.*?)</span>", Pattern.DOTALL);

	private static final Pattern CELL = Pattern.compile("<td class=\"value [^\"]*col-(\\d+)\">([^<]*)</td>");

	/**
	 * Reads the statistics table of a Gatling 3.11+ {@code index.html}: columns 2..14 are
	 * total, OK, KO, % KO, count/s, min, 50th, 75th, 95th, 99th percentile, max, mean, std
	 * dev. The first row ("All Requests") is kept under the name "all requests".
	 */
	static List<Row> statistics(String html) {
		List<Row> rows = new ArrayList<>();
		Matcher row = ROW.matcher(html);
		while (row.find()) {
			Matcher name = NAME.matcher(row.group(2));
			if (!name.find()) {
				continue;
			}
			Map<Integer, String> cells = new LinkedHashMap<>();
			Matcher cell = CELL.matcher(row.group(2));
			while (cell.find()) {
				cells.put(Integer.parseInt(cell.group(1)), cell.group(2).trim());
			}
			if (cells.size() < 13) {
				continue;
			}
			String label = "ROOT".equals(row.group(1)) ? "all requests" : unescape(name.group(1).trim());
			rows.add(new Row(label, number(cells.get(2)), number(cells.get(3)), number(cells.get(4)),
					decimal(cells.get(6)), number(cells.get(7)), number(cells.get(8)), number(cells.get(9)),
					number(cells.get(10)), number(cells.get(11)), number(cells.get(12)), number(cells.get(13)),
					number(cells.get(14))));
		}
		// Measured requests first, the global row last.
		rows.sort(Comparator.comparing((Row r) -> "all requests".equals(r.name())));
		return rows;
	}

	private static final Pattern ERROR = Pattern.compile(
			"<td class=\"error-col-1 total ko\">(.*?)<span.*?<td class=\"value error-col-2 total ko\">([^<]*)</td>",
			Pattern.DOTALL);

	static Map<String, Long> errors(String html) {
		Map<String, Long> errors = new LinkedHashMap<>();
		Matcher error = ERROR.matcher(html);
		while (error.find()) {
			errors.merge(unescape(error.group(1).trim()), number(error.group(2)), Long::sum);
		}
		return errors;
	}

	static double windowSeconds(Properties windows, String name) {
		String start = windows.getProperty(name + ".start");
		String end = windows.getProperty(name + ".end");
		if (start == null || end == null) {
			return 0;
		}
		return (Long.parseLong(end) - Long.parseLong(start)) / 1000.0;
	}

	/** Counts what the server logged at WARN and ERROR while it ran. */
	record ServerLog(String file, long lines, long warnings, long errors, Map<String, Long> topErrors) {

		static ServerLog read(String file) throws IOException {
			if (file == null || !Files.exists(Path.of(file))) {
				return new ServerLog(file, 0, 0, 0, Map.of());
			}
			long lines = 0;
			long warnings = 0;
			long errors = 0;
			Map<String, Long> top = new LinkedHashMap<>();
			for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
				lines++;
				String level = level(line);
				if ("WARN".equals(level)) {
					warnings++;
					top.merge("WARN " + message(line), 1L, Long::sum);
				}
				else if ("ERROR".equals(level)) {
					errors++;
					top.merge("ERROR " + message(line), 1L, Long::sum);
				}
			}
			Map<String, Long> sorted = new LinkedHashMap<>();
			top.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.limit(10)
				.forEach((e) -> sorted.put(e.getKey(), e.getValue()));
			return new ServerLog(file, lines, warnings, errors, sorted);
		}

		static String level(String line) {
			String fromJson = match(line, "\"level\"\\s*:\\s*\"([A-Z]+)\"");
			if (fromJson != null) {
				return fromJson;
			}
			return match(line, "^\\S+\\s+(WARN|ERROR)\\b");
		}

		static String message(String line) {
			String fromJson = match(line, "\"message\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");
			String message = (fromJson != null) ? fromJson : line;
			message = message.replace("\\n", " ").replace("\\t", " ");
			return (message.length() > 160) ? message.substring(0, 160) + "..." : message;
		}

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("file", this.file);
			map.put("lines", this.lines);
			map.put("warnings", this.warnings);
			map.put("errors", this.errors);
			map.put("top", this.topErrors);
			return map;
		}

		String describe() {
			if (this.file == null) {
				return "Not read.\n";
			}
			StringBuilder md = new StringBuilder();
			md.append("`").append(this.file).append("`: ").append(this.lines).append(" lines, ").append(this.warnings)
				.append(" at WARN, ").append(this.errors).append(" at ERROR.\n");
			this.topErrors.forEach((message, count) -> md.append("- ").append(count).append(" × ")
				.append(message.replace("|", "\\|")).append('\n'));
			return md.toString();
		}

	}

	// ---------------------------------------------------------------- helpers

	static String cpuModel() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
				if (line.startsWith("model name")) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux: leave it out
		}
		return System.getProperty("os.arch");
	}

	static String match(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		return matcher.find() ? matcher.group(1).trim() : null;
	}

	static long number(String text) {
		if (text == null || text.isBlank() || "-".equals(text.trim())) {
			return 0;
		}
		return Math.round(Double.parseDouble(text.replace(",", "").replace("%", "").trim()));
	}

	static double decimal(String text) {
		if (text == null || text.isBlank() || "-".equals(text.trim())) {
			return 0;
		}
		return Double.parseDouble(text.replace(",", "").trim());
	}

	static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}

	static String unescape(String html) {
		return html.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&#x27;", "'")
			.replace("&amp;", "&");
	}

	static void fail(String message) {
		System.err.println("bench: " + message);
		System.exit(1);
	}

	/** {@code --name value} pairs after the command; {@code --meta k=v} may repeat. */
	record Options(Map<String, String> values, Map<String, String> meta) {

		static Options parse(String[] args) {
			Map<String, String> values = new LinkedHashMap<>();
			Map<String, String> meta = new LinkedHashMap<>();
			for (int i = 1; i < args.length; i++) {
				if (!args[i].startsWith("--") || i + 1 >= args.length) {
					fail("bad argument " + args[i]);
				}
				String name = args[i].substring(2);
				String value = args[++i];
				if ("meta".equals(name)) {
					int eq = value.indexOf('=');
					meta.put(value.substring(0, Math.max(eq, 0)), value.substring(eq + 1));
				}
				else {
					values.put(name, value);
				}
			}
			return new Options(values, meta);
		}

		String get(String name, String fallback) {
			return this.values.getOrDefault(name, fallback);
		}

		String required(String name) {
			String value = this.values.get(name);
			if (value == null) {
				fail("missing --" + name);
			}
			return value;
		}

	}

	/** Just enough JSON for the API's answers and the summary file. */
	static final class Json {

		private final StringReader in;

		private int next;

		private Json(String text) throws IOException {
			this.in = new StringReader(text);
			this.next = this.in.read();
		}

		static Object parse(String text) {
			try {
				Json json = new Json(text);
				Object value = json.value();
				json.skipSpace();
				if (json.next != -1) {
					throw new IllegalArgumentException("trailing characters in JSON");
				}
				return value;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@SuppressWarnings("unchecked")
		static Map<String, Object> object(Object value) {
			if (value instanceof Map<?, ?> map) {
				return (Map<String, Object>) map;
			}
			throw new IllegalArgumentException("not a JSON object: " + value);
		}

		private int read() throws IOException {
			int current = this.next;
			this.next = this.in.read();
			return current;
		}

		private void skipSpace() throws IOException {
			while (this.next == ' ' || this.next == '\n' || this.next == '\r' || this.next == '\t') {
				read();
			}
		}

		private void expect(char c) throws IOException {
			skipSpace();
			if (read() != c) {
				throw new IllegalArgumentException("expected " + c + " in JSON");
			}
		}

		private Object value() throws IOException {
			skipSpace();
			switch (this.next) {
				case '{' -> {
					read();
					Map<String, Object> map = new LinkedHashMap<>();
					skipSpace();
					if (this.next == '}') {
						read();
						return map;
					}
					do {
						skipSpace();
						String key = string();
						expect(':');
						map.put(key, value());
						skipSpace();
					}
					while (read() == ',');
					return map;
				}
				case '[' -> {
					read();
					List<Object> list = new ArrayList<>();
					skipSpace();
					if (this.next == ']') {
						read();
						return list;
					}
					do {
						list.add(value());
						skipSpace();
					}
					while (read() == ',');
					return list;
				}
				case '"' -> {
					return string();
				}
				default -> {
					StringBuilder word = new StringBuilder();
					while (this.next != -1 && ",}] \n\r\t".indexOf(this.next) < 0) {
						word.append((char) read());
					}
					String text = word.toString();
					return switch (text) {
						case "true" -> Boolean.TRUE;
						case "false" -> Boolean.FALSE;
						case "null" -> null;
						default -> Double.parseDouble(text);
					};
				}
			}
		}

		private String string() throws IOException {
			if (read() != '"') {
				throw new IllegalArgumentException("expected a JSON string");
			}
			StringBuilder text = new StringBuilder();
			for (int c = read(); c != '"'; c = read()) {
				if (c == -1) {
					throw new IllegalArgumentException("unterminated JSON string");
				}
				if (c == '\\') {
					int escaped = read();
					switch (escaped) {
						case 'n' -> text.append('\n');
						case 't' -> text.append('\t');
						case 'r' -> text.append('\r');
						case 'b' -> text.append('\b');
						case 'f' -> text.append('\f');
						case 'u' -> {
							char[] hex = new char[4];
							for (int i = 0; i < 4; i++) {
								hex[i] = (char) read();
							}
							text.append((char) Integer.parseInt(new String(hex), 16));
						}
						default -> text.append((char) escaped);
					}
				}
				else {
					text.append((char) c);
				}
			}
			return text.toString();
		}

		static String write(Object value) {
			StringBuilder out = new StringBuilder();
			write(value, out, "");
			return out.toString();
		}

		private static void write(Object value, StringBuilder out, String indent) {
			if (value == null) {
				out.append("null");
			}
			else if (value instanceof String text) {
				out.append('"');
				for (char c : text.toCharArray()) {
					switch (c) {
						case '"' -> out.append("\\\"");
						case '\\' -> out.append("\\\\");
						case '\n' -> out.append("\\n");
						case '\r' -> out.append("\\r");
						case '\t' -> out.append("\\t");
						default -> {
							if (c < 0x20) {
								out.append(String.format("\\u%04x", (int) c));
							}
							else {
								out.append(c);
							}
						}
					}
				}
				out.append('"');
			}
			else if (value instanceof Number || value instanceof Boolean) {
				out.append(value);
			}
			else if (value instanceof Map<?, ?> map) {
				if (map.isEmpty()) {
					out.append("{}");
					return;
				}
				String inner = indent + "  ";
				out.append("{\n");
				int i = 0;
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					out.append(inner);
					write(String.valueOf(entry.getKey()), out, inner);
					out.append(": ");
					write(entry.getValue(), out, inner);
					out.append(++i < map.size() ? ",\n" : "\n");
				}
				out.append(indent).append('}');
			}
			else if (value instanceof List<?> list) {
				if (list.isEmpty()) {
					out.append("[]");
					return;
				}
				String inner = indent + "  ";
				out.append("[\n");
				for (int i = 0; i < list.size(); i++) {
					out.append(inner);
					write(list.get(i), out, inner);
					out.append(i + 1 < list.size() ? ",\n" : "\n");
				}
				out.append(indent).append(']');
			}
			else {
				write(value.toString(), out, indent);
			}
		}

	}

}
