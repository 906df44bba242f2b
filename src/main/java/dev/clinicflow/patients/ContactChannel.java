package dev.clinicflow.patients;

/**
 * The channel a patient prefers for reminders.
 */
public enum ContactChannel {

	/** Text message. */
	SMS,
	/** WhatsApp message. */
	WHATSAPP,
	/** Phone call. */
	PHONE,
	/** E-mail. */
	EMAIL

}
