package dev.clinicflow.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A request for recurring appointments: the first one, as for a single booking, and how
 * it repeats.
 *
 * @param patientId the patient
 * @param doctorId the doctor, for clinic visits
 * @param carId the car, for home collections
 * @param start when the first appointment starts
 * @param date for home collections without {@code start}: the day of the first window
 * @param window for home collections without {@code start}: the window's local start
 * @param type the doctor's appointment type code
 * @param exams exams to collect or to bring
 * @param reason why the patient comes
 * @param notes notes for the staff
 * @param recurrence how the appointments repeat
 */
public record SeriesInput(@NotNull UUID patientId, @Nullable UUID doctorId, @Nullable UUID carId,
		@Nullable Instant start, @Nullable LocalDate date,
		@Nullable @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]",
				message = "must be a local time HH:mm such as 07:00") String window,
		@Nullable @Size(max = 50) String type, @Nullable @Size(max = 50) List<@NotBlank @Size(max = 100) String> exams,
		@Nullable @Size(max = 1000) String reason, @Nullable @Size(max = 10000) String notes,
		@NotNull @Valid Recurrence recurrence) {

	/** The booking of one occurrence. */
	AppointmentInput at(Instant occurrence) {
		return new AppointmentInput(this.patientId, this.doctorId, this.carId, occurrence, null, null, this.type,
				this.exams, this.reason, this.notes);
	}

	/** The booking of the first occurrence, as given. */
	AppointmentInput first() {
		return new AppointmentInput(this.patientId, this.doctorId, this.carId, this.start, this.date, this.window,
				this.type, this.exams, this.reason, this.notes);
	}

}
