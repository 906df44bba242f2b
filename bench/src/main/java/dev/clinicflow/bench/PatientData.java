package dev.clinicflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patient data set of the benchmark: a generator of realistic Brazilian patients and a
 * loader that sends them through the API. Launched as a single source file, like
 * {@link BenchTool} ({@code java PatientData.java COMMAND --option value ...}); it uses
 * only the JDK.
 * <ul>
 * <li>{@code load --url U --tenant SLUG --patients N --out DIR [--threads T] [--batch B]
 * [--seed S] [--skip-load true]}: registers the tenant (or logs in to it), creates patients
 * 0..N-1 with {@code POST /api/v1/patients/bulk} from T concurrent senders, B per request,
 * and writes into DIR {@code load.properties} (the load rate: the bulk-creation figure) and
 * the Gatling feeders ({@code names.csv}, {@code lookups.csv}, {@code filters.csv},
 * {@code stats.csv}), drawn from the patients it created. With {@code --skip-load true} it
 * only logs in and writes the feeders (the data is already there, from the same seed).</li>
 * <li>{@code sample --patients N [--seed S]}: prints N generated patients as JSON, to look
 * at the data.</li>
 * </ul>
 * Patient {@code k} is a pure function of the seed and {@code k} (its own random stream),
 * so a data set is reproducible whatever the number of senders, and the feeders can name
 * patients that exist without asking the server. CPFs are unique by construction (a
 * bijection of {@code k} onto nine digits, then the two check digits), and so are the last
 * eight digits of the mobile numbers, so a CPF or phone lookup finds exactly one patient.
 * Names follow a Zipf law over lists of frequent Brazilian first names and surnames:
 * "Maria", "José", "Silva", "Santos" and "Oliveira" repeat a lot, as they do in a real
 * registry.
 */
public final class PatientData {

