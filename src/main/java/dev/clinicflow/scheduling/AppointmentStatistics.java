package dev.clinicflow.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.CollationKey;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.identity.IdentityApi;
import dev.clinicflow.identity.TenantView;
import dev.clinicflow.patients.PatientDirectory;
import dev.clinicflow.shared.InvalidRequest;
import dev.clinicflow.shared.ResourceNotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointment counts by period and status, aggregated by the database in the clinic's
 * time zone, and the day's schedule of every doctor and car.
 */
@Service
public class AppointmentStatistics {

	/** The longest range the statistics cover in one request. */
	static final int MAX_DAYS = 731;

	private static final String COUNTS = """
			count(*) as total,
			count(*) filter (where a.status = 'SCHEDULED') as scheduled,
			count(*) filter (where a.status = 'CONFIRMED') as confirmed,
			count(*) filter (where a.status = 'CHECKED_IN') as checked_in,
			count(*) filter (where a.status = 'COMPLETED') as completed,
			count(*) filter (where a.status = 'CANCELLED') as cancelled,
			count(*) filter (where a.status = 'NO_SHOW') as no_show
			""";

	private final JdbcClient jdbc;

	private final ResourceAccess resources;

	private final AppointmentAccess access;

	private final PatientDirectory patients;

	private final IdentityApi identity;

	private final Clock clock;

	AppointmentStatistics(JdbcClient jdbc, ResourceAccess resources, AppointmentAccess access,
			PatientDirectory patients, IdentityApi identity, Clock clock) {
		this.jdbc = jdbc;
		this.resources = resources;
		this.access = access;
		this.patients = patients;
		this.identity = identity;
		this.clock = clock;
	}

	/**
	 * A doctor's latest periods that have appointments, most recent first.
	 * @param doctorId the doctor (a DOCTOR asks for themselves)
	 * @param groupBy DAY or MONTH (or WEEK)
	 * @param limit how many periods, 1 to 100 (10 when absent)
	 * @return one bucket per period
	 */
	@Transactional(readOnly = true)
	public DoctorStats forDoctor(UUID doctorId, Period groupBy, @Nullable Integer limit) {
		int size = Objects.requireNonNullElse(limit, 10);
		if (size < 1 || size > 100) {
			throw InvalidRequest.field("limit", "must be between 1 and 100");
		}
		this.resources.requireOwn(ResourceKind.DOCTOR, doctorId, false);
		String timezone = zone().getId();
		List<Bucket> buckets = this.jdbc.sql("select " + bucket(groupBy) + " as bucket, " + COUNTS + """
				from scheduling.tenant_appointments a
				where a.resource_id = :doctor and a.resource_kind = 'DOCTOR'
				group by 1 order by 1 desc limit :limit""")
			.param("tz", timezone)
			.param("doctor", doctorId)
			.param("limit", size)
			.query((row, n) -> new Bucket(row.getObject("bucket", LocalDate.class), counts(row)))
			.list();
		return new DoctorStats(doctorId, groupBy, timezone, buckets);
	}

