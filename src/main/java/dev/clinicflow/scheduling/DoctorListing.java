package dev.clinicflow.scheduling;

import java.util.List;
import java.util.UUID;

import dev.clinicflow.scheduling.DoctorInput.AppointmentType;

/**
 * A doctor as patients see it: no account, registration or bookkeeping.
 *
 * @param id the doctor's id
 * @param name the name
 * @param specializations lower-case labels
 * @param appointmentTypes what the doctor offers
 */
public record DoctorListing(UUID id, String name, List<String> specializations,
		List<AppointmentType> appointmentTypes) {
}
