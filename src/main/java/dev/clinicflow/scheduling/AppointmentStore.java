package dev.clinicflow.scheduling;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.clinicflow.patients.PatientDirectory.AppointmentFigures;
import dev.clinicflow.scheduling.AppointmentView.Cancellation;
import dev.clinicflow.scheduling.AppointmentView.Confirmation;
import dev.clinicflow.scheduling.AppointmentView.VisitAddress;
import dev.clinicflow.shared.CurrentTenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appointment rows. The period is a {@code tstzrange} [start, end), which the exclusion
 * constraints compare. Reads that select by time or overlap go through the view
 * {@code scheduling.tenant_appointments}, which carries the tenant condition and, unlike
 * the policy, lets the planner use the start and exclusion indexes (migration V20).
 * <p>
 * Before a statement takes a slot (insert, move), its transaction queues on the doctor or
 * car and on the patient: it takes a transaction-scoped advisory lock on each, in key
 * order. An exclusion constraint checks for conflicts only after writing its own row, so
 * two bookings of one slot that write at the same moment each find the other's
 * uncommitted row, wait for each other, and PostgreSQL aborts one after
 * {@code deadlock_timeout} (one second). Queued, the second waits only until the first
 * commits and then finds its row at once. The constraints still decide; the queue only
 * spares the deadlock.
 */
@Component
class AppointmentStore {

