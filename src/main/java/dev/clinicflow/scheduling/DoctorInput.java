package dev.clinicflow.scheduling;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a client writes about a doctor (creation, and the result of a merge patch).
 *
 * @param userId the doctor's own user account, which must be an active DOCTOR of the
 * clinic; at most one profile per account
 * @param name the name patients see
 * @param specializations free labels such as {@code cardiology}, stored in lower case
 * @param registration the professional registration, such as CRM 12345/SP
 * @param slotMinutes length of a default slot: 5 to 480, a multiple of 5 (default 30)
 * @param appointmentTypes what the doctor offers; codes unique per doctor
 * @param active whether the doctor takes appointments (default true)
 */
public record DoctorInput(@Nullable UUID userId, @NotBlank @Size(max = 200) String name,
		@Nullable @Size(max = 20) List<@NotBlank @Size(max = 100) String> specializations,
		@Nullable @Valid Registration registration, @Nullable @Min(5) @Max(480) Integer slotMinutes,
		@Nullable @Size(max = 50) List<@NotNull @Valid AppointmentType> appointmentTypes, @Nullable Boolean active) {

	/**
	 * A professional registration: the council, its number, and the state that issued it
	 * (for councils organised by state, such as the Brazilian CRM).
	 *
	 * @param council the council's acronym, such as {@code CRM}, {@code CRO} or
	 * {@code COREN}; stored in upper case
	 * @param number the registration number
	 * @param state the two-letter state, such as {@code SP}; absent for national councils
	 */
	public record Registration(@NotBlank @Size(max = 20) String council, @NotBlank @Size(max = 20) String number,
			@Nullable @Pattern(regexp = "[A-Za-z]{2}",
					message = "must be a two-letter state such as SP") String state) {
	}

	/**
	 * A kind of appointment the doctor offers.
	 *
	 * @param code a short identifier unique for the doctor, such as {@code first-visit}
	 * (letters, digits, {@code . _ -}; stored in lower case)
	 * @param name what patients see
	 * @param minutes how long it takes: 5 to 480, a multiple of 5
	 */
	public record AppointmentType(
			@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,49}",
					message = "must be 1 to 50 letters, digits, '.', '_' or '-'") String code,
			@NotBlank @Size(max = 200) String name, @NotNull @Min(5) @Max(480) Integer minutes) {
	}

}