	private PatientData() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			fail("usage: PatientData load|sample --option value ...");
		}
		Map<String, String> options = options(args);
		switch (args[0]) {
			case "load" -> load(options);
			case "sample" -> {
				Generator generator = new Generator(Long.parseLong(options.getOrDefault("seed", "20261122")));
				int n = Integer.parseInt(options.getOrDefault("patients", "5"));
				for (int k = 0; k < n; k++) {
					System.out.println(generator.patient(k).json());
				}
			}
			default -> fail("unknown command " + args[0]);
		}
	}

	// ---------------------------------------------------------------- load

	static void load(Map<String, String> options) throws Exception {
		String url = required(options, "url");
		String tenant = options.getOrDefault("tenant", "bench-patients");
		int patients = Integer.parseInt(options.getOrDefault("patients", "1000000"));
		int threads = Integer.parseInt(options.getOrDefault("threads", "3"));
		int batch = Integer.parseInt(options.getOrDefault("batch", "1000"));
		long seed = Long.parseLong(options.getOrDefault("seed", "20261122"));
		boolean skipLoad = Boolean.parseBoolean(options.getOrDefault("skip-load", "false"));
		Path out = Path.of(required(options, "out"));
		String adminEmail = options.getOrDefault("admin-email", "admin@patients.bench.test");
		String adminPassword = options.getOrDefault("admin-password", "correct-horse-battery");
		Files.createDirectories(out);
		Generator generator = new Generator(seed);
		Tokens tokens = new Tokens(url, tenant, adminEmail, adminPassword);
		String tenantId = tokens.registerOrLogin();
		System.out.printf(Locale.ROOT, "bench: tenant %s (id %s)%n", tenant, tenantId);

		Map<String, String> result = new LinkedHashMap<>();
		result.put("tenant", tenant);
		result.put("tenantId", tenantId);
		result.put("patients", Integer.toString(patients));
		result.put("seed", Long.toString(seed));
		if (!skipLoad) {
			Load load = new Load(url, tokens, generator, patients, batch, threads);
			load.run();
			result.putAll(load.figures());
		}
		else {
			result.put("skipped", "true");
		}
		StringBuilder properties = new StringBuilder("# the patient load of bench/run\n");
		result.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
		Files.writeString(out.resolve("load.properties"), properties);
		Feeders.write(generator, patients, seed, out);
		System.out.println("bench: feeders written to " + out);
	}

	/** Sends the patients, batch by batch, from a few concurrent senders. */
	static final class Load {

		private static final Pattern COUNTS = Pattern
			.compile("\"created\"\\s*:\\s*(\\d+)\\s*,\\s*\"duplicates\"\\s*:\\s*(\\d+)\\s*,\\s*\"invalid\"\\s*:\\s*(\\d+)");

		private final String url;

		private final Tokens tokens;

		private final Generator generator;

		private final int patients;

		private final int batch;

		private final int threads;

		private final HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		private final AtomicLong nextBatch = new AtomicLong();

		private final AtomicLong created = new AtomicLong();

		private final AtomicLong duplicates = new AtomicLong();

		private final AtomicLong invalid = new AtomicLong();

		private final AtomicLong retries = new AtomicLong();

		private final AtomicLong requestNanos = new AtomicLong();

		private final AtomicLong maxRequestNanos = new AtomicLong();

		private final AtomicLong generateNanos = new AtomicLong();

		private final List<Long> requestMillis = java.util.Collections.synchronizedList(new ArrayList<>());

		private long elapsedNanos;

		Load(String url, Tokens tokens, Generator generator, int patients, int batch, int threads) {
			this.url = url;
			this.tokens = tokens;
			this.generator = generator;
			this.patients = patients;
			this.batch = batch;
			this.threads = threads;
		}

		void run() throws Exception {
			long batches = (this.patients + this.batch - 1) / this.batch;
			System.out.printf(Locale.ROOT, "bench: loading %,d patients in %,d requests of %d, %d concurrent senders%n",
					this.patients, batches, this.batch, this.threads);
			long started = System.nanoTime();
			Thread progress = Thread.ofPlatform().daemon().start(() -> {
				long last = 0;
				while (true) {
					try {
						Thread.sleep(15_000);
					}
					catch (InterruptedException ex) {
						return;
					}
					long done = this.created.get() + this.duplicates.get() + this.invalid.get();
					double seconds = (System.nanoTime() - started) / 1e9;
					System.out.printf(Locale.ROOT, "bench: %,d of %,d patients after %.0f s (%.0f/s overall, %.0f/s in the last 15 s)%n",
							done, this.patients, seconds, done / seconds, (done - last) / 15.0);
					last = done;
				}
			});
			List<Future<?>> senders = new ArrayList<>();
			try (ExecutorService pool = Executors.newFixedThreadPool(this.threads)) {
				for (int t = 0; t < this.threads; t++) {
					senders.add(pool.submit(() -> {
						for (long b = this.nextBatch.getAndIncrement(); b < batches; b = this.nextBatch.getAndIncrement()) {
							send(b);
						}
						return null;
					}));
				}
				for (Future<?> sender : senders) {
					try {
						sender.get();
					}
					catch (java.util.concurrent.ExecutionException ex) {
						progress.interrupt();
						pool.shutdownNow();
						fail("the load failed: " + ex.getCause());
					}
				}
			}
			this.elapsedNanos = System.nanoTime() - started;
			progress.interrupt();
			System.out.printf(Locale.ROOT,
					"bench: %,d patients created (%,d duplicates, %,d invalid) in %.1f s: %.0f patients/s%n",
					this.created.get(), this.duplicates.get(), this.invalid.get(), this.elapsedNanos / 1e9,
					this.created.get() / (this.elapsedNanos / 1e9));
			if (this.created.get() != this.patients) {
				System.out.println("bench: warning: not every patient was created");
			}
		}

		private void send(long b) throws Exception {
			long from = b * this.batch;
			long to = Math.min(this.patients, from + this.batch);
			long t0 = System.nanoTime();
			StringBuilder body = new StringBuilder((int) (to - from) * 1100).append("{\"items\":[");
			for (long k = from; k < to; k++) {
				if (k > from) {
					body.append(',');
				}
				this.generator.patient(k).json(body);
			}
			body.append("]}");
			byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
			this.generateNanos.addAndGet(System.nanoTime() - t0);
			for (int attempt = 1;; attempt++) {
				String token = this.tokens.current();
				long sent = System.nanoTime();
				HttpResponse<String> response;
				try {
					response = this.client.send(HttpRequest.newBuilder(URI.create(this.url + "/api/v1/patients/bulk"))
						.timeout(Duration.ofSeconds(120))
						.header("Content-Type", "application/json")
						.header("Accept", "application/json")
						.header("Authorization", "Bearer " + token)
						.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
						.build(), HttpResponse.BodyHandlers.ofString());
				}
				catch (IOException ex) {
					if (attempt >= 5) {
						throw ex;
					}
					this.retries.incrementAndGet();
					Thread.sleep(1000L * attempt);
					continue;
				}
				long took = System.nanoTime() - sent;
				if (response.statusCode() == 401 && attempt < 5) {
					this.tokens.renew(token);
					this.retries.incrementAndGet();
					continue;
				}
				if ((response.statusCode() == 503 || response.statusCode() == 429) && attempt < 10) {
					this.retries.incrementAndGet();
					Thread.sleep(1000L * Math.min(attempt, 5));
					continue;
				}
				if (response.statusCode() != 200) {
					throw new IllegalStateException("POST /api/v1/patients/bulk (patients " + from + ".." + (to - 1)
							+ ") answered " + response.statusCode() + " " + abbreviate(response.body()));
				}
				Matcher counts = COUNTS.matcher(response.body());
				if (!counts.find()) {
					throw new IllegalStateException("no counts in the bulk answer: " + abbreviate(response.body()));
				}
				this.created.addAndGet(Long.parseLong(counts.group(1)));
				this.duplicates.addAndGet(Long.parseLong(counts.group(2)));
				long bad = Long.parseLong(counts.group(3));
				if (bad > 0 && this.invalid.getAndAdd(bad) == 0) {
					System.out.println("bench: warning: invalid patients in batch " + b + ": " + abbreviate(response.body()));
				}
				this.requestNanos.addAndGet(took);
				this.maxRequestNanos.accumulateAndGet(took, Math::max);
				this.requestMillis.add(took / 1_000_000);
				return;
			}
		}

		Map<String, String> figures() {
			Map<String, String> figures = new LinkedHashMap<>();
			double seconds = this.elapsedNanos / 1e9;
			figures.put("created", Long.toString(this.created.get()));
			figures.put("duplicates", Long.toString(this.duplicates.get()));
			figures.put("invalid", Long.toString(this.invalid.get()));
			figures.put("retries", Long.toString(this.retries.get()));
			figures.put("batch", Integer.toString(this.batch));
			figures.put("threads", Integer.toString(this.threads));
			figures.put("seconds", String.format(Locale.ROOT, "%.1f", seconds));
			figures.put("patientsPerSecond", String.format(Locale.ROOT, "%.0f", this.created.get() / seconds));
			List<Long> sorted = new ArrayList<>(this.requestMillis);
			sorted.sort(null);
			if (!sorted.isEmpty()) {
				figures.put("requests", Integer.toString(sorted.size()));
				figures.put("requestP50Ms", Long.toString(percentile(sorted, 50)));
				figures.put("requestP95Ms", Long.toString(percentile(sorted, 95)));
				figures.put("requestP99Ms", Long.toString(percentile(sorted, 99)));
				figures.put("requestMaxMs", Long.toString(sorted.getLast()));
			}
			figures.put("generatorCpuSeconds", String.format(Locale.ROOT, "%.1f", this.generateNanos.get() / 1e9));
			return figures;
		}

		static long percentile(List<Long> sorted, int p) {
			int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
			return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
		}

	}

	/**
	 * The admin's access token, renewed by logging in again before it expires (15 minutes)
	 * or when the server refuses it.
	 */
	static final class Tokens {

		private static final Duration RENEW_AFTER = Duration.ofMinutes(10);

		private final String url;

		private final String tenant;

		private final String email;

		private final String password;

		private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		private String token;

		private long obtainedAt;

		Tokens(String url, String tenant, String email, String password) {
			this.url = url;
			this.tenant = tenant;
			this.email = email;
			this.password = password;
		}

		/** Registers the tenant, or logs in when it exists; returns the tenant's id. */
		synchronized String registerOrLogin() throws IOException, InterruptedException {
			String register = "{\"tenantName\":\"Bench Patients\",\"tenantSlug\":" + quote(this.tenant)
					+ ",\"name\":\"Admin\",\"email\":" + quote(this.email) + ",\"password\":" + quote(this.password)
					+ "}";
			HttpResponse<String> response = post("/api/v1/auth/register", register);
			if (response.statusCode() == 409) {
				response = post("/api/v1/auth/login", loginBody());
			}
			if (response.statusCode() != 200 && response.statusCode() != 201) {
				fail("could not register or log in to tenant " + this.tenant + ": " + response.statusCode() + " "
						+ abbreviate(response.body()));
			}
			accept(response.body());
			Matcher tenantId = Pattern.compile("\"tenant\"\\s*:\\s*\\{[^}]*?\"id\"\\s*:\\s*\"([^\"]+)\"")
				.matcher(response.body());
			return tenantId.find() ? tenantId.group(1) : "unknown";
		}

		synchronized String current() throws IOException, InterruptedException {
			if (System.nanoTime() - this.obtainedAt > RENEW_AFTER.toNanos()) {
				login();
			}
			return this.token;
		}

		/** Logs in again unless another sender already replaced the refused token. */
		synchronized void renew(String refused) throws IOException, InterruptedException {
			if (refused.equals(this.token)) {
				login();
			}
		}

		private void login() throws IOException, InterruptedException {
			HttpResponse<String> response = post("/api/v1/auth/login", loginBody());
			if (response.statusCode() != 200) {
				fail("admin login failed: " + response.statusCode() + " " + abbreviate(response.body()));
			}
			accept(response.body());
		}

		private void accept(String body) {
			Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
			if (!token.find()) {
				fail("no accessToken in " + abbreviate(body));
			}
			this.token = token.group(1);
			this.obtainedAt = System.nanoTime();
		}

		private String loginBody() {
			return "{\"email\":" + quote(this.email) + ",\"password\":" + quote(this.password) + ",\"tenant\":"
					+ quote(this.tenant) + "}";
		}

		private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(URI.create(this.url + path))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

	// ---------------------------------------------------------------- feeders

	/**
	 * What the Gatling scenarios ask for, drawn (with their own seeded random stream) from
	 * the patients loaded, so that every lookup names a patient that exists.
	 */
	static final class Feeders {

		static final int SAMPLE = 3000;

		static void write(Generator generator, int patients, long seed, Path out) throws IOException {
			SplittableRandom random = new SplittableRandom(seed * 31 + 7);
			List<String> names = new ArrayList<>(List.of("full,firstLast,accentFree,typo,oneWord"));
			List<String> lookups = new ArrayList<>(List.of("cpf,cpfFormatted,phoneE164,phoneLast8,id"));
			int accentFree = 0;
			int attempts = 0;
			List<String[]> accentFreeNames = new ArrayList<>();
			while ((names.size() <= SAMPLE || accentFreeNames.size() < SAMPLE) && attempts < SAMPLE * 50) {
				attempts++;
				long k = random.nextLong(patients);
				Patient p = generator.patient(k);
				String firstLast = p.firstWord() + " " + p.lastSurname();
				if (!unaccent(firstLast).equals(firstLast) && accentFreeNames.size() < SAMPLE) {
					accentFreeNames.add(new String[] { unaccent(firstLast).toLowerCase(Locale.ROOT) });
				}
				if (names.size() <= SAMPLE) {
					String oneWord = random.nextInt(3) == 0 ? p.firstWord() : p.lastSurname();
					names.add(String.join(",", p.fullName, firstLast, "", typo(firstLast, random), oneWord));
					lookups.add(String.join(",", p.cpf, formatCpf(p.cpf), p.mobileE164(), p.mobileLast8(),
							Long.toString(k)));
				}
			}
			// the accent-free column: names that do have accents, typed without them
			for (int i = 1; i < names.size(); i++) {
				String[] row = names.get(i).split(",", -1);
				row[2] = accentFreeNames.isEmpty() ? unaccent(row[1]).toLowerCase(Locale.ROOT)
						: accentFreeNames.get((i - 1) % accentFreeNames.size())[0];
				names.set(i, String.join(",", row));
				accentFree++;
			}
			// Filters: drawn from a patient who has a tag (its city, an age band it falls in, one of
			// its tags: the combinations people ask for, never empty), and drawn at random, each
			// part on its own (some combinations are rare or empty, such as children who smoke).
			int[][] bands = { { 0, 11 }, { 12, 17 }, { 18, 29 }, { 30, 44 }, { 45, 59 }, { 60, 74 }, { 75, 120 },
					{ 20, 40 }, { 40, 65 } };
			LocalDate today = LocalDate.now();
			List<String> filters = new ArrayList<>(List.of("city,ageMin,ageMax,tag"));
			while (filters.size() <= SAMPLE) {
				Patient p = generator.patient(random.nextLong(patients));
				if (p.tags.isEmpty()) {
					continue;
				}
				int age = java.time.Period.between(p.birthDate, today).getYears();
				List<int[]> fitting = java.util.Arrays.stream(bands).filter((b) -> b[0] <= age && age <= b[1]).toList();
				if (fitting.isEmpty()) {
					continue;
				}
				int[] band = fitting.get(random.nextInt(fitting.size()));
				filters.add(String.join(",", typedCity(p.city, random), Integer.toString(band[0]),
						Integer.toString(band[1]), p.tags.get(random.nextInt(p.tags.size()))));
			}
			List<String> randomFilters = new ArrayList<>(List.of("city,ageMin,ageMax,tag"));
			for (int i = 0; i < SAMPLE; i++) {
				City city = Generator.CITIES[Generator.pick(Generator.CITY_WEIGHTS, random)];
				int[] band = bands[random.nextInt(bands.length)];
				String tag = Generator.FILTER_TAGS[random.nextInt(Generator.FILTER_TAGS.length)];
				randomFilters.add(String.join(",", typedCity(city, random), Integer.toString(band[0]),
						Integer.toString(band[1]), tag));
			}
			List<String> stats = new ArrayList<>(List.of("city,tag"));
			for (int i = 0; i < SAMPLE; i++) {
				City city = Generator.CITIES[Generator.pick(Generator.CITY_WEIGHTS, random)];
				stats.add(String.join(",", city.name,
						Generator.FILTER_TAGS[random.nextInt(Generator.FILTER_TAGS.length)]));
			}
			Files.write(out.resolve("names.csv"), names, StandardCharsets.UTF_8);
			Files.write(out.resolve("lookups.csv"), lookups, StandardCharsets.UTF_8);
			Files.write(out.resolve("filters.csv"), filters, StandardCharsets.UTF_8);
			Files.write(out.resolve("filters-random.csv"), randomFilters, StandardCharsets.UTF_8);
			Files.write(out.resolve("stats.csv"), stats, StandardCharsets.UTF_8);
			if (accentFree == 0) {
				System.out.println("bench: warning: no accent-free names sampled");
			}
		}

		/** A city as people type it: a third of the time in lower case without accents. */
		static String typedCity(City city, SplittableRandom random) {
			return (random.nextInt(3) == 0) ? unaccent(city.name).toLowerCase(Locale.ROOT) : city.name;
		}

		/** One typing mistake in the longer word: two neighbouring letters swapped. */
		static String typo(String name, SplittableRandom random) {
			String[] words = name.split(" ");
			int longest = 0;
			for (int i = 1; i < words.length; i++) {
				if (words[i].length() > words[longest].length()) {
					longest = i;
				}
			}
			String word = words[longest];
			if (word.length() >= 4) {
				int at = 1 + random.nextInt(word.length() - 2);
				char[] chars = word.toCharArray();
				char c = chars[at];
				chars[at] = chars[at + 1 < chars.length ? at + 1 : at - 1];
				chars[at + 1 < chars.length ? at + 1 : at - 1] = c;
				words[longest] = new String(chars);
			}
			return unaccent(String.join(" ", words)).toLowerCase(Locale.ROOT);
		}

		static String formatCpf(String cpf) {
			return cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-" + cpf.substring(9);
		}

	}

	// ---------------------------------------------------------------- generator

	record City(String name, String state, int cepFrom, int cepTo, String ddd, String[] neighborhoods, double[][] centres,
			double[] weights) {
	}

	/** A generated patient: what the feeders need, and its JSON. */
	static final class Patient {

		String fullName;

		String socialName;

		String[] firstNames;

		String[] surnames;

		String cpf;

		LocalDate birthDate;

		String gender;

		String email;

		String ddd;

		String mobileSubscriber;

		String landline;

		City city;

		String neighborhood;

		String street;

		String number;

		String complement;

		String postalCode;

		double lat;

		double lon;

		String planProvider;

		String planName;

		String planMember;

		LocalDate planValidUntil;

		List<String> tags = new ArrayList<>();

		List<String> conditions = new ArrayList<>();

		List<String> allergies = new ArrayList<>();

		String notes;

		String channel;

		String timeOfDay;

		String firstWord() {
			return this.firstNames[0];
		}

		String lastSurname() {
			return this.surnames[this.surnames.length - 1];
		}

		String mobileE164() {
			return "+55" + this.ddd + "9" + this.mobileSubscriber;
		}

		String mobileLast8() {
			return this.mobileSubscriber;
		}

		String json() {
			StringBuilder out = new StringBuilder(1100);
			json(out);
			return out.toString();
		}

		void json(StringBuilder out) {
			out.append("{\"fullName\":");
			str(out, this.fullName);
			if (this.socialName != null) {
				out.append(",\"socialName\":");
				str(out, this.socialName);
			}
			out.append(",\"cpf\":\"").append(this.cpf).append('"');
			out.append(",\"birthDate\":\"").append(this.birthDate).append('"');
			out.append(",\"gender\":\"").append(this.gender).append('"');
			if (this.email != null) {
				out.append(",\"email\":");
				str(out, this.email);
			}
			out.append(",\"contacts\":[{\"type\":\"MOBILE\",\"value\":\"+55 ").append(this.ddd).append(" 9")
				.append(this.mobileSubscriber, 0, 4).append('-').append(this.mobileSubscriber, 4, 8)
				.append("\",\"primary\":true,\"allowMessages\":true}");
			if (this.landline != null) {
				out.append(",{\"type\":\"PHONE\",\"value\":\"(").append(this.ddd).append(") ")
					.append(this.landline, 0, 4).append('-').append(this.landline, 4, 8)
					.append("\",\"primary\":true,\"allowMessages\":false}");
			}
			out.append("],\"address\":{\"street\":");
			str(out, this.street);
			out.append(",\"number\":\"").append(this.number).append('"');
			if (this.complement != null) {
				out.append(",\"complement\":");
				str(out, this.complement);
			}
			out.append(",\"neighborhood\":");
			str(out, this.neighborhood);
			out.append(",\"city\":");
			str(out, this.city.name);
			out.append(",\"state\":\"").append(this.city.state).append('"');
			out.append(",\"postalCode\":\"").append(this.postalCode).append('"');
			out.append(",\"country\":\"BR\",\"location\":{\"lat\":")
				.append(degrees(this.lat))
				.append(",\"lon\":")
				.append(degrees(this.lon))
				.append("}}");
			if (this.planProvider != null) {
				out.append(",\"healthPlan\":{\"provider\":");
				str(out, this.planProvider);
				out.append(",\"planName\":");
				str(out, this.planName);
				out.append(",\"memberNumber\":\"").append(this.planMember).append('"');
				out.append(",\"validUntil\":\"").append(this.planValidUntil).append("\"}");
			}
			list(out, "tags", this.tags);
			list(out, "conditions", this.conditions);
			list(out, "allergies", this.allergies);
			if (this.notes != null) {
				out.append(",\"notes\":");
				str(out, this.notes);
			}
			if (this.channel != null) {
				out.append(",\"preferences\":{\"contactChannel\":\"").append(this.channel)
					.append("\",\"language\":\"pt-BR\",\"timeOfDay\":\"").append(this.timeOfDay).append("\"}");
			}
			out.append('}');
		}

		/** Six decimals, without String.format (the loader generates a million of these). */
		private static String degrees(double value) {
			long micro = Math.round(Math.abs(value) * 1_000_000);
			return ((value < 0) ? "-" : "") + (micro / 1_000_000) + "." + pad(micro % 1_000_000, 6);
		}

		private static void list(StringBuilder out, String name, List<String> values) {
			if (values.isEmpty()) {
				return;
			}
			out.append(",\"").append(name).append("\":[");
			for (int i = 0; i < values.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				str(out, values.get(i));
			}
			out.append(']');
		}

		private static void str(StringBuilder out, String value) {
			out.append('"');
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '"' || c == '\\') {
					out.append('\\');
				}
				out.append(c);
			}
			out.append('"');
		}

	}

	/** Patient {@code k} of a data set, from the seed and {@code k} alone. */
	static final class Generator {

		// Frequent Brazilian first names, most frequent first (IBGE, Censo 2010 order, roughly).
		static final String[] FEMALE = { "Maria", "Ana", "Francisca", "Antônia", "Adriana", "Juliana", "Márcia",
				"Fernanda", "Patrícia", "Aline", "Sandra", "Camila", "Amanda", "Bruna", "Jéssica", "Letícia", "Júlia",
				"Luciana", "Vanessa", "Mariana", "Gabriela", "Vera", "Vitória", "Larissa", "Cláudia", "Beatriz",
				"Luana", "Rita", "Sônia", "Renata", "Eliane", "Josefa", "Simone", "Natália", "Cristina", "Carla",
				"Débora", "Rosângela", "Jaqueline", "Rosa", "Daniela", "Aparecida", "Marlene", "Terezinha", "Raimunda",
				"Andréia", "Fabiana", "Lúcia", "Raquel", "Ângela", "Rafaela", "Joana", "Luzia", "Elaine", "Daniele",
				"Regina", "Daiane", "Sara", "Laura", "Alícia", "Helena", "Valentina", "Sophia", "Isabela", "Lívia",
				"Giovana", "Manuela", "Lorena", "Yasmin", "Cecília", "Heloísa", "Thaís", "Priscila", "Tatiane",
				"Kelly", "Michele", "Paula", "Roberta", "Silvana", "Conceição", "Edna", "Irene", "Lourdes", "Marta",
				"Solange", "Tânia", "Viviane", "Érica", "Gisele", "Mônica" };

		static final String[] MALE = { "José", "João", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas",
				"Luiz", "Marcos", "Luís", "Gabriel", "Rafael", "Daniel", "Marcelo", "Bruno", "Eduardo", "Felipe",
				"Raimundo", "Rodrigo", "Manoel", "Mateus", "André", "Fernando", "Fábio", "Leonardo", "Gustavo",
				"Guilherme", "Leandro", "Tiago", "Anderson", "Ricardo", "Márcio", "Jorge", "Sebastião", "Alexandre",
				"Roberto", "Edson", "Diego", "Vítor", "Sérgio", "Cláudio", "Matheus", "Thiago", "Geraldo", "Adriano",
				"Luciano", "Júlio", "Renato", "Alex", "Vinícius", "Rogério", "Samuel", "Ronaldo", "Mário", "Flávio",
				"Igor", "Douglas", "Davi", "Heitor", "Arthur", "Bernardo", "Enzo", "Miguel", "Théo", "Benício",
				"Joaquim", "Caio", "Otávio", "Henrique", "Emanuel", "Wellington", "Wagner", "Reinaldo", "Severino",
				"Benedito", "Valdir", "Jair", "Nelson", "Osvaldo", "Rubens", "Hélio", "Everton", "Murilo", "Nicolas",
				"Lorenzo", "Cauã", "Ícaro", "Breno", "Yuri" };

		static final String[] FEMALE_COMPOUND = { "Maria José", "Ana Paula", "Maria Aparecida", "Maria Eduarda",
				"Ana Clara", "Maria Clara", "Ana Beatriz", "Maria Fernanda", "Maria das Graças", "Ana Carolina",
				"Maria de Lourdes", "Maria Luiza", "Maria Helena", "Ana Luíza", "Maria Cecília", "Maria Júlia",
				"Ana Lúcia", "Maria Vitória", "Maria Alice", "Ana Júlia" };

		static final String[] MALE_COMPOUND = { "João Pedro", "José Carlos", "Luiz Carlos", "Carlos Eduardo",
				"João Vitor", "Pedro Henrique", "Paulo Roberto", "Luiz Fernando", "José Antônio", "João Paulo",
				"João Guilherme", "Antônio Carlos", "Luís Felipe", "João Miguel", "José Roberto", "Marco Antônio",
				"Carlos Alberto", "José Luiz", "Francisco de Assis", "João Gabriel" };

		// Frequent surnames, most frequent first; the preposition that often goes with them.
		static final String[] SURNAMES = { "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves",
				"Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares",
				"Fernandes", "Vieira", "Barbosa", "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes",
				"Marques", "Machado", "Mendes", "Freitas", "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira",
				"Araújo", "Pinto", "Cavalcanti", "Monteiro", "Moura", "Correia", "Campos", "Batista", "Reis",
				"Castro", "Cunha", "Pires", "Rezende", "Melo", "Azevedo", "Conceição", "Brito", "Farias", "Sales",
				"Leite", "Aragão", "Magalhães", "Figueiredo", "Fonseca", "Queiroz", "Xavier", "Borges", "Sampaio",
				"Guimarães", "Siqueira", "Tavares", "Medeiros", "Brandão", "Coelho", "Pacheco", "Prado", "Bezerra",
				"Nogueira", "Assunção", "Damasceno", "Falcão", "Sá", "Mourão", "Antunes", "Rangel", "Lacerda",
				"Bastos", "Vasconcelos", "Jesus", "Paiva", "Matos", "Duarte", "Miranda", "Cruz", "Barros", "Caldeira",
				"Peixoto", "Vaz", "Amaral", "Bittencourt", "Toledo", "Quintana", "Loureiro", "Valadares", "Assis",
				"Holanda", "Sobral", "Müller", "Yamamoto", "Tanaka", "Nakamura", "Rossi", "Ferrari", "Esposito",
				"Haddad", "Khoury" };

		static final Map<String, String> PREPOSITIONS = Map.ofEntries(Map.entry("Silva", "da"),
				Map.entry("Santos", "dos"), Map.entry("Oliveira", "de"), Map.entry("Souza", "de"),
				Map.entry("Costa", "da"), Map.entry("Lima", "de"), Map.entry("Almeida", "de"),
				Map.entry("Carvalho", "de"), Map.entry("Nascimento", "do"), Map.entry("Conceição", "da"),
				Map.entry("Jesus", "de"), Map.entry("Reis", "dos"), Map.entry("Rocha", "da"),
				Map.entry("Freitas", "de"), Map.entry("Araújo", "de"), Map.entry("Castro", "de"),
				Map.entry("Cunha", "da"), Map.entry("Moura", "de"), Map.entry("Melo", "de"), Map.entry("Sá", "de"),
				Map.entry("Assis", "de"), Map.entry("Cruz", "da"), Map.entry("Paiva", "de"),
				Map.entry("Matos", "de"), Map.entry("Andrade", "de"), Map.entry("Assunção", "da"));

		static final double[] FEMALE_WEIGHTS = zipf(FEMALE.length, 0.9);

		static final double[] MALE_WEIGHTS = zipf(MALE.length, 0.9);

		static final double[] COMPOUND_WEIGHTS = zipf(FEMALE_COMPOUND.length, 1.0);

		static final double[] SURNAME_WEIGHTS = zipf(SURNAMES.length, 1.0);

		static final String[] STREETS = { "Rua São João", "Rua Sete de Setembro", "Avenida Brasil",
				"Rua XV de Novembro", "Rua Tiradentes", "Rua Dom Pedro II", "Rua Santos Dumont", "Rua Rui Barbosa",
				"Avenida Getúlio Vargas", "Rua Marechal Deodoro", "Rua Floriano Peixoto", "Rua José Bonifácio",
				"Rua Bento Gonçalves", "Rua das Flores", "Rua das Acácias", "Rua dos Ipês", "Avenida Independência",
				"Rua Castro Alves", "Rua Machado de Assis", "Rua Duque de Caxias", "Rua Barão do Rio Branco",
				"Avenida Presidente Vargas", "Rua Princesa Isabel", "Rua Padre Anchieta", "Rua Monteiro Lobato",
				"Rua Cecília Meireles", "Rua Olavo Bilac", "Travessa São Jorge", "Rua da Paz", "Rua Esperança",
				"Avenida Amazonas", "Rua Paraná", "Rua Bahia", "Rua Pernambuco", "Alameda dos Anjos",
				"Rua Coronel Oliveira", "Rua Doutor Pereira", "Rua Antônio Carlos", "Rua Visconde de Mauá",
				"Avenida Santo Amaro" };

		static final City[] CITIES = {
				city("São Paulo", "SP", 1000, 8499, "11",
						new Object[][] { { "Pinheiros", -23.5674, -46.6910 }, { "Vila Mariana", -23.5891, -46.6345 },
								{ "Moema", -23.6010, -46.6650 }, { "Tatuapé", -23.5404, -46.5760 },
								{ "Santana", -23.5020, -46.6250 }, { "Itaquera", -23.5400, -46.4560 },
								{ "Butantã", -23.5710, -46.7080 }, { "Mooca", -23.5560, -46.5960 },
								{ "Lapa", -23.5270, -46.7040 }, { "Bela Vista", -23.5610, -46.6470 },
								{ "Capão Redondo", -23.6680, -46.7800 }, { "Jabaquara", -23.6460, -46.6410 },
								{ "Perdizes", -23.5360, -46.6770 }, { "Ipiranga", -23.5900, -46.6080 },
								{ "Brasilândia", -23.4700, -46.6880 } }),
				city("Guarulhos", "SP", 7000, 7399, "11",
						new Object[][] { { "Centro", -23.4628, -46.5333 }, { "Vila Galvão", -23.4560, -46.5660 },
								{ "Pimentas", -23.4420, -46.4130 }, { "Bonsucesso", -23.4180, -46.4100 },
								{ "Cumbica", -23.4500, -46.4800 } }),
				city("Osasco", "SP", 6000, 6299, "11",
						new Object[][] { { "Centro", -23.5320, -46.7920 }, { "Presidente Altino", -23.5300, -46.7700 },
								{ "Km 18", -23.5160, -46.7770 }, { "Jardim Veloso", -23.5500, -46.8000 } }),
				city("Santo André", "SP", 9000, 9299, "11",
						new Object[][] { { "Centro", -23.6639, -46.5383 }, { "Vila Assunção", -23.6630, -46.5180 },
								{ "Parque das Nações", -23.6450, -46.5280 }, { "Jardim", -23.6600, -46.5300 } }),
				city("São Bernardo do Campo", "SP", 9600, 9899, "11",
						new Object[][] { { "Centro", -23.6914, -46.5646 }, { "Rudge Ramos", -23.6570, -46.5650 },
								{ "Assunção", -23.6820, -46.5280 }, { "Demarchi", -23.7150, -46.5600 } }),
				city("Campinas", "SP", 13000, 13139, "19",
						new Object[][] { { "Centro", -22.9056, -47.0608 }, { "Cambuí", -22.8950, -47.0500 },
								{ "Barão Geraldo", -22.8230, -47.0790 }, { "Taquaral", -22.8770, -47.0570 },
								{ "Ouro Verde", -22.9720, -47.1480 } }),
				city("Rio de Janeiro", "RJ", 20000, 23799, "21",
						new Object[][] { { "Copacabana", -22.9711, -43.1822 }, { "Tijuca", -22.9250, -43.2320 },
								{ "Barra da Tijuca", -23.0004, -43.3659 }, { "Botafogo", -22.9519, -43.1843 },
								{ "Méier", -22.9020, -43.2780 }, { "Campo Grande", -22.9050, -43.5610 },
								{ "Madureira", -22.8730, -43.3380 }, { "Ipanema", -22.9838, -43.2096 } }),
				city("Belo Horizonte", "MG", 30000, 31999, "31",
						new Object[][] { { "Savassi", -19.9386, -43.9350 }, { "Pampulha", -19.8510, -43.9710 },
								{ "Centro", -19.9191, -43.9386 }, { "Barreiro", -19.9770, -44.0190 },
								{ "Venda Nova", -19.8150, -43.9550 } }),
				city("Curitiba", "PR", 80000, 82999, "41",
						new Object[][] { { "Centro", -25.4284, -49.2733 }, { "Batel", -25.4420, -49.2860 },
								{ "Água Verde", -25.4530, -49.2830 }, { "Boqueirão", -25.5050, -49.2410 },
								{ "Santa Felicidade", -25.4030, -49.3280 } }),
				city("Salvador", "BA", 40000, 42599, "71",
						new Object[][] { { "Barra", -13.0097, -38.5320 }, { "Pituba", -13.0000, -38.4560 },
								{ "Itapuã", -12.9510, -38.3630 }, { "Liberdade", -12.9490, -38.4960 },
								{ "Cabula", -12.9600, -38.4600 } }),
				city("Recife", "PE", 50000, 52999, "81",
						new Object[][] { { "Boa Viagem", -8.1190, -34.9000 }, { "Casa Forte", -8.0340, -34.9180 },
								{ "Madalena", -8.0560, -34.9080 }, { "Santo Amaro", -8.0480, -34.8830 } }),
				city("Porto Alegre", "RS", 90000, 91999, "51",
						new Object[][] { { "Moinhos de Vento", -30.0250, -51.2010 },
								{ "Centro Histórico", -30.0277, -51.2287 }, { "Petrópolis", -30.0450, -51.1850 },
								{ "Restinga", -30.1460, -51.1420 } }) };

		/** Share of patients per city, in percent, in the order of {@link #CITIES}. */
		static final double[] CITY_WEIGHTS = cumulative(new double[] { 35, 6, 4, 4, 4, 8, 14, 8, 6, 5, 3, 3 });

		/** Population share per five-year age band, 0-4 to 95-99 (Brazil, roughly). */
		static final double[] AGE_WEIGHTS = cumulative(new double[] { 6.0, 6.5, 6.7, 7.0, 7.5, 7.5, 7.7, 8.0, 7.8,
				6.8, 6.3, 5.8, 5.0, 4.0, 3.0, 2.0, 1.3, 0.7, 0.3, 0.1 });

		static final String[][] PLANS = { { "Unimed", "Unimed Nacional", "Unimed Estilo", "Unimed Pleno" },
				{ "Bradesco Saúde", "Top Nacional", "Efetivo", "Flex" }, { "Amil", "Amil 400", "Amil 500", "Amil One" },
				{ "SulAmérica", "Clássico", "Especial 100", "Executivo" }, { "Hapvida", "Mix", "Nosso Plano" },
				{ "NotreDame Intermédica", "Smart 200", "Advance 600" },
				{ "Porto Seguro Saúde", "Bronze", "Prata", "Ouro" }, { "Golden Cross", "Essencial", "Especial" },
				{ "Prevent Senior", "Prevent MA" }, { "Cassi", "Cassi Família" } };

		static final double[] PLAN_WEIGHTS = zipf(PLANS.length, 0.8);

		/** The tags the filter scenario asks for (the frequent ones a receptionist filters by). */
		static final String[] FILTER_TAGS = { "diabetes", "hipertensão", "idoso", "gestante", "fumante", "asma",
				"retorno-pendente", "coleta-domiciliar", "vip", "alergia-grave", "pediatria", "jejum" };

		static final String[] CONDITIONS = { "Hipotireoidismo", "Dislipidemia", "Depressão", "Ansiedade",
				"Artrite reumatoide", "Enxaqueca", "Doença renal crônica", "Insuficiência cardíaca", "DPOC",
				"Obesidade" };

		static final String[] ALLERGIES = { "Dipirona", "Penicilina", "Látex", "Iodo", "Amendoim", "Frutos do mar",
				"AAS", "Sulfa", "Ibuprofeno", "Lactose" };

		static final String[] DOMAINS = { "gmail.com", "gmail.com", "gmail.com", "gmail.com", "gmail.com",
				"hotmail.com", "hotmail.com", "yahoo.com.br", "outlook.com", "uol.com.br", "bol.com.br",
				"terra.com.br" };

		static final String[] COMPLEMENTS = { "Apto 12", "Apto 34", "Apto 101", "Apto 203", "Casa 2", "Fundos",
				"Bloco B Apto 42", "Sala 5", "Apto 1501", "Casa 1" };

		static final String[] NOTES = { "Prefere atendimento pela manhã.", "Acompanhante necessário.",
				"Paciente com dificuldade auditiva.", "Solicita contato apenas por WhatsApp.",
				"Trazer exames anteriores.", "Medo de agulha." };

		static final LocalDate REFERENCE = LocalDate.of(2025, 6, 30);

		private final long seed;

		Generator(long seed) {
			this.seed = seed;
		}

		Patient patient(long k) {
			SplittableRandom r = new SplittableRandom(this.seed * 0x9E3779B97F4A7C15L + k * 0xBF58476D1CE4E5B9L);
			Patient p = new Patient();
			double g = r.nextDouble();
			p.gender = g < 0.515 ? "FEMALE" : g < 0.99 ? "MALE" : g < 0.994 ? "OTHER" : "UNKNOWN";
			boolean female = p.gender.equals("FEMALE") || (!p.gender.equals("MALE") && r.nextBoolean());
			String first;
			if (r.nextDouble() < 0.18) {
				first = (female ? FEMALE_COMPOUND : MALE_COMPOUND)[pick(COMPOUND_WEIGHTS, r)];
			}
			else {
				first = female ? FEMALE[pick(FEMALE_WEIGHTS, r)] : MALE[pick(MALE_WEIGHTS, r)];
			}
			p.firstNames = first.split(" ");
			double s = r.nextDouble();
			int count = s < 0.25 ? 1 : s < 0.9 ? 2 : 3;
			List<String> surnames = new ArrayList<>();
			while (surnames.size() < count) {
				String surname = SURNAMES[pick(SURNAME_WEIGHTS, r)];
				if (!surnames.contains(surname)) {
					surnames.add(surname);
				}
			}
			p.surnames = surnames.toArray(String[]::new);
			StringBuilder name = new StringBuilder(first);
			for (String surname : surnames) {
				String preposition = PREPOSITIONS.get(surname);
				if (preposition != null && r.nextDouble() < 0.35) {
					name.append(' ').append(preposition);
				}
				name.append(' ').append(surname);
			}
			if (!female && r.nextDouble() < 0.03) {
				name.append(r.nextBoolean() ? " Júnior" : r.nextBoolean() ? " Filho" : " Neto");
			}
			p.fullName = name.toString();
			if (r.nextDouble() < 0.004) {
				String other = female ? MALE[pick(MALE_WEIGHTS, r)] : FEMALE[pick(FEMALE_WEIGHTS, r)];
				p.socialName = other + " " + p.lastSurname();
			}
			p.cpf = cpf(k);
			int band = pick(AGE_WEIGHTS, r);
			int ageDays = band * 5 * 365 + r.nextInt(5 * 365);
			p.birthDate = REFERENCE.minusDays(ageDays);
			int age = ageDays / 365;
			if (r.nextDouble() < 0.65) {
				p.email = (unaccent(p.firstWord()) + "." + unaccent(p.lastSurname())).toLowerCase(Locale.ROOT)
						.replace(" ", "") + (r.nextInt(3) == 0 ? "" : Integer.toString(r.nextInt(10, 9999))) + "@"
						+ DOMAINS[r.nextInt(DOMAINS.length)];
			}
			City city = CITIES[pick(CITY_WEIGHTS, r)];
			p.city = city;
			p.ddd = city.ddd;
			p.mobileSubscriber = mobile(k);
			if (r.nextDouble() < 0.2) {
				p.landline = (2 + r.nextInt(4)) + pad(r.nextInt(10_000_000), 7);
			}
			int n = pick(city.weights, r);
			p.neighborhood = city.neighborhoods[n];
			p.lat = city.centres[n][0] + r.nextGaussian() * 0.008;
			p.lon = city.centres[n][1] + r.nextGaussian() * 0.008;
			p.street = STREETS[r.nextInt(STREETS.length)];
			p.number = Integer.toString(1 + (int) Math.abs(r.nextGaussian() * 900));
			p.complement = r.nextDouble() < 0.3 ? COMPLEMENTS[r.nextInt(COMPLEMENTS.length)] : null;
			int cep = city.cepFrom + r.nextInt(city.cepTo - city.cepFrom + 1);
			p.postalCode = pad(cep, 5) + "-" + pad(r.nextInt(1000), 3);
			if (r.nextDouble() < 0.62) {
				String[] plan = PLANS[pick(PLAN_WEIGHTS, r)];
				p.planProvider = plan[0];
				p.planName = plan[1 + r.nextInt(plan.length - 1)];
				p.planMember = pad(r.nextLong(10_000_000_000_000_000L), 16);
				p.planValidUntil = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(3 * 365));
			}
			tags(p, age, female, r);
			if (r.nextDouble() < 0.12) {
				p.conditions.add(CONDITIONS[r.nextInt(CONDITIONS.length)]);
			}
			if (r.nextDouble() < 0.1) {
				p.allergies.add(ALLERGIES[r.nextInt(ALLERGIES.length)]);
				if (r.nextDouble() < 0.2) {
					String second = ALLERGIES[r.nextInt(ALLERGIES.length)];
					if (!p.allergies.contains(second)) {
						p.allergies.add(second);
					}
				}
			}
			if (r.nextDouble() < 0.05) {
				p.notes = NOTES[r.nextInt(NOTES.length)];
			}
			if (r.nextDouble() < 0.4) {
				p.channel = new String[] { "WHATSAPP", "WHATSAPP", "SMS", "PHONE", "EMAIL" }[r.nextInt(5)];
				p.timeOfDay = new String[] { "MORNING", "AFTERNOON", "ANY" }[r.nextInt(3)];
			}
			return p;
		}

		private static void tags(Patient p, int age, boolean female, SplittableRandom r) {
			boolean diabetic = r.nextDouble() < (age >= 40 ? 0.14 : 0.02);
			boolean hypertensive = r.nextDouble() < (age >= 50 ? 0.35 : age >= 30 ? 0.08 : 0.01);
			if (diabetic) {
				p.tags.add("diabetes");
				p.conditions.add("Diabetes mellitus tipo 2");
			}
			if (hypertensive) {
				p.tags.add("hipertensão");
				p.conditions.add("Hipertensão arterial");
			}
			if (age >= 65 && r.nextDouble() < 0.9) {
				p.tags.add("idoso");
			}
			if (female && age >= 16 && age <= 44 && r.nextDouble() < 0.04) {
				p.tags.add("gestante");
			}
			if (age < 12 && r.nextDouble() < 0.8) {
				p.tags.add("pediatria");
			}
			if (age >= 16 && r.nextDouble() < 0.1) {
				p.tags.add("fumante");
			}
			if (r.nextDouble() < 0.05) {
				p.tags.add("asma");
				p.conditions.add("Asma");
			}
			if (r.nextDouble() < 0.06) {
				p.tags.add("retorno-pendente");
			}
			if (r.nextDouble() < (age >= 75 ? 0.12 : 0.015)) {
				p.tags.add("coleta-domiciliar");
			}
			if (r.nextDouble() < 0.04) {
				p.tags.add("jejum");
			}
			if (r.nextDouble() < 0.03) {
				p.tags.add("alergia-grave");
			}
			if (r.nextDouble() < 0.015) {
				p.tags.add("vip");
			}
			if (r.nextDouble() < 0.008) {
				p.tags.add("cadeirante");
			}
			if (r.nextDouble() < 0.005) {
				p.tags.add("lgpd-restrito");
			}
		}

		/**
		 * A valid CPF, unique per {@code k}: nine digits from an affine bijection of
		 * {@code k} modulo 10^9 (the multiplier is coprime with 10), then the check digits.
		 */
		static String cpf(long k) {
			long base = Math.floorMod(k * 387_420_489L + 123_456_789L, 1_000_000_000L);
			String digits = pad(base, 9);
			if (digits.chars().distinct().count() == 1) {
				// one of the nine all-equal bases, never a valid CPF: the one just after
				digits = pad((base + 1) % 1_000_000_000L, 9);
			}
			int d1 = checkDigit(digits, 9);
			int d2 = checkDigit(digits + d1, 10);
			return digits + d1 + d2;
		}

		static int checkDigit(String digits, int position) {
			int sum = 0;
			for (int i = 0; i < position; i++) {
				sum += (digits.charAt(i) - '0') * (position + 1 - i);
			}
			int rest = (sum * 10) % 11;
			return (rest == 10) ? 0 : rest;
		}

		/**
		 * The eight digits after the mobile's leading 9, unique per {@code k} (affine
		 * bijection modulo 4 * 10^7, then shifted to start with 6 to 9, as most do).
		 */
		static String mobile(long k) {
			long value = 60_000_000L + Math.floorMod(k * 7_654_321L + 1_234_567L, 40_000_000L);
			return Long.toString(value);
		}

		static int pick(double[] cumulative, SplittableRandom r) {
			double x = r.nextDouble() * cumulative[cumulative.length - 1];
			int low = 0;
			int high = cumulative.length - 1;
			while (low < high) {
				int mid = (low + high) >>> 1;
				if (cumulative[mid] <= x) {
					low = mid + 1;
				}
				else {
					high = mid;
				}
			}
			return low;
		}

		static double[] zipf(int n, double exponent) {
			double[] weights = new double[n];
			for (int i = 0; i < n; i++) {
				weights[i] = 1 / Math.pow(i + 1, exponent);
			}
			return cumulative(weights);
		}

		static double[] cumulative(double[] weights) {
			double[] cumulative = new double[weights.length];
			double sum = 0;
			for (int i = 0; i < weights.length; i++) {
				sum += weights[i];
				cumulative[i] = sum;
			}
			return cumulative;
		}

		private static City city(String name, String state, int cepFrom, int cepTo, String ddd, Object[][] places) {
			String[] neighborhoods = new String[places.length];
			double[][] centres = new double[places.length][];
			for (int i = 0; i < places.length; i++) {
				neighborhoods[i] = (String) places[i][0];
				centres[i] = new double[] { (Double) places[i][1], (Double) places[i][2] };
			}
			return new City(name, state, cepFrom, cepTo, ddd, neighborhoods, centres, zipf(places.length, 0.5));
		}

	}

	// ---------------------------------------------------------------- helpers

	private static final Map<String, String> UNACCENTED = new java.util.concurrent.ConcurrentHashMap<>();

	private static final Pattern MARKS = Pattern.compile("\\p{M}");

	static String unaccent(String text) {
		return UNACCENTED.computeIfAbsent(text,
				(t) -> MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFD)).replaceAll(""));
	}

	static String pad(long value, int width) {
		String digits = Long.toString(value);
		return (digits.length() >= width) ? digits : "0".repeat(width - digits.length()) + digits;
	}

	static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	static String abbreviate(String text) {
		return (text.length() > 600) ? text.substring(0, 600) + "..." : text;
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 1; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				fail("bad argument " + args[i]);
			}
			options.put(args[i].substring(2), args[++i]);
		}
		return options;
	}

	static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			fail("missing --" + name);
		}
		return value;
	}

	static void fail(String message) {
		System.err.println("bench: " + message);
		System.exit(1);
	}

}
