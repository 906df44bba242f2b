package dev.clinicflow.scheduling;

/**
 * The two kinds of appointment the engine books.
 */
public enum AppointmentKind {

	/** A patient sees a doctor at the clinic. */
	CLINIC_VISIT,
	/** A collection car visits the patient at home within a window. */
	HOME_COLLECTION

}
