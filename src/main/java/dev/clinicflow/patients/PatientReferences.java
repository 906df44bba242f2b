package dev.clinicflow.patients;

import java.util.UUID;

/**
 * Implemented by modules that refer to patients, so that merges and anonymisation reach
 * their data too. Both run inside the registry's transaction: everything moves, or
 * nothing does.
 */
public interface PatientReferences {

	/**
	 * Moves every reference to {@code source} over to {@code target}.
	 * @param source the record being merged away
	 * @param target the surviving record
	 */
	void moveReferences(UUID source, UUID target);

	/**
	 * Removes what identifies the patient from this module's data, keeping what is needed
	 * for non-identifying aggregates.
	 * @param patientId the patient being anonymised
	 */
	default void anonymize(UUID patientId) {
	}

}
