package dev.clinicflow.scheduling;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.clinicflow.patients.PatientProfileSection;
import dev.clinicflow.patients.PatientReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scheduling's part of the patient registry: appointments in the patient's profile and
 * export, moved along when records are merged.
 */
@Component
class AppointmentsOfPatients implements PatientProfileSection, PatientReferences {

	static final int RECENT = 10;

	private final JdbcClient jdbc;

	private final AppointmentStore store;

	private final Clock clock;

	AppointmentsOfPatients(JdbcClient jdbc, AppointmentStore store, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "appointments";
	}

	/** Upcoming appointments (all) and the latest past ones, with their confirmation. */
	@Override
	public Object contentFor(UUID patientId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<AppointmentView> upcoming = this.jdbc
			.sql("select " + AppointmentStore.COLUMNS + " from scheduling.appointments a where a.patient_id = ?"
					+ " and lower(a.period) >= ? order by lower(a.period), a.id")
			.params(patientId, now)
			.query(this.store::view)
			.list();
		List<AppointmentView> recent = this.jdbc
			.sql("select " + AppointmentStore.COLUMNS + " from scheduling.appointments a where a.patient_id = ?"
					+ " and lower(a.period) < ? order by lower(a.period) desc, a.id desc limit " + RECENT)
			.params(patientId, now)
			.query(this.store::view)
			.list();
		return Map.of("upcoming", upcoming, "recent", recent);
	}

	/**
	 * Moves the source's appointments to the target. Where both records hold overlapping
	 * appointments (often the same visit booked twice) the merge is refused, naming both,
	 * so that the clinic cancels one first: the same person cannot be in two places.
	 */
	@Override
	public void moveReferences(UUID source, UUID target) {
		this.jdbc.sql("""
				select s.id, t.id from scheduling.appointments s
				join scheduling.appointments t on t.patient_id = :target and t.period && s.period
				  and t.status in\s""" + AppointmentStatus.HOLDING_SQL + """
				where s.patient_id = :source and s.status in\s""" + AppointmentStatus.HOLDING_SQL + """
				order by lower(s.period) limit 1""")
			.param("source", source)
			.param("target", target)
			.query((row, n) -> BookingConflict.overlapOnMerge(row.getObject(1, UUID.class),
					row.getObject(2, UUID.class)))
			.optional()
			.ifPresent((conflict) -> {
				throw conflict;
			});
		this.jdbc.sql("update scheduling.appointments set patient_id = ?, version = version + 1 where patient_id = ?")
			.params(target, source)
			.update();
	}

}