	/**
	 * Counts per period over a range of days, for the clinic or one doctor or car.
	 * @param resourceId a doctor or car, or every resource when absent
	 * @param groupBy DAY, WEEK (starting on Monday) or MONTH
	 * @param from the first day (30 days ago when absent)
	 * @param to the last day, included (today when absent)
	 * @return totals and one bucket per period that has appointments, in order
	 */
	@Transactional(readOnly = true)
	public RangeStats over(@Nullable UUID resourceId, Period groupBy, @Nullable LocalDate from,
			@Nullable LocalDate to) {
		ZoneId zone = zone();
		LocalDate last = (to != null) ? to : LocalDate.ofInstant(this.clock.instant(), zone);
		LocalDate first = (from != null) ? from : last.minusDays(29);
		if (last.isBefore(first)) {
			throw InvalidRequest.field("to", "must not be before from");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw InvalidRequest.field("to", "must be less than " + MAX_DAYS + " days after from");
		}
		if (resourceId != null && !this.resources.exists(resourceId)) {
			throw ResourceNotFound.of("doctor or car", resourceId);
		}
		List<Bucket> buckets = new ArrayList<>();
		Counts[] totals = { Counts.NONE };
		this.jdbc.sql("select a.bucket, " + COUNTS + "from (select " + bucket(groupBy) + """
				 as bucket, a.status
				  from scheduling.tenant_appointments a
				  where (cast(:resource as uuid) is null or a.resource_id = :resource)
				    and lower(a.period) >= :start and lower(a.period) < :end) a
				group by rollup (a.bucket) order by a.bucket nulls last""")
			.param("tz", zone.getId())
			.param("resource", resourceId)
			.param("start", Timestamp.from(first.atStartOfDay(zone).toInstant()))
			.param("end", Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant()))
			.query((row) -> {
				LocalDate bucket = row.getObject("bucket", LocalDate.class);
				if (bucket == null) {
					totals[0] = counts(row);
				}
				else {
					buckets.add(new Bucket(bucket, counts(row)));
				}
			});
		return new RangeStats(resourceId, groupBy, zone.getId(), first, last, totals[0], buckets);
	}

	/**
	 * The appointments of one day by doctor and car, in start order, with the patient's
	 * name and whether they confirmed: what the front desk works from. Doctors see their
	 * own day, drivers their car's.
	 * @param date the day, or today when absent
	 * @return the day's schedule
	 */
	@Transactional(readOnly = true)
	public DaySchedule day(@Nullable LocalDate date) {
		TenantView clinic = this.identity.currentTenant();
		ZoneId zone = ZoneId.of(clinic.timezone());
		LocalDate day = (date != null) ? date : LocalDate.ofInstant(this.clock.instant(), zone);
		List<String> conditions = new ArrayList<>(List.of("true"));
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("start", Timestamp.from(day.atStartOfDay(zone).toInstant()));
		params.put("end", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()));
		this.access.listScope().ifPresent((scope) -> {
			conditions.add(scope.condition());
			params.put("scopeId", scope.scopeId());
		});
		// The day's appointments in start order, straight from the start index through
		// the tenant's view (under the row-level security policy lower(period) is not
		// leakproof and the index would go unused). Their doctors and cars are read apart
		// and grouped and ordered here, so the database neither joins nor sorts the
		// day's thousands of rows.
		List<DayRow> rows = this.jdbc
			.sql("""
					select a.id, a.resource_id, lower(a.period) as start_at, upper(a.period) as end_at, a.status,
					  a.confirmation_status, a.patient_id, a.type_code, nullif(a.exams, '{}') as exams,
					  a.address ->> 'neighborhood' as neighborhood
					from scheduling.tenant_appointments a
					where lower(a.period) >= :start and lower(a.period) < :end and\s"""
					+ String.join(" and ", conditions) + " order by lower(a.period), a.id")
			.params(params)
			.query((row, n) -> dayRow(row))
			.list();
		Map<UUID, ResourceDay> byResource = new HashMap<>();
		if (!rows.isEmpty()) {
			this.jdbc.sql("select r.id, r.kind, r.name from scheduling.resources r where r.id = any(?)")
				.param(rows.stream().map(DayRow::resourceId).distinct().toArray(UUID[]::new))
				.query((row) -> {
					UUID id = row.getObject("id", UUID.class);
					byResource.put(id, new ResourceDay(ResourceKind.valueOf(row.getString("kind")), id,
							row.getString("name"), new ArrayList<>()));
				});
		}
		Map<UUID, String> names = this.patients
			.displayNames(rows.stream().map(DayRow::patientId).collect(java.util.stream.Collectors.toSet()));
		for (DayRow row : rows) {
			ResourceDay resource = byResource.get(row.resourceId());
			if (resource != null) {
				resource.appointments()
					.add(new DayAppointment(row.id(), row.start(), row.end(), row.status(), row.confirmationStatus(),
							row.patientId(), names.getOrDefault(row.patientId(), ""), row.type(), row.exams(),
							row.neighborhood()));
			}
		}
		// doctors first, then cars, each by name as the clinic's language sorts them,
		// with each name's collation key made once (comparing names with the collator
		// itself took a sixth of the request's CPU)
		Collator collator = Collator.getInstance(Locale.forLanguageTag(clinic.locale()));
		Map<UUID, CollationKey> sortKeys = new HashMap<>();
		byResource.values()
			.forEach((resource) -> sortKeys.put(resource.resourceId(), collator.getCollationKey(resource.name())));
		List<ResourceDay> resources = new ArrayList<>(byResource.values());
		resources.sort(Comparator.comparing((ResourceDay resource) -> resource.kind() != ResourceKind.DOCTOR)
			.thenComparing((ResourceDay resource) -> sortKeys.get(resource.resourceId()))
			.thenComparing(ResourceDay::resourceId));
		return new DaySchedule(day, zone.getId(), List.copyOf(resources));
	}

	private static DayRow dayRow(ResultSet row) throws SQLException {
		return new DayRow(row.getObject("id", UUID.class), row.getObject("resource_id", UUID.class),
				row.getTimestamp("start_at").toInstant(), row.getTimestamp("end_at").toInstant(),
				AppointmentStatus.valueOf(row.getString("status")), row.getString("confirmation_status"),
				row.getObject("patient_id", UUID.class), row.getString("type_code"), exams(row.getArray("exams")),
				row.getString("neighborhood"));
	}

	/** A visit's exams; a clinic visit has none, read as null rather than parsed. */
	private static List<String> exams(java.sql.@Nullable Array exams) throws SQLException {
		return (exams != null) ? List.of((String[]) exams.getArray()) : List.of();
	}

	private record DayRow(UUID id, UUID resourceId, java.time.Instant start, java.time.Instant end,
			AppointmentStatus status, String confirmationStatus, UUID patientId, @Nullable String type,
			List<String> exams, @Nullable String neighborhood) {
	}

	/**
	 * The day, week (from Monday) or month an appointment falls in, in the clinic's zone.
	 */
	private static String bucket(Period period) {
		return "cast(date_trunc('" + period.name().toLowerCase(Locale.ROOT)
				+ "', lower(a.period) at time zone :tz) as date)";
	}

	private static Counts counts(ResultSet row) throws SQLException {
		return new Counts(row.getInt("total"), row.getInt("scheduled"), row.getInt("confirmed"),
				row.getInt("checked_in"), row.getInt("completed"), row.getInt("cancelled"), row.getInt("no_show"));
	}

	private ZoneId zone() {
		return ZoneId.of(this.identity.currentTenant().timezone());
	}

	/** The length of a statistics bucket. */
	public enum Period {

		/** A day of the clinic's calendar. */
		DAY,

		/** A week, from Monday. */
		WEEK,

		/** A calendar month. */
		MONTH

	}

	/**
	 * Appointments counted by status.
	 *
	 * @param total all of them
	 * @param scheduled booked, not confirmed yet
	 * @param confirmed confirmed by the patient
	 * @param checkedIn checked in, not completed yet
	 * @param completed completed
	 * @param cancelled cancelled
	 * @param noShow missed
	 */
	public record Counts(int total, int scheduled, int confirmed, int checkedIn, int completed, int cancelled,
			int noShow) {

		static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

		/**
		 * The share of finished appointments the patient missed.
		 * @return no-shows over completed plus no-shows, 0 when there are none
		 */
		public double noShowRate() {
			int finished = this.completed + this.noShow;
			return (finished == 0) ? 0 : Math.round(10_000.0 * this.noShow / finished) / 10_000.0;
		}

	}

	/**
	 * The counts of one period.
	 *
	 * @param period the first day of the period
	 * @param counts the counts
	 */
	public record Bucket(LocalDate period, Counts counts) {
	}

	/**
	 * A doctor's latest periods.
	 *
	 * @param doctorId the doctor
	 * @param groupBy the length of a period
	 * @param timezone the clinic's time zone, in which periods are meant
	 * @param buckets the periods that have appointments, most recent first
	 */
	public record DoctorStats(UUID doctorId, Period groupBy, String timezone, List<Bucket> buckets) {
	}

	/**
	 * Counts over a range of days.
	 *
	 * @param resourceId the doctor or car, when the counts are of one
	 * @param groupBy the length of a period
	 * @param timezone the clinic's time zone, in which days are meant
	 * @param from the first day
	 * @param to the last day, included
	 * @param totals counts over the whole range
	 * @param buckets the periods that have appointments, in order
	 */
	public record RangeStats(@Nullable UUID resourceId, Period groupBy, String timezone, LocalDate from, LocalDate to,
			Counts totals, List<Bucket> buckets) {
	}

	/**
	 * The day's schedule.
	 *
	 * @param date the day
	 * @param timezone the clinic's time zone
	 * @param resources doctors and cars with appointments that day, doctors first, by
	 * name
	 */
	public record DaySchedule(LocalDate date, String timezone, List<ResourceDay> resources) {
	}

	/**
	 * One doctor's or car's appointments of the day.
	 *
	 * @param kind doctor or car
	 * @param resourceId the doctor or car
	 * @param name its name
	 * @param appointments its appointments, in start order
	 */
	public record ResourceDay(ResourceKind kind, UUID resourceId, String name, List<DayAppointment> appointments) {
	}

	/**
	 * An appointment on the day's schedule.
	 *
	 * @param id the appointment
	 * @param start when it starts
	 * @param end when it ends
	 * @param status where it is in its lifecycle
	 * @param confirmationStatus PENDING, CONFIRMED or DECLINED
	 * @param patientId the patient
	 * @param patientName the name to address the patient by
	 * @param type the appointment type (clinic visits)
	 * @param exams the exams (home collections)
	 * @param neighborhood where the car goes (home collections)
	 */
	public record DayAppointment(UUID id, java.time.Instant start, java.time.Instant end, AppointmentStatus status,
			String confirmationStatus, UUID patientId, String patientName, @Nullable String type, List<String> exams,
			@Nullable String neighborhood) {
	}

}
