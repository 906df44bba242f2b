package dev.clinicflow.patients;

import java.util.UUID;

/**
 * A module's part of a patient's complete profile and data export (appointments,
 * documents, claims, medications…). A module that stores something about patients
 * declares a bean of this type; the registry asks every one of them, so new modules plug
 * in without changing this one.
 */
public interface PatientProfileSection {

	/**
	 * Names the section in the profile, such as {@code appointments}.
	 * @return the section name
	 */
	String name();

	/**
	 * Returns this module's data about a patient. Called inside the reading transaction,
	 * in the patient's tenant.
	 * @param patientId the patient
	 * @return a JSON-serialisable value
	 */
	Object contentFor(UUID patientId);

}
