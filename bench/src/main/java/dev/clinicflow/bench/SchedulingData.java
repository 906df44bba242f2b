package dev.clinicflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scheduling data set of the benchmark ({@code bench/run scheduling}), on top of the
 * patients {@code PatientData load} sent through the API. Launched as a single source
 * file with the PostgreSQL JDBC driver on the class path (bench/run takes it from the
 * application's jar): {@code java -cp postgresql.jar SchedulingData.java COMMAND ...}.
 * <ul>
 * <li>{@code load --url U --tenant SLUG --db-port P --out DIR [--doctors 200] [--cars 30]
 * [--fill 0.61] [--days-back 365] [--days-ahead 364] [--seed S] [--skip-load true]}:
 * <ol>
 * <li>through the API, as the tenant's admin: one zone per city the patients live in,
 * {@code cars} collection cars (4 visits per window, four one-hour windows 07:00-11:00
 * Monday to Saturday) spread over the zones by population, and {@code doctors} doctors
 * (ten specialisations, 20-minute slots, Monday to Friday 08:00-12:00 and 13:00-19:00:
 * 30 slots a day), with their weekly schedules;</li>
 * <li>with SQL, as the embedded database's superuser (through the API this would take
 * over an hour): the appointments of every day from {@code days-back} days ago to
 * {@code days-ahead} days ahead, one statement per month on two connections. A doctor's
 * slot is booked with probability {@code fill}, decided by a hash of doctor, day and slot
 * (reproducible); a car window holds 0 to 3 visits. Past appointments are mostly
 * COMPLETED, some CANCELLED or NO_SHOW; future ones SCHEDULED or CONFIRMED (some
 * CANCELLED). Ids are UUIDv7 built from the creation time. The database's own rules hold:
 * within one slot every doctor gets a different patient, car visits take patients from a
 * pool of their own whose address lies in the car's zone, and a third pool of patients
 * has no appointment at all (the booking phase books them);</li>
 * <li>{@code VACUUM ANALYZE} of the tables written, then a {@code CHECKPOINT}.</li>
 * </ol>
 * Then it writes into DIR {@code load.properties} (what was loaded and how long it took)
 * and the Gatling feeders: {@code booking.csv} (free slots of the next weeks, each twice in
 * a row with two different patients of the third pool: one booking wins, the other is
 * refused), {@code slots.csv}, {@code dashboard.csv} and {@code stats.csv}. With
 * {@code --skip-load true} it writes only the feeders (from the data already there).</li>
 * </ul>
 */
public final class SchedulingData {

	static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

	static final String[] SPECIALIZATIONS = { "Clínica Geral", "Pediatria", "Cardiologia", "Dermatologia",
			"Ginecologia", "Ortopedia", "Endocrinologia", "Oftalmologia", "Psiquiatria", "Neurologia" };

	/** Share of the doctors per specialisation, in the order above. */
	static final int[] SPECIALIZATION_WEIGHTS = { 40, 30, 22, 20, 20, 18, 14, 14, 12, 10 };

	static final String[] EXAMS = { "hemograma", "glicemia", "colesterol total", "TSH", "creatinina", "urina tipo 1",
			"vitamina D", "hemoglobina glicada" };