	static final String COLUMNS = """
			a.id, a.kind, a.patient_id, a.resource_id, a.resource_kind, lower(a.period) as starts_at,
			upper(a.period) as ends_at, a.status, a.type_code, a.exams, a.reason, a.notes, a.address::text as address,
			a.zone_id, a.confirmation_status, a.confirmed_at, a.cancelled_at, a.cancelled_by, a.cancel_reason,
			a.series_id, a.rescheduled_from, a.created_at, a.created_by, a.updated_at, a.version""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AppointmentStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A new appointment's row. */
	record NewAppointment(UUID id, AppointmentKind kind, UUID patientId, UUID resourceId, Slot slot,
			@Nullable String typeCode, List<String> exams, @Nullable String reason, @Nullable String notes,
			@Nullable VisitAddress address, @Nullable UUID zoneId, @Nullable UUID seriesId) {
	}

	/**
	 * Takes the transaction's advisory locks on a slot's resource and patient, in key
	 * order so that no two transactions wait for each other. Two ids that share a key (64
	 * bits of each UUID) only queue behind each other.
	 */
	void queue(UUID resourceId, UUID patientId) {
		this.jdbc.sql("""
				select count(pg_advisory_xact_lock(k.key))
				from (select key from unnest(cast(:keys as bigint[])) as key order by key) as k""")
			.param("keys", new Long[] { key(resourceId), key(patientId) })
			.query(Long.class)
			.single();
	}

	static long key(UUID id) {
		return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
	}

	/**
	 * Inserts an appointment, after queueing on its resource and patient, and returns it
	 * as stored, in one statement.
	 */
	AppointmentView insert(NewAppointment appointment, @Nullable UUID createdBy, Instant now) {
		queue(appointment.resourceId(), appointment.patientId());
		return this.jdbc
			.sql("""
					insert into scheduling.appointments as a (tenant_id, id, kind, patient_id, resource_id, resource_kind, period,
					  status, type_code, exams, reason, notes, address, zone_id, series_id, created_at, created_by, updated_at)
					values (:tenant, :id, :kind, :patient, :resource, :resourceKind, tstzrange(:start, :end, '[)'),
					  'SCHEDULED', :type, :exams, :reason, :notes, cast(:address as jsonb), :zone, :series, :now, :by, :now)
					returning\s"""
					+ COLUMNS)
			.param("tenant", CurrentTenant.require().value())
			.param("id", appointment.id())
			.param("kind", appointment.kind().name())
			.param("patient", appointment.patientId())
			.param("resource", appointment.resourceId())
			.param("resourceKind", (appointment.kind() == AppointmentKind.CLINIC_VISIT) ? "DOCTOR" : "CAR")
			.param("start", Timestamp.from(appointment.slot().start()))
			.param("end", Timestamp.from(appointment.slot().end()))
			.param("type", appointment.typeCode())
			.param("exams", appointment.exams().toArray(String[]::new))
			.param("reason", appointment.reason())
			.param("notes", appointment.notes())
			.param("address",
					(appointment.address() != null) ? this.json.writeValueAsString(appointment.address()) : null)
			.param("zone", appointment.zoneId())
			.param("series", appointment.seriesId())
			.param("now", Timestamp.from(now))
			.param("by", createdBy)
			.query(this::view)
			.single();
	}

	Optional<AppointmentView> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from scheduling.appointments a where a.id = ?")
			.param(id)
			.query(this::view)
			.optional();
	}

	/** Reads an appointment and locks it until the transaction ends. */
	Optional<AppointmentView> lock(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from scheduling.appointments a where a.id = ? for update")
			.param(id)
			.query(this::view)
			.optional();
	}

	/**
	 * Moves an appointment to a status, stamping the column that records when, and
	 * returns it as changed.
	 */
	AppointmentView changeStatus(UUID id, AppointmentStatus status, Instant now, @Nullable UUID actor,
			@Nullable String reason) {
		String stamp = switch (status) {
			case CONFIRMED -> ", confirmed_at = :now, confirmation_status = 'CONFIRMED'";
			case CHECKED_IN -> ", checked_in_at = :now";
			case COMPLETED -> ", completed_at = :now";
			case CANCELLED -> ", cancelled_at = :now, cancelled_by = :actor, cancel_reason = :reason";
			case NO_SHOW -> ", no_show_at = :now";
			case SCHEDULED -> "";
		};
		return this.jdbc
			.sql("update scheduling.appointments a set status = :status, updated_at = :now, version = version + 1"
					+ stamp + " where id = :id returning " + COLUMNS)
			.params(Map.of("status", status.name(), "now", Timestamp.from(now), "id", id))
			.param("actor", actor)
			.param("reason", reason)
			.query(this::view)
			.single();
	}

	/**
	 * Moves an appointment to another slot of the same resource, after queueing on the
	 * resource and the patient, and returns it moved.
	 */
	AppointmentView move(AppointmentView appointment, Slot slot, Instant now) {
		queue(appointment.resourceId(), appointment.patientId());
		return this.jdbc.sql("""
				update scheduling.appointments a
				set period = tstzrange(:start, :end, '[)'), rescheduled_from = :previous, status = 'SCHEDULED',
				  confirmation_status = 'PENDING', confirmed_at = null, updated_at = :now, version = version + 1
				where id = :id
				returning\s""" + COLUMNS)
			.param("start", Timestamp.from(slot.start()))
			.param("end", Timestamp.from(slot.end()))
			.param("previous", Timestamp.from(appointment.start()))
			.param("now", Timestamp.from(now))
			.param("id", appointment.id())
			.query(this::view)
			.single();
	}

	/** The appointment of a doctor that holds a slot overlapping the period, if any. */
	Optional<UUID> doctorConflict(UUID doctorId, Slot slot) {
		return this.jdbc
			.sql("select id from scheduling.tenant_appointments where resource_id = ? and resource_kind = 'DOCTOR'"
					+ " and status in " + AppointmentStatus.HOLDING_SQL
					+ " and period && tstzrange(?, ?, '[)') limit 1")
			.params(doctorId, Timestamp.from(slot.start()), Timestamp.from(slot.end()))
			.query(UUID.class)
			.optional();
	}

	/** The patient's appointment that holds a slot overlapping the period, if any. */
	Optional<UUID> patientConflict(UUID patientId, Slot slot, @Nullable UUID except) {
		return this.jdbc
			.sql("select id from scheduling.tenant_appointments where patient_id = ? and status in "
					+ AppointmentStatus.HOLDING_SQL
					+ " and period && tstzrange(?, ?, '[)') and id is distinct from ? limit 1")
			.params(patientId, Timestamp.from(slot.start()), Timestamp.from(slot.end()), except)
			.query(UUID.class)
			.optional();
	}

	/** Whether a car window already holds as many visits as the car takes. */
	boolean windowFull(UUID carId, Instant windowStart) {
		return Boolean.TRUE.equals(this.jdbc.sql("""
				select coalesce((select b.booked from scheduling.car_window_bookings b
				                 where b.car_id = :car and b.window_start = :start), 0)
				       >= (select c.capacity_per_window from scheduling.cars c where c.id = :car)""")
			.param("car", carId)
			.param("start", Timestamp.from(windowStart))
			.query(Boolean.class)
			.single());
	}

	/**
	 * Counts patients' appointments for the registry's analytics, with one statement; a
	 * patient without appointments gets zeros.
	 */
	Map<UUID, AppointmentFigures> figures(Collection<UUID> patientIds, Instant now) {
		Map<UUID, AppointmentFigures> figures = new LinkedHashMap<>();
		patientIds.forEach((id) -> figures.put(id, AppointmentFigures.NONE));
		if (patientIds.isEmpty()) {
			return figures;
		}
		this.jdbc.sql("""
				select patient_id, count(*) as total,
				  count(*) filter (where status = 'COMPLETED') as completed,
				  count(*) filter (where status = 'CANCELLED') as cancelled,
				  count(*) filter (where status = 'NO_SHOW') as no_shows,
				  count(*) filter (where confirmation_status = 'CONFIRMED') as confirmed,
				  max(lower(period)) filter (where status = 'COMPLETED') as last_visit,
				  min(lower(period)) filter (where status in ('SCHEDULED', 'CONFIRMED') and lower(period) > :now)
				    as next_appointment
				from scheduling.appointments where patient_id = any(:patients)
				group by patient_id""")
			.param("patients", patientIds.toArray(UUID[]::new))
			.param("now", Timestamp.from(now))
			.query((row) -> {
				figures.put(row.getObject("patient_id", UUID.class),
						new AppointmentFigures(row.getInt("total"), row.getInt("completed"), row.getInt("cancelled"),
								row.getInt("no_shows"), row.getInt("confirmed"), instant(row, "last_visit"),
								instant(row, "next_appointment")));
			});
		return figures;
	}

	AppointmentView view(ResultSet row, int n) throws SQLException {
		boolean doctor = "DOCTOR".equals(row.getString("resource_kind"));
		UUID resource = row.getObject("resource_id", UUID.class);
		String address = row.getString("address");
		Instant cancelledAt = instant(row, "cancelled_at");
		return new AppointmentView(row.getObject("id", UUID.class), AppointmentKind.valueOf(row.getString("kind")),
				row.getObject("patient_id", UUID.class), doctor ? resource : null, doctor ? null : resource,
				required(row, "starts_at"), required(row, "ends_at"),
				AppointmentStatus.valueOf(row.getString("status")), row.getString("type_code"),
				strings(row.getArray("exams")), row.getString("reason"), row.getString("notes"),
				(address != null) ? this.json.readValue(address, VisitAddress.class) : null,
				row.getObject("zone_id", UUID.class),
				new Confirmation(row.getString("confirmation_status"), instant(row, "confirmed_at")),
				(cancelledAt != null) ? new Cancellation(cancelledAt, row.getObject("cancelled_by", UUID.class),
						row.getString("cancel_reason")) : null,
				row.getObject("series_id", UUID.class), instant(row, "rescheduled_from"), required(row, "created_at"),
				row.getObject("created_by", UUID.class), required(row, "updated_at"), row.getLong("version"));
	}

	private static Instant required(ResultSet row, String column) throws SQLException {
		return row.getTimestamp(column).toInstant();
	}

	static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
