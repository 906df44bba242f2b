package dev.clinicflow.patients;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.patients.PatientParts.Address;
import dev.clinicflow.patients.PatientParts.Contact;
import dev.clinicflow.patients.PatientParts.HealthPlan;
import dev.clinicflow.patients.PatientParts.Preferences;

/**
 * A patient record as clients read it.
 *
 * @param id the patient id
 * @param fullName civil name
 * @param socialName preferred name
 * @param cpf CPF, 11 digits
 * @param birthDate date of birth
 * @param gender administrative gender
 * @param email e-mail
 * @param contacts phones (E.164) and e-mails
 * @param address address and coordinates
 * @param healthPlan health insurance
 * @param tags labels
 * @param conditions pre-existing conditions
 * @param allergies allergies
 * @param notes notes
 * @param preferences contact preferences
 * @param analytics appointment figures, kept current by scheduling
 * @param userId the PATIENT account linked to this record
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version the version, also the ETag
 * @param deletedAt when it was deleted, if it was
 * @param mergedInto the record this one was merged into, if it was
 */
public record PatientView(UUID id, String fullName, @Nullable String socialName, @Nullable String cpf,
		@Nullable LocalDate birthDate, @Nullable Gender gender, @Nullable String email, List<Contact> contacts,
		@Nullable Address address, @Nullable HealthPlan healthPlan, List<String> tags, List<String> conditions,
		List<String> allergies, @Nullable String notes, @Nullable Preferences preferences, Analytics analytics,
		@Nullable UUID userId, Instant createdAt, Instant updatedAt, long version, @Nullable Instant deletedAt,
		@Nullable UUID mergedInto) {

	/**
	 * Appointment figures.
	 *
	 * @param totalAppointments all appointments ever booked
	 * @param completed completed visits
	 * @param cancelled cancelled appointments
	 * @param noShows missed appointments
	 * @param noShowRate no-shows over appointments that were due
	 * @param confirmationRate confirmed over reminded
	 * @param lastVisitAt the last completed visit
	 * @param nextAppointmentAt the next booked appointment
	 */
	public record Analytics(int totalAppointments, int completed, int cancelled, int noShows, BigDecimal noShowRate,
			BigDecimal confirmationRate, @Nullable Instant lastVisitAt, @Nullable Instant nextAppointmentAt) {
	}

	/**
	 * Returns what a client would write to recreate this record.
	 * @return the writable part
	 */
	public PatientInput input() {
		return new PatientInput(this.fullName, this.socialName, this.cpf, this.birthDate, this.gender, this.email,
				this.contacts, this.address, this.healthPlan, this.tags, this.conditions, this.allergies, this.notes,
				this.preferences);
	}

}
