package dev.clinicflow.scheduling;

/**
 * What happened to an appointment.
 */
public enum AppointmentChange {

	/** Booked. */
	BOOKED,
	/** Confirmed by or for the patient. */
	CONFIRMED,
	/** The patient arrived. */
	CHECKED_IN,
	/** Done. */
	COMPLETED,
	/** Called off. */
	CANCELLED,
	/** The patient did not come. */
	NO_SHOW,
	/** Moved to another time. */
	RESCHEDULED

}
