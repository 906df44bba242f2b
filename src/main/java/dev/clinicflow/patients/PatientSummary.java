package dev.clinicflow.patients;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A short plain-language summary of a patient, built only from stored data.
 *
 * @param text the summary, in the tenant's language (Portuguese or English)
 * @param language the language of {@code text}
 * @param age age in years, if the birth date is known
 * @param conditions pre-existing conditions
 * @param allergies allergies
 * @param noShowRisk LOW, MEDIUM, HIGH, or UNKNOWN with fewer than three appointments due
 */
public record PatientSummary(String text, String language, @Nullable Integer age, List<String> conditions,
		List<String> allergies, NoShowRisk noShowRisk) {

	/**
	 * How likely the patient is to miss an appointment, from their history.
	 */
	public enum NoShowRisk {

		/** Under 10% missed. */
		LOW,
		/** 10% to 25% missed. */
		MEDIUM,
		/** Over 25% missed. */
		HIGH,
		/** Too little history to tell. */
		UNKNOWN

	}

}