	private SchedulingData() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || !args[0].equals("load")) {
			fail("usage: SchedulingData load --option value ...");
		}
		Map<String, String> options = options(args);
		load(options);
	}

	static void load(Map<String, String> options) throws Exception {
		String url = required(options, "url");
		String tenant = options.getOrDefault("tenant", "bench-scheduling");
		int dbPort = Integer.parseInt(required(options, "db-port"));
		int doctors = Integer.parseInt(options.getOrDefault("doctors", "200"));
		int cars = Integer.parseInt(options.getOrDefault("cars", "30"));
		double fill = Double.parseDouble(options.getOrDefault("fill", "0.61"));
		int daysBack = Integer.parseInt(options.getOrDefault("days-back", "365"));
		int daysAhead = Integer.parseInt(options.getOrDefault("days-ahead", "364"));
		long seed = Long.parseLong(options.getOrDefault("seed", "20261122"));
		int bookingFrom = Integer.parseInt(options.getOrDefault("booking-from-days", "8"));
		int bookingTo = Integer.parseInt(options.getOrDefault("booking-to-days", "60"));
		boolean skipLoad = Boolean.parseBoolean(options.getOrDefault("skip-load", "false"));
		String adminEmail = options.getOrDefault("admin-email", "admin@patients.bench.test");
		String adminPassword = options.getOrDefault("admin-password", "correct-horse-battery");
		Path out = Path.of(required(options, "out"));
		Files.createDirectories(out);
		Map<String, String> result = new LinkedHashMap<>();
		LocalDate today = LocalDate.now(ZONE);
		result.put("today", today.toString());

		try (Connection db = connect(dbPort)) {
			UUID tenantId = single(db, "select id from identity.tenants where slug = ?", tenant);
			long patients = count(db, "select count(*) from patients.patients where tenant_id = ? and deleted_at is null",
					tenantId);
			System.out.printf(Locale.ROOT, "bench: tenant %s (id %s) has %,d patients%n", tenant, tenantId, patients);
			if (patients < 10 * doctors) {
				fail("too few patients for " + doctors + " doctors (at least " + 10 * doctors + ")");
			}
			result.put("tenant", tenant);
			result.put("tenantId", tenantId.toString());
			result.put("patients", Long.toString(patients));
			if (!skipLoad) {
				long existing = count(db, "select count(*) from scheduling.resources where tenant_id = ?", tenantId);
				if (existing > 0) {
					fail("the tenant has doctors or cars already (" + existing
							+ "): load into a fresh data dir, or reuse it with BENCH_SKIP_LOAD=1");
				}
				Api api = new Api(url, tenant, adminEmail, adminPassword);
				long t0 = System.nanoTime();
				resources(api, db, tenantId, doctors, cars, seed);
				double apiSeconds = (System.nanoTime() - t0) / 1e9;
				System.out.printf(Locale.ROOT, "bench: %d doctors, %d cars and their zones and schedules created "
						+ "through the API in %.1f s%n", doctors, cars, apiSeconds);
				result.put("resourcesSeconds", String.format(Locale.ROOT, "%.1f", apiSeconds));
				result.putAll(appointments(dbPort, db, tenantId, today, daysBack, daysAhead, fill));
			}
			else {
				result.put("skipped", "true");
			}
			Map<String, Long> counts = new LinkedHashMap<>();
			try (PreparedStatement query = db.prepareStatement("""
					select count(*) filter (where resource_kind = 'DOCTOR'), count(*) filter (where resource_kind = 'CAR'),
					  count(*) filter (where lower(period) >= now()), count(*)
					from scheduling.appointments where tenant_id = ?""")) {
				query.setObject(1, tenantId);
				try (ResultSet row = query.executeQuery()) {
					row.next();
					counts.put("doctorVisits", row.getLong(1));
					counts.put("carVisits", row.getLong(2));
					counts.put("futureAppointments", row.getLong(3));
					counts.put("appointments", row.getLong(4));
				}
			}
			counts.forEach((key, value) -> result.put(key, Long.toString(value)));
			result.put("doctors", Long.toString(count(db,
					"select count(*) from scheduling.resources where tenant_id = ? and kind = 'DOCTOR'", tenantId)));
			result.put("cars", Long.toString(
					count(db, "select count(*) from scheduling.resources where tenant_id = ? and kind = 'CAR'", tenantId)));
			System.out.printf(Locale.ROOT, "bench: %,d appointments (%,d doctor visits, %,d car visits, %,d from now on)%n",
					counts.get("appointments"), counts.get("doctorVisits"), counts.get("carVisits"),
					counts.get("futureAppointments"));
			result.putAll(feeders(db, tenantId, today, bookingFrom, bookingTo, seed, out));
		}
		StringBuilder properties = new StringBuilder("# the scheduling load of bench/run\n");
		result.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
		Files.writeString(out.resolve("load.properties"), properties);
		System.out.println("bench: feeders written to " + out);
	}

	// ---------------------------------------------------------------- resources (API)

	/**
	 * Zones (one per city of the patients), cars spread over them by the number of
	 * patients, doctors; weekly schedules for all.
	 */
	static void resources(Api api, Connection db, UUID tenantId, int doctors, int cars, long seed) throws Exception {
		List<String> cities = new ArrayList<>();
		List<Long> people = new ArrayList<>();
		try (PreparedStatement query = db.prepareStatement("""
				select city, count(*) from patients.patients where tenant_id = ? and deleted_at is null
				  and city is not null group by city order by count(*) desc, city""")) {
			query.setObject(1, tenantId);
			try (ResultSet row = query.executeQuery()) {
				while (row.next()) {
					cities.add(row.getString(1));
					people.add(row.getLong(2));
				}
			}
		}
		if (cities.isEmpty() || cities.size() > cars) {
			fail("need between 1 and " + cars + " cities among the patients, found " + cities.size());
		}
		List<String> zoneIds = new ArrayList<>();
		for (String city : cities) {
			zoneIds.add(api.create("/api/v1/zones",
					"{\"name\":" + quote("Zona " + city) + ",\"cities\":[" + quote(city) + "]}"));
		}
		// cars per city: one each, the rest by the number of patients (largest remainder)
		long total = people.stream().mapToLong(Long::longValue).sum();
		int[] perCity = new int[cities.size()];
		double[] remainder = new double[cities.size()];
		int given = 0;
		for (int i = 0; i < cities.size(); i++) {
			double share = (cars - cities.size()) * (double) people.get(i) / total;
			perCity[i] = 1 + (int) share;
			remainder[i] = share - (int) share;
			given += perCity[i];
		}
		while (given < cars) {
			int best = 0;
			for (int i = 1; i < cities.size(); i++) {
				if (remainder[i] > remainder[best]) {
					best = i;
				}
			}
			perCity[best]++;
			remainder[best] = -1;
			given++;
		}
		String carWeek = week(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), "{\"start\":\"07:00\",\"end\":\"08:00\"},"
						+ "{\"start\":\"08:00\",\"end\":\"09:00\"},{\"start\":\"09:00\",\"end\":\"10:00\"},"
						+ "{\"start\":\"10:00\",\"end\":\"11:00\"}");
		List<java.util.concurrent.Callable<Void>> work = new ArrayList<>();
		int car = 0;
		for (int i = 0; i < cities.size(); i++) {
			for (int j = 0; j < perCity[i]; j++) {
				int n = ++car;
				String zone = zoneIds.get(i);
				String city = cities.get(i);
				work.add(() -> {
					String id = api.create("/api/v1/cars",
							"{\"name\":" + quote(String.format(Locale.ROOT, "Coleta %02d %s", n, city))
									+ ",\"plate\":\"" + plate(n) + "\",\"capacityPerWindow\":4,\"zoneIds\":[\"" + zone
									+ "\"],\"driver\":{\"name\":" + quote("Motorista " + n) + ",\"phone\":\"+55119"
									+ (80000000 + n) + "\"}}");
					api.put("/api/v1/cars/" + id + "/schedule", carWeek);
					return null;
				});
			}
		}
		// Doctors get the names of some patients (PatientData's generator made them).
		List<String> names = new ArrayList<>();
		try (PreparedStatement query = db.prepareStatement("""
				select full_name, gender from patients.patients where tenant_id = ? and birth_date < current_date - 9125
				order by id desc limit ?""")) {
			query.setObject(1, tenantId);
			query.setInt(2, doctors);
			try (ResultSet row = query.executeQuery()) {
				while (row.next()) {
					names.add(("FEMALE".equals(row.getString(2)) ? "Dra. " : "Dr. ") + row.getString(1));
				}
			}
		}
		String doctorWeek = week(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY), "{\"start\":\"08:00\",\"end\":\"12:00\"},{\"start\":\"13:00\",\"end\":\"19:00\"}");
		SplittableRandom random = new SplittableRandom(seed * 17 + 3);
		int weightSum = java.util.Arrays.stream(SPECIALIZATION_WEIGHTS).sum();
		for (int d = 0; d < doctors; d++) {
			int n = d + 1;
			String name = (d < names.size()) ? names.get(d) : "Dr. Médico " + n;
			int x = random.nextInt(weightSum);
			int s = 0;
			while (x >= SPECIALIZATION_WEIGHTS[s]) {
				x -= SPECIALIZATION_WEIGHTS[s++];
			}
			String specializations = quote(SPECIALIZATIONS[s])
					+ ((random.nextInt(5) == 0 && s != 0) ? "," + quote(SPECIALIZATIONS[0]) : "");
			String body = "{\"name\":" + quote(name) + ",\"specializations\":[" + specializations
					+ "],\"registration\":{\"council\":\"CRM\",\"number\":\"" + (100000 + n)
					+ "\",\"state\":\"SP\"},\"slotMinutes\":20}";
			work.add(() -> {
				String id = api.create("/api/v1/doctors", body);
				api.put("/api/v1/doctors/" + id + "/schedule", doctorWeek);
				return null;
			});
		}
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<Void>> results = new ArrayList<>();
			for (var task : work) {
				results.add(pool.submit(task));
			}
			for (Future<Void> result : results) {
				try {
					result.get();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					pool.shutdownNow();
					fail(String.valueOf(ex.getCause().getMessage()));
				}
			}
		}
	}

	static String week(List<DayOfWeek> days, String intervals) {
		StringBuilder body = new StringBuilder("{\"days\":[");
		for (int i = 0; i < days.size(); i++) {
			body.append(i > 0 ? "," : "").append("{\"dayOfWeek\":\"").append(days.get(i)).append("\",\"intervals\":[")
				.append(intervals).append("]}");
		}
		return body.append("]}").toString();
	}

	/** A Mercosul plate: three letters, a digit, a letter, two digits. */
	static String plate(int n) {
		return "BCH" + (n % 10) + (char) ('A' + n / 10 % 26) + String.format(Locale.ROOT, "%02d", n % 100);
	}

	// ---------------------------------------------------------------- appointments (SQL)

	/**
	 * Numbers doctors, cars and the three pools of patients in temporary tables of the
	 * connection.
	 */
	static void stage(Connection db, UUID tenantId) throws SQLException {
		String t = "'" + tenantId + "'::uuid";
		try (Statement sql = db.createStatement()) {
			sql.execute("set work_mem = '256MB'");
			sql.execute("create temporary table bench_doctors as select (row_number() over (order by r.name, r.id) - 1)::int"
					+ " as d, r.id from scheduling.resources r where r.tenant_id = " + t + " and r.kind = 'DOCTOR'");
			sql.execute("""
					create temporary table bench_cars as
					select (row_number() over (order by r.name, r.id) - 1)::int as c, r.id, cz.zone_id, z.cities[1] as city,
					  (row_number() over (partition by z.id order by r.name, r.id) - 1)::int as local
					from scheduling.resources r join scheduling.car_zones cz on cz.tenant_id = r.tenant_id and cz.car_id = r.id
					join scheduling.zones z on z.tenant_id = cz.tenant_id and z.id = cz.zone_id
					where r.tenant_id = %s and r.kind = 'CAR'""".formatted(t));
			// Pools by the patient's rank in id (creation) order: 7 in 10 see doctors, 2 in
			// 10 get home visits, 1 in 10 has no appointment (the booking phase's patients).
			sql.execute("""
					create temporary table bench_ranked as
					select (row_number() over (order by id) - 1)::int as n, id, street, street_number, complement,
					  neighborhood, city, state, postal_code, lat, lon
					from patients.patients where tenant_id = %s and deleted_at is null and merged_into is null""".formatted(t));
			sql.execute("create temporary table bench_doctor_pool as select (row_number() over (order by n) - 1)::int"
					+ " as i, id from bench_ranked where n % 10 < 7");
			sql.execute("alter table bench_doctor_pool add primary key (i)");
			sql.execute("""
					create temporary table bench_car_pool as
					select city, (row_number() over (partition by city order by n) - 1)::int as i, id,
					  jsonb_build_object('street', street, 'number', street_number, 'complement', complement,
					    'neighborhood', neighborhood, 'city', city, 'state', state, 'postalCode', postal_code,
					    'lat', lat, 'lon', lon) as address
					from bench_ranked where n % 10 in (7, 8) and city is not null""");
			sql.execute("alter table bench_car_pool add primary key (city, i)");
			sql.execute("""
					create temporary table bench_car_pool_size as
					select city, count(*)::int as size from bench_car_pool group by city""");
			sql.execute("create temporary table bench_booking_pool as select (row_number() over (order by n) - 1)::int"
					+ " as i, id from bench_ranked where n % 10 = 9");
			sql.execute("alter table bench_booking_pool add primary key (i)");
			sql.execute("analyze bench_doctors; analyze bench_cars; analyze bench_doctor_pool; analyze bench_car_pool;"
					+ " analyze bench_booking_pool");
		}
	}

	/**
	 * A random 32-bit-ish number from a text key (the first 7 hex digits of its md5), the
	 * one source of every decision, so a data set is the same on every run.
	 */
	static final String HASH = "('x' || substr(md5(%s), %d, 7))::bit(28)::int";

	/** A UUIDv7 for a creation instant and a key: time, version 7, variant 10, md5 bits. */
	static final String UUID_V7 = """
			(lpad(to_hex((extract(epoch from %1$s) * 1000)::bigint), 12, '0') || '7' || substr(md5(%2$s), 1, 3)
			  || '8' || substr(md5(%2$s), 4, 15))::uuid""";

	static Map<String, String> appointments(int dbPort, Connection db, UUID tenantId, LocalDate today, int daysBack,
			int daysAhead, double fill) throws Exception {
		stage(db, tenantId);
		long doctorPool;
		try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery("select count(*) from bench_doctor_pool")) {
			row.next();
			doctorPool = row.getLong(1);
		}
		LocalDate first = today.minusDays(daysBack);
		LocalDate last = today.plusDays(daysAhead);
		// one task per month (doctor visits, then car visits), on two connections
		List<LocalDate[]> months = new ArrayList<>();
		for (LocalDate from = first; !from.isAfter(last);) {
			LocalDate to = from.withDayOfMonth(1).plusMonths(1).minusDays(1);
			if (to.isAfter(last)) {
				to = last;
			}
			months.add(new LocalDate[] { from, to });
			from = to.plusDays(1);
		}
		int fillPerMille = (int) Math.round(fill * 1000);
		String doctorSql = """
				insert into scheduling.appointments (tenant_id, id, kind, patient_id, resource_id, resource_kind, period,
				  status, type_code, exams, confirmation_status, confirmed_at, checked_in_at, completed_at, cancelled_at,
				  cancel_reason, no_show_at, created_at, updated_at, version)
				select t, %s, 'CLINIC_VISIT', p.id, x.doctor, 'DOCTOR', tstzrange(x.start_at, x.start_at + interval '20 minutes', '[)'),
				  x.status, null, '{}',
				  case when x.status in ('CONFIRMED', 'COMPLETED') or (x.status = 'NO_SHOW' and x.r2 %% 3 = 0) then 'CONFIRMED'
				       when x.status = 'CANCELLED' and x.r2 %% 2 = 0 then 'DECLINED' else 'PENDING' end,
				  case when x.status in ('CONFIRMED', 'COMPLETED') or (x.status = 'NO_SHOW' and x.r2 %% 3 = 0)
				       then least(x.start_at - interval '1 day', now()) end,
				  case when x.status = 'COMPLETED' then x.start_at - interval '10 minutes' end,
				  case when x.status = 'COMPLETED' then x.start_at + interval '20 minutes' end,
				  case when x.status = 'CANCELLED' then x.created_at + (least(x.start_at, now()) - x.created_at) / 2 end,
				  case when x.status = 'CANCELLED' then 'Paciente pediu para desmarcar' end,
				  case when x.status = 'NO_SHOW' then x.start_at + interval '30 minutes' end,
				  x.created_at, greatest(x.created_at, least(x.start_at + interval '20 minutes', now())), 1
				from (
				  select y.*, case when y.start_at < now() then
				      case when y.r1 < 78 then 'COMPLETED' when y.r1 < 88 then 'CANCELLED' else 'NO_SHOW' end
				    else case when y.r1 < 5 then 'CANCELLED' when y.r1 < 45 then 'CONFIRMED' else 'SCHEDULED' end end as status,
				    least(y.start_at - make_interval(days => 1 + y.r2 %% 45, mins => y.r2 %% 600), now() - make_interval(mins => 1 + y.r2 %% 5000))
				      as created_at
				  from (
				    select ?::uuid as t, doc.id as doctor, doc.d, k.key,
				      ((day + s.at) at time zone 'America/Sao_Paulo') as start_at,
				      ((day - ?::date) * 30 + s.n) as slot,
				      %s %% 1000 as pick, %s %% 100 as r1, %s as r2
				    from (select gs::date as day from generate_series(?::date, ?::date, interval '1 day') as gs) as g
				    cross join (select n, case when n < 12 then time '08:00' + n * interval '20 minutes'
				                               else time '13:00' + (n - 12) * interval '20 minutes' end as at
				                from generate_series(0, 29) as n) s
				    cross join bench_doctors doc
				    cross join lateral (select doc.d || ':' || g.day || ':' || s.n as key) k
				    where extract(isodow from g.day) between 1 and 5
				  ) y where y.pick < %d
				) x
				join bench_doctor_pool p on p.i = (x.slot * 12347 + x.d) %% %d
				""".formatted(UUID_V7.formatted("x.created_at", "x.key"), HASH.formatted("k.key", 1),
				HASH.formatted("k.key", 8), HASH.formatted("k.key", 15), fillPerMille, doctorPool);
		String carSql = """
				insert into scheduling.appointments (tenant_id, id, kind, patient_id, resource_id, resource_kind, period,
				  status, exams, address, zone_id, confirmation_status, confirmed_at, checked_in_at, completed_at,
				  cancelled_at, cancel_reason, no_show_at, created_at, updated_at, version)
				select t, %s, 'HOME_COLLECTION', p.id, x.car, 'CAR', tstzrange(x.start_at, x.start_at + interval '1 hour', '[)'),
				  x.status, x.exams, p.address, x.zone_id,
				  case when x.status in ('CONFIRMED', 'COMPLETED') then 'CONFIRMED' else 'PENDING' end,
				  case when x.status in ('CONFIRMED', 'COMPLETED') then least(x.start_at - interval '1 day', now()) end,
				  case when x.status = 'COMPLETED' then x.start_at + interval '15 minutes' end,
				  case when x.status = 'COMPLETED' then x.start_at + interval '40 minutes' end,
				  case when x.status = 'CANCELLED' then x.created_at + (least(x.start_at, now()) - x.created_at) / 2 end,
				  case when x.status = 'CANCELLED' then 'Paciente pediu para desmarcar' end,
				  case when x.status = 'NO_SHOW' then x.start_at + interval '1 hour' end,
				  x.created_at, greatest(x.created_at, least(x.start_at + interval '1 hour', now())), 1
				from (
				  select y.*, case when y.start_at < now() then
				      case when y.r1 < 85 then 'COMPLETED' when y.r1 < 93 then 'CANCELLED' else 'NO_SHOW' end
				    else case when y.r1 < 5 then 'CANCELLED' when y.r1 < 50 then 'CONFIRMED' else 'SCHEDULED' end end as status,
				    least(y.start_at - make_interval(days => 1 + y.r2 %% 20, mins => y.r2 %% 600), now() - make_interval(mins => 1 + y.r2 %% 5000))
				      as created_at,
				    case when y.r2 %% 3 = 0 then array['hemograma', 'glicemia']
				         when y.r2 %% 3 = 1 then array['hemograma', 'colesterol total', 'TSH']
				         else array['urina tipo 1', 'creatinina'] end as exams
				  from (
				    select ?::uuid as t, car.id as car, car.zone_id, car.city, car.local, j.j, k.key,
				      ((day + time '07:00' + w.w * interval '1 hour') at time zone 'America/Sao_Paulo') as start_at,
				      ((day - ?::date) * 4 + w.w) as slot,
				      %s %% 7 as visits, %s %% 100 as r1, %s as r2
				    from (select gs::date as day from generate_series(?::date, ?::date, interval '1 day') as gs) as g
				    cross join generate_series(0, 3) as w(w)
				    cross join bench_cars car
				    cross join generate_series(0, 3) as j(j)
				    cross join lateral (select 'car:' || car.c || ':' || g.day || ':' || w.w as key) k
				    where extract(isodow from g.day) between 1 and 6
				  ) y where y.j < (array[0, 1, 1, 2, 2, 3, 0])[y.visits + 1]
				) x
				join bench_car_pool_size ps on ps.city = x.city
				join bench_car_pool p on p.city = x.city and p.i = (x.slot * 7919 + x.local * 4 + x.j) %% ps.size
				""".formatted(UUID_V7.formatted("x.created_at", "x.key || ':' || x.j"), HASH.formatted("k.key", 1),
				HASH.formatted("k.key", 8), HASH.formatted("k.key || ':' || j.j", 15));
		System.out.printf(Locale.ROOT, "bench: inserting the appointments of %s to %s (%d months) with SQL, "
				+ "2 connections%n", first, last, months.size());
		long started = System.nanoTime();
		java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			List<Future<Void>> workers = new ArrayList<>();
			for (int w = 0; w < 2; w++) {
				boolean mine = w == 0;
				workers.add(pool.submit(() -> {
					Connection c = mine ? db : connect(dbPort);
					try {
						if (!mine) {
							stage(c, tenantId);
						}
						for (int m = next.getAndIncrement(); m < months.size(); m = next.getAndIncrement()) {
							LocalDate[] month = months.get(m);
							long t0 = System.nanoTime();
							long n = insert(c, doctorSql, tenantId, first, month);
							n += insert(c, carSql, tenantId, first, month);
							rows.addAndGet(n);
							System.out.printf(Locale.ROOT, "bench: %s..%s: %,d appointments in %.1f s (%,d so far, %.0f s)%n",
									month[0], month[1], n, (System.nanoTime() - t0) / 1e9, rows.get(),
									(System.nanoTime() - started) / 1e9);
						}
						return null;
					}
					finally {
						if (!mine) {
							c.close();
						}
					}
				}));
			}
			for (Future<Void> worker : workers) {
				try {
					worker.get();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					pool.shutdownNow();
					ex.getCause().printStackTrace();
					fail("the appointment load failed: " + ex.getCause());
				}
			}
		}
		double insertSeconds = (System.nanoTime() - started) / 1e9;
		long t1 = System.nanoTime();
		try (Connection c = connect(dbPort); Statement sql = c.createStatement()) {
			sql.execute("vacuum (analyze) scheduling.appointments");
			sql.execute("vacuum (analyze) scheduling.car_window_bookings");
			// the load's dirty pages go to disk now, not in a checkpoint during the phases
			sql.execute("checkpoint");
		}
		double vacuumSeconds = (System.nanoTime() - t1) / 1e9;
		System.out.printf(Locale.ROOT, "bench: %,d appointments inserted in %.1f s (%.0f/s), vacuum analyze %.1f s%n",
				rows.get(), insertSeconds, rows.get() / insertSeconds, vacuumSeconds);
		Map<String, String> figures = new LinkedHashMap<>();
		figures.put("inserted", Long.toString(rows.get()));
		figures.put("insertSeconds", String.format(Locale.ROOT, "%.1f", insertSeconds));
		figures.put("vacuumSeconds", String.format(Locale.ROOT, "%.1f", vacuumSeconds));
		figures.put("firstDay", first.toString());
		figures.put("lastDay", last.toString());
		figures.put("fill", Double.toString(fill));
		return figures;
	}

	static long insert(Connection c, String sql, UUID tenantId, LocalDate first, LocalDate[] month) throws SQLException {
		try (PreparedStatement insert = c.prepareStatement(sql)) {
			insert.setObject(1, tenantId);
			insert.setObject(2, first);
			insert.setObject(3, month[0]);
			insert.setObject(4, month[1]);
			return insert.executeUpdate();
		}
	}

	// ---------------------------------------------------------------- feeders

	static Map<String, String> feeders(Connection db, UUID tenantId, LocalDate today, int bookingFrom, int bookingTo,
			long seed, Path out) throws SQLException, IOException {
		try (Statement sql = db.createStatement()) {
			sql.execute("drop table if exists bench_doctors, bench_cars, bench_ranked, bench_doctor_pool, bench_car_pool,"
					+ " bench_car_pool_size, bench_booking_pool");
		}
		stage(db, tenantId);
		List<String> doctorIds = new ArrayList<>();
		try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery("select id from bench_doctors order by d")) {
			while (row.next()) {
				doctorIds.add(row.getString(1));
			}
		}
		// Free slots of every doctor in the booking range, in a seeded random order; each
		// listed twice in a row, with two patients of the booking pool. Patients are
		// numbered by the slot's start and the rank among that start's entries, so no
		// patient is asked for twice at one time (a patient_busy refusal would not be
		// the contention measured).
		List<String> booking = new ArrayList<>(List.of("doctorId,start,patientId"));
		try (PreparedStatement query = db.prepareStatement("""
				with grid as (
				  select doc.id as doctor, ((day + s.at) at time zone 'America/Sao_Paulo') as start_at
				  from (select gs::date as day from generate_series(?::date, ?::date, interval '1 day') as gs) as g
				  cross join (select case when n < 12 then time '08:00' + n * interval '20 minutes'
				                          else time '13:00' + (n - 12) * interval '20 minutes' end as at
				              from generate_series(0, 29) as n) s
				  cross join bench_doctors doc
				  where extract(isodow from g.day) between 1 and 5
				), free as (
				  select g.doctor, g.start_at,
				    dense_rank() over (order by g.start_at) as start_rank,
				    row_number() over (partition by g.start_at order by g.doctor) - 1 as rank_in_start
				  from grid g
				  where not exists (select 1 from scheduling.appointments a
				                    where a.tenant_id = ? and a.resource_id = g.doctor
				                      and lower(a.period) = g.start_at
				                      and a.status in ('SCHEDULED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED'))
				), pool as (select count(*) as size from bench_booking_pool)
				select f.doctor, to_char(f.start_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
				  p1.id, p2.id
				from free f cross join pool
				join bench_booking_pool p1 on p1.i = (f.start_rank * 401 + f.rank_in_start * 2) % pool.size
				join bench_booking_pool p2 on p2.i = (f.start_rank * 401 + f.rank_in_start * 2 + 1) % pool.size
				-- a data dir reused (BENCH_SKIP_LOAD) holds the bookings of earlier runs: leave out
				-- pairs with a patient already busy then
				where not exists (select 1 from scheduling.appointments a
				                  where a.tenant_id = ? and a.patient_id in (p1.id, p2.id)
				                    and lower(a.period) = f.start_at
				                    and a.status in ('SCHEDULED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED'))
				order by md5(f.doctor::text || f.start_at::text || ?)""")) {
			query.setObject(1, today.plusDays(bookingFrom));
			query.setObject(2, today.plusDays(bookingTo));
			query.setObject(3, tenantId);
			query.setObject(4, tenantId);
			query.setString(5, Long.toString(seed));
			try (ResultSet row = query.executeQuery()) {
				while (row.next()) {
					String slot = row.getString(1) + "," + row.getString(2) + ",";
					booking.add(slot + row.getString(3));
					booking.add(slot + row.getString(4));
				}
			}
		}
		SplittableRandom random = new SplittableRandom(seed * 13 + 5);
		int sample = 3000;
		List<String> slots = new ArrayList<>(List.of("doctorId,date"));
		while (slots.size() <= sample) {
			LocalDate date = today.plusDays(1 + random.nextInt(30));
			if (date.getDayOfWeek().getValue() <= 5) {
				slots.add(doctorIds.get(random.nextInt(doctorIds.size())) + "," + date);
			}
		}
		List<String> dashboard = new ArrayList<>(List.of("date"));
		while (dashboard.size() <= sample) {
			LocalDate date = today.plusDays(random.nextInt(61) - 30);
			if (date.getDayOfWeek().getValue() <= 5) {
				dashboard.add(date.toString());
			}
		}
		List<String> stats = new ArrayList<>(List.of("doctorId"));
		for (int i = 0; i < sample; i++) {
			stats.add(doctorIds.get(random.nextInt(doctorIds.size())));
		}
		Files.write(out.resolve("booking.csv"), booking, StandardCharsets.UTF_8);
		Files.write(out.resolve("slots.csv"), slots, StandardCharsets.UTF_8);
		Files.write(out.resolve("dashboard.csv"), dashboard, StandardCharsets.UTF_8);
		Files.write(out.resolve("stats.csv"), stats, StandardCharsets.UTF_8);
		System.out.printf(Locale.ROOT, "bench: %,d free slots from %s to %s in booking.csv (each twice)%n",
				(booking.size() - 1) / 2, today.plusDays(bookingFrom), today.plusDays(bookingTo));
		Map<String, String> figures = new LinkedHashMap<>();
		figures.put("freeSlots", Integer.toString((booking.size() - 1) / 2));
		figures.put("bookingDays", today.plusDays(bookingFrom) + ".." + today.plusDays(bookingTo));
		return figures;
	}

	// ---------------------------------------------------------------- plumbing

	static Connection connect(int port) throws SQLException {
		Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/clinicflow", "postgres", "");
		c.setAutoCommit(true);
		return c;
	}

	static UUID single(Connection db, String sql, Object param) throws SQLException {
		try (PreparedStatement query = db.prepareStatement(sql)) {
			query.setObject(1, param);
			try (ResultSet row = query.executeQuery()) {
				if (!row.next()) {
					fail("nothing found by " + sql + " for " + param);
				}
				return row.getObject(1, UUID.class);
			}
		}
	}

	static long count(Connection db, String sql, Object param) throws SQLException {
		try (PreparedStatement query = db.prepareStatement(sql)) {
			query.setObject(1, param);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	/** The admin's token and the requests that create resources. */
	static final class Api {

		private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

		private final String url;

		private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		private final String token;

		Api(String url, String tenant, String email, String password) throws IOException, InterruptedException {
			this.url = url;
			HttpResponse<String> response = send("POST", "/api/v1/auth/login", "{\"email\":" + quote(email)
					+ ",\"password\":" + quote(password) + ",\"tenant\":" + quote(tenant) + "}", null);
			if (response.statusCode() != 200) {
				fail("admin login to " + tenant + " failed: " + response.statusCode() + " " + response.body());
			}
			Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
			if (!token.find()) {
				fail("no accessToken in " + response.body());
			}
			this.token = token.group(1);
		}

		String create(String path, String body) throws IOException, InterruptedException {
			HttpResponse<String> response = send("POST", path, body, this.token);
			if (response.statusCode() != 201) {
				throw new IllegalStateException("POST " + path + " " + body + " answered " + response.statusCode() + " "
						+ response.body());
			}
			Matcher id = ID.matcher(response.body());
			if (!id.find()) {
				throw new IllegalStateException("no id in the answer to POST " + path + ": " + response.body());
			}
			return id.group(1);
		}

		void put(String path, String body) throws IOException, InterruptedException {
			HttpResponse<String> response = send("PUT", path, body, this.token);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("PUT " + path + " answered " + response.statusCode() + " "
						+ response.body());
			}
		}

		private HttpResponse<String> send(String method, String path, String body, String bearer)
				throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.url + path))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
			if (bearer != null) {
				request.header("Authorization", "Bearer " + bearer);
			}
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

	static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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
