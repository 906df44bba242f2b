package dev.clinicflow.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An appointment as the API shows it.
 *
 * @param id the appointment
 * @param kind clinic visit or home collection
 * @param patientId the patient
 * @param doctorId the doctor (clinic visits)
 * @param carId the car (home collections)
 * @param start when it starts
 * @param end when it ends (for a car: the end of the window)
 * @param status where it is in its lifecycle
 * @param type the appointment type code, if one was chosen
 * @param exams exams to collect or bring
 * @param reason why the patient comes
 * @param notes notes for the staff
 * @param address where the car goes (home collections), as it was when booked
 * @param zoneId the car zone that covers the address
 * @param confirmation the patient's confirmation
 * @param cancellation who called it off, when and why
 * @param seriesId the recurring series it belongs to
 * @param rescheduledFrom the start it had before its last reschedule
 * @param createdAt when it was booked
 * @param createdBy who booked it
 * @param updatedAt last change
 * @param version version for {@code ETag}
 */
public record AppointmentView(UUID id, AppointmentKind kind, UUID patientId, @Nullable UUID doctorId,
		@Nullable UUID carId, Instant start, Instant end, AppointmentStatus status, @Nullable String type,
		List<String> exams, @Nullable String reason, @Nullable String notes, @Nullable VisitAddress address,
		@Nullable UUID zoneId, Confirmation confirmation, @Nullable Cancellation cancellation, @Nullable UUID seriesId,
		@Nullable Instant rescheduledFrom, Instant createdAt, @Nullable UUID createdBy, Instant updatedAt,
		long version) {

	/** The doctor or the car. */
	UUID resourceId() {
		return (this.doctorId != null) ? this.doctorId : java.util.Objects.requireNonNull(this.carId);
	}

	/**
	 * The patient's confirmation.
	 *
	 * @param status PENDING, CONFIRMED or DECLINED
	 * @param at when the patient answered
	 */
	public record Confirmation(String status, @Nullable Instant at) {
	}

	/**
	 * Who called an appointment off.
	 *
	 * @param at when
	 * @param by the user
	 * @param reason why
	 */
	public record Cancellation(Instant at, @Nullable UUID by, @Nullable String reason) {
	}

	/**
	 * The address of a home visit.
	 *
	 * @param street street
	 * @param number number
	 * @param complement complement
	 * @param neighborhood neighborhood
	 * @param city city
	 * @param state state
	 * @param postalCode postal code
	 * @param lat latitude
	 * @param lon longitude
	 */
	public record VisitAddress(@Nullable String street, @Nullable String number, @Nullable String complement,
			@Nullable String neighborhood, @Nullable String city, @Nullable String state, @Nullable String postalCode,
			@Nullable Double lat, @Nullable Double lon) {
	}

}
