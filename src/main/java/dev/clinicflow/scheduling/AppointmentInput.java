package dev.clinicflow.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A booking request: a patient with a doctor or a car, at a start instant (for a car, the
 * start of one of its windows).
 *
 * @param patientId the patient
 * @param doctorId the doctor, for a clinic visit
 * @param carId the car, for a home collection
 * @param start when the appointment starts
 * @param date for a home collection without {@code start}: the day of the window
 * @param window for a home collection without {@code start}: the window's local start
 * time, {@code HH:mm}
 * @param type the doctor's appointment type code (its length); the doctor's slot length
 * when absent
 * @param exams exams to collect (home collections) or to bring
 * @param reason why the patient comes
 * @param notes notes for the staff
 */
public record AppointmentInput(@NotNull UUID patientId, @Nullable UUID doctorId, @Nullable UUID carId,
		@Nullable Instant start, @Nullable LocalDate date,
		@Nullable @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]",
				message = "must be a local time HH:mm such as 07:00") String window,
		@Nullable @Size(max = 50) String type, @Nullable @Size(max = 50) List<@NotBlank @Size(max = 100) String> exams,
		@Nullable @Size(max = 1000) String reason, @Nullable @Size(max = 10000) String notes) {
}
