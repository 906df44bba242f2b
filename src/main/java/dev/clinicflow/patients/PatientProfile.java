package dev.clinicflow.patients;

import java.util.Map;

/**
 * A patient's complete profile: the record and what other modules know about the patient.
 *
 * @param patient the record
 * @param sections each contributing module's part, by section name
 */
public record PatientProfile(PatientView patient, Map<String, Object> sections) {
}
