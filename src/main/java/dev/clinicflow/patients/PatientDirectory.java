package dev.clinicflow.patients;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know of a patient and tell about them, without reading the
 * registry's tables: who the patient is for a booking (not a PHI read of the record, so
 * not audited as one) and the appointment figures scheduling keeps current.
 */
@Service
public class PatientDirectory {

	private final PatientStore store;

	private final JdbcClient jdbc;

	PatientDirectory(PatientStore store, JdbcClient jdbc) {
		this.store = store;
		this.jdbc = jdbc;
	}

	/**
	 * Finds a patient of the current tenant.
	 * @param id the patient
	 * @return the patient's card, also when deleted or merged (see its state)
	 */
	@Transactional(readOnly = true)
	public Optional<PatientCard> find(UUID id) {
		return this.store.find(id).map(PatientCard::of);
	}

	/**
	 * Finds the patient record of a PATIENT user account.
	 * @param userId the account
	 * @return the patient linked to it, if any
	 */
	@Transactional(readOnly = true)
	public Optional<PatientCard> findByUser(UUID userId) {
		return this.store.findByUser(userId).map(PatientCard::of);
	}

	/**
	 * The names to address patients by (social name when given), for lists such as the
	 * day's schedule.
	 * @param ids the patients
	 * @return names by patient id, for the ids the tenant has
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> displayNames(Collection<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		this.jdbc.sql("select id, coalesce(social_name, full_name) from patients.patients where id = any(?)")
			.param(ids.toArray(UUID[]::new))
			.query((row) -> {
				names.put(row.getObject(1, UUID.class), row.getString(2));
			});
		return names;
	}

	/**
	 * Stores a patient's appointment figures, as computed by scheduling.
	 * @param patientId the patient
	 * @param figures the figures
	 */
	@Transactional
	public void recordAppointmentFigures(UUID patientId, AppointmentFigures figures) {
		this.jdbc.sql("""
				update patients.patients set total_appointments = :total, completed_appointments = :completed,
				  cancelled_appointments = :cancelled, no_shows = :noShows, confirmed_appointments = :confirmed,
				  no_show_rate = :noShowRate, confirmation_rate = :confirmationRate, last_visit_at = :lastVisitAt,
				  next_appointment_at = :nextAppointmentAt
				where id = :id""")
			.param("id", patientId)
			.param("total", figures.total())
			.param("completed", figures.completed())
			.param("cancelled", figures.cancelled())
			.param("noShows", figures.noShows())
			.param("confirmed", figures.confirmed())
			.param("noShowRate", rate(figures.noShows(), figures.completed() + figures.noShows()))
			.param("confirmationRate", rate(figures.confirmed(), figures.total() - figures.cancelled()))
			.param("lastVisitAt", timestamp(figures.lastVisitAt()))
			.param("nextAppointmentAt", timestamp(figures.nextAppointmentAt()))
			.update();
	}

	private static BigDecimal rate(int part, int whole) {
		return (whole <= 0) ? BigDecimal.ZERO
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	/**
	 * A patient as a booking sees them.
	 *
	 * @param id the patient
	 * @param fullName name
	 * @param socialName preferred name, if any
	 * @param address home address, with coordinates when known
	 * @param userId the patient's own account, if linked
	 * @param deleted whether the record is deleted
	 * @param mergedInto the surviving record, when merged
	 */
	public record PatientCard(UUID id, String fullName, @Nullable String socialName,
			PatientParts.@Nullable Address address, @Nullable UUID userId, boolean deleted, @Nullable UUID mergedInto) {

		static PatientCard of(PatientView patient) {
			return new PatientCard(patient.id(), patient.fullName(), patient.socialName(), patient.address(),
					patient.userId(), patient.deletedAt() != null, patient.mergedInto());
		}

		/**
		 * Tells whether appointments may be booked for the patient.
		 * @return true when neither deleted nor merged
		 */
		public boolean active() {
			return !this.deleted && this.mergedInto == null;
		}

		/**
		 * Returns the name to address the patient by.
		 * @return the social name when given, else the full name
		 */
		public String displayName() {
			return (this.socialName != null) ? this.socialName : this.fullName;
		}

	}

	/**
	 * A patient's appointments, counted.
	 *
	 * @param total every appointment booked
	 * @param completed completed
	 * @param cancelled cancelled
	 * @param noShows missed
	 * @param confirmed confirmed by the patient
	 * @param lastVisitAt the last completed visit
	 * @param nextAppointmentAt the next appointment that holds its slot
	 */
	public record AppointmentFigures(int total, int completed, int cancelled, int noShows, int confirmed,
			@Nullable Instant lastVisitAt, @Nullable Instant nextAppointmentAt) {
	}

}
