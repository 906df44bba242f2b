package dev.clinicflow.patients;

/**
 * Administrative gender, as in FHIR.
 */
public enum Gender {

	/** Female. */
	FEMALE,
	/** Male. */
	MALE,
	/** Other. */
	OTHER,
	/** Not known. */
	UNKNOWN

}
