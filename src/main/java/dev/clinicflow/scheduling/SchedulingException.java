package dev.clinicflow.scheduling;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.shared.database.SqlErrors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;

/**
 * Why a scheduling operation was refused because of data already stored.
 */
public class SchedulingException extends RuntimeException {

	private final Reason reason;

	private final @Nullable UUID existingId;

	SchedulingException(Reason reason, String message, @Nullable UUID existingId) {
		super(message);
		this.reason = reason;
		this.existingId = existingId;
	}

	static SchedulingException userHasDoctorProfile(@Nullable UUID doctorId) {
		return new SchedulingException(Reason.DOCTOR_PROFILE_EXISTS, "This user already has a doctor profile.",
				doctorId);
	}

	static SchedulingException registrationTaken(@Nullable UUID doctorId) {
		return new SchedulingException(Reason.REGISTRATION_TAKEN,
				"Another doctor in this clinic has this professional registration.", doctorId);
	}

	static SchedulingException zoneNameTaken(@Nullable UUID zoneId) {
		return new SchedulingException(Reason.ZONE_NAME_TAKEN, "Another zone in this clinic has this name.", zoneId);
	}

	static SchedulingException plateTaken(@Nullable UUID carId) {
		return new SchedulingException(Reason.PLATE_TAKEN, "Another car in this clinic has this plate.", carId);
	}

	static SchedulingException holidayExists(@Nullable UUID holidayId) {
		return new SchedulingException(Reason.HOLIDAY_EXISTS, "This date is already a holiday.", holidayId);
	}

	/**
	 * Answers a unique key broken by a concurrent request like the check that came too
	 * late; any other violation stays what it was.
	 */
	static RuntimeException translate(DataIntegrityViolationException ex) {
		return SqlErrors.violatedConstraint(ex, SqlErrors.UNIQUE_VIOLATION).<RuntimeException>map((constraint) -> {
			return switch (constraint) {
				case "doctors_user_key" -> userHasDoctorProfile(null);
				case "doctors_registration_key" -> registrationTaken(null);
				case "zones_name_key" -> zoneNameTaken(null);
				case "cars_plate_key" -> plateTaken(null);
				case "holidays_date_key" -> holidayExists(null);
				default -> ex;
			};
		}).orElse(ex);
	}

	/**
	 * Returns the reason.
	 * @return why
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Returns the stored record the request conflicts with, when known (a concurrent
	 * request may have taken the value first).
	 * @return its id
	 */
	public @Nullable UUID existingId() {
		return this.existingId;
	}

	/**
	 * The reasons, with their HTTP status and problem code.
	 */
	public enum Reason {

		/** The user is already linked to another doctor profile. */
		DOCTOR_PROFILE_EXISTS(HttpStatus.CONFLICT, "doctor_profile_exists"),
		/** Council, state and number already belong to another doctor. */
		REGISTRATION_TAKEN(HttpStatus.CONFLICT, "registration_taken"),
		/** Zone names are unique per tenant, ignoring case and accents. */
		ZONE_NAME_TAKEN(HttpStatus.CONFLICT, "zone_name_taken"),
		/** Plates are unique per tenant. */
		PLATE_TAKEN(HttpStatus.CONFLICT, "plate_taken"),
		/** One holiday per date. */
		HOLIDAY_EXISTS(HttpStatus.CONFLICT, "holiday_exists");

		private final HttpStatus status;

		private final String code;

		Reason(HttpStatus status, String code) {
			this.status = status;
			this.code = code;
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

	}

}
