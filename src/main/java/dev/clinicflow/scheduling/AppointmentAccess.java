package dev.clinicflow.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.patients.PatientDirectory;
import dev.clinicflow.patients.PatientDirectory.PatientCard;
import dev.clinicflow.shared.CurrentActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with an appointment beyond their role: ADMIN and STAFF everything; a
 * DOCTOR their own appointments; a DRIVER the visits of the car they drive; a PATIENT
 * their own appointments (book, read, confirm, cancel before the clinic's cutoff).
 */
@Component
class AppointmentAccess {

	private final JdbcClient jdbc;

	private final PatientDirectory patients;

	private final SchedulingSettings settings;

	AppointmentAccess(JdbcClient jdbc, PatientDirectory patients, SchedulingSettings settings) {
		this.jdbc = jdbc;
		this.patients = patients;
		this.settings = settings;
	}

	static boolean staff() {
		return CurrentActor.hasRole("ADMIN") || CurrentActor.hasRole("STAFF");
	}

	void requireMayBookFor(PatientCard patient, @Nullable UUID doctorId) {
		if (staff()) {
			return;
		}
		UUID caller = CurrentActor.requireUserId();
		if (CurrentActor.hasRole("PATIENT") && caller.equals(patient.userId())) {
			return;
		}
		if (CurrentActor.hasRole("DOCTOR") && doctorId != null
				&& doctorUser(doctorId).filter(caller::equals).isPresent()) {
			return;
		}
		throw new AccessDeniedException("Not allowed to book this appointment");
	}

	void requireMayRead(AppointmentView appointment) {
		if (!staff() && !concerns(appointment)) {
			throw new AccessDeniedException("Not one of the caller's appointments");
		}
	}

	void requireMayChange(AppointmentView appointment, AppointmentStatus status) {
		if (staff()) {
			return;
		}
		if (!concerns(appointment)) {
			throw new AccessDeniedException("Not one of the caller's appointments");
		}
		boolean allowed = CurrentActor.hasRole("DOCTOR")
				|| (CurrentActor.hasRole("DRIVER") && (status == AppointmentStatus.CHECKED_IN
						|| status == AppointmentStatus.COMPLETED || status == AppointmentStatus.NO_SHOW))
				|| (CurrentActor.hasRole("PATIENT")
						&& (status == AppointmentStatus.CONFIRMED || status == AppointmentStatus.CANCELLED));
		if (!allowed) {
			throw new AccessDeniedException("This role may not make this change");
		}
	}

	/** Patients cancel online only until the clinic's cutoff before the start. */
	void requireBeforeCancellationCutoff(AppointmentView appointment, Instant now) {
		if (staff() || !CurrentActor.hasRole("PATIENT")) {
			return;
		}
		int cutoff = this.settings.current().patientCancellationCutoffMinutes();
		if (now.plus(Duration.ofMinutes(cutoff)).isAfter(appointment.start())) {
			throw BookingConflict.cancellationCutoff(appointment, cutoff);
		}
	}

	/**
	 * Tells whether the appointment is the caller's own: their patient record, their
	 * doctor profile, or the car they drive.
	 */
	private boolean concerns(AppointmentView appointment) {
		UUID caller = CurrentActor.requireUserId();
		if (CurrentActor.hasRole("PATIENT")) {
			return this.patients.find(appointment.patientId())
				.map(PatientCard::userId)
				.filter(caller::equals)
				.isPresent();
		}
		if (CurrentActor.hasRole("DOCTOR") && appointment.doctorId() != null) {
			return doctorUser(appointment.doctorId()).filter(caller::equals).isPresent();
		}
		if (CurrentActor.hasRole("DRIVER") && appointment.carId() != null) {
			return carDriver(appointment.carId()).filter(caller::equals).isPresent();
		}
		return false;
	}

	/**
	 * The condition that narrows an appointment list to what the caller may see, over
	 * appointments aliased {@code a} with the parameter {@code :scopeId}; empty for
	 * staff.
	 */
	Optional<Scope> listScope() {
		if (staff()) {
			return Optional.empty();
		}
		UUID caller = CurrentActor.requireUserId();
		if (CurrentActor.hasRole("PATIENT")) {
			return Optional.of(new Scope("a.patient_id = :scopeId",
					this.patients.findByUser(caller).map(PatientCard::id).orElse(new UUID(0, 0))));
		}
		if (CurrentActor.hasRole("DOCTOR")) {
			return Optional.of(new Scope(
					"a.resource_id in (select d.id from scheduling.doctors d where d.user_id = :scopeId)", caller));
		}
		if (CurrentActor.hasRole("DRIVER")) {
			return Optional.of(new Scope(
					"a.resource_id in (select c.id from scheduling.cars c where c.driver_user_id = :scopeId)", caller));
		}
		return Optional.of(new Scope("false", caller));
	}

	/** A list condition and the id it compares with. */
	record Scope(String condition, UUID scopeId) {
	}

	Optional<UUID> doctorUser(UUID doctorId) {
		return this.jdbc.sql("select user_id from scheduling.doctors where id = ? and user_id is not null")
			.param(doctorId)
			.query(UUID.class)
			.optional();
	}

	private Optional<UUID> carDriver(UUID carId) {
		return this.jdbc.sql("select driver_user_id from scheduling.cars where id = ? and driver_user_id is not null")
			.param(carId)
			.query(UUID.class)
			.optional();
	}

}
