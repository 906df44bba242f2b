package dev.clinicflow.scheduling;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which appointments to list; every part optional, all combined.
 *
 * @param patientId of this patient
 * @param doctorId with this doctor
 * @param carId with this car
 * @param status in this status
 * @param kind of this kind
 * @param seriesId of this recurring series
 * @param from starting at or after
 * @param to starting before
 * @param limit page size
 * @param cursor where the page starts
 */
public record AppointmentQuery(@Nullable UUID patientId, @Nullable UUID doctorId, @Nullable UUID carId,
		@Nullable AppointmentStatus status, @Nullable AppointmentKind kind, @Nullable UUID seriesId,
		@Nullable Instant from, @Nullable Instant to, @Nullable Integer limit, @Nullable String cursor) {
}
