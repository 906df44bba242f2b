package dev.clinicflow.patients;

/**
 * How a patient can be reached.
 */
public enum ContactType {

	/** Mobile phone (SMS). */
	MOBILE,
	/** Landline. */
	PHONE,
	/** WhatsApp number. */
	WHATSAPP,
	/** E-mail address. */
	EMAIL;

	boolean isPhone() {
		return this != EMAIL;
	}

}
