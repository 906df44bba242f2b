package dev.clinicflow.patients;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.clinicflow.patients.PatientParts.Address;
import dev.clinicflow.patients.PatientParts.Contact;
import dev.clinicflow.patients.PatientParts.HealthPlan;
import dev.clinicflow.patients.PatientParts.Preferences;

/**
 * What a client writes about a patient (creation, and the result of applying a merge
 * patch). Ids, analytics and timestamps are the server's.
 *
 * @param fullName the civil name
 * @param socialName the name the patient prefers to be called by
 * @param cpf the Brazilian taxpayer id, with or without punctuation
 * @param birthDate date of birth, not in the future
 * @param gender administrative gender
 * @param email e-mail address
 * @param contacts phones and e-mails, at most one primary per type
 * @param address home address and coordinates
 * @param healthPlan health insurance
 * @param tags free labels such as "diabetic" or "wheelchair"
 * @param conditions pre-existing conditions
 * @param allergies allergies
 * @param notes free notes
 * @param preferences contact preferences
 */
public record PatientInput(@NotBlank @Size(max = 200) String fullName, @Nullable @Size(max = 200) String socialName,
		@Nullable @Size(max = 20) String cpf, @Nullable LocalDate birthDate, @Nullable Gender gender,
		@Nullable @Email @Size(max = 254) String email,
		@Nullable @Size(max = 20) List<@NotNull @Valid Contact> contacts, @Nullable @Valid Address address,
		@Nullable @Valid HealthPlan healthPlan, @Nullable @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags,
		@Nullable @Size(max = 100) List<@NotBlank @Size(max = 200) String> conditions,
		@Nullable @Size(max = 100) List<@NotBlank @Size(max = 200) String> allergies,
		@Nullable @Size(max = 10000) String notes, @Nullable @Valid Preferences preferences) {

	/**
	 * A minimal record: just a name.
	 * @param fullName the name
	 * @return the input
	 */
	public static PatientInput named(String fullName) {
		return new PatientInput(fullName, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

}
