package dev.clinicflow.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A recorded absence.
 *
 * @param id the entry's id
 * @param resourceId the doctor or car
 * @param allDay whether it was given as whole days
 * @param from the first whole day, for whole days
 * @param to the last whole day, for whole days
 * @param start when it starts (for whole days, the first day's midnight in the clinic's
 * time zone)
 * @param end when it ends, excluded
 * @param reason why, if given
 * @param createdAt when it was recorded
 * @param createdBy who recorded it
 */
public record TimeOffView(UUID id, UUID resourceId, boolean allDay, @Nullable LocalDate from, @Nullable LocalDate to,
		Instant start, Instant end, @Nullable String reason, Instant createdAt, @Nullable UUID createdBy) {
}
