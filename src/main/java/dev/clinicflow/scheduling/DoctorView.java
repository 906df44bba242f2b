package dev.clinicflow.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.scheduling.DoctorInput.AppointmentType;
import dev.clinicflow.scheduling.DoctorInput.Registration;

/**
 * A doctor as staff see it.
 *
 * @param id the doctor's id, which is also its resource id in schedules
 * @param userId the linked user account, if any
 * @param name the name
 * @param specializations lower-case labels
 * @param registration the professional registration, if given
 * @param slotMinutes default slot length
 * @param appointmentTypes what the doctor offers
 * @param active whether the doctor takes appointments
 * @param createdAt when the profile was created
 * @param updatedAt when it was last changed
 * @param version the version, also the {@code ETag}
 */
public record DoctorView(UUID id, @Nullable UUID userId, String name, List<String> specializations,
		@Nullable Registration registration, int slotMinutes, List<AppointmentType> appointmentTypes, boolean active,
		Instant createdAt, Instant updatedAt, long version) {

	DoctorInput input() {
		return new DoctorInput(this.userId, this.name, this.specializations, this.registration, this.slotMinutes,
				this.appointmentTypes, this.active);
	}

	/**
	 * Returns what patients may see of this doctor.
	 * @return the listing
	 */
	public DoctorListing listing() {
		return new DoctorListing(this.id, this.name, this.specializations, this.appointmentTypes);
	}

}
