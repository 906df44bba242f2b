package dev.clinicflow.scheduling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;

/**
 * A booking or lifecycle step refused because of the state of the schedule: the problem
 * response carries a stable code and what stood in the way (the conflicting appointment,
 * the full window, the current status).
 */
public class BookingConflict extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Map<String, Object> details;

	BookingConflict(HttpStatus status, String code, String message, Map<String, Object> details) {
		super(message);
		this.status = status;
		this.code = code;
		this.details = details;
	}

	static BookingConflict slotTaken(Optional<UUID> conflicting, Slot slot) {
		return new BookingConflict(HttpStatus.CONFLICT, "slot_taken",
				"The doctor already has an appointment at this time.", details(conflicting, slot));
	}

	static BookingConflict patientBusy(Optional<UUID> conflicting, Slot slot) {
		return new BookingConflict(HttpStatus.CONFLICT, "patient_busy",
				"The patient already has an appointment at this time.", details(conflicting, slot));
	}

	static BookingConflict windowFull(UUID carId, Slot window) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("carId", carId);
		details.put("window", Map.of("start", window.start(), "end", window.end()));
		return new BookingConflict(HttpStatus.CONFLICT, "window_full", "The car has no place left in this window.",
				details);
	}

	static BookingConflict series(List<AppointmentSeries.SeriesConflict> conflicts) {
		return new BookingConflict(HttpStatus.CONFLICT, "series_conflict",
				conflicts.size()
						+ " of the series' dates cannot be booked; nothing was booked. `conflicts` lists them.",
				Map.of("conflicts", conflicts));
	}

	static BookingConflict overlapOnMerge(UUID sourceAppointmentId, UUID targetAppointmentId) {
		return new BookingConflict(HttpStatus.CONFLICT, "appointments_overlap",
				"Both records hold overlapping appointments; cancel one of them before merging.",
				Map.of("sourceAppointmentId", sourceAppointmentId, "targetAppointmentId", targetAppointmentId));
	}

	static BookingConflict invalidTransition(AppointmentView appointment, AppointmentStatus wanted) {
		return new BookingConflict(HttpStatus.CONFLICT, "invalid_transition",
				"An appointment that is " + appointment.status() + " cannot become " + wanted + ".",
				Map.of("currentStatus", appointment.status(), "appointmentId", appointment.id()));
	}

	static BookingConflict tooEarlyForNoShow(AppointmentView appointment) {
		return new BookingConflict(HttpStatus.CONFLICT, "not_started",
				"The appointment has not started yet; a patient can only miss it afterwards.",
				Map.of("currentStatus", appointment.status(), "start", appointment.start()));
	}

	static BookingConflict cancellationCutoff(AppointmentView appointment, long cutoffMinutes) {
		return new BookingConflict(HttpStatus.CONFLICT, "cancellation_cutoff",
				"Appointments can be cancelled online up to " + cutoffMinutes
						+ " minutes before they start; please call the clinic.",
				Map.of("start", appointment.start(), "cutoffMinutes", cutoffMinutes));
	}

	private static Map<String, Object> details(Optional<UUID> conflicting, Slot slot) {
		Map<String, Object> details = new LinkedHashMap<>();
		conflicting.ifPresent((id) -> details.put("conflictingAppointmentId", id));
		details.put("requested", Map.of("start", slot.start(), "end", slot.end()));
		return details;
	}

	/**
	 * Returns the HTTP status.
	 * @return the status
	 */
	public HttpStatus status() {
		return this.status;
	}

	/**
	 * Returns the problem code.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Returns what stood in the way, as problem properties.
	 * @return the details
	 */
	public Map<String, Object> details() {
		return this.details;
	}

}
