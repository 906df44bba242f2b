package dev.clinicflow.patients;

/**
 * When a patient prefers appointments.
 */
public enum TimeOfDay {

	/** Before noon. */
	MORNING,
	/** After noon. */
	AFTERNOON,
	/** Any time. */
	ANY

}
