package dev.clinicflow.patients;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The structured parts of a patient record, shared by what clients write and what they
 * read.
 */
public final class PatientParts {

	private PatientParts() {
	}

	/**
	 * A way to reach the patient.
	 *
	 * @param type phone, mobile, WhatsApp or e-mail
	 * @param value the number (answered in E.164) or address
	 * @param primary whether it is the first to use for its type
	 * @param allowMessages whether reminders may be sent to it
	 */
	public record Contact(@NotNull ContactType type, @NotBlank @Size(max = 254) String value, boolean primary,
			boolean allowMessages) {
	}

	/**
	 * Where the patient lives; home collections go there.
	 *
	 * @param street street
	 * @param number house number
	 * @param complement flat, block
	 * @param neighborhood neighborhood (bairro)
	 * @param city city
	 * @param state state (UF)
	 * @param postalCode postal code (CEP)
	 * @param country country
	 * @param location coordinates
	 */
	public record Address(@Nullable @Size(max = 200) String street, @Nullable @Size(max = 20) String number,
			@Nullable @Size(max = 100) String complement, @Nullable @Size(max = 100) String neighborhood,
			@Nullable @Size(max = 100) String city, @Nullable @Size(max = 50) String state,
			@Nullable @Size(max = 20) String postalCode, @Nullable @Size(max = 60) String country,
			@Nullable @Valid Location location) {
	}

	/**
	 * Coordinates in degrees.
	 *
	 * @param lat latitude, -90 to 90
	 * @param lon longitude, -180 to 180
	 */
	public record Location(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
	}

	/**
	 * The patient's health insurance.
	 *
	 * @param provider the insurer
	 * @param planName the plan
	 * @param memberNumber the card number
	 * @param validUntil last day of validity
	 */
	public record HealthPlan(@Nullable @Size(max = 100) String provider, @Nullable @Size(max = 100) String planName,
			@Nullable @Size(max = 50) String memberNumber, @Nullable LocalDate validUntil) {
	}

	/**
	 * How and when the patient likes to be contacted and seen.
	 *
	 * @param contactChannel preferred channel
	 * @param language preferred language (BCP 47)
	 * @param timeOfDay preferred time of day
	 */
	public record Preferences(@Nullable ContactChannel contactChannel, @Nullable @Size(max = 35) String language,
			@Nullable TimeOfDay timeOfDay) {
	}

}
